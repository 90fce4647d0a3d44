// Counts the ticket header's SLA timers down in the browser every 30 s: remaining business time is the open time, on
// the calendar's opening intervals the server rendered (data-openings, epoch ms "from-to" pairs), between now and the
// due instant. The server renders again only when the SLA changes. Text nodes are updated in place so Blazor's
// references to them stay valid.
const period = 30_000;

function openings(box) {
  return (box.dataset.openings || "").split(" ").filter(Boolean).map(pair => pair.split("-").map(Number));
}

function businessBetween(intervals, from, to) {
  let total = 0;
  for (const [start, end] of intervals) {
    const a = Math.max(start, from), b = Math.min(end, to);
    if (b > a) total += b - a;
  }
  return total;
}

function format(template, ...values) {
  return values.reduce((text, value, i) => text.replace(`{${i}}`, String(value)), template || "");
}

function duration(box, ms) {
  const minutes = Math.max(0, Math.ceil(ms / 60_000));
  if (minutes < 60) return format(box.dataset.minutes, minutes);
  if (minutes < 24 * 60) return format(box.dataset.hours, Math.floor(minutes / 60), minutes % 60);
  return format(box.dataset.days, Math.floor(minutes / (24 * 60)), Math.floor((minutes % (24 * 60)) / 60));
}

export function update(box, now = Date.now()) {
  const intervals = openings(box);
  for (const target of box.querySelectorAll("[data-due]")) {
    const text = target.querySelector("[data-testid=sla-remaining]")?.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) continue;
    const due = Number(target.dataset.due);
    const business = target.dataset.business === "true";
    const left = due >= now
      ? (business ? businessBetween(intervals, now, due) : due - now)
      : -(business ? businessBetween(intervals, due, now) : now - due);
    const value = left > 0 ? format(box.dataset.left, duration(box, left)) : format(box.dataset.overdue, duration(box, -left));
    if (text.nodeValue !== value) text.nodeValue = value;
  }
  box.dataset.ticked = String(now);
}

export function tick(box) {
  update(box);
  const timer = setInterval(() => {
    if (!box.isConnected) {
      clearInterval(timer);
      return;
    }
    update(box);
  }, period);
  return { dispose: () => clearInterval(timer) };
}
