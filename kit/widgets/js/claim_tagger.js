// ClaimTagger front end: a list of sentences (a listbox) and, for the chosen sentence, the claim
// type, check-worthiness, who makes the claim and a note. Text goes in as textContent only.

import { commandView, enterFromCell, h, kbd, listen, notebookKey, notebookKeysHint, uniqueId } from "./common.js";

const NOTE_IDLE_MS = 800;

function isTextField(target) {
  return !!target.closest("textarea, select, input[type=text]");
}

function render({ model, el }) {
  const uid = uniqueId("kit-ct");
  let current = 0;
  let noteTimer = null;

  const root = h("div", { class: "kit-ct", "data-lm-suppress-shortcuts": "true" });
  const view = commandView(model, "kit-ct", () => list);
  const { title, instructions, undoBtn, redoBtn, warn, live, saving } = view;
  const { send, say, refreshSoon } = view;
  const progress = h("p", { class: "kit-ct-progress" });
  // Shown when the teacher has a claim key: what the key says about each tagged sentence, and why.
  const checkBtn = h("button", { type: "button", class: "kit-ct-btn kit-ct-check", onclick: () => send({ cmd: "check" }) }, ["Check my tags"]);
  checkBtn.hidden = !model.get("checkable");
  const keys = h("p", { class: "kit-ct-keys", id: `${uid}-keys` }, [
    "Keyboard: ", ...kbd("↑", "↓"), " or ", ...kbd("J", "K"), " next / previous sentence · ",
    ...kbd("1"), "–", ...kbd("7"), " claim type · ",
    ...kbd("Y"), " ", ...kbd("M"), " ", ...kbd("N"), " worth checking · ",
    ...kbd("C"), " who makes it · ", ...kbd("Enter"), " write a note (", ...kbd("Esc"), " back) · ",
    ...kbd("Ctrl", "Z"), " undo",
  ]);
  const cellKeys = h("p", { class: "kit-ct-keys" }, notebookKeysHint());
  const list = h("div", {
    class: "kit-ct-list",
    role: "listbox",
    tabindex: "0",
    "data-kit-entry": "true", // Enter on the cell comes here
    "aria-label": "Sentences of the article",
    "aria-describedby": `${uid}-keys`,
  });
  const panel = h("div", { class: "kit-ct-panel", role: "group", "aria-label": "Tags for the chosen sentence" });
  root.append(
    title, instructions,
    h("div", { class: "kit-ct-toolbar" }, [undoBtn, redoBtn, checkBtn, progress]),
    keys, cellKeys, warn, live,
    h("div", { class: "kit-ct-body" }, [list, panel]),
    saving,
  );
  el.append(root);

  // ------------------------------------------------------------------ messages
  function setField(field, value, sentence = current) {
    send({ cmd: "set", sentence, field, value });
  }

  // ------------------------------------------------------------------ list
  const options = [];
  function tagsOf(i) {
    return (model.get("tags") || {})[String(i)] || {};
  }
  function nameOf(list2, value) {
    const l = list2.find((x) => x.value === value);
    return l ? l.name : "";
  }
  function summary(i) {
    const t = tagsOf(i);
    const bits = [nameOf(model.get("claim_types"), t.claim), nameOf(model.get("worth"), t.checkworthy), t.claimant, t.note ? "note" : ""];
    return bits.filter(Boolean).join(" · ");
  }

  function buildList() {
    options.length = 0;
    const items = model.get("sentences").map((s, i) => {
      const chips = h("span", { class: "kit-ct-chips" });
      const opt = h("div", { class: "kit-ct-option", role: "option", id: `${uid}-s${i}`, "aria-selected": "false" }, [
        h("span", { class: "kit-ct-where", text: s.where }),
        h("span", { class: "kit-ct-text", text: s.text }),
        chips,
      ]);
      opt.addEventListener("click", () => choose(i, false));
      options.push({ opt, chips });
      return opt;
    });
    list.replaceChildren(...items);
    items.forEach((_, i) => drawChips(i));
  }

  function drawChips(i) {
    const o = options[i];
    if (!o) return;
    const text = summary(i);
    o.chips.textContent = text ? text : "not tagged yet";
    o.opt.classList.toggle("kit-ct-done", !!tagsOf(i).claim);
  }

  function drawProgress() {
    const n = model.get("sentences").length;
    const done = model.get("sentences").filter((_, i) => tagsOf(i).claim).length;
    progress.textContent = `${done} of ${n} sentences have a claim type.`;
  }

  function choose(i, announce = true) {
    const n = model.get("sentences").length;
    if (!n) return;
    flushNote();
    current = Math.max(0, Math.min(n - 1, i));
    options.forEach((o, k) => o.opt.setAttribute("aria-selected", k === current ? "true" : "false"));
    list.setAttribute("aria-activedescendant", `${uid}-s${current}`);
    options[current].opt.scrollIntoView({ block: "nearest" });
    drawPanel();
    if (announce) {
      const s = model.get("sentences")[current];
      say(`${s.where} (${current + 1} of ${n}): ${s.text} ${summary(current) ? "Tagged: " + summary(current) + "." : "Not tagged yet."}`);
    }
  }

  // ------------------------------------------------------------------ panel
  let noteField = null;
  let feedbackBox = null;
  function drawFeedback() {
    checkBtn.hidden = !model.get("checkable");
    if (!feedbackBox) return;
    const said = (model.get("feedback") || {})[String(current)];
    feedbackBox.hidden = !said;
    feedbackBox.replaceChildren(...(said ? [h("strong", { text: "Your teacher's key: " }), said] : []));
  }
  let claimantSelect = null;
  function radios(name, legend, labels, field, value, hintKeys) {
    const set = h("fieldset", { class: "kit-ct-radios" }, [h("legend", { text: legend })]);
    labels.forEach((l, k) => {
      const input = h("input", { type: "radio", name: `${uid}-${name}`, value: l.value });
      input.checked = l.value === value;
      input.addEventListener("change", () => setField(field, l.value));
      const swatch = h("span", { class: "kit-ct-swatch", "aria-hidden": "true" });
      swatch.style.setProperty("--kit-c", l.colour);
      set.append(
        h("label", { class: "kit-ct-choice", title: l.description }, [
          input, swatch, ...kbd(hintKeys[k] || ""), ` ${l.name}`,
          h("span", { class: "kit-ct-help", text: l.description }),
        ])
      );
    });
    const clear = h("button", { type: "button", class: "kit-ct-link", onclick: () => setField(field, "") }, ["Clear"]);
    set.append(clear);
    return set;
  }

  function drawPanel() {
    const s = model.get("sentences")[current];
    if (!s) {
      panel.replaceChildren(h("p", { text: "There are no sentences to tag." }));
      return;
    }
    const t = tagsOf(current);
    const hint = (model.get("hints") || {})[String(current)];
    claimantSelect = h("select", { id: `${uid}-claimant` });
    fillClaimants(t);
    claimantSelect.addEventListener("change", () => setField("claimant", claimantSelect.value));
    noteField = h("textarea", { id: `${uid}-note`, rows: "3" });
    noteField.value = t.note || "";
    noteField.dataset.saved = noteField.value;
    noteField.dataset.sentence = String(current);
    noteField.addEventListener("input", () => {
      clearTimeout(noteTimer);
      noteTimer = setTimeout(flushNote, NOTE_IDLE_MS);
    });
    noteField.addEventListener("blur", flushNote);
    const parts = [
      h("p", { class: "kit-ct-where", text: `${s.where} (${current + 1} of ${model.get("sentences").length})` }),
      h("blockquote", { class: "kit-ct-sentence", text: s.text }),
      (feedbackBox = h("div", { class: "kit-ct-feedback", role: "note" })),
      radios("claim", "What kind of claim is it?", model.get("claim_types"), "claim", t.claim, model.get("claim_types").map((l) => l.key)),
      radios("worth", "Is it worth checking?", model.get("worth"), "checkworthy", t.checkworthy, ["Y", "M", "N"]),
      h("label", { class: "kit-ct-field", for: `${uid}-claimant` }, ["Who makes the claim? ", ...kbd("C")]),
      claimantSelect,
      h("label", { class: "kit-ct-field", for: `${uid}-note` }, ["Your note"]),
      noteField,
    ];
    if (hint && (hint.claim || hint.checkworthy)) {
      const bits = [hint.claim, hint.checkworthy].filter(Boolean).join(", ");
      const why = hint.reasons && hint.reasons.length ? ` Why: ${hint.reasons.join("; ")}.` : "";
      parts.push(h("details", { class: "kit-ct-hint" }, [h("summary", { text: "What does the kit think? (open after you decide)" }), h("p", { text: `${bits}.${why}` })]));
    }
    parts.push(
      h("div", { class: "kit-ct-row" }, [
        h("button", { type: "button", class: "kit-ct-btn", onclick: () => choose(current - 1) }, ["Previous sentence"]),
        h("button", { type: "button", class: "kit-ct-btn", onclick: () => choose(current + 1) }, ["Next sentence"]),
      ])
    );
    panel.replaceChildren(...parts);
    drawFeedback();
  }

  function flushNote() {
    clearTimeout(noteTimer);
    noteTimer = null;
    if (noteField && noteField.value !== noteField.dataset.saved) {
      noteField.dataset.saved = noteField.value;
      setField("note", noteField.value, Number(noteField.dataset.sentence ?? current));
    }
  }

  function fillClaimants(t) {
    const names = [...model.get("claimants")];
    if (t.claimant && !names.includes(t.claimant)) names.push(t.claimant);
    const opts = [h("option", { value: "", text: "— choose —" })];
    for (const name of names) {
      const o = h("option", { value: name, text: name });
      o.selected = name === t.claimant;
      opts.push(o);
    }
    claimantSelect.replaceChildren(...opts);
    claimantSelect.value = t.claimant || "";
  }

  /** Show saved state in the open panel without rebuilding it (keeps focus and typing). */
  function refreshPanel() {
    if (!noteField || !panel.contains(noteField)) return drawPanel();
    const t = tagsOf(current);
    for (const input of panel.querySelectorAll(`input[name="${uid}-claim"]`)) input.checked = input.value === t.claim;
    for (const input of panel.querySelectorAll(`input[name="${uid}-worth"]`)) input.checked = input.value === t.checkworthy;
    fillClaimants(t);
    const saved = t.note || "";
    if (document.activeElement !== noteField && noteField.value === noteField.dataset.saved) noteField.value = saved;
    if (noteField.value === saved) noteField.dataset.saved = saved;
  }

  // ------------------------------------------------------------------ keyboard
  function onKeyDown(e) {
    const ctrl = e.ctrlKey || e.metaKey;
    const k = e.key;
    let handled = true;
    if (k === "Enter" && e.shiftKey) {
      flushNote();
      if (notebookKey(e, root)) return;
    }
    if (ctrl && (k === "z" || k === "Z")) {
      if (isTextField(e.target) && e.target.tagName === "TEXTAREA") return;
      send({ cmd: e.shiftKey ? "redo" : "undo" });
    } else if (ctrl && (k === "y" || k === "Y")) send({ cmd: "redo" });
    else if (ctrl || e.altKey) handled = false;
    else if (e.target.tagName === "TEXTAREA") {
      if (k === "Escape") {
        flushNote();
        list.focus();
      } else handled = false;
    } else if (e.target.tagName === "SELECT") {
      if (k === "Escape") list.focus();
      else handled = false;
    } else if ((k === "ArrowDown" || k === "ArrowUp") && e.target === list) choose(current + (k === "ArrowDown" ? 1 : -1));
    else if (k === "Home" && e.target === list) choose(0);
    else if (k === "End" && e.target === list) choose(model.get("sentences").length - 1);
    else if (k === "j" || k === "J") choose(current + 1);
    else if (k === "k" || k === "K") choose(current - 1);
    else if (/^[1-9]$/.test(k)) {
      const l = model.get("claim_types").find((x) => x.key === k);
      if (l) setField("claim", l.value);
      else handled = false;
    } else if (["y", "m", "n", "Y", "M", "N"].includes(k)) {
      const value = { y: "yes", m: "minor", n: "no" }[k.toLowerCase()];
      if (model.get("worth").some((l) => l.value === value)) setField("checkworthy", value);
    } else if (k === "c" || k === "C") claimantSelect && claimantSelect.focus();
    else if (k === "Enter" && e.target === list) noteField && noteField.focus();
    else if (k === "Escape" && notebookKey(e, root)) return; // back to the cell
    else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  }

  // ------------------------------------------------------------------ wiring
  root.addEventListener("keydown", onKeyDown);
  root.addEventListener("focusin", refreshSoon);
  list.addEventListener("focus", () => {
    if (!list.getAttribute("aria-activedescendant")) choose(current, false);
  });
  const unlisten = listen(model, {
    ...view.handlers,
    "change:tags": () => {
      options.forEach((_, i) => drawChips(i));
      drawProgress();
      refreshPanel();
    },
    "change:claimants": refreshPanel,
    "change:feedback": drawFeedback,
    "change:checkable": drawFeedback,
    "change:hints": drawPanel,
    "change:sentences": () => {
      buildList();
      choose(0, false);
      drawProgress();
    },
  });

  enterFromCell();
  view.draw();
  buildList();
  drawProgress();
  choose(0, false);
  root.dataset.ready = "true";

  return () => {
    flushNote();
    unlisten();
    view.dispose();
  };
}

export default { render };
