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
