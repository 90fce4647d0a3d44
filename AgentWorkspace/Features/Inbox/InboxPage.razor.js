// The inbox's keyboard shortcuts, listened for on the whole page so that j/k work as soon as the inbox is shown,
// without tabbing into the list first. Keys typed into a field, or into an open menu or picker, are left alone.
const shortcuts = new Set(["ArrowDown", "ArrowUp", "j", "k", "Enter", "o", "x", "a"]);

function isTyping(element) {
  if (!(element instanceof Element)) return false;
  if (element.isContentEditable || element.closest("textarea, select, [contenteditable='true']")) return true;
  if (element instanceof HTMLInputElement) {
    return !["checkbox", "radio", "button", "submit", "reset", "range", "color", "file", "image"].includes(element.type);
  }
  return false;
}

export function listen(list, dotNet) {
  const onKeyDown = event => {
    if (!list.isConnected) {
      document.removeEventListener("keydown", onKeyDown);
      return;
    }
    if (!shortcuts.has(event.key) || event.defaultPrevented || event.isComposing || event.ctrlKey || event.altKey || event.metaKey) return;
    const target = event.target;
    if (isTyping(target)) return;
    if (target instanceof Element && target.closest(".mud-popover, [role=dialog], [role=menu], [role=listbox]")) return;
    // Enter keeps its own meaning on links, buttons and form controls (a row's checkbox included).
    if (event.key === "Enter" && target instanceof Element && target.closest("a, button, input, [role=button], [role=tab]")) return;
    event.preventDefault();
    dotNet.invokeMethodAsync("OnShortcutAsync", event.key);
  };
  document.addEventListener("keydown", onKeyDown);
  // Tells tests (and styles) that the shortcuts are live; the listener is set up just after the first render.
  list.dataset.shortcuts = "on";
  return {
    dispose: () => {
      document.removeEventListener("keydown", onKeyDown);
      delete list.dataset.shortcuts;
    },
  };
}

// Keeps the row the cursor is on in sight when j/k move it past the edge of the window.
export function reveal(list) {
  list.querySelector("[data-testid=inbox-row].focused")?.scrollIntoView({ block: "nearest" });
}
