// The widget's DOM. Customer and agent text only ever reaches the page as textContent, or as message HTML the
// server rendered with raw HTML disabled and safe link schemes only.
const el = (tag, attrs = {}, children = []) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "text") node.textContent = value;
    else if (key === "hidden") node.hidden = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.appendChild(child);
  return node;
};

export function buildPanel(root, t, { maxLength, verified }) {
  const ui = {};
  ui.launcherBadge = el("span", { class: "badge", hidden: true, "aria-hidden": "true" });
  ui.launcher = el("button", { class: "launcher", type: "button", "aria-expanded": "false", "aria-controls": "aw-panel", "aria-label": t.open },
    [el("span", { class: "label", text: t.launcher }), ui.launcherBadge]);

  ui.close = el("button", { class: "close", type: "button", "aria-label": t.close, text: "×" });
  ui.ticket = el("span", { class: "ticket", "aria-live": "polite" });
  ui.status = el("p", { class: "status", role: "status", "aria-live": "polite", "data-state": "connecting", text: t.connecting });

  ui.intro = el("p", { class: "intro", text: t.welcome });
  ui.name = el("input", { id: "aw-name", name: "name", autocomplete: "name", maxlength: "100", required: "" });
  ui.email = el("input", { id: "aw-email", name: "email", type: "email", autocomplete: "email", maxlength: "254" });
  ui.emailLabel = el("label", { for: "aw-email", text: t.emailOptional });
  ui.question = el("textarea", { id: "aw-question", name: "message", rows: "3", maxlength: String(maxLength), required: "" });
  ui.startSuggestions = el("div", { class: "suggestions", hidden: true, "aria-live": "polite" });
  ui.startError = el("p", { class: "error", role: "alert", hidden: true });
  ui.startButton = el("button", { class: "primary", type: "submit", text: t.start });
  const identityFields = verified
    ? [el("p", { class: "verified", text: t.verified })]
    : [el("label", { for: "aw-name", text: t.name }), ui.name, ui.emailLabel, ui.email];
  if (verified) { ui.name.hidden = true; ui.email.hidden = true; ui.name.required = false; }
  ui.start = el("form", { class: "start", novalidate: "" }, [
    ui.intro, ...identityFields,
    el("label", { for: "aw-question", text: t.question }), ui.question, ui.startSuggestions, ui.startError, ui.startButton,
  ]);

  ui.messages = el("ol", { class: "messages", role: "log", "aria-live": "polite", "aria-label": t.messages });
  ui.notice = el("p", { class: "notice", hidden: true, role: "status", "data-testid": "aw-notice" });
  ui.typing = el("p", { class: "typing", hidden: true, "aria-live": "polite" });
  ui.error = el("p", { class: "error", role: "alert", hidden: true });
  ui.input = el("textarea", { class: "input", rows: "2", maxlength: String(maxLength), placeholder: t.write, "aria-label": t.writeLabel });
  ui.suggestions = el("div", { class: "suggestions", hidden: true, "aria-live": "polite" });
  ui.composer = el("form", { class: "composer" }, [ui.input, el("button", { class: "primary send", type: "submit", text: t.send })]);
  ui.transcript = el("button", { class: "link", type: "button", text: t.transcript });
  ui.newChat = el("button", { class: "link", type: "button", text: t.newChat });
  ui.surveyBox = el("div", { class: "survey-box" });
  ui.chat = el("div", { class: "chat", hidden: true }, [
    ui.notice, ui.messages, ui.typing, ui.surveyBox, ui.error, ui.suggestions, ui.composer, el("div", { class: "tools" }, [ui.transcript, ui.newChat]),
  ]);

  ui.panel = el("section", { class: "panel", id: "aw-panel", role: "dialog", "aria-label": t.title, hidden: true }, [
    el("header", {}, [el("div", { class: "heading" }, [el("span", { class: "title", text: t.title }), ui.ticket]), ui.close]),
    ui.status, ui.start, ui.chat,
  ]);
  root.appendChild(ui.launcher);
  root.appendChild(ui.panel);
  return ui;
}

// Re-renders the list keyed by sequence number (stored messages) and client id (still in the outbox).
export function renderMessages(list, messages, outbox, t) {
  const wanted = [];
  for (const m of messages) wanted.push({ key: `s${m.seq}:${m.editedAt || ""}`, m });
  const stored = new Set(messages.map((m) => m.clientMessageId).filter(Boolean));
  for (const o of outbox) if (!stored.has(o.clientMessageId)) wanted.push({ key: `p${o.clientMessageId}`, pending: o });

  const existing = new Map([...list.children].map((li) => [li.dataset.key, li]));
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  let previous = null;
  for (const item of wanted) {
    let li = existing.get(item.key);
    if (!li) li = item.m ? messageItem(item.m, t) : pendingItem(item.pending, t);
    existing.delete(item.key);
    const expectedPosition = previous ? previous.nextSibling : list.firstChild;
    if (li !== expectedPosition) list.insertBefore(li, expectedPosition);
    previous = li;
  }
  for (const stale of existing.values()) stale.remove();
  if (atBottom) list.scrollTop = list.scrollHeight;
}

function messageItem(m, t) {
  const li = el("li", { class: `msg ${m.author === "agent" ? "agent" : "customer"}`, "data-key": `s${m.seq}:${m.editedAt || ""}`, "data-seq": String(m.seq) });
  li.appendChild(el("span", { class: "who", text: m.author === "agent" ? (m.agentName || t.support) : t.you }));
  const body = el("div", { class: "body" });
  body.appendChild(messageHtml(m.html));
  li.appendChild(body);
  return li;
}

// Anything that makes the browser fetch on sight. The server renders images as links already; the widget still drops
// these, because it runs on other people's sites, whose pages may have no policy of their own to stop a tracking pixel.
const FETCHES_ON_SIGHT = "img, picture, source, video, audio, track, iframe, frame, object, embed, image, use, link, style, script, meta, base";

// Message HTML was rendered server-side by Markdig with raw HTML disabled (see CustomerView). It is parsed in an inert
// <template> (nothing there loads) and checked before it joins the page.
function messageHtml(html) {
  const template = document.createElement("template");
  template.innerHTML = html || "";
  for (const node of template.content.querySelectorAll(FETCHES_ON_SIGHT)) node.remove();
  for (const node of template.content.querySelectorAll("[style], [background], [srcset], [poster]")) {
    for (const name of ["style", "background", "srcset", "poster"]) node.removeAttribute(name);
  }
  for (const a of template.content.querySelectorAll("a")) { a.target = "_blank"; a.rel = "noopener noreferrer nofollow"; }
  return template.content;
}

function pendingItem(o, t) {
  const li = el("li", { class: "msg customer pending", "data-key": `p${o.clientMessageId}`, "aria-busy": "true" });
  li.appendChild(el("span", { class: "who", text: `${t.you} · ${t.sending}` }));
  li.appendChild(el("div", { class: "body", text: o.body }));
  return li;
}
