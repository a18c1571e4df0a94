// Keeps JupyterLab's notebook shortcuts (arrow keys, Enter, letters...) away from the controls of
// a kit widget (any container with the class "kit-keys"), so menus, radio buttons, text boxes and
// buttons get the keys a keyboard user presses.
//
// Lumino skips a key binding when it meets [data-lm-suppress-shortcuts] while walking up from the
// focused element, but it tests the binding's selector (".jp-Notebook.jp-mod-commandMode :focus")
// on the focused element itself first: the mark must be on each control, not only on the quiz.
// Controls appear later (another question shown, options replaced), hence the observer.
const CONTROLS = "select, input, textarea, button, [tabindex], [role=slider]";
const MARK = "data-lm-suppress-shortcuts";

function markAll(root) {
  root.setAttribute(MARK, "true");
  for (const node of root.querySelectorAll(CONTROLS)) {
    if (!node.hasAttribute(MARK)) node.setAttribute(MARK, "true");
  }
}

function render({ el }) {
  let observer = null;
  const start = () => {
    const root = el.closest(".kit-keys");
    if (!root) return false;
    markAll(root);
    observer = new MutationObserver(() => markAll(root));
    observer.observe(root, { childList: true, subtree: true });
    return true;
  };
  if (!start()) requestAnimationFrame(start); // not in the page yet: try once it is
  return () => observer && observer.disconnect();
}

export default { render };
