// Load for the kill -9 test (CrashSafetyTests): widget customers and agents talking to a server the test kills and
// restarts. The customers are the widget's own ChatSession (wwwroot-assets/src/session.js: its outbox, its resend with
// the same client message ids after a reconnect, its resume by sequence number) on the real @microsoft/signalr client;
// the agents reply through the REST API with a client message id and retry a reply until it gets a 2xx.
//
//   node crash-load.mjs URL API_KEY [--customers 200] [--customer-rate 40] [--agent-rate 10] [--agents 4]
//
// stdout, one JSON object a line: {"started":n,...} once every chat is open, then {"progress":{...}} every 250 ms.
// stdin: "finish" stops new messages, waits until every outbox is empty, every agent reply is answered and every
// widget shows every acknowledged reply, then prints {"result":{...}} and exits.
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";

const [url, key, ...rest] = process.argv.slice(2);
const opts = {};
for (let i = 0; i < rest.length; i += 2) opts[rest[i].replace(/^--/, "")] = Number(rest[i + 1]);
const customerCount = opts.customers ?? 200;
const customerRate = opts["customer-rate"] ?? 40;
const agentRate = opts["agent-rate"] ?? 10;
const agentLoops = opts.agents ?? 4;

// session.js reads the page address when a chat starts.
globalThis.location = { href: `${url}/crash-test` };
const { ChatSession } = await import(pathToFileURL(join(process.env.WIDGET_ASSETS, "src", "session.js")).href);

// The callback fires once the line is written: the result line is large, and a pipe takes it in pieces.
const out = (obj) => new Promise((done) => process.stdout.write(JSON.stringify(obj) + "\n", done));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const count = (counts, text) => { counts[text] = (counts[text] || 0) + 1; };

class MemoryStorage {
  items = new Map();
  getItem(k) { return this.items.get(k) ?? null; }
  setItem(k, v) { this.items.set(k, String(v)); }
}

const customers = [];
const customerAcks = []; // { ticket, clientMessageId, seq, body }: the message left the customer's outbox (the server said stored)
const agentAcks = []; // { ticket, clientMessageId, seq, attempts }: a 2xx answered the reply
const agentUnanswered = []; // { ticket, clientMessageId }: gave up without a 2xx
const agentFailures = {};
const customerErrors = {};
let customerSent = 0;
let agentSent = 0;
let stopping = false;

function newCustomer(index) {
  const c = { index, sent: new Map(), acked: new Set(), reconnects: 0 };
  c.session = new ChatSession({
    origin: url, storageKey: "aw-chat", storage: new MemoryStorage(),
    onError: (message) => count(customerErrors, String(message).slice(0, 120)),
    onState: (state) => { if (state === "connecting") c.reconnects++; },
  });
  // The moment the widget takes a message out of its outbox is the customer's acknowledgement (the pending mark goes).
  const accept = c.session.accept.bind(c.session);
  c.session.accept = (m) => {
    if (m.clientMessageId && c.sent.has(m.clientMessageId) && !c.acked.has(m.clientMessageId)) {
      c.acked.add(m.clientMessageId);
      customerAcks.push({ ticket: c.session.ticketNumber, clientMessageId: m.clientMessageId, seq: m.seq, body: c.sent.get(m.clientMessageId), at: Date.now() });
    }
    accept(m);
  };
  return c;
}

async function openChat(c) {
  await c.session.start();
  for (let i = 0; c.session.state !== "connected"; i++) {
    if (i > 600) throw new Error("the widget did not connect in 60 s");
    await sleep(100);
  }
  const body = `crash opening ${c.index}`;
  await c.session.begin({ name: `Crash Customer ${c.index}`, email: `crash-${c.index}@example.test`, message: body, language: "en" }, false);
  const opening = c.session.list[0];
  c.sent.set(opening.clientMessageId, body);
  c.acked.add(opening.clientMessageId);
  customerAcks.push({ ticket: c.session.ticketNumber, clientMessageId: opening.clientMessageId, seq: opening.seq, body, at: Date.now() });
}

