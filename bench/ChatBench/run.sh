#!/usr/bin/env bash
# Chat benchmark, end to end: builds the app in Release, starts it on a loopback port with a fresh SQLite file and the
# demo data, issues an API key for the agents, and runs
#   A "conversations": 1,000 widget connections each starting a chat, agents replying through the REST API,
#                      customers sending; reply → widget latency, throughput, Send → ack latency;
#   B "connections":   widget connections opened in steps and held (a fresh app process, the same database), with
#                      the server's RSS at each step.
# Figures go to stdout and to bench/ChatBench/out/<UTC time>/ (report.md, per-scenario JSON, app logs).
#
#   bench/ChatBench/run.sh                          # both scenarios
#   bench/ChatBench/run.sh conversations [--replies 2000 ...]
#   bench/ChatBench/run.sh connections [--steps 1000,5000 ...]
#   bench/ChatBench/run.sh conversations --postgres "Host=127.0.0.1;Port=5440;Username=postgres;Database=awchat"
# Options after the scenario go to chatbench.mjs (see its header), except --postgres <Npgsql connection string>: the
# app runs on that PostgreSQL database (Database:Provider=Postgres; a new or empty database, which the app migrates
# and seeds) instead of a fresh SQLite file, and --inbox-screens <n> (scenario A with n agent inbox screens open:
# bench/LiveBench's protocol-level Blazor Server clients, agent001..agent<n>@bench.example spread over the demo teams,
# held open from before the first chat to the end of the scenario; their summary goes to inbox-screens.txt).
# CHATBENCH_PORT (5099) changes the port.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
scenario="${1:-all}"
[[ $# -gt 0 ]] && shift
postgres=""
inbox_screens=0
bench_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --postgres) postgres="$2"; shift 2 ;;
    --inbox-screens) inbox_screens="$2"; shift 2 ;;
    *) bench_args+=("$1"); shift ;;
  esac
done
port="${CHATBENCH_PORT:-5099}"
url="http://127.0.0.1:$port"
out="$here/out/$(date -u +%Y%m%dT%H%M%SZ)"
work="$(mktemp -d /tmp/chatbench.XXXXXX)"
mkdir -p "$out"

# Every widget connection is a socket in the server and one in a client process; 20,000 is this machine's hard limit.
ulimit -n "$(ulimit -Hn)"

echo "== building (Release) and installing the client library"
(cd "$here" && { [[ -d node_modules/@microsoft/signalr ]] || npm ci --no-audit --no-fund --silent; })
dotnet build "$here/KeyIssuer" -c Release -nologo -v q -clp:ErrorsOnly
livebench=("dotnet" "$repo/bench/LiveBench/bin/Release/net10.0/LiveBench.dll")
[[ "$inbox_screens" -eq 0 ]] || dotnet build "$repo/bench/LiveBench" -c Release -nologo -v q -clp:ErrorsOnly

if [[ -n "$postgres" ]]; then
  db_env=(Database__Provider=Postgres ConnectionStrings__Workspace="$postgres" DataProtection__KeysPath="$work/keys")
  db_label="PostgreSQL: $(sed -E 's/;?Password=[^;]*//I' <<<"$postgres")"
  key_args=(--postgres "$postgres")
else
  db_env=(ConnectionStrings__Workspace="Data Source=$work/chat.db")
  db_label="$work/chat.db"
  key_args=(--db "$work/chat.db")
fi

app_pid=""
hold_pid=""
start_app() {
  echo "== starting the app on $url (database $db_label)"
  # All load comes from 127.0.0.1, so the per-address hub limits (an office behind one address: 300 calls burst,
  # 100/s; 20 new chats burst, 4/min) would refuse it: they are raised. The per-connection limits (one browser tab:
  # 30 calls burst, 10/s; 10 messages burst, 1/s) stay at their shipped values and no client exceeds them.
  (
    cd "$repo/AgentWorkspace"
    export ASPNETCORE_ENVIRONMENT=Production DemoData__Enabled=true "${db_env[@]}" \
      Widget__RateLimits__CallsPerAddressBurst=10000000 Widget__RateLimits__CallsPerAddressPerSecond=10000000 \
      Widget__RateLimits__MessagesPerAddressBurst=10000000 Widget__RateLimits__MessagesPerAddressPerSecond=10000000 \
      Widget__RateLimits__StartsPerAddressBurst=10000000 Widget__RateLimits__StartsPerAddressPerMinute=10000000
    # The built app itself rather than `dotnet run`, so $! is the server's own process (its RSS and CPU are measured).
    exec ./bin/Release/net10.0/AgentWorkspace --urls "$url"
  ) >>"$out/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 240); do
    curl -sf "$url/healthz" >/dev/null && return 0
    kill -0 "$app_pid" 2>/dev/null || { echo "the app exited; see $out/app.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "the app did not answer /healthz in 120 s" >&2
  exit 1
}
stop_app() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid"
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
}
stop_screens() {
  if [[ -n "$hold_pid" ]] && kill -0 "$hold_pid" 2>/dev/null; then
    kill -TERM "$hold_pid"
    wait "$hold_pid" 2>/dev/null || true
  fi
  hold_pid=""
}
trap 'stop_screens; stop_app; rm -rf "$work"' EXIT

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "commit: $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- AgentWorkspace || echo ' (with uncommitted app changes)')"
  echo "cpus: $(nproc); memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}'); open files per process: $(ulimit -n)"
  echo "dotnet: $(dotnet --version); node: $(node --version)"
  echo "database: $db_label"
  [[ "$inbox_screens" -eq 0 ]] || echo "agent inbox screens open during scenario A: $inbox_screens (bench/LiveBench protocol clients)"
  echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/machine.txt"

if [[ "$scenario" == all || "$scenario" == conversations ]]; then
  start_app
  key="$(dotnet "$here/KeyIssuer/bin/Release/net10.0/KeyIssuer.dll" "${key_args[@]}")"
  if [[ "$inbox_screens" -gt 0 ]]; then
    echo "== opening $inbox_screens agent inbox screens"
    "${livebench[@]}" prepare "${key_args[@]}" --agents "$inbox_screens" --out "$work/prepared.json"
    "${livebench[@]}" hold --url "$url" --prepared "$work/prepared.json" --screens "$inbox_screens" --ready "$work/screens-ready" \
      >"$out/inbox-screens.txt" 2>&1 &
    hold_pid=$!
    until [[ -f "$work/screens-ready" ]]; do
      kill -0 "$hold_pid" 2>/dev/null || { cat "$out/inbox-screens.txt" >&2; echo "the inbox screens did not open" >&2; exit 1; }
      sleep 1
    done
    cat "$out/inbox-screens.txt"
  fi
  node "$here/chatbench.mjs" conversations --url "$url" --key "$key" --pid "$app_pid" --out "$out" "${bench_args[@]}"
  stop_screens
  [[ "$inbox_screens" -eq 0 ]] || tail -n +2 "$out/inbox-screens.txt"
  stop_app
fi
if [[ "$scenario" == all || "$scenario" == connections ]]; then
  start_app
  tokens=()
  [[ -f "$out/conversations.json" ]] && tokens=(--tokens "$out/conversations.json")
  node "$here/chatbench.mjs" connections --url "$url" --pid "$app_pid" --out "$out" "${tokens[@]}" "${bench_args[@]}"
  stop_app
fi

echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
cat "$out/machine.txt" "$out"/conversations.md "$out"/inbox-screens.txt "$out"/connections.md 2>/dev/null >"$out/report.md" || true
echo "== report: $out/report.md"
