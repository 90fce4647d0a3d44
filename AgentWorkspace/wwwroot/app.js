// Small helpers the workspace calls through JS interop. No inline scripts: the CSP forbids them.
window.agentWorkspace = {
  // Set once the interactive circuit has rendered: tests and styles can tell a live page from a prerendered one.
  markInteractive() {
    document.documentElement.dataset.circuit = "up";
  },
};
