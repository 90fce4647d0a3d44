// Chat benchmark: real SignalR widget clients against a running AgentWorkspace, agents replying through the REST API.
// Usually started by run.sh, which starts the app, issues the API key and passes --url/--key/--pid.
//
//   node chatbench.mjs conversations --url URL --key KEY --pid PID [--out DIR] [options]   (scenario A)
//   node chatbench.mjs connections   --url URL --pid PID [--tokens FILE] [options]        (scenario B)
//
// Scenario A options: --conversations 1000 --agents 8 --rate 50 --replies 6000 --saturation-replies 5000
//                     --warmup 300 --customer-rate 20 --processes 1
// Scenario B options: --steps 1000,2000,5000,10000,15000,19000 --resume-every 10 --settle 15 --sample 500
//                     --processes 4 --open-concurrency 64
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { reply } from "./lib/agents.mjs";
import { WidgetPool, merge } from "./lib/pool.mjs";
import { cpuSeconds, load, memory, openFiles } from "./lib/proc.mjs";
import { elapsedMs, ms, nowNs, row, sleep, summarize } from "./lib/stats.mjs";

const [scenario, ...rest] = process.argv.slice(2);
const opts = {};
for (let i = 0; i < rest.length; i += 2) opts[rest[i].replace(/^--/, "")] = rest[i + 1];
const num = (name, fallback) => (opts[name] === undefined ? fallback : Number(opts[name]));
const url = opts.url || "http://127.0.0.1:5099";
const pid = Number(opts.pid);
const out = opts.out || join(process.cwd(), "out");
mkdirSync(out, { recursive: true });

const log = (line) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const report = [];
const print = (line = "") => {
  report.push(line);
  console.log(line);
};
const server = () => {
  const m = memory(pid);
  return { ...m, fds: openFiles(pid), cpu: cpuSeconds(pid) };
};

if (!pid) throw new Error("--pid of the app process is required (for its memory and CPU).");
if (scenario === "conversations") await conversations();
else if (scenario === "connections") await connections();
else throw new Error("usage: node chatbench.mjs conversations|connections --url URL --pid PID [--key KEY] ...");
writeFileSync(join(out, `${scenario}.md`), report.join("\n") + "\n");

