// A child process holding many widget connections. Each is a real @microsoft/signalr HubConnection built as the
// widget's session.js builds it (same transports, negotiation, JSON protocol), without automatic reconnect: a dropped
// connection must show up as dropped, not be silently replaced. The parent drives it over IPC (see Widgets in pool.mjs).
import { randomUUID } from "node:crypto";
import { HttpTransportType, HubConnectionBuilder, LogLevel } from "@microsoft/signalr";
import { elapsedMs, nowNs, sleep } from "./stats.mjs";

const url = process.argv[2];
const connections = []; // { hub, closed, token, ticketNumber }
let closedCount = 0;
const replyLatencies = new Map(); // phase -> number[] (ms), agent reply written -> widget received
let ackLatencies = [];
let customerFailures = [];
let customers = null; // the running customer-message loop

function newConnection() {
  const conn = { hub: null, closed: false, token: null, ticketNumber: null };
  conn.hub = new HubConnectionBuilder()
    .withUrl(`${url}/hubs/widget`, { withCredentials: false, transport: HttpTransportType.WebSockets | HttpTransportType.LongPolling })
    .configureLogging(LogLevel.None)
    .build();
  conn.hub.on("Message", (m) => {
    // Agent replies carry "bench <phase> <hrtime ns when the agent process sent it>".
    if (m.author !== "agent" || !m.body.startsWith("bench ")) return;
    const [, phase, sentNs] = m.body.split(" ");
    const latency = Number(nowNs() - BigInt(sentNs)) / 1e6;
    if (!replyLatencies.has(phase)) replyLatencies.set(phase, []);
    replyLatencies.get(phase).push(latency);
  });
  conn.hub.on("MessageUpdated", () => {});
  conn.hub.on("Ticket", () => {});
  conn.hub.on("Typing", () => {});
  conn.hub.onclose(() => {
    if (!conn.closed) {
      conn.closed = true;
      closedCount++;
    }
  });
  return conn;
}

/** Runs fn over items with at most `limit` in flight. */
async function inParallel(items, limit, fn) {
  let next = 0;
  const results = new Array(items.length);
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  });
  await Promise.all(workers);
  return results;
}

const errorText = (e) => String((e && e.message) || e).replace(/^.*HubException: /, "").slice(0, 160);

function countErrors(errors) {
  const counts = {};
  for (const e of errors) counts[e] = (counts[e] || 0) + 1;
  return counts;
}

const commands = {
  /** Opens `count` connections, each doing Hello (and Resume when given a token), `concurrency` at a time. */
  async open({ count, concurrency, resumeTokens = [], resumeEvery = 0 }) {
    const started = nowNs();
    const errors = [];
    const latencies = [];
    const base = connections.length;
    await inParallel(Array.from({ length: count }, (_, i) => base + i), concurrency, async (index) => {
      const conn = newConnection();
      const t = nowNs();
      try {
        await conn.hub.start();
        await conn.hub.invoke("Hello");
        if (resumeEvery > 0 && resumeTokens.length > 0 && index % resumeEvery === 0) {
          const token = resumeTokens[(index / resumeEvery) % resumeTokens.length];
          const session = await conn.hub.invoke("Resume", token, null, 0);
          conn.token = session.token;
          conn.ticketNumber = session.conversation.ticket.number;
        }
        latencies.push(elapsedMs(t));
        connections.push(conn);
      } catch (e) {
        errors.push(errorText(e));
        conn.closed = true;
        conn.hub.stop().catch(() => {});
      }
    });
    return { opened: count - errors.length, failed: errors.length, errors: countErrors(errors), latencies, ms: elapsedMs(started) };
  },

  /** Starts a chat on every connection that has none yet: a new ticket each, with the opening message. */
  async start({ concurrency }) {
    const errors = [];
    const latencies = [];
    const waiting = connections.filter((c) => !c.token && !c.closed);
    await inParallel(waiting, concurrency, async (conn, i) => {
      const t = nowNs();
      try {
        const session = await conn.hub.invoke("Start", {
          name: `Bench Customer ${process.pid}-${i}`, email: `bench-${process.pid}-${i}@example.test`,
          message: "Hello, I have a question about my order.", language: "en", clientMessageId: randomUUID().replaceAll("-", ""),
          identity: null, pageUrl: "http://127.0.0.1/bench",
        });
        latencies.push(elapsedMs(t));
        conn.token = session.token;
        conn.ticketNumber = session.conversation.ticket.number;
      } catch (e) {
        errors.push(errorText(e));
      }
    });
    const conversations = connections.filter((c) => c.token).map((c) => ({ ticketNumber: c.ticketNumber, token: c.token }));
    return { conversations, latencies, failed: errors.length, errors: countErrors(errors) };
  },

  /** Customers send messages at `rate` per second in total, each from a random conversation, until customersStop. */
  customers({ rate }) {
    const chatting = connections.filter((c) => c.token && !c.closed);
    ackLatencies = [];
    customerFailures = [];
    const state = { stop: false, inFlight: new Set() };
    customers = state;
    state.loop = (async () => {
      const t0 = nowNs();
      for (let n = 0; !state.stop; n++) {
        const due = (n * 1000) / rate - elapsedMs(t0);
        if (due > 0) await sleep(due);
        if (state.stop) break;
        const conn = chatting[Math.floor(Math.random() * chatting.length)];
        const t = nowNs();
        const send = conn.hub.invoke("Send", conn.token, randomUUID().replaceAll("-", ""), `Customer message ${n}`)
          .then(() => ackLatencies.push(elapsedMs(t)), (e) => customerFailures.push(errorText(e)))
          .finally(() => state.inFlight.delete(send));
        state.inFlight.add(send);
      }
    })();
    return { customers: chatting.length };
  },

  async customersStop() {
    if (!customers) return { acks: [], failed: 0, errors: {} };
    customers.stop = true;
    await customers.loop;
    await Promise.all(customers.inFlight);
    customers = null;
    return { acks: ackLatencies, failed: customerFailures.length, errors: countErrors(customerFailures) };
  },

  /** The reply latencies received for `phase` so far. */
  replies({ phase }) {
    return { latencies: replyLatencies.get(phase) || [] };
  },

  /** Are the connections still up, and do `sample` of them still answer? */
  async check({ sample, concurrency }) {
    const open = connections.filter((c) => !c.closed && c.hub.state === "Connected");
    const picked = [];
    for (let i = 0; i < Math.min(sample, open.length); i++) picked.push(open[Math.floor(Math.random() * open.length)]);
    const latencies = [];
    const errors = [];
    await inParallel(picked, concurrency, async (conn) => {
      const t = nowNs();
      try {
        await conn.hub.invoke("Hello");
        latencies.push(elapsedMs(t));
      } catch (e) {
        errors.push(errorText(e));
      }
    });
    return { held: connections.length, connected: open.length, dropped: closedCount, latencies, failed: errors.length, errors: countErrors(errors) };
  },

  async closeAll({ concurrency }) {
    const started = nowNs();
    await inParallel(connections, concurrency, async (c) => {
      c.closed = true;
      await c.hub.stop().catch(() => {});
    });
    const count = connections.length;
    connections.length = 0;
    return { closed: count, ms: elapsedMs(started) };
  },
};

process.on("message", async ({ id, cmd, args }) => {
  try {
    process.send({ id, result: await commands[cmd](args || {}) });
  } catch (e) {
    process.send({ id, error: String((e && e.stack) || e) });
  }
});
process.on("disconnect", () => process.exit(0));
process.send({ ready: true });
