// Latency summaries. Percentiles by nearest rank on the sorted sample (no interpolation, no smoothing).

export function summarize(values) {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const rank = (p) => (n === 0 ? NaN : sorted[Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1))]);
  let sum = 0;
  for (const v of sorted) sum += v;
  return { n, mean: n ? sum / n : NaN, p50: rank(50), p95: rank(95), p99: rank(99), max: n ? sorted[n - 1] : NaN };
}

export const ms = (v) => (Number.isFinite(v) ? v.toFixed(v < 10 ? 2 : 1) : "–");

export function row(name, s, extra = []) {
  return `| ${name} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} |${extra.map((e) => ` ${e} |`).join("")}`;
}

// process.hrtime is CLOCK_MONOTONIC: one clock for every process on the machine, so a timestamp taken in the agent
// process can be compared with the moment a widget process received the message.
export const nowNs = () => process.hrtime.bigint();
export const elapsedMs = (startNs) => Number(process.hrtime.bigint() - startNs) / 1e6;
export const sleep = (msec) => new Promise((resolve) => setTimeout(resolve, msec));
