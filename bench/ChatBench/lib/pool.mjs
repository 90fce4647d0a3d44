// The parent's handle on the widget child processes (lib/widgets.mjs). Several processes, because one Node process
// is CPU-bound long before the server is when it handshakes thousands of connections, and because each process may
// hold at most `ulimit -n` sockets.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

const script = fileURLToPath(new URL("./widgets.mjs", import.meta.url));

class Widgets {
  constructor(url) {
    this.pending = new Map();
    this.nextId = 0;
    // "advanced" serialization: latency arrays of tens of thousands of numbers cross cheaply.
    this.child = fork(script, [url], { serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] });
    this.ready = new Promise((resolve, reject) => {
      this.child.once("error", reject);
      this.child.once("exit", (code) => reject(new Error(`widget process exited (${code})`)));
      this.child.on("message", (m) => {
        if (m.ready) return resolve(this);
        const call = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.error) call.reject(new Error(m.error));
        else call.resolve(m.result);
      });
    });
  }

  call(cmd, args) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ id, cmd, args });
    });
  }

  stop() {
    this.child.disconnect();
  }
}

export class WidgetPool {
  static async create(url, processes) {
    const pool = new WidgetPool();
    pool.members = await Promise.all(Array.from({ length: processes }, () => new Widgets(url).ready));
    return pool;
  }

  /** Calls every process, `argsFor(i)` giving each its own arguments; resolves to the results in order. */
  all(cmd, argsFor = () => ({})) {
    return Promise.all(this.members.map((m, i) => m.call(cmd, argsFor(i))));
  }

  /** Splits `total` as evenly as possible across the processes. */
  share(total, i) {
    const n = this.members.length;
    return Math.floor(total / n) + (i < total % n ? 1 : 0);
  }

  stop() {
    this.members.forEach((m) => m.stop());
  }
}

/** Merges the per-process answers: arrays are concatenated, numbers added, error counts merged. */
export function merge(results) {
  const merged = {};
  for (const r of results) {
    for (const [key, value] of Object.entries(r)) {
      if (Array.isArray(value)) merged[key] = (merged[key] || []).concat(value);
      else if (typeof value === "number") merged[key] = key === "ms" ? Math.max(merged[key] || 0, value) : (merged[key] || 0) + value;
      else if (value && typeof value === "object") {
        merged[key] = merged[key] || {};
        for (const [k, v] of Object.entries(value)) merged[key][k] = (merged[key][k] || 0) + v;
      }
    }
  }
  return merged;
}
