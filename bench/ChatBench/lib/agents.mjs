// Agents replying through the REST API (POST /api/v1/tickets/{number}/messages with an admin-issued key): the same
// TicketService.AddAgentMessageAsync an agent's composer calls, so each reply is stored, sequenced and pushed to the
// widget exactly as a reply typed in the workspace.
import { randomUUID } from "node:crypto";
import { elapsedMs, nowNs, sleep } from "./stats.mjs";

/**
 * `loops` concurrent agents post `total` public replies to random conversations. With `rate` (replies per second in
 * total) the n-th reply is due at start + n / rate, whichever loop takes it; a loop waits for its POST to finish
 * before taking the next one, so when the server falls behind the achieved rate shows it. Without `rate` the loops
 * post back to back (saturation).
 * Each body carries the moment just before its POST was sent: the widget that receives it measures the latency.
 */
export async function reply({ url, key, tickets, loops, total, rate, phase }) {
  let issued = 0;
  const postLatencies = [];
  const failures = {};
  let ok = 0;
  const t0 = nowNs();
  const agent = async () => {
    while (issued < total) {
      const n = issued++;
      if (rate) {
        const due = (n * 1000) / rate - elapsedMs(t0);
        if (due > 0) await sleep(due);
      }
      const ticket = tickets[Math.floor(Math.random() * tickets.length)];
      const sent = nowNs();
      try {
        const response = await fetch(`${url}/api/v1/tickets/${ticket}/messages`, {
          method: "POST",
          headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
          body: JSON.stringify({ body: `bench ${phase} ${sent}`, visibility: "Public", author: "Agent", clientMessageId: randomUUID() }),
        });
        await response.arrayBuffer();
        if (response.status === 201) {
          ok++;
          postLatencies.push(elapsedMs(sent));
        } else {
          failures[`HTTP ${response.status}`] = (failures[`HTTP ${response.status}`] || 0) + 1;
        }
      } catch (e) {
        const text = String((e && e.cause && e.cause.code) || (e && e.message) || e);
        failures[text] = (failures[text] || 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: loops }, agent));
  const seconds = elapsedMs(t0) / 1000;
  return { ok, failures, postLatencies, seconds, perSecond: ok / seconds };
}
