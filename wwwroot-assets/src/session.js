// The conversation's state and its delivery rules, apart from the DOM:
// - the token, ticket number and highest sequence number seen live in localStorage, so a reload or a new tab
//   continues the same conversation;
// - messages are kept by sequence number: duplicates (a push and a resume overlapping) collapse, order is kept;
// - what the customer sends goes into an outbox first (also in localStorage) and leaves it only when the server
//   acknowledged it; after a reconnect the outbox is sent again, in order, with the same client message ids, and the
//   server stores each once.
import { HubConnectionBuilder, HttpTransportType, LogLevel } from "@microsoft/signalr";

const newId = () =>
  (globalThis.crypto && crypto.randomUUID) ? crypto.randomUUID().replace(/-/g, "")
    : Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join("");

// Errors worth retrying later rather than showing as final. The server refuses a message for good (empty, too long, an
// unknown conversation) only by a HubException; everything else is the way there failing and is retried with the same
// client message id, which the server stores once: a socket dropped mid-call ("WebSocket closed with status code:
// 1006" when the server dies), a connection not up yet, a call cut off by a restart. The rate limit is a HubException
// that asks to wait.
const isTransient = (message) => !/HubException: /.test(message || "") || /too fast|wait a few seconds/i.test(message || "");

export class ChatSession {
  constructor({ origin, storageKey, storage = globalThis.localStorage, identity, onChange, onTyping, onError, onState }) {
    this.origin = origin;
    this.storageKey = storageKey;
    this.storage = storage;
    this.identity = identity || null;
    this.onChange = onChange || (() => {});
    this.onTyping = onTyping || (() => {});
    this.onError = onError || (() => {});
    this.onState = onState || (() => {});
    this.survey = null;
    this.messages = new Map(); // seq -> message
    this.ticket = null;
    this.agentsAvailable = true;
    this.state = "connecting";
    this.flushing = null;
    const saved = this.load();
    this.token = saved.token || null;
    this.ticketNumber = saved.ticketNumber || null;
    this.outbox = Array.isArray(saved.outbox) ? saved.outbox : [];
    this.connection = new HubConnectionBuilder()
      .withUrl(`${origin}/hubs/widget`, { withCredentials: false, transport: HttpTransportType.WebSockets | HttpTransportType.LongPolling })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(500 * 2 ** ctx.previousRetryCount, 8000) + Math.random() * 300 })
      .configureLogging(LogLevel.None)
      .build();
    this.connection.on("Message", (m) => this.accept(m));
    this.connection.on("MessageUpdated", (m) => this.accept(m));
    this.connection.on("Ticket", (t) => { this.ticket = t; this.onChange(); });
    this.connection.on("Survey", (s) => { this.survey = s; this.onChange(); });
    this.connection.on("Typing", (t) => this.onTyping(t));
    this.connection.onreconnecting(() => this.setState("connecting"));
    this.connection.onreconnected(() => this.afterConnect());
    this.connection.onclose(() => { this.setState("disconnected"); this.startSoon(); });
  }

  get lastSeq() {
    let max = 0;
    for (const seq of this.messages.keys()) max = Math.max(max, seq);
    return max;
  }

  get list() {
    return [...this.messages.values()].sort((a, b) => a.seq - b.seq);
  }

  async start() {
    try {
      await this.connection.start();
      await this.afterConnect();
    } catch {
      this.setState("disconnected");
      this.startSoon();
    }
  }

  startSoon() {
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => this.start(), 3000);
  }

  async afterConnect() {
    clearTimeout(this.greetTimer);
    try {
      const hello = await this.connection.invoke("Hello");
      this.agentsAvailable = hello.agentsAvailable;
      if (this.token) {
        try {
          await this.resume();
        } catch (e) {
          // A stale token was forgotten (resume said so): the customer is connected and starts afresh.
          if (this.token) throw e;
        }
      }
      this.setState("connected");
      await this.flush();
    } catch (e) {
      this.report(e);
      // The hub is up but the greeting or the resume failed on the way (a restart, a busy database): try again
      // rather than stay "connecting" with the conversation unloaded until the next reconnect.
      if (isTransient(e.message) && this.connection.state === "Connected") {
        this.greetTimer = setTimeout(() => this.afterConnect(), 3000);
      }
    }
  }

  // Picks up a conversation another tab started.
  adopt() {
    const saved = this.load();
    if (!this.token && saved.token) {
      this.token = saved.token;
      this.ticketNumber = saved.ticketNumber;
      if (this.state === "connected") this.resume().catch((e) => this.report(e));
    }
  }

  async resume() {
    const continued = this.ticketNumber != null && this.messages.size > 0;
    try {
      const session = await this.connection.invoke("Resume", this.token, continued ? this.ticketNumber : null, continued ? this.lastSeq : 0);
      this.adoptSession(session);
    } catch (e) {
      if (/does not exist|expired/i.test(e.message || "")) {
        this.forget(); // a stale token: start afresh rather than fail forever
      }
      throw e;
    }
  }

  async begin(form, offline) {
    const clientMessageId = newId();
    const session = await this.connection.invoke(offline ? "LeaveMessage" : "Start", {
      name: form.name, email: form.email, message: form.message, language: form.language,
      clientMessageId, identity: this.identity, pageUrl: location.href.slice(0, 500),
    });
    this.adoptSession(session);
  }

  adoptSession(session) {
    if (!session.continued) this.messages.clear();
    this.token = session.token;
    this.ticket = session.conversation.ticket;
    this.ticketNumber = this.ticket.number;
    for (const m of session.conversation.messages) this.messages.set(m.seq, m);
    this.save();
    this.onChange();
    // A survey may have been sent while the widget was closed: a resolved chat asks for it.
    if (this.ticket.status === "resolved" || this.ticket.status === "closed") this.loadSurvey();
  }

  loadSurvey() {
    if (!this.token || this.connection.state !== "Connected") return;
    this.connection.invoke("Survey", this.token).then((s) => { this.survey = s; this.onChange(); }).catch(() => {});
  }

  answerSurvey(answer) {
    return this.connection.invoke("AnswerSurvey", this.token, answer);
  }

  accept(message) {
    this.messages.set(message.seq, message);
    if (message.clientMessageId) this.outbox = this.outbox.filter((o) => o.clientMessageId !== message.clientMessageId);
    this.save();
    this.onChange(message);
  }

  send(body) {
    this.outbox.push({ clientMessageId: newId(), body, at: new Date().toISOString() });
    this.save();
    this.onChange();
    return this.flush();
  }

  // Sends the outbox oldest first, one at a time, so the order the customer typed is the order stored.
  flush() {
    // .finally runs as a microtask, after the assignment, even when there is nothing to send.
    if (!this.flushing) this.flushing = this.drain().finally(() => { this.flushing = null; });
    return this.flushing;
  }

  async drain() {
    while (this.outbox.length > 0 && this.token && this.connection.state === "Connected") {
      const next = this.outbox[0];
      try {
        const ack = await this.connection.invoke("Send", this.token, next.clientMessageId, next.body);
        this.ticket = ack.ticket;
        this.ticketNumber = ack.ticket.number;
        this.accept(ack.message);
      } catch (e) {
        if (isTransient(e.message)) {
          this.report(e);
          setTimeout(() => this.flush(), 3000);
          return;
        }
        // Refused for good (too long, empty...): give the text back to the customer instead of dropping it.
        this.outbox.shift();
        this.save();
        this.onChange();
        this.report(e, next.body);
      }
    }
  }

  suggest(query, language) {
    return this.connection.invoke("Suggest", query, language);
  }

  // "sent" carries the conversation's token: the server counts a list as sent only in a conversation that exists.
  reportSuggestion(requestId, articleId, outcome) {
    if (this.connection.state === "Connected") {
      this.connection.invoke("SuggestionFeedback", requestId, articleId, outcome, this.token).catch(() => {});
    }
  }

  typing(isTyping) {
    if (this.token && this.connection.state === "Connected") {
      this.connection.invoke("Typing", this.token, isTyping).catch(() => {});
    }
  }

  async transcript() {
    const response = await fetch(`${this.origin}/widget/api/transcript`, { headers: { Authorization: `Bearer ${this.token}` } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.blob();
  }

  forget() {
    this.survey = null;
    this.token = null;
    this.ticket = null;
    this.ticketNumber = null;
    this.messages.clear();
    this.outbox = [];
    this.save();
    this.onChange();
  }

  setState(state) {
    this.state = state;
    this.onState(state);
  }

  report(error, returnedText) {
    this.onError((error && error.message || String(error)).replace(/^.*HubException: /, ""), returnedText);
  }

  load() {
    try {
      return JSON.parse(this.storage.getItem(this.storageKey) || "{}") || {};
    } catch {
      return {};
    }
  }

  save() {
    try {
      this.storage.setItem(this.storageKey, JSON.stringify({ token: this.token, ticketNumber: this.ticketNumber, outbox: this.outbox }));
    } catch {
      // Storage can be full or blocked (private mode): the chat still works for this page.
    }
  }
}
