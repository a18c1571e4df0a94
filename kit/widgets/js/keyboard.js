// Keeps JupyterLab's notebook shortcuts (arrow keys, Enter, letters...) away from the controls of
// a kit widget (any container with the class "kit-keys"), so menus, radio buttons, text boxes and
// buttons get the keys a keyboard user presses.
//
// Lumino skips a key binding when it meets [data-lm-suppress-shortcuts] while walking up from the
// focused element, but it tests the binding's selector (".jp-Notebook.jp-mod-commandMode :focus")
// on the focused element itself first: the mark must be on each control, not only on the quiz.
// Controls appear later (another question shown, options replaced), hence the observer.
//
// It also keeps the focus inside the widget when the focused control is disabled (a quiz's Check
// button once the answer is right): the browser would drop the focus to the page body, and a
// keyboard or screen reader user would lose their place. The focus moves on to the next control
// that can take it (or back to the one before).
//
// And it names answer controls for screen readers: in a box with the class "kit-labelled", the
// element with the class "kit-prompt" (the question) names the text area, the group of radio
// buttons and the list of check boxes. (The radio buttons get no shared `name`: ipywidgets only
// hears clicks, and the arrow keys of a named group would check an option it never hears of.)
//
// And it keeps one live region per status line: an HTML widget with the class "kit-live" (quiz
// feedback and progress, "Saved" lines) gets role=status on its content element, which stays
// while its text changes. Screen readers announce changes to a live region that was already in
// the page; a new role=status element in each update is often not read out.
import { enterFromCell, notebookKey, uniqueId } from "./common.js";

const CONTROLS = "select, input, textarea, button, [tabindex], [role=slider]";
const MARK = "data-lm-suppress-shortcuts";

function markAll(root) {
  root.setAttribute(MARK, "true");
  for (const node of root.querySelectorAll(CONTROLS)) {
    if (!node.hasAttribute(MARK)) node.setAttribute(MARK, "true");
  }
}

function labelAnswers(root) {
  for (const prompt of root.querySelectorAll(".kit-labelled .kit-prompt")) {
    const box = prompt.closest(".kit-labelled");
    if (!prompt.id) prompt.id = uniqueId("kit-prompt");
    const name = (node) => {
      if (node.getAttribute("aria-labelledby") !== prompt.id) node.setAttribute("aria-labelledby", prompt.id);
    };
    const role = (node, value) => {
      if (node.getAttribute("role") !== value) node.setAttribute("role", value);
    };
    for (const area of box.querySelectorAll("textarea")) name(area);
    for (const group of box.querySelectorAll(".widget-radio-box")) {
      role(group, "radiogroup");
      name(group);
    }
    for (const list of box.querySelectorAll(".kit-quiz-option-list")) {
      role(list, "group");
      name(list);
    }
  }
}

function liveRegions(root) {
  for (const widget of root.querySelectorAll(".kit-live")) {
    const region = widget.querySelector(".widget-html-content") || widget;
    if (region.getAttribute("role") !== "status") {
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      region.setAttribute("aria-atomic", "true");
    }
  }
}

function canTakeFocus(node) {
  return !node.disabled && node.tabIndex >= 0 && node.getClientRects().length > 0;
}

/** Focus the control after `lost` in `root` (document order), else the one before it. */
function moveFocusOn(root, lost) {
  const all = [...root.querySelectorAll(CONTROLS)].filter((n) => n === lost || canTakeFocus(n));
  const at = all.indexOf(lost);
  const next = all.slice(at + 1).find((n) => n !== lost) || all.slice(0, Math.max(at, 0)).reverse()[0];
  if (next) next.focus();
}

function render({ el }) {
  let observer = null;
  let root = null;
  let lastFocused = null;
  const onFocusIn = (e) => {
    lastFocused = e.target;
  };
  // Escape: back to the cell; Shift+Enter: run it and go on (JupyterLab's keys, which the
  // controls' data-lm-suppress-shortcuts would otherwise hide)
  const onKeyDown = (e) => notebookKey(e, root);
  const onMutations = (mutations) => {
    markAll(root);
    labelAnswers(root);
    liveRegions(root);
    const lost = lastFocused;
    if (!lost || !mutations.some((m) => m.type === "attributes" && m.target === lost)) return;
    const active = document.activeElement;
    const dropped = !active || active === document.body || active === lost;
    if (lost.disabled && dropped && root.contains(lost)) moveFocusOn(root, lost);
  };
  const start = () => {
    root = el.closest(".kit-keys");
    if (!root) return false;
    markAll(root);
    labelAnswers(root);
    liveRegions(root);
    root.addEventListener("focusin", onFocusIn);
    root.addEventListener("keydown", onKeyDown);
    enterFromCell();
    observer = new MutationObserver(onMutations);
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ["disabled"] });
    return true;
  };
  if (!start()) requestAnimationFrame(start); // not in the page yet: try once it is
  return () => {
    if (observer) observer.disconnect();
    if (root) root.removeEventListener("focusin", onFocusIn);
    if (root) root.removeEventListener("keydown", onKeyDown);
  };
}

export default { render };
