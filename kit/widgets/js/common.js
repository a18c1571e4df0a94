// Shared by the kit's anywidget front ends (each widget's file imports what it needs from here;
// `npm run build` bundles both into kit/widgets/static/). Building elements, acknowledged
// commands to Python, and the parts every CommandWidget front end shows. Text goes into the page
// as textContent only.

const ACK_TIMEOUT_MS = 5000;

// JupyterLab (Lumino) tests a shortcut's selector on the focused element itself before it looks
// for data-lm-suppress-shortcuts on the ancestors: every control we make carries the mark, or a
// key the widget does not use ("b", "d d", "m") would insert, delete or convert notebook cells.
const FOCUSABLE = new Set(["input", "select", "textarea", "button", "summary"]);

export function h(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  if (FOCUSABLE.has(tag) || "tabindex" in props) node.setAttribute("data-lm-suppress-shortcuts", "true");
  for (const [k, v] of Object.entries(props)) {
    if (k === "text") node.textContent = v;
    else if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (v !== false && v !== null && v !== undefined) node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) node.append(c);
  return node;
}

/** Key caps: one <kbd> per key. */
export function kbd(...keys) {
  return keys.map((k) => h("kbd", { text: k }));
}

let instances = 0;

/** An id prefix no other widget on the page has (ids tie labels and descriptions to controls). */
export function uniqueId(prefix) {
  return `${prefix}-${++instances}-${Math.random().toString(36).slice(2, 8)}`;
}

/** model.on for each `"change:x": fn` of `handlers`; returns what undoes it. */
export function listen(model, handlers) {
  for (const [event, fn] of Object.entries(handlers)) model.on(event, fn);
  return () => {
    for (const [event, fn] of Object.entries(handlers)) model.off(event, fn);
  };
}

const NOT_SAVED =
  "Not saved: the notebook is not answering. Wait a moment and try again, or re-run the " +
  "cell (everything saved before comes back).";

/**
 * Commands to Python that must be acknowledged: each carries a number, Python's `status` echoes
 * it back; no answer within ACK_TIMEOUT_MS (or no kernel at all) says "Not saved" at once.
 * `say(message, isError)` and `showWarnings(list)` show what happened.
 */
function messenger(model, say, showWarnings) {
  let req = 0;
  let lastRefresh = 0;
  const pending = new Map();
  const notSaved = () => {
    showWarnings([NOT_SAVED]);
    say(NOT_SAVED, true);
  };
  return {
    send(message) {
      const id = ++req;
      message.req = id;
      const timer = setTimeout(() => {
        pending.delete(id);
        notSaved();
      }, ACK_TIMEOUT_MS);
      pending.set(id, timer);
      try {
        model.send(message);
      } catch (err) {
        // the kernel is gone (its connection is closed): say so at once
        clearTimeout(timer);
        pending.delete(id);
        notSaved();
      }
    },
    /** On change:status: the acknowledgement, then the message (unless it is a quiet one). */
    onStatus() {
      const s = model.get("status") || {};
      if (s.req && pending.has(s.req)) {
        clearTimeout(pending.get(s.req));
        pending.delete(s.req);
        showWarnings(model.get("warnings"));
      }
      if (!s.quiet && s.text) say(s.text, s.kind === "error");
    },
    /** Ask Python for the work on disk (another tab may have changed it), at most every 2 s. */
    refreshSoon() {
      const now = Date.now();
      if (now - lastRefresh < 2000) return;
      lastRefresh = now;
      try {
        model.send({ cmd: "refresh" });
      } catch (err) {
        // no kernel: nothing to refresh from; an edit will say so
      }
    },
    dispose() {
      for (const timer of pending.values()) clearTimeout(timer);
    },
  };
}

/**
 * What every front end of a CommandWidget (the Python base class) shows and does, its classes
 * named `${prefix}-title`, `-instructions`, `-btn`, `-warn`, `-live`, `-error` and `-saving`: the
 * heading and instructions, Undo and Redo buttons, the warnings, a status line read out by
 * screen readers, where the work is saved, and the acknowledged commands to Python. The widget
 * places the elements; `handlers` keep them in step with the model's shared traits; `draw()`
 * draws them once. `fallback()`: where the focus goes when the button holding it is disabled.
 */