async function inParallel(items, limit, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

/** Customers type at a steady total rate, round robin, whether or not their widget is connected (it queues). */
async function customerTraffic() {
  const t0 = Date.now();
  for (let n = 0; !stopping; n++) {
    const due = t0 + (n * 1000) / customerRate - Date.now();
    if (due > 0) await sleep(due);
    if (stopping) break;
    const c = customers[n % customers.length];
    const body = `crash customer ${c.index} message ${n}`;
    c.session.send(body).catch(() => {});
    // send() put it at the end of the outbox synchronously; nothing is acknowledged before the next await.
    c.sent.set(c.session.outbox.at(-1).clientMessageId, body);
    customerSent++;
  }
}

/** One agent: a reply at a time, each retried with the same client message id until a 2xx (or the finish deadline). */
async function agentLoop(loop) {
  const pause = (1000 * agentLoops) / agentRate;
  for (let n = 0; !stopping; n++) {
    const started = Date.now();
    const c = customers[Math.floor(Math.random() * customers.length)];
    const ticket = c.session.ticketNumber;
    const clientMessageId = randomUUID();
    const body = `crash agent ${loop} reply ${n}`;
    agentSent++;
    for (let attempts = 1; ; attempts++) {
      try {
        const response = await fetch(`${url}/api/v1/tickets/${ticket}/messages`, {
          method: "POST",
          headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
          body: JSON.stringify({ body, visibility: "Public", author: "Agent", clientMessageId }),
          signal: AbortSignal.timeout(15000),
        });
        const text = await response.text();
        if (response.ok) {
          agentAcks.push({ ticket, clientMessageId, seq: JSON.parse(text).message.seq, attempts, body, at: Date.now() });
          break;
        }
        count(agentFailures, `HTTP ${response.status}`);
      } catch (e) {
        count(agentFailures, String((e && e.cause && e.cause.code) || (e && e.name) || e));
      }
      if (stopping && Date.now() > finishDeadline) {
        agentUnanswered.push({ ticket, clientMessageId, body });
        break;
      }
      await sleep(200);
    }
    const wait = started + pause - Date.now();
    if (wait > 0) await sleep(wait);
  }
}

/**
 * A client whose acknowledgement was lost in a crash sends again with the same id. Which messages a kill catches between
 * commit and acknowledgement is luck, so this replays some acknowledged ones on purpose, messages stored before the
 * kill among them: each must answer with the message as first stored (same sequence number), and the test then checks
 * that each is stored once. Returns { sent, sameSeq, mismatches }.
 */
async function replayAcknowledged() {
  const mismatches = [];
  let sameSeq = 0;
  const customerSample = customerAcks.filter((_, i) => i % 20 === 0);
  for (const a of customerSample) {
    const c = customers.find((x) => x.session.ticketNumber === a.ticket);
    for (let attempt = 1; ; attempt++) {
      try {
        const ack = await c.session.connection.invoke("Send", c.session.token, a.clientMessageId, a.body);
        if (ack.message.seq === a.seq) sameSeq++;
        else mismatches.push({ ...a, replayedSeq: ack.message.seq });
        break;
      } catch (e) {
        const message = String(e && e.message || e);
        // The per-connection rate limit applies to replays too: wait as the widget would.
        if (/too fast/.test(message) && attempt < 10) {
          await sleep(1000);
          continue;
        }
        mismatches.push({ ...a, error: message });
        break;
      }
    }
  }
  const agentSample = agentAcks.filter((_, i) => i % 4 === 0);
  for (const a of agentSample) {
    const response = await fetch(`${url}/api/v1/tickets/${a.ticket}/messages`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
      body: JSON.stringify({ body: a.body, visibility: "Public", author: "Agent", clientMessageId: a.clientMessageId }),
    });
    const text = await response.text();
    if (response.ok && JSON.parse(text).message.seq === a.seq) sameSeq++;
    else mismatches.push({ ...a, status: response.status, response: text.slice(0, 200) });
  }
  return { sent: customerSample.length + agentSample.length, sameSeq, mismatches };
}

let finishDeadline = Infinity;
const progress = () => ({
  customerSent, customerAcks: customerAcks.length, agentSent, agentAcks: agentAcks.length,
  pending: customers.reduce((n, c) => n + c.session.outbox.length, 0),
  connected: customers.filter((c) => c.session.state === "connected").length,
});

customers.push(...Array.from({ length: customerCount }, (_, i) => newCustomer(i)));
const startErrors = {};
const t0 = Date.now();
await inParallel(customers, 20, (c) => openChat(c).catch((e) => count(startErrors, String(e && e.message || e))));
const chatting = customers.filter((c) => c.session.ticketNumber);
out({ started: chatting.length, startErrors, seconds: (Date.now() - t0) / 1000 });
customers.length = 0;
customers.push(...chatting);

const ticker = setInterval(() => out({ progress: progress() }), 250);
const traffic = customerTraffic();
const agents = Array.from({ length: agentLoops }, (_, i) => agentLoop(i));

createInterface({ input: process.stdin }).on("line", async (line) => {
  if (line.trim() !== "finish") return;
  stopping = true;
  finishDeadline = Date.now() + 90000;
  await traffic;
  await Promise.all(agents);
  // Every outbox empties and every acknowledged reply reaches its widget, or the deadline passes and the test sees what did not.
  const seen = (a) => customers.find((c) => c.session.ticketNumber === a.ticket)?.session.messages.has(a.seq);
  while (Date.now() < finishDeadline && (progress().pending > 0 || !agentAcks.every(seen))) await sleep(100);
  const replays = await replayAcknowledged();
  clearInterval(ticker);
  await Promise.all(customers.map((c) => c.session.connection.stop().catch(() => {})));
  await out({
    result: {
      ...progress(), customerAcks, agentAcks, agentUnanswered, agentFailures, customerErrors, replays,
      pendingCustomerMessages: customers.flatMap((c) => c.session.outbox.map((o) => ({ ticket: c.session.ticketNumber, clientMessageId: o.clientMessageId, body: o.body }))),
      widgets: customers.map((c) => ({ ticket: c.session.ticketNumber, seen: [...c.session.messages.keys()].sort((a, b) => a - b), reconnects: c.reconnects })),
    },
  });
  process.exit(0);
});
