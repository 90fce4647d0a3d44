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
  // The SLA badges' time left or overdue, counted on in the browser every 30 s (the server renders when SLAs change).
  const ticker = setInterval(() => {
    if (!list.isConnected) {
      clearInterval(ticker);
      return;
    }
    tickSla(list);
  }, 30_000);
  // Tells tests (and styles) that the shortcuts are live; the listener is set up just after the first render.
  list.dataset.shortcuts = "on";
  return {
    dispose: () => {
      document.removeEventListener("keydown", onKeyDown);
      clearInterval(ticker);
      delete list.dataset.shortcuts;
    },
  };
}

// Keeps the row the cursor is on in sight when j/k move it past the edge of the window.
export function reveal(list) {
  list.querySelector("[data-testid=inbox-row].focused")?.scrollIntoView({ block: "nearest" });
}

function format(template, ...values) {
  return values.reduce((text, value, i) => text.replace(`{${i}}`, String(value)), template || "");
}

function duration(list, ms) {
  const minutes = Math.max(0, Math.ceil(ms / 60_000));
  if (minutes < 60) return format(list.dataset.minutes, minutes);
  if (minutes < 24 * 60) return format(list.dataset.hours, Math.floor(minutes / 60), minutes % 60);
  return format(list.dataset.days, Math.floor(minutes / (24 * 60)), Math.floor((minutes % (24 * 60)) / 60));
}

// Updates each badge's text node in place (Blazor keeps its reference to it), with the formats the server rendered.
export function tickSla(list, now = Date.now()) {
  for (const time of list.querySelectorAll(".aw-sla-time[data-due]")) {
    const text = time.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) continue;
    const left = Number(time.dataset.due) - now;
    const value = left > 0 ? format(list.dataset.left, duration(list, left)) : format(list.dataset.overdue, duration(list, -left));
    if (text.nodeValue !== value) text.nodeValue = value;
  }
}
