// AgentWorkspace customer widget. Embedded with one script tag:
//   <script src="https://support.example.com/widget/widget.js" async></script>
// It renders inside a shadow root so the host page's CSS cannot reach it, and talks to the
// app only through the customer SignalR hub (customers never hold a Blazor circuit).
import { HubConnectionBuilder, LogLevel } from "@microsoft/signalr";
import { styles } from "./styles.js";
import { strings } from "./i18n.js";

const script = document.currentScript;
const origin = script ? new URL(script.src, location.href).origin : location.origin;
const t = strings(navigator.language);

function mount() {
  const host = document.createElement("div");
  host.id = "agentworkspace-widget";
  const root = host.attachShadow({ mode: "open" });
  root.innerHTML = `<style>${styles}</style>
    <button class="launcher" type="button" aria-expanded="false" aria-controls="aw-panel"></button>
    <section class="panel" id="aw-panel" role="dialog" aria-label="" hidden>
      <header><span class="title"></span><button class="close" type="button"></button></header>
      <p class="status" role="status" aria-live="polite" data-state="connecting"></p>
    </section>`;
  document.body.appendChild(host);

  const launcher = root.querySelector(".launcher");
  const panel = root.querySelector(".panel");
  const status = root.querySelector(".status");
  launcher.textContent = t.launcher;
  launcher.setAttribute("aria-label", t.open);
  panel.setAttribute("aria-label", t.title);
  root.querySelector(".title").textContent = t.title;
  const close = root.querySelector(".close");
  close.textContent = "×";
  close.setAttribute("aria-label", t.close);

  const toggle = (open) => {
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", String(open));
    (open ? close : launcher).focus();
  };
  launcher.addEventListener("click", () => toggle(panel.hidden));
  close.addEventListener("click", () => toggle(false));
  panel.addEventListener("keydown", (e) => { if (e.key === "Escape") toggle(false); });

  const setState = (state) => {
    status.dataset.state = state;
    status.textContent = t[state];
    host.dataset.state = state;
  };

  const connection = new HubConnectionBuilder()
    .withUrl(`${origin}/hubs/widget`)
    .withAutomaticReconnect()
    .configureLogging(LogLevel.Warning)
    .build();
  connection.onreconnecting(() => setState("connecting"));
  connection.onreconnected(() => setState("connected"));
  connection.onclose(() => setState("disconnected"));

  setState("connecting");
  connection.start()
    .then(() => connection.invoke("Hello"))
    .then(() => setState("connected"))
    .catch(() => setState("disconnected"));
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", mount);
} else {
  mount();
}