export function commandView(model, prefix, fallback) {
  const title = h("p", { class: `${prefix}-title` });
  const instructions = h("p", { class: `${prefix}-instructions` });
  const saving = h("p", { class: `${prefix}-saving` });
  const warn = h("div", { class: `${prefix}-warn`, role: "alert" });
  const live = h("div", { class: `${prefix}-live`, role: "status", "aria-live": "polite" });

  function say(message, isError = false) {
    live.textContent = message;
    live.classList.toggle(`${prefix}-error`, !!isError);
  }

  function showWarnings(items) {
    warn.replaceChildren(...(items || []).map((w) => h("p", { text: w })));
    warn.hidden = !(items && items.length);
  }

  const { send, onStatus, refreshSoon, dispose } = messenger(model, say, showWarnings);
  const button = (cmd, text) =>
    h("button", { type: "button", class: `${prefix}-btn`, onclick: () => send({ cmd }) }, [text]);
  const undoBtn = button("undo", "Undo");
  const redoBtn = button("redo", "Redo");

  function drawHeader() {
    title.textContent = model.get("heading");
    title.hidden = !model.get("heading");
    instructions.textContent = model.get("instructions");
    instructions.hidden = !model.get("instructions");
    saving.textContent = model.get("saving");
  }

  function drawButtons() {
    const had = document.activeElement;
    undoBtn.disabled = !model.get("can_undo");
    redoBtn.disabled = !model.get("can_redo");
    // A button disabled under the focus (the last undo) would drop it to the page body and a
    // keyboard user would lose their place: move it to the other button, else to the fallback.
    if ((had === undoBtn || had === redoBtn) && had.disabled) {
      const other = had === undoBtn ? redoBtn : undoBtn;
      (other.disabled ? fallback() : other).focus({ preventScroll: true });
    }
  }

  return {
    title,
    instructions,
    saving,
    warn,
    live,
    undoBtn,
    redoBtn,
    say,
    showWarnings,
    send,
    refreshSoon,
    dispose,
    handlers: {
      "change:status": onStatus,
      "change:warnings": () => showWarnings(model.get("warnings")),
      "change:can_undo": drawButtons,
      "change:can_redo": drawButtons,
      "change:heading": drawHeader,
      "change:instructions": drawHeader,
      "change:saving": drawHeader,
    },
    draw() {
      drawHeader();
      drawButtons();
      showWarnings(model.get("warnings"));
    },
  };
}

// ------------------------------------------------------------------ the notebook's keys
//
// A kit widget flows with JupyterLab's keys. In command mode, Enter on a cell whose output holds
// a kit widget goes into the widget (its element marked data-kit-entry, else its first control)
// instead of into the cell's code: from the next cell, Arrow Up and Enter. Inside the widget,
// Escape goes back to the cell in command mode (the focus on the cell), and Shift+Enter runs the
// cell and moves on, as it does everywhere in a notebook. The widgets' controls carry
// data-lm-suppress-shortcuts (their keys are theirs), so these two are passed on by hand.

const CELL = ".jp-Notebook .jp-Cell";
const ENTRY_CONTROLS = "[data-kit-entry], .kit-keys select, .kit-keys input, .kit-keys textarea, .kit-keys button";

function canFocus(node) {
  return !node.disabled && !node.closest("[hidden]") && node.getClientRects().length > 0;
}

/** The element Enter on `cell` goes to: the first entry (an anywidget's main control, a
 * `kit-keys` widget's first control) of its output that can take the focus. */
function entryOf(cell) {
  const output = cell.querySelector(".jp-Cell-outputWrapper") || cell;
  return [...output.querySelectorAll(ENTRY_CONTROLS)].find(canFocus) || null;
}

function onNotebookKeyDown(e) {
  if (e.key !== "Enter" || e.shiftKey || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
  const cell = e.target;
  if (!(cell instanceof Element) || !cell.matches(CELL) || document.activeElement !== cell) return;
  if (!cell.closest(".jp-Notebook.jp-mod-commandMode")) return;
  const entry = entryOf(cell);
  if (!entry) return;
  e.preventDefault();
  e.stopImmediatePropagation();
  entry.focus();
}

/** Install (once a page) Enter on a kit widget's cell goes into the widget. */
export function enterFromCell() {
  if (window.__kitEnterFromCell) return;
  window.__kitEnterFromCell = true;
  window.addEventListener("keydown", onNotebookKeyDown, true); // before JupyterLab's shortcuts
}

/** Back to the notebook: the focus on the cell holding `node`, in command mode. */
export function toCell(node) {
  const cell = node.closest(CELL);
  if (!cell) return null;
  cell.focus();
  return cell;
}

/** Shift+Enter: back to the cell, then the notebook's own Shift+Enter (run the cell, move on). */
export function runCell(node) {
  const cell = toCell(node);
  if (!cell) return;
  const init = { key: "Enter", code: "Enter", keyCode: 13, which: 13, shiftKey: true, bubbles: true, cancelable: true };
  cell.dispatchEvent(new KeyboardEvent("keydown", init));
}

/** Escape and Shift+Enter inside a widget (true when `e` was one of them and was handled). */
export function notebookKey(e, node) {
  const plainKey = !e.ctrlKey && !e.metaKey && !e.altKey;
  if (!plainKey || e.defaultPrevented || !node.closest(CELL)) return false;
  if (e.key === "Enter" && e.shiftKey) runCell(node);
  else if (e.key === "Escape" && !e.shiftKey) toCell(node);
  else return false;
  e.preventDefault();
  e.stopPropagation();
  return true;
}

/** The hint the widgets show: how to come in, go out and move on. */
export function notebookKeysHint() {
  return [
    "In the notebook: ", ...kbd("Enter"), " on this cell comes in · ",
    ...kbd("Esc"), " back to the cell · ",
    ...kbd("Shift", "Enter"), " run the cell and go on",
  ];
}
