// Shared by the kit's anywidget front ends: kit/widgets/front_end.py puts this file before each
// widget's own script, so both define nothing of their own for building elements or for talking to
// Python. Text goes into the page as textContent only.

const ACK_TIMEOUT_MS = 5000;

// JupyterLab (Lumino) tests a shortcut's selector on the focused element itself before it looks
// for data-lm-suppress-shortcuts on the ancestors: every control we make carries the mark, or a
// key the widget does not use ("b", "d d", "m") would insert, delete or convert notebook cells.
const FOCUSABLE = new Set(["input", "select", "textarea", "button", "summary"]);

function h(tag, props = {}, children = []) {
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

const NOT_SAVED =
  "Not saved: the notebook is not answering. Wait a moment and try again, or re-run the " +
  "cell (everything saved before comes back).";

/**
 * Commands to Python that must be acknowledged: each carries a number, Python's `status` echoes
 * it back; no answer within ACK_TIMEOUT_MS (or no kernel at all) says "Not saved" at once.
 * `say(message, isError)` and `showWarnings(list)` are the widget's own.
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
