// Highlighter front end. The article is built from text nodes only (never parsed as HTML); highlights
// are drawn by wrapping text nodes in <mark> elements, so overlapping spans nest. Offsets to and
// from Python are code points; the DOM counts UTF-16 units: `Text` converts at the boundary.

import { commandView, enterFromCell, h, kbd, listen, notebookKey, notebookKeysHint, toCell, uniqueId } from "./common.js";

const WORD_CHAR = /^[\p{L}\p{N}\p{M}_]$/u;
const JOINERS = new Set(["'", "\u2019", "-", "\u2010", ".", ","]);
const BORDER = { solid: "solid", dashed: "dashed", dotted: "dotted", double: "double", wavy: "double" };

/** The article text with code point <-> UTF-16 conversions and the word rules of kit/selection.py. */
export class Text {
  constructor(text) {
    this.text = text;
    this.chars = Array.from(text);
    const n = this.chars.length;
    this.length = n;
    this.units = new Uint32Array(n + 1);
    let u = 0;
    for (let i = 0; i < n; i++) {
      this.units[i] = u;
      u += this.chars[i].length;
    }
    this.units[n] = u;
    this._word = null;
    this._words = null;
  }
  /** UTF-16 offset of code point `cp`. */
  toUnits(cp) {
    return this.units[Math.max(0, Math.min(cp, this.length))];
  }
  /** Code point offset of UTF-16 offset `unit` (inside a surrogate pair: round down, or up). */
  toCodePoint(unit, roundUp = false) {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.units[mid] <= unit) lo = mid;
      else hi = mid - 1;
    }
    return roundUp && this.units[lo] < unit ? lo + 1 : lo;
  }
  slice(start, end) {
    return this.text.slice(this.toUnits(start), this.toUnits(end));
  }
  isWord(i) {
    if (!this._word) {
      this._word = new Uint8Array(this.length);
      for (let k = 0; k < this.length; k++) this._word[k] = WORD_CHAR.test(this.chars[k]) ? 1 : 0;
    }
    return i >= 0 && i < this.length && this._word[i] === 1;
  }
  insideWord(i) {
    if (i <= 0 || i >= this.length) return false;
    const a = this.chars[i - 1];
    const b = this.chars[i];
    if (this.isWord(i - 1) && this.isWord(i)) return true;
    if (JOINERS.has(a) && this.isWord(i)) return this.isWord(i - 2);
    if (JOINERS.has(b) && this.isWord(i - 1)) return this.isWord(i + 1);
    return false;
  }
  isSpace(i) {
    return /^\s$/u.test(this.chars[i]);
  }
  /** [start, end) widened to whole words, trimmed of white space; null when it holds no word. */
  snap(start, end) {
    start = Math.max(0, Math.min(start, end));
    end = Math.min(this.length, Math.max(start, end));
    while (start < end && this.isSpace(start)) start++;
    while (end > start && this.isSpace(end - 1)) end--;
    while (this.insideWord(start)) start--;
    while (this.insideWord(end)) end++;
    for (let i = start; i < end; i++) if (this.isWord(i)) return [start, end];
    return null;
  }
  /** Every word as [start, end), in order (computed once). */
  words() {
    if (this._words) return this._words;
    const out = [];
    let i = 0;
    while (i < this.length) {
      if (!this.isWord(i)) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < this.length && (this.isWord(j) || this.insideWord(j))) j++;
      while (j > i + 1 && !this.isWord(j - 1)) j--;
      out.push([i, j]);
      i = j;
    }
    this._words = out;
    return out;
  }
  /** Index of the word at or after code point `cp` (the last word if none). */
  wordAt(cp) {
    const w = this.words();
    let lo = 0;
    let hi = w.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (w[mid][1] <= cp) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Wrap the part [uStart, uEnd) (UTF-16 units within `container`'s text) in elements from make(). */
export function wrapRange(container, uStart, uEnd, make) {
  if (uEnd <= uStart) return [];
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const nodes = [];
  let pos = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = n.data.length;
    if (pos + len > uStart && pos < uEnd) nodes.push([n, pos]);
    pos += len;
    if (pos >= uEnd) break;
  }
  const made = [];
  for (let [n, ns] of nodes) {
    if (ns < uStart) {
      n = n.splitText(uStart - ns);
      ns = uStart;
    }
    if (ns + n.data.length > uEnd) n.splitText(uEnd - ns);
    const w = make(made.length === 0);
    n.parentNode.insertBefore(w, n);
    w.appendChild(n);
    made.push(w);
  }
  return made;
}

function render({ model, el }) {
  const uid = uniqueId("kit-hl");
  let text = new Text(model.get("text"));
  let paras = model.get("paragraphs");
  let labels = model.get("labels");
  let cursor = null; // {anchor, focus} word indexes, or null
  let editorFor = null; // {ids, suggestionIds, anchorEl}
  const pendingNotes = new Map(); // highlight id -> saves its comment box if it changed
  const timers = [];

  // ------------------------------------------------------------------ skeleton
  const root = h("div", { class: "kit-hl", "data-lm-suppress-shortcuts": "true" });
  const view = commandView(model, "kit-hl", () => article);
  const { title, instructions, undoBtn, redoBtn, warn, live, saving } = view;
  const { send, say, refreshSoon } = view;
  const picker = h("fieldset", { class: "kit-hl-labels" });
  const desc = h("p", { class: "kit-hl-desc", id: `${uid}-desc` });
  // `plain`: a selector for one answer (a quiz's find question): no label list, no label keys,
  // no suggestions, no edit box; Enter selects and Delete removes.
  const plain = !!model.get("plain");
  const keys = h("p", { class: "kit-hl-keys", id: `${uid}-keys` }, plain ? [
    "Keyboard: ",
    ...kbd("←", "→"), " word · ",
    ...kbd("↑", "↓"), " sentence · ",
    ...kbd("Shift"), " + arrows: select more · ",
    ...kbd("Enter"), " choose these words · ",
    ...kbd("Delete"), " remove · ",
    ...kbd("Ctrl", "Z"), " undo",
  ] : [
    "Keyboard: ",
    ...kbd("←", "→"), " word · ",
    ...kbd("↑", "↓"), " sentence · ",
    ...kbd("Shift"), " + arrows: select more · ",
    ...kbd("1"), "–", ...kbd("9"), " or ", ...kbd("Enter"), " label · ",
    ...kbd("E"), " edit · ",
    ...kbd("Delete"), " remove · ",
    ...kbd("A"), " / ", ...kbd("X"), " accept / reject a suggestion · ",
    ...kbd("Ctrl", "Z"), " undo · ",
    ...kbd("Ctrl", "Shift", "Z"), " redo",
  ]);
  const cellKeys = h("p", { class: "kit-hl-keys kit-hl-cellkeys" }, notebookKeysHint());
  const toolbar = h("div", { class: "kit-hl-toolbar" }, [undoBtn, redoBtn, keys, cellKeys]);
  const sugBar = h("p", { class: "kit-hl-sugbar" });
  const article = h("div", {
    class: "kit-hl-article",
    tabindex: "0",
    role: "region",
    "aria-label": "Article text: select words with the mouse or the keyboard",
    "aria-describedby": `${uid}-keys`,
    "data-kit-entry": "true", // Enter on the cell comes here
  });
  const editor = h("div", { class: "kit-hl-editor", role: "dialog", "aria-label": "Edit highlight", hidden: true });
  if (plain) {
    picker.hidden = true;
    desc.hidden = true;
    root.classList.add("kit-hl-plain");
  }
  root.append(title, instructions, picker, desc, toolbar, warn, live, sugBar, article, editor, saving);
  el.append(root);

  // ------------------------------------------------------------------ labels
  function labelIndex(tag) {
    return labels.findIndex((l) => l.tag === tag);
  }

  function colourOf(tag) {
    const i = labelIndex(tag);
    return i >= 0 ? labels[i] : { colour: "#999999", line: "dotted", name: tag, key: "" };
  }

  function drawPicker() {
    const current = model.get("label");
    const radios = labels.map((l) => {
      const input = h("input", { type: "radio", name: `${uid}-label`, value: l.tag });
      input.checked = l.tag === current;
      input.addEventListener("change", () => {
        model.set("label", l.tag);
        model.save_changes();
        drawDesc();
      });
      const chip = h("label", { class: "kit-hl-chip", title: l.description }, [
        input,
        h("span", { class: "kit-hl-swatch", "aria-hidden": "true" }),
        l.key ? h("kbd", { text: l.key }) : "",
        ` ${l.name}`,
      ]);
      chip.style.setProperty("--kit-c", l.colour);
      chip.style.setProperty("--kit-line", BORDER[l.line] || "solid");
      return chip;
    });
    picker.replaceChildren(h("legend", { text: "Label for new highlights" }), ...radios);
    drawDesc();
  }

  function drawDesc() {
    const l = labels.find((x) => x.tag === model.get("label"));
    desc.textContent = l && l.description ? `${l.name}: ${l.description}` : "";
    for (const input of picker.querySelectorAll("input")) input.checked = input.value === model.get("label");
  }

  // ------------------------------------------------------------------ article
  const ptexts = [];

  function buildArticle() {
    ptexts.length = 0;
    const blocks = paras.map((p, i) => {
      const ptext = h("span", { class: "kit-hl-ptext" });
      ptext.dataset.p = String(i);
      ptexts.push(ptext);
      const kids = [];
      if (p.number) kids.push(h("span", { class: "kit-hl-pn", "aria-hidden": "true", text: String(p.number) }));
      kids.push(ptext);
      return h("p", { class: `kit-hl-p kit-hl-${p.role}` }, kids);
    });
    article.replaceChildren(...blocks);
    paras.forEach((_, i) => drawParagraph(i));
  }

  function paragraphOf(cp) {
    let lo = 0;
    let hi = paras.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (paras[mid].start <= cp) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  function paragraphsBetween(start, end) {
    const out = [];
    if (!paras.length) return out;
    for (let i = paragraphOf(start); i < paras.length && paras[i].start < Math.max(end, start + 1); i++) out.push(i);
    return out;
  }

  function cursorSpan() {
    if (!cursor) return null;
    const w = text.words();
    if (!w.length) return null;
    const a = Math.min(cursor.anchor, cursor.focus);
    const b = Math.max(cursor.anchor, cursor.focus);
    return [w[a][0], w[b][1]];
  }

  // While the mouse button is down in the article a selection is being made: redrawing its
  // paragraphs now (a save coming back, another tab's work) would destroy it. Wait for mouseup.
  let dragging = false;
  const deferred = new Set();

  function drawParagraph(i) {
    if (dragging) {
      deferred.add(i);
      return;
    }
    const p = paras[i];
    const el2 = ptexts[i];
    if (!el2) return;
    el2.replaceChildren(document.createTextNode(text.slice(p.start, p.end)));
    const base = text.toUnits(p.start);
    const local = (cp) => text.toUnits(Math.max(p.start, Math.min(cp, p.end))) - base;
    const inside = (s) => s.start < p.end && s.end > p.start;
    const spans = model.get("spans").filter(inside).sort((a, b) => a.start - b.start || b.end - a.end);
    for (const s of spans) {
      const look = colourOf(s.label);
      const name = look.name + (s.comment ? ` (your comment: ${s.comment})` : "");
      wrapRange(el2, local(s.start), local(s.end), (first) => {
        const m = document.createElement("mark");
        m.className = "kit-hl-mark";
        m.dataset.id = s.id;
        m.title = name;
        m.style.setProperty("--kit-c", look.colour);
        m.style.setProperty("--kit-line", BORDER[look.line] || "solid");
        if (first && s.start >= p.start && !plain) m.dataset.badge = look.key || "•";
        if (s.comment) m.classList.add("kit-hl-commented");
        return m;
      });
    }
    for (const s of model.get("suggestions").filter(inside)) {
      const look = colourOf(s.label);
      wrapRange(el2, local(s.start), local(s.end), (first) => {
        const m = document.createElement("span");
        m.className = "kit-hl-sugg";
        m.dataset.sid = s.id;
        m.title = `Suggestion: ${look.name}. Click to accept or reject.`;
        m.style.setProperty("--kit-c", look.colour);
        if (first && s.start >= p.start) m.dataset.badge = "?";
        return m;
      });
    }
    const c = cursorSpan();
    if (c && c[0] < p.end && c[1] > p.start) {
      wrapRange(el2, local(c[0]), local(c[1]), () => h("span", { class: "kit-hl-cursor" }));
    }
    for (const m of el2.querySelectorAll("mark")) {
      let depth = 0;
      for (let a = m.parentElement; a && a !== el2; a = a.parentElement) if (a.tagName === "MARK") depth++;
      if (depth) m.classList.add(`kit-hl-d${Math.min(depth, 3)}`);
    }
  }

  function redrawSpans(oldList, newList) {
    const touched = new Set();
    const key = (s) => `${s.id}|${s.start}|${s.end}|${s.label}|${s.comment || ""}`;
    const before = new Set((oldList || []).map(key));
    const after = new Set((newList || []).map(key));
    for (const s of oldList || []) if (!after.has(key(s))) paragraphsBetween(s.start, s.end).forEach((i) => touched.add(i));
    for (const s of newList || []) if (!before.has(key(s))) paragraphsBetween(s.start, s.end).forEach((i) => touched.add(i));
    touched.forEach(drawParagraph);
  }

  // ------------------------------------------------------------------ mouse
  function pointToCp(node, offset, roundUp) {
    const start = node.nodeType === 1 ? node : node.parentElement;
    const ptext = start && start.closest(".kit-hl-ptext");
    if (ptext && article.contains(ptext)) {
      const i = Number(ptext.dataset.p);
      const r = document.createRange();
      r.setStart(ptext, 0);
      r.setEnd(node, offset);
      const units = text.toUnits(paras[i].start) + r.toString().length;
      return Math.min(paras[i].end, text.toCodePoint(units, roundUp));
    }
    // between paragraphs, on a paragraph number, or outside the article: the nearest text edge
    const probe = document.createRange();
    probe.setStart(node, offset);
    for (let i = 0; i < ptexts.length; i++) {
      if (probe.comparePoint(ptexts[i], 0) >= 0) return paras[i].start;
    }
    return text.length;
  }

  function onMouseDown(e) {
    if (e.button === 0) dragging = true;
  }

  function endDrag() {
    if (!dragging) return;
    dragging = false;
    const waiting = [...deferred];
    deferred.clear();
    waiting.forEach(drawParagraph);
  }

  function onMouseUp() {
    setTimeout(() => {
      const rootNode = el.getRootNode();
      const sel = (rootNode.getSelection && rootNode.getSelection()) || window.getSelection();
      if (!sel || sel.isCollapsed || !sel.rangeCount) return endDrag();
      const range = sel.getRangeAt(0);
      if (!article.contains(range.commonAncestorContainer) && !range.intersectsNode(article)) {
        return endDrag();
      }
      const a = pointToCp(range.startContainer, range.startOffset, false);
      const b = pointToCp(range.endContainer, range.endOffset, true);
      endDrag();
      const snapped = text.snap(a, b);
      sel.removeAllRanges();
      if (!snapped) {
        say("That selection holds no words: select at least one word.", true);
        return;
      }
      setCursor(wordsOf(snapped), false);
      applyLabel(model.get("label"), snapped);
      article.focus({ preventScroll: true });
    }, 0);
  }

  function onClick(e) {
    const rootNode = el.getRootNode();
    const sel = (rootNode.getSelection && rootNode.getSelection()) || window.getSelection();
    if (sel && !sel.isCollapsed) return;
    const target = e.target.nodeType === 1 ? e.target : e.target.parentElement;
    const ids = [];
    const sids = [];
    for (let a = target; a && a !== article; a = a.parentElement) {
      if (a.dataset && a.dataset.id && !ids.includes(a.dataset.id)) ids.push(a.dataset.id);
      if (a.dataset && a.dataset.sid && !sids.includes(a.dataset.sid)) sids.push(a.dataset.sid);
    }
    if ((ids.length || sids.length) && !plain) openEditor(ids, sids, target);
    else closeEditor(false);
    // a click also puts the keyboard cursor on the word clicked
    if (document.caretRangeFromPoint) {
      const r = document.caretRangeFromPoint(e.clientX, e.clientY);
      if (r && article.contains(r.startContainer)) {
        const cp = pointToCp(r.startContainer, r.startOffset, false);
        const wi = text.wordAt(cp);
        setCursor({ anchor: wi, focus: wi }, false);
      }
    }
  }

  // ------------------------------------------------------------------ editing
  function spansAt(span) {
    const all = model.get("spans").filter((s) => s.start < span[1] && s.end > span[0]);
    return all.sort((a, b) => {
      const ea = a.start === span[0] && a.end === span[1] ? 0 : 1;
      const eb = b.start === span[0] && b.end === span[1] ? 0 : 1;
      return ea - eb || a.end - a.start - (b.end - b.start);
    });
  }

  function suggestionsAt(span) {
    return model.get("suggestions").filter((s) => s.start < span[1] && s.end > span[0]);
  }

  function applyLabel(tag, span) {
    if (!span) {
      say("Select some words first: click in the article and use the arrow keys, or drag the mouse.", true);
      return;
    }
    const same = model.get("spans").find((s) => s.start === span[0] && s.end === span[1]);
    say(`Saving “${quote(text.slice(span[0], span[1]))}”…`);
    if (same) send({ cmd: "relabel", id: same.id, label: tag });
    else send({ cmd: "add", start: span[0], end: span[1], label: tag });
  }

  function quote(s, n = 60) {
    return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
  }

  function openEditor(ids, sids, anchorEl) {
    saveNotes();
    const spans = model.get("spans");
    const sugg = model.get("suggestions");
    const items = [];
    for (const id of ids) {
      const s = spans.find((x) => x.id === id);
      if (!s) continue;
      const select = h("select", { "aria-label": "Label" });
      for (const l of labels) {
        const o = h("option", { value: l.tag, text: l.name });
        o.selected = l.tag === s.label;
        select.append(o);
      }
      select.addEventListener("change", () => send({ cmd: "relabel", id: s.id, label: select.value }));
      const note = h("textarea", { rows: "2", "aria-label": "Comment" });
      note.value = s.comment || "";
      // A comment is saved like every other edit: on "Save comment", and when the box loses the
      // focus (change), the editor closes (Close, Escape, a click elsewhere) or the view goes.
      let sent = (s.comment || "").trim();
      const saveNote = () => {
        const now = note.value.trim();
        if (now === sent) return;
        sent = now;
        send({ cmd: "comment", id: s.id, comment: now });
      };
      note.addEventListener("change", saveNote);
      pendingNotes.set(s.id, saveNote);
      const save = h("button", { type: "button", class: "kit-hl-btn", onclick: saveNote }, ["Save comment"]);
      const del = h("button", { type: "button", class: "kit-hl-btn kit-hl-danger", onclick: () => { pendingNotes.delete(s.id); send({ cmd: "remove", id: s.id }); closeEditor(true); } }, ["Delete highlight"]);
      items.push(
        h("div", { class: "kit-hl-edit-item" }, [
          h("p", { class: "kit-hl-edit-quote", text: `“${quote(text.slice(s.start, s.end), 120)}”` }),
          h("label", {}, ["Label ", select]),
          h("label", { class: "kit-hl-note" }, ["Comment ", note]),
          h("div", { class: "kit-hl-row" }, [save, del]),
        ])
      );
    }
    for (const id of sids) {
      const s = sugg.find((x) => x.id === id);
      if (!s) continue;
      const look = colourOf(s.label);
      items.push(
        h("div", { class: "kit-hl-edit-item" }, [
          h("p", { class: "kit-hl-edit-quote", text: `“${quote(text.slice(s.start, s.end), 120)}”` }),
          h("p", { text: `Suggested label: ${look.name}.${s.comment ? " " + s.comment : ""}` }),
          h("div", { class: "kit-hl-row" }, [
            h("button", { type: "button", class: "kit-hl-btn", onclick: () => { send({ cmd: "accept", id: s.id }); closeEditor(true); } }, ["Accept"]),
            h("button", { type: "button", class: "kit-hl-btn", onclick: () => { send({ cmd: "reject", id: s.id }); closeEditor(true); } }, ["Reject"]),
          ]),
        ])
      );
    }
    if (!items.length) return closeEditor(false);
    const close = h("button", { type: "button", class: "kit-hl-btn", onclick: () => closeEditor(true) }, ["Close"]);
    editor.replaceChildren(...items, close);
    editor.hidden = false;
    editorFor = { ids, sids };
    const rootRect = root.getBoundingClientRect();
    const rect = (anchorEl && anchorEl.getBoundingClientRect && anchorEl.getBoundingClientRect()) || article.getBoundingClientRect();
    editor.style.top = `${rect.bottom - rootRect.top + 6}px`;
    editor.style.left = `${Math.max(0, Math.min(rect.left - rootRect.left, rootRect.width - 340))}px`;
    const first = editor.querySelector("select, button");
    if (first) first.focus({ preventScroll: true });
  }

  /** Save the comments typed in the open editor (unless their highlight is gone). */
  function saveNotes() {
    const spans = model.get("spans");
    for (const [id, saveNote] of pendingNotes) if (spans.some((s) => s.id === id)) saveNote();
    pendingNotes.clear();
  }

  function closeEditor(refocus) {
    saveNotes();
    if (editor.hidden) return;
    editor.hidden = true;
    editor.replaceChildren();
    editorFor = null;
    if (refocus) article.focus({ preventScroll: true });
  }

  editor.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      closeEditor(true);
    }
  });

  // ------------------------------------------------------------------ keyboard
  function setCursor(next, announce = true) {
    const old = cursorSpan();
    cursor = next;
    const now = cursorSpan();
    const touched = new Set();
    if (old) paragraphsBetween(old[0], old[1]).forEach((i) => touched.add(i));
    if (now) paragraphsBetween(now[0], now[1]).forEach((i) => touched.add(i));
    touched.forEach(drawParagraph);
    if (now && announce) {
      const words = text.slice(now[0], now[1]);
      const on = spansAt(now).map((s) => colourOf(s.label).name);
      const sug = suggestionsAt(now).length && !plain ? " There is a suggestion here: press A to accept or X to reject." : "";
      say(`${quote(words, 120)}${on.length ? ` (highlighted: ${on.join(", ")})` : ""}.${sug}`);
      const elc = article.querySelector(".kit-hl-cursor");
      if (elc && elc.scrollIntoView) elc.scrollIntoView({ block: "nearest", inline: "nearest" });
    }
  }

  /** The cursor (first and last word indexes) covering a [start, end) span. */
  function wordsOf(span) {
    const w = text.words();
    const a = text.wordAt(span[0]);
    let b = text.wordAt(span[1] - 1);
    if (b > a && w[b][0] >= span[1]) b--;
    return { anchor: a, focus: Math.max(a, b) };
  }

  function sentenceIndex(cp) {
    const sents = model.get("sentences");
    let lo = 0;
    let hi = sents.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sents[mid][0] <= cp) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  function moveBySentence(dir, extend) {
    const sents = model.get("sentences");
    const w = text.words();
    if (!sents.length || !w.length) return;
    const focusCp = w[cursor ? cursor.focus : 0][0];
    let si = sentenceIndex(focusCp);
    if (extend) {
      // extend the selection to the end (or start) of this sentence, then of the next one
      const s = sents[si];
      let target = dir > 0 ? text.wordAt(s[1] - 1) : text.wordAt(s[0]);
      if (w[target][0] >= s[1]) target = Math.max(0, target - 1);
      if (target === cursor.focus) {
        si = Math.max(0, Math.min(sents.length - 1, si + dir));
        const s2 = sents[si];
        target = dir > 0 ? text.wordAt(s2[1] - 1) : text.wordAt(s2[0]);
        if (w[target][0] >= s2[1]) target = Math.max(0, target - 1);
      }
      setCursor({ anchor: cursor.anchor, focus: target });
      return;
    }
    si = Math.max(0, Math.min(sents.length - 1, si + dir));
    const wi = text.wordAt(sents[si][0]);
    setCursor({ anchor: wi, focus: wi }, false);
    say(sentenceWords(si));
    const elc = article.querySelector(".kit-hl-cursor");
    if (elc && elc.scrollIntoView) elc.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  /** What moving to sentence `si` reads out: where it is, as numbered on the page, and its start. */
  function sentenceWords(si) {
    const sents = model.get("sentences");
    const [start, end] = sents[si];
    const pi = paragraphOf(start);
    const p = paras[pi];
    let k = 1;
    for (let j = si - 1; j >= 0 && sents[j][0] >= p.start; j--) k++;
    const role = p.role ? p.role.charAt(0).toUpperCase() + p.role.slice(1) : "Paragraph";
    const where = p.number ? `Paragraph ${p.number}, sentence ${k}` : `${role}, sentence ${k}`;
    return `${where}: ${quote(text.slice(start, end).replace(/\s+/g, " ").trim(), 90)}`;
  }

  function onKeyDown(e) {
    const w = text.words();
    const ctrl = e.ctrlKey || e.metaKey;
    let handled = true;
    const k = e.key;
    if (k === "Enter" && e.shiftKey && !ctrl && !e.altKey) {
      if (notebookKey(e, root)) return;
      handled = false;
    } else if (ctrl && (k === "z" || k === "Z")) send({ cmd: e.shiftKey ? "redo" : "undo" });
    else if (ctrl && (k === "y" || k === "Y")) send({ cmd: "redo" });
    else if (ctrl || e.altKey) handled = false;
    else if (!w.length) handled = false;
    else if (k === "ArrowRight" || k === "ArrowLeft") {
      const dir = k === "ArrowRight" ? 1 : -1;
      if (!cursor) setCursor({ anchor: 0, focus: 0 });
      else if (e.shiftKey) setCursor({ anchor: cursor.anchor, focus: Math.max(0, Math.min(w.length - 1, cursor.focus + dir)) });
      else {
        const from = dir > 0 ? Math.max(cursor.anchor, cursor.focus) : Math.min(cursor.anchor, cursor.focus);
        const wi = Math.max(0, Math.min(w.length - 1, from + dir));
        setCursor({ anchor: wi, focus: wi });
      }
    } else if (k === "ArrowDown" || k === "ArrowUp") {
      if (!cursor) setCursor({ anchor: 0, focus: 0 });
      else moveBySentence(k === "ArrowDown" ? 1 : -1, e.shiftKey);
    } else if (k === "Home" || k === "End") {
      const wi = k === "Home" ? 0 : w.length - 1;
      setCursor({ anchor: e.shiftKey && cursor ? cursor.anchor : wi, focus: wi });
    } else if (plain && /^[1-9aAxXeE]$/.test(k)) {
      handled = false; // no labels to pick, no suggestions, no edit box
    } else if (/^[1-9]$/.test(k)) {
      const l = labels.find((x) => x.key === k);
      if (l) {
        model.set("label", l.tag);
        model.save_changes();
        drawDesc();
        applyLabel(l.tag, cursorSpan());
      } else say(`There is no label ${k}.`, true);
    } else if (k === "Enter" && !e.shiftKey) {
      applyLabel(model.get("label"), cursorSpan());
    } else if (k === "Delete" || k === "Backspace") {
      // the kernel picks which highlight: it has seen every earlier edit, this view may not yet
      const span = cursorSpan();
      if (span) send({ cmd: "remove_at", start: span[0], end: span[1] });
    } else if (k === "e" || k === "E") {
      const span = cursorSpan();
      const ids = span ? spansAt(span).map((s) => s.id) : [];
      const sids = span ? suggestionsAt(span).map((s) => s.id) : [];
      if (ids.length || sids.length) openEditor(ids, sids, article.querySelector(".kit-hl-cursor"));
      else say("There is no highlight here to edit.", true);
    } else if (k === "a" || k === "A" || k === "x" || k === "X") {
      const span = cursorSpan();
      const found = span ? suggestionsAt(span) : [];
      if (found.length) send({ cmd: k.toLowerCase() === "a" ? "accept" : "reject", id: found[0].id });
      else say("There is no suggestion here.", true);
    } else if (k === "Escape") {
      if (!editor.hidden) closeEditor(true);
      else {
        // out of the widget, back to its cell (JupyterLab's command mode), as Escape does there
        setCursor(null, false);
        if (!toCell(root)) article.blur();
      }
    } else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  }

  function onRootKeyDown(e) {
    if (e.target === article) return;
    if (notebookKey(e, root)) return; // Escape: to the cell; Shift+Enter: run it and go on
    // undo/redo from anywhere in the widget except text fields
    if (e.target.closest(".kit-hl-editor textarea")) return;
    const ctrl = e.ctrlKey || e.metaKey;
    if (ctrl && (e.key === "z" || e.key === "Z")) {
      send({ cmd: e.shiftKey ? "redo" : "undo" });
      e.preventDefault();
      e.stopPropagation();
    }
  }

  // ------------------------------------------------------------------ wiring
  function drawSugBar() {
    const n = model.get("suggestions").length;
    sugBar.hidden = n === 0;
    sugBar.textContent = n
      ? `${n} suggestion${n === 1 ? "" : "s"} to check (dotted outline, marked ?): click one, or move onto it and press A to accept or X to reject.`
      : "";
  }

  article.addEventListener("mousedown", onMouseDown);
  article.addEventListener("mouseup", onMouseUp);
  // a drag that ends outside the article still ends
  const onWindowMouseUp = () => setTimeout(endDrag, 0);
  window.addEventListener("mouseup", onWindowMouseUp);
  article.addEventListener("click", onClick);
  article.addEventListener("keydown", onKeyDown);
  root.addEventListener("keydown", onRootKeyDown);
  root.addEventListener("focusin", refreshSoon);

  let shownSpans = model.get("spans");
  let shownSuggestions = model.get("suggestions");
  const rebuild = () => {
    text = new Text(model.get("text"));
    paras = model.get("paragraphs");
    cursor = null;
    buildArticle();
  };
  const unlisten = listen(model, {
    ...view.handlers,
    "change:spans": () => {
      const now = model.get("spans");
      redrawSpans(shownSpans, now);
      shownSpans = now;
      if (editorFor && !editorFor.sids.length && !editorFor.ids.some((id) => now.some((s) => s.id === id))) {
        closeEditor(false);
      }
    },
    "change:suggestions": () => {
      const now = model.get("suggestions");
      redrawSpans(shownSuggestions, now);
      shownSuggestions = now;
      drawSugBar();
    },
    "change:label": drawDesc,
    "change:labels": () => {
      labels = model.get("labels");
      drawPicker();
      buildArticle();
    },
    "change:text": rebuild,
    "change:paragraphs": rebuild,
  });

  enterFromCell();
  view.draw();
  drawPicker();
  drawSugBar();
  buildArticle();
  root.dataset.ready = "true";

  return () => {
    saveNotes();
    unlisten();
    view.dispose();
    timers.forEach(clearTimeout);
    window.removeEventListener("mouseup", onWindowMouseUp);
  };
}

export default { render };
