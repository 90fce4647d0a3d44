// Small helpers the workspace calls through JS interop. No inline scripts: the CSP forbids them.
window.agentWorkspace = {
  // Set once the interactive circuit has rendered: tests and styles can tell a live page from a prerendered one.
  markInteractive() {
    document.documentElement.dataset.circuit = "up";
  },
  // Puts text where the caret was in a textarea (or at its end), keeps the caret after it, and returns the new value.
  insertAtCaret(element, text) {
    if (!element) return null;
    const start = element.selectionStart ?? element.value.length;
    const end = element.selectionEnd ?? start;
    const before = element.value.slice(0, start);
    const gap = before.length > 0 && !/\s$/.test(before) ? " " : "";
    element.value = before + gap + text + element.value.slice(end);
    const caret = before.length + gap.length + text.length;
    element.focus();
    element.setSelectionRange(caret, caret);
    return element.value;
  },
};
