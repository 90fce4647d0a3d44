// The composer's draft, kept in this browser so that it survives a server restart (the reconnect dialog then reloads
// the page). One localStorage entry per ticket number and mode, written as the agent types after a short pause: no
// round trip to the server per keystroke. The composer <section> says where: data-draft-ticket, data-mode ("reply" or
// "note") and data-started-seq (the conversation's last message when typing began, for the stale-send check).
const prefix = "agentWorkspace.draft.";
const modes = ["reply", "note"];
const pause = 300;
const pending = new Map();

const keyOf = (ticket, mode) => `${prefix}${ticket}.${mode}`;
const textareaOf = (composer) => composer.querySelector("textarea");

function read(ticket, mode) {
  try {
    const saved = JSON.parse(localStorage.getItem(keyOf(ticket, mode)));
    return saved && typeof saved.text === "string" && saved.text.length > 0 ? { ...saved, mode } : null;
  } catch {
    return null;
  }
}

function schedule(composer) {
  clearTimeout(pending.get(composer));
  pending.set(composer, setTimeout(() => save(composer), pause));
}

// Writes the draft now, under the composer's current mode (a switch moves it), or removes it when it is empty.
export function save(composer) {
  clearTimeout(pending.get(composer));
  pending.delete(composer);
  const { draftTicket: ticket, mode, startedSeq } = composer.dataset;
  const textarea = textareaOf(composer);
  if (!ticket || !textarea) return;
  try {
    for (const other of modes.filter((m) => m !== mode)) localStorage.removeItem(keyOf(ticket, other));
    if (textarea.value.trim() === "") {
      localStorage.removeItem(keyOf(ticket, mode));
    } else {
      const seq = startedSeq ? Number(startedSeq) : null;
      localStorage.setItem(keyOf(ticket, mode), JSON.stringify({ text: textarea.value, seq, at: Date.now() }));
    }
  } catch {
    // Storage full or blocked: the draft lives only in the page, as before.
  }
}

// The draft kept for this composer's ticket, the newest if both modes have one; null when there is none.
export function restore(composer) {
  const ticket = composer.dataset.draftTicket;
  const saved = modes.map((mode) => read(ticket, mode)).filter((d) => d !== null);
  if (saved.length === 0) return null;
  const newest = saved.reduce((a, b) => ((b.at ?? 0) > (a.at ?? 0) ? b : a));
  return { text: newest.text, mode: newest.mode, seq: Number.isInteger(newest.seq) ? newest.seq : null };
}

export function track(composer) {
  composer.addEventListener("input", (event) => {
    if (event.target instanceof HTMLTextAreaElement) schedule(composer);
  });
}

// Puts text where the caret was (or at the end), as if typed, and returns the new value.
export function insert(composer, text) {
  const textarea = textareaOf(composer);
  const value = window.agentWorkspace.insertAtCaret(textarea, text);
  schedule(composer);
  return value;
}

// The message was sent: its draft is gone for good, with any write still waiting for the pause.
export function forget(composer) {
  clearTimeout(pending.get(composer));
  pending.delete(composer);
  const ticket = composer.dataset.draftTicket;
  try {
    for (const mode of modes) localStorage.removeItem(keyOf(ticket, mode));
  } catch {
    // Storage blocked: nothing was kept.
  }
}

// Keystrokes still waiting for the pause are written before the page goes (a reload, another page).
addEventListener("pagehide", () => {
  for (const composer of [...pending.keys()]) save(composer);
});

// The "/" picker for canned responses. A "/" at the start of a word, before the caret, opens it: what follows (up to the
// caret) is the query, reported to .NET as the agent types. While it is open (the section's data-picker-count says how
// many responses match, data-count on the picker), ArrowUp/ArrowDown/Enter/Tab/Escape drive the list instead of the textarea; the textarea is the
// combobox (ARIA 1.2 pattern): aria-expanded, aria-controls and aria-activedescendant follow the list.
const slashToken = /(?:^|\s)\/([\p{L}\p{N}_-]{0,40})$/u;
const pickerKeys = new Set(["ArrowDown", "ArrowUp", "Enter", "Tab", "Escape"]);

