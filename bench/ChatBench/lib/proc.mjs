// What the server process costs, read from /proc (Linux).
import { readFileSync, readdirSync } from "node:fs";
import { loadavg } from "node:os";

const CLOCK_TICKS = 100; // USER_HZ on Linux

export function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field) => Number((status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m")) || [])[1] || NaN);
  return { rssMiB: kb("VmRSS") / 1024, hwmMiB: kb("VmHWM") / 1024, threads: Number((status.match(/^Threads:\s+(\d+)/m) || [])[1]) };
}

export function openFiles(pid) {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return NaN;
  }
}

/** CPU seconds (user + system) the process has used so far. */
export function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

export const load = () => loadavg().map((l) => l.toFixed(2)).join(" ");
