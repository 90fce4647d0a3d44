// Drives the reconnect dialog from .NET 10's components-reconnect-state-changed event. A circuit the server no
// longer knows (a restart) cannot be rejoined: the page reloads and the composer restores its draft from the browser.
const dialog = document.getElementById("components-reconnect-modal");

function show() {
  if (!dialog.open) dialog.showModal();
}

function hide() {
  if (dialog.open) dialog.close();
}

async function rejoin() {
  document.removeEventListener("visibilitychange", rejoinWhenVisible);
  try {
    if (await Blazor.reconnect()) return;
    // The server answered but has no such circuit: resume it from persisted state, or start over.
    if (await Blazor.resumeCircuit()) hide();
    else location.reload();
  } catch {
    // Still unreachable: try again when the agent comes back to the tab.
    document.addEventListener("visibilitychange", rejoinWhenVisible);
  }
}

async function resume() {
  try {
    if (!(await Blazor.resumeCircuit())) location.reload();
  } catch {
    dialog.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
  }
}

async function rejoinWhenVisible() {
  if (document.visibilityState === "visible") await rejoin();
}

dialog.addEventListener("components-reconnect-state-changed", (event) => {
  switch (event.detail.state) {
    case "show": show(); break;
    case "hide": hide(); break;
    case "failed": document.addEventListener("visibilitychange", rejoinWhenVisible); break;
    case "rejected": location.reload(); break;
  }
});
dialog.addEventListener("cancel", (event) => event.preventDefault());
document.getElementById("components-reconnect-button").addEventListener("click", rejoin);
document.getElementById("components-resume-button").addEventListener("click", resume);
document.getElementById("aw-reconnect-reload").addEventListener("click", () => location.reload());