function slashAt(textarea) {
  const caret = textarea.selectionStart ?? textarea.value.length;
  if (textarea.selectionEnd !== caret) return null;
  const match = slashToken.exec(textarea.value.slice(0, caret));
  if (!match) return null;
  return { query: match[1], start: caret - match[1].length - 1, end: caret };
}

export function trackSlash(composer, dotNet) {
  const textarea = textareaOf(composer);
  if (!textarea) return;
  textarea.setAttribute("role", "combobox");
  textarea.setAttribute("aria-autocomplete", "list");
  textarea.setAttribute("aria-expanded", "false");
  let last = null;
  let dismissed = null;
  const report = () => {
    const token = slashAt(textarea);
    // Escape closes the picker until the agent types another "/" somewhere.
    if (token && dismissed !== null && token.start === dismissed) return;
    dismissed = null;
    const key = token ? `${token.start}:${token.query}` : null;
    if (key === last) return;
    last = key;
    dotNet.invokeMethodAsync("SlashQuery", token ? token.query : null, token ? token.start : 0, token ? token.end : 0);
  };
  textarea.addEventListener("input", report);
  textarea.addEventListener("click", report);
  textarea.addEventListener("keydown", (event) => {
    const picker = composer.querySelector("[data-testid=canned-picker]");
    const open = picker ? Number(picker.dataset.count ?? "0") : -1;
    if (open < 0 || !pickerKeys.has(event.key) || event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return;
    if (open === 0 && event.key !== "Escape") return;
    event.preventDefault();
    event.stopPropagation();
    if (event.key === "Escape") {
      const token = slashAt(textarea);
      dismissed = token ? token.start : null;
      last = null;
    }
    dotNet.invokeMethodAsync("PickerKey", event.key);
  }, true);
  // The list is rendered by the server: the combobox's ARIA state follows it.
  new MutationObserver(() => describePicker(composer)).observe(composer, { subtree: true, childList: true, attributeFilter: ["data-active"] });
  textarea.addEventListener("blur", () => {
    // Leaving the field closes the list; a click on an option lands before the blur's report (mousedown keeps focus).
    setTimeout(() => {
      if (document.activeElement !== textarea && last !== null) {
        last = null;
        dotNet.invokeMethodAsync("SlashQuery", null, 0, 0);
      }
    }, 150);
  });
}

// Keeps the combobox's ARIA state in step with the list the server rendered.
function describePicker(composer) {
  const textarea = textareaOf(composer);
  const picker = composer.querySelector("[data-testid=canned-picker]");
  const listboxId = picker?.dataset.listbox || null;
  const activeId = picker?.dataset.active || null;
  if (!textarea || (textarea.getAttribute("aria-activedescendant") ?? null) === activeId
      && textarea.getAttribute("aria-expanded") === (listboxId ? "true" : "false")) return;
  textarea.setAttribute("aria-expanded", listboxId ? "true" : "false");
  if (listboxId) textarea.setAttribute("aria-controls", listboxId); else textarea.removeAttribute("aria-controls");
  if (activeId) textarea.setAttribute("aria-activedescendant", activeId); else textarea.removeAttribute("aria-activedescendant");
  if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: "nearest" });
}

// Replaces the "/query" (from start to end) with the text, puts the caret after it and returns the new value.
export function replaceRange(composer, start, end, text) {
  const textarea = textareaOf(composer);
  if (!textarea) return null;
  textarea.value = textarea.value.slice(0, start) + text + textarea.value.slice(end);
  const caret = start + text.length;
  textarea.focus();
  textarea.setSelectionRange(caret, caret);
  schedule(composer);
  return textarea.value;
}
