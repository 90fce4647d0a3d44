// AgentWorkspace customer widget. Embedded with one script tag:
//   <script src="https://support.example.com/widget/widget.js" async
//           data-position="right" data-color="#3f51b5" data-language="auto"></script>
// It renders inside a shadow root so the host page's CSS cannot reach it, and talks to the
// app only through the customer SignalR hub (customers never hold a Blazor circuit).
import { styles } from "./styles.js";
import { strings, languageOf, serverError } from "./i18n.js";
import { ChatSession } from "./session.js";
import { buildPanel, renderMessages } from "./ui.js";
import { attachSuggestions } from "./suggestions.js";
import { attachSurvey } from "./survey.js";

const MAX_LENGTH = 10000;
const script = document.currentScript;
const origin = script ? new URL(script.src, location.href).origin : location.origin;
const options = readOptions(script ? script.dataset : {});
const language = languageOf(options.language === "auto" ? navigator.language : options.language);
const t = strings(language);

function readOptions(data) {
  return {
    position: data.position === "left" ? "left" : "right",
    // Only a plain colour reaches the stylesheet: nothing from the tag can inject CSS.
    color: /^#[0-9a-f]{3,8}$/i.test(data.color || "") ? data.color : "#3f51b5",
    language: data.language === "en" || data.language === "es" ? data.language : "auto",
    identity: data.identity || null,
  };
}

function mount() {
  const host = document.createElement("div");
  host.id = "agentworkspace-widget";
  host.dataset.position = options.position;
  const root = host.attachShadow({ mode: "open" });
  const style = document.createElement("style");
  style.textContent = styles(options);
  root.appendChild(style);
  const ui = buildPanel(root, t, { maxLength: MAX_LENGTH, verified: !!options.identity });
  document.body.appendChild(host);

  let unread = 0;
  let typingTimer = null;
  let lastTypingSent = 0;

  const session = new ChatSession({
    origin,
    storageKey: `agentworkspace:${origin}`,
    identity: options.identity,
    onState: (state) => {
      host.dataset.state = state;
      render();
    },
    onChange: (message) => {
      if (message && message.author === "agent" && ui.panel.hidden) {
        unread++;
      }
      render();
    },
    onTyping: (typing) => {
      ui.typing.textContent = typing.isTyping ? t.typing(typing.agentName) : "";
      ui.typing.hidden = !typing.isTyping;
    },
    onError: (message, returnedText) => {
      ui.error.textContent = serverError(t, message);
      ui.error.hidden = false;
      if (returnedText && !ui.input.value) ui.input.value = returnedText;
    },
  });

  function render() {
    const inChat = !!session.token;
    ui.start.hidden = inChat;
    ui.chat.hidden = !inChat;
    const offline = !session.agentsAvailable && !inChat;
    // One state line: "connected — we're here to help" is not true when nobody is, so then it says so instead.
    const away = session.state === "connected" && !session.agentsAvailable;
    ui.status.dataset.state = session.state;
    ui.status.dataset.away = String(away);
    ui.status.textContent = away ? t.away : t[session.state];
    ui.intro.textContent = offline ? t.offlineWelcome : t.welcome;
    ui.email.required = offline;
    ui.emailLabel.textContent = offline || !options.identity ? (offline ? t.email : t.emailOptional) : t.email;
    ui.startButton.textContent = offline ? t.leave : t.start;
    ui.start.dataset.mode = offline ? "offline" : "chat";
    const ticket = session.ticket;
    ui.ticket.textContent = ticket ? `${t.ticket(ticket.number)} · ${t.status[ticket.status] || ticket.status}` : "";
    host.dataset.ticket = ticket ? String(ticket.number) : "";
    host.dataset.ticketStatus = ticket ? ticket.status : "";
    renderMessages(ui.messages, session.list, session.outbox, t);
    renderSurvey(session.survey, ticket);
    ui.launcherBadge.hidden = unread === 0;
    ui.launcherBadge.textContent = unread ? String(unread) : "";
    ui.launcher.setAttribute("aria-label", unread ? `${t.open} — ${t.unread(unread)}` : t.open);
  }

  const renderSurvey = attachSurvey({ session, host: ui.surveyBox, t });
  const startSuggestions = attachSuggestions({ session, input: ui.question, box: ui.startSuggestions, t, language });
  const chatSuggestions = attachSuggestions({ session, input: ui.input, box: ui.suggestions, t, language });

  const toggle = (open) => {
    ui.panel.hidden = !open;
    ui.launcher.setAttribute("aria-expanded", String(open));
    if (open) {
      unread = 0;
      render();
      (session.token ? ui.input : ui.name.hidden ? ui.question : ui.name).focus();
    } else {
      ui.launcher.focus();
    }
  };
  ui.launcher.addEventListener("click", () => toggle(ui.panel.hidden));
  ui.close.addEventListener("click", () => toggle(false));
  ui.panel.addEventListener("keydown", (e) => { if (e.key === "Escape") toggle(false); });

  ui.start.addEventListener("submit", async (e) => {
    e.preventDefault();
    ui.startError.hidden = true;
    ui.startButton.disabled = true;
    const offline = ui.start.dataset.mode === "offline";
    try {
      await session.begin({ name: ui.name.value, email: ui.email.value, message: ui.question.value, language }, offline);
      startSuggestions.sent();
      ui.question.value = "";
      if (offline && session.ticket) {
        ui.notice.textContent = t.left(session.ticket.number);
        ui.notice.hidden = false;
      }
      ui.input.focus();
    } catch (err) {
      ui.startError.textContent = serverError(t, (err.message || String(err)).replace(/^.*HubException: /, ""));
      ui.startError.hidden = false;
    } finally {
      ui.startButton.disabled = false;
    }
  });

  const sendDraft = () => {
    const text = ui.input.value.trim();
    if (!text) return;
    if (text.length > MAX_LENGTH) {
      ui.error.textContent = t.tooLong(MAX_LENGTH);
      ui.error.hidden = false;
      return;
    }
    ui.error.hidden = true;
    ui.input.value = "";
    clearTimeout(typingTimer);
    session.typing(false);
    lastTypingSent = 0;
    chatSuggestions.sent();
    session.send(text);
  };
  ui.composer.addEventListener("submit", (e) => { e.preventDefault(); sendDraft(); });
  ui.input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); sendDraft(); }
  });
  ui.input.addEventListener("input", () => {
    // One typing signal every two seconds keeps the agent's indicator alive; it lapses on its own after six.
    const now = Date.now();
    if (ui.input.value && now - lastTypingSent > 2000) {
      lastTypingSent = now;
      session.typing(true);
    }
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => { lastTypingSent = 0; session.typing(false); }, 4000);
  });
  ui.transcript.addEventListener("click", async () => {
    const blob = await session.transcript();
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `ticket-${session.ticketNumber}.txt`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
  ui.newChat.addEventListener("click", () => { session.forget(); ui.notice.hidden = true; ui.name.focus(); });
  window.addEventListener("storage", (e) => { if (e.key === session.storageKey) session.adopt(); });

  render();
  session.start();
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", mount);
} else {
  mount();
}