async function conversations() {
  const count = num("conversations", 1000);
  const agents = num("agents", 8);
  const rate = num("rate", 50);
  const replies = num("replies", 6000);
  const saturationReplies = num("saturation-replies", 5000);
  const warmup = num("warmup", 300);
  const customerRate = num("customer-rate", 20);
  const concurrency = num("open-concurrency", 50);
  if (!opts.key) throw new Error("--key (an API key) is required for the agents.");

  const before = server();
  log(`load ${load()}; server RSS ${before.rssMiB.toFixed(0)} MiB before any widget`);
  const pool = await WidgetPool.create(url, num("processes", 1));
  const opened = merge(await pool.all("open", (i) => ({ count: pool.share(count, i), concurrency })));
  log(`${opened.opened} connections open (Hello) in ${(opened.ms / 1000).toFixed(1)} s, ${opened.failed} failed ${JSON.stringify(opened.errors)}`);
  const t = nowNs();
  const started = merge(await pool.all("start", () => ({ concurrency })));
  const startSeconds = elapsedMs(t) / 1000;
  const tickets = started.conversations.map((c) => c.ticketNumber);
  log(`${tickets.length} chats started in ${startSeconds.toFixed(1)} s, ${started.failed} failed ${JSON.stringify(started.errors)}`);
  writeFileSync(join(out, "conversations.json"), JSON.stringify(started.conversations));
  if (tickets.length === 0) throw new Error("No conversation started.");

  const phases = [];
  const runPhase = async (name, total, phaseRate) => {
    if (total <= 0) return;
    await pool.all("customers", (i) => ({ rate: customerRate / pool.members.length }));
    const loadBefore = load();
    const cpu0 = cpuSeconds(pid);
    const agentsResult = await reply({ url, key: opts.key, tickets, loops: agents, total, rate: phaseRate, phase: name });
    const cpu = cpuSeconds(pid) - cpu0;
    const customers = merge(await pool.all("customersStop"));
    // Pushes still on the wire when the last POST returned: wait for them (bounded), then count what never came.
    let received = [];
    for (const deadline = Date.now() + 5000; Date.now() < deadline; await sleep(200)) {
      received = merge(await pool.all("replies", () => ({ phase: name }))).latencies || [];
      if (received.length >= agentsResult.ok) break;
    }
    const phase = { name, rate: phaseRate, agents, load: `${loadBefore} → ${load()}`, serverCpuCores: cpu / agentsResult.seconds, ...agentsResult, received, customers };
    phases.push(phase);
    log(`${name}: ${agentsResult.ok} replies in ${agentsResult.seconds.toFixed(1)} s (${agentsResult.perSecond.toFixed(0)}/s), ` +
      `received ${received.length}, reply→widget p99 ${ms(summarize(received).p99)} ms, failures ${JSON.stringify(agentsResult.failures)}, ` +
      `customer acks ${customers.acks?.length || 0} (failed ${customers.failed || 0}), server CPU ${(cpu / agentsResult.seconds).toFixed(2)} cores`);
  };
  await runPhase("warmup", warmup, rate);
  await runPhase("paced", replies, rate);
  await runPhase("saturation", saturationReplies, null);
  const after = server();
  await pool.all("closeAll", () => ({ concurrency: 200 }));
  pool.stop();

  print(`### Scenario A: ${tickets.length} concurrent conversations, agents replying through the API`);
  print();
  print(`Opening: ${opened.opened} widget connections (negotiate + WebSocket + Hello) in ${(opened.ms / 1000).toFixed(1)} s` +
    ` (${opened.failed} failed); ${tickets.length} chats started (Start: a customer, a Chat ticket, the conversation) in ${startSeconds.toFixed(1)} s` +
    ` (${started.failed} failed). Server RSS ${before.rssMiB.toFixed(0)} MiB before, ${after.rssMiB.toFixed(0)} MiB after the run (peak ${after.hwmMiB.toFixed(0)} MiB).`);
  print();
  print("| Measurement | n | p50 ms | p95 ms | p99 ms | max ms | throughput | lost | load avg (1/5/15 min, before → after) |");
  print("|---|---:|---:|---:|---:|---:|---:|---:|---|");
  print(row("Hello (connect, negotiate, WebSocket, Hello)", summarize(opened.latencies || []), ["", "", ""]));
  print(row("Start (chat opened)", summarize(started.latencies || []), [`${(tickets.length / startSeconds).toFixed(0)}/s`, String(started.failed), ""]));
  for (const p of phases.filter((p) => p.name !== "warmup")) {
    const label = p.rate ? `${p.agents} agents, target ${p.rate}/s` : `${p.agents} agents back to back`;
    print(row(`**Agent reply → widget receives** (${label})`, summarize(p.received),
      [`${p.perSecond.toFixed(0)} replies/s`, String(p.ok - p.received.length + Object.values(p.failures).reduce((a, b) => a + b, 0)), p.load]));
    print(row(`Agent POST → 201 (${label})`, summarize(p.postLatencies), ["", "", ""]));
    print(row(`Customer Send → ack (${customerRate}/s, during ${p.name})`, summarize(p.customers.acks || []),
      [`${((p.customers.acks?.length || 0) / p.seconds).toFixed(0)}/s`, String(p.customers.failed || 0), ""]));
  }
  print();
  for (const p of phases.filter((p) => p.name !== "warmup")) {
    print(`- ${p.name}: server used ${p.serverCpuCores.toFixed(2)} of 2 cores; ${p.ok} replies in ${p.seconds.toFixed(1)} s` +
      (Object.keys(p.failures).length ? `; failures ${JSON.stringify(p.failures)}` : "") +
      (p.customers.failed ? `; customer send failures ${JSON.stringify(p.customers.errors)}` : ""));
  }
  writeFileSync(join(out, "conversations.json.summary"), JSON.stringify(phases.map((p) => ({ ...p, received: summarize(p.received), postLatencies: summarize(p.postLatencies), customers: summarize(p.customers.acks || []) })), null, 1));
}

