// Small helpers the workspace calls through JS interop. No inline scripts: the CSP forbids them.
window.agentWorkspace = {
  // Set once the interactive circuit has rendered: tests and styles can tell a live page from a prerendered one.
  markInteractive() {
    document.documentElement.dataset.circuit = "up";
  },

  // The agent switched theme: the next full page load renders in it from the first paint (the server reads this cookie).
  setTheme(theme) {
    const secure = location.protocol === "https:" ? "; secure" : "";
    document.cookie = `AgentWorkspace.Theme=${theme}; path=/; max-age=31536000; samesite=lax${secure}`;
    document.documentElement.dataset.theme = theme;
    document.querySelector('meta[name="color-scheme"]')?.setAttribute("content", theme);
  },

  // Opt-in chat alerts. Called from the agent's click, the one moment browsers allow a permission prompt and audio.
  async enableChatAlerts() {
    const AudioContextType = window.AudioContext || window.webkitAudioContext;
    if (AudioContextType && !this.audio) this.audio = new AudioContextType();
    if (this.audio && this.audio.state === "suspended") await this.audio.resume();
    if (!("Notification" in window)) return "unsupported";
    return Notification.permission === "default" ? await Notification.requestPermission() : Notification.permission;
  },

  chatAlert(title, body, url) {
    try {
      const AudioContextType = window.AudioContext || window.webkitAudioContext;
      this.audio = this.audio || new AudioContextType();
      const tone = this.audio.createOscillator();
      const gain = this.audio.createGain();
      tone.frequency.value = 880;
      gain.gain.value = 0.08;
      tone.connect(gain).connect(this.audio.destination);
      tone.start();
      tone.stop(this.audio.currentTime + 0.2);
    } catch {
      // No audio device: the notification and the badge still tell the agent.
    }
    if ("Notification" in window && Notification.permission === "granted") {
      const notification = new Notification(title, { body, tag: url });
      notification.onclick = () => { window.focus(); location.href = url; };
    }
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

// Blazor's own interop can lose a race with a dropped connection: a JS call the server made just before it went away
// completes, and the framework's attempt to send the result back rejects with this error (unhandled inside
// blazor.web.js). The reconnect dialog already tells the agent and brings the page back, so only this one message is
// silenced; every other rejection still reaches the console.
window.addEventListener("unhandledrejection", event => {
  const message = event.reason && typeof event.reason.message === "string" ? event.reason.message : "";
  if (message.startsWith("Cannot send data if the connection is not in the 'Connected' State")) event.preventDefault();
});