async function connections() {
  const steps = (opts.steps || "1000,2000,5000,10000,15000,19000").split(",").map(Number);
  const resumeEvery = num("resume-every", 10);
  const settle = num("settle", 15);
  const sample = num("sample", 500);
  const concurrency = num("open-concurrency", 64);
  const tokens = opts.tokens ? JSON.parse(readFileSync(opts.tokens, "utf8")).map((c) => c.token) : [];
  if (resumeEvery > 0 && tokens.length === 0) log("no --tokens: connections only say Hello");

  const baseline = server();
  const loadAtStart = load();
  log(`load ${loadAtStart}; server RSS ${baseline.rssMiB.toFixed(0)} MiB, ${baseline.fds} open files, before any widget`);
  const pool = await WidgetPool.create(url, num("processes", 4));
  const rows = [];
  let held = 0;
  for (const target of steps) {
    const add = target - held;
    if (add <= 0) continue;
    const opened = merge(await pool.all("open", (i) => ({ count: pool.share(add, i), concurrency, resumeTokens: tokens, resumeEvery })));
    log(`+${opened.opened} in ${(opened.ms / 1000).toFixed(1)} s (${opened.failed} failed ${JSON.stringify(opened.errors)}); settling ${settle} s`);
    // Idle while holding them: what keeping N connections open costs (SignalR keep-alive pings both ways every 15 s).
    // The first third lets the ramp's tail (pending handshakes, background JIT) finish; CPU is read over the rest.
    await sleep((settle * 1000) / 3);
    const cpu0 = cpuSeconds(pid);
    await sleep((settle * 2000) / 3);
    const idleCores = (cpuSeconds(pid) - cpu0) / ((settle * 2) / 3);
    const check = merge(await pool.all("check", (i) => ({ sample: pool.share(sample, i), concurrency: 50 })));
    const s = server();
    held = check.connected;
    const r = {
      target, connected: check.connected, dropped: check.dropped, openFailed: opened.failed, openErrors: opened.errors,
      rampSeconds: opened.ms / 1000, connect: summarize(opened.latencies || []), sample: summarize(check.latencies || []),
      sampleFailed: check.failed, sampleErrors: check.errors, rssMiB: s.rssMiB, fds: s.fds, threads: s.threads, idleCores, load: load(),
    };
    rows.push(r);
    log(`${target}: connected ${r.connected}, dropped ${r.dropped}, sample Hello p99 ${ms(r.sample.p99)} ms (${r.sampleFailed} failed), ` +
      `RSS ${r.rssMiB.toFixed(0)} MiB, ${r.fds} fds, idle ${r.idleCores.toFixed(2)} cores, load ${r.load}`);
    if (r.connected < target || r.sampleFailed > 0 || r.openFailed > 0) {
      log(`stopping: the server did not hold ${target}`);
      break;
    }
  }
  const closing = merge(await pool.all("closeAll", () => ({ concurrency: 200 })));
  pool.stop();

  print(`### Scenario B: widget connections held`);
  print();
  print(`Each connection: negotiate, WebSocket, Hello${tokens.length && resumeEvery ? `; every ${resumeEvery}th also Resumes one of scenario A's conversations (joins its ticket's feed)` : ""}. ` +
    `After each step: ${settle} s idle (server CPU read over the last ${Math.round((settle * 2) / 3)} s), then every connection's state is checked and ${sample} random connections invoke Hello. ` +
    `Server RSS before any widget: ${baseline.rssMiB.toFixed(0)} MiB. Load average at start: ${loadAtStart}.`);
  print();
  print("| Connections | still connected | dropped | open failures | ramp s | connect p50 / p99 ms | sampled Hello p50 / p99 / max ms (failed) | server RSS MiB | Δ KiB per added connection | server fds | server CPU while idle (cores) | load avg |");
  print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  let prev = { connected: 0, rssMiB: baseline.rssMiB };
  for (const r of rows) {
    const perConn = ((r.rssMiB - prev.rssMiB) * 1024) / Math.max(1, r.connected - prev.connected);
    print(`| ${r.target.toLocaleString("en")} | ${r.connected.toLocaleString("en")} | ${r.dropped} | ${r.openFailed}${r.openFailed ? ` ${JSON.stringify(r.openErrors)}` : ""} | ${r.rampSeconds.toFixed(1)} | ` +
      `${ms(r.connect.p50)} / ${ms(r.connect.p99)} | ${ms(r.sample.p50)} / ${ms(r.sample.p99)} / ${ms(r.sample.max)} (${r.sampleFailed}) | ` +
      `${r.rssMiB.toFixed(0)} | ${perConn.toFixed(0)} | ${r.fds} | ${r.idleCores.toFixed(2)} | ${r.load} |`);
    prev = r;
  }
  print();
  print(`Closing ${closing.closed} connections took ${(closing.ms / 1000).toFixed(1)} s.`);
  writeFileSync(join(out, "connections.json"), JSON.stringify(rows, null, 1));
}
