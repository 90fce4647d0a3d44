#!/usr/bin/env bash
# Live benchmark (issue 11), end to end: builds the app and bench/LiveBench in Release, starts the built app on a
# loopback port on the chosen database, readies the database (known sign-ins for agent001..agentNNN@bench.example,
# admin@bench.example, a team no screen's agent belongs to, two API keys: `LiveBench prepare`), then holds agent screens
# open on /inbox in steps (Chromium first, then protocol-level Blazor Server clients) and makes changes one at a time
# through the API, the widget hub and a Chromium screen's composer (`LiveBench run`). Figures go to stdout and to
# bench/LiveBench/out/<UTC time>/report.md.
#
#   bench/LiveBench/run.sh                                  # demo data (fresh file), screens 0,25,50,100
#   bench/LiveBench/run.sh --db /tmp/livebench/inbox-100k.db --screens 0,25,50,100 --changes 100
#   bench/LiveBench/run.sh --db demo --screens 0,10 --browsers 2 --changes 20     # a quick check
#   bench/LiveBench/run.sh --postgres "Host=127.0.0.1;Port=5440;Username=postgres;Database=awlive" --screens 0,25,50
# Options (all optional): --db demo|<sqlite file made by `InboxBench generate --agents 101`> (used in place: a run adds
# a few hundred tickets), --screens <steps>, --browsers <Chromium screens among them> (10), --changes <per phase> (100), --phase-seconds <a phase stops
# there, after at least 5 changes> (45),
# --ticket-screens <protocol screens on chat tickets> (20), --chats <widget chats> (20), --heap (live managed heap after
# a full GC at each step, with dotnet-gcdump from the tool manifest; adds ~15 s a step), --inbox-queries (also runs
# InboxBench measure on the same database afterwards; SQLite only), --postgres <Npgsql connection string> (in place of
# --db: the app runs on that PostgreSQL database with Database:Provider=Postgres; a new or empty database gets the demo
# data, a used one is used as it is), --second-node <Redis connection, e.g. 127.0.0.1:6394> (two app nodes on one
# database and that Redis, A on the port and B on the next one; every other inbox screen is on B, changes are made on
# A, figures are per node; with --postgres: two nodes can't share a SQLite file across machines). LIVEBENCH_PORT (5190)
# changes the port.
#   bench/LiveBench/run.sh --postgres "Host=127.0.0.1;Port=5444;Username=postgres;Database=awnodes" --second-node 127.0.0.1:6394 \
#     --screens 0,50 --browsers 10
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
port="${LIVEBENCH_PORT:-5190}"
url="http://127.0.0.1:$port"
out="$here/out/$(date -u +%Y%m%dT%H%M%SZ)"
db="demo"
postgres=""
inbox_queries=""
redis=""
run_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --postgres) postgres="$2"; shift 2 ;;
    --inbox-queries) inbox_queries=1; shift ;;
    --second-node) redis="$2"; shift 2 ;;
    --heap) run_args+=("$1"); shift ;;
    *) run_args+=("$1" "$2"); shift 2 ;;
  esac
done
mkdir -p "$out"
work="$(mktemp -d /tmp/livebench.XXXXXX)"
demo=false
if [[ -n "$postgres" ]]; then
  [[ -z "$inbox_queries" ]] || { echo "--inbox-queries reads a SQLite file: not with --postgres" >&2; exit 2; }
  # Demo data is seeded only into a database with no agents yet, so a used database keeps what it has.
  demo=true
  db="PostgreSQL: $(sed -E 's/;?Password=[^;]*//I' <<<"$postgres")"
  label="PostgreSQL, demo data"
  db_env=(Database__Provider=Postgres ConnectionStrings__Workspace="$postgres")
  prepare_args=(--postgres "$postgres")
elif [[ "$db" == demo ]]; then
  demo=true
  db="$work/demo.db"
  label="demo data"
else
  db="$(cd "$(dirname "$db")" && pwd)/$(basename "$db")"
  [[ -f "$db" ]] || { echo "no database at $db (make one with: dotnet run -c Release --project bench/InboxBench -- generate --db $db --tickets N --agents 101)" >&2; exit 2; }
  label="$(basename "$db")"
fi
if [[ -z "$postgres" ]]; then
  db_env=(ConnectionStrings__Workspace="Data Source=$db")
  prepare_args=(--db "$db")
fi
ulimit -n "$(ulimit -Hn)"

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "command: bench/LiveBench/run.sh $(if [[ -n "$postgres" ]]; then echo "--postgres '${db#PostgreSQL: }'"; else echo "--db ${db/#$work\/demo.db/demo}"; fi) ${redis:+--second-node $redis} ${run_args[*]:-} ${inbox_queries:+--inbox-queries}"
  echo "commit: $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- AgentWorkspace || echo ' (with uncommitted app changes)')"
  echo "cpus: $(nproc); memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}'); dotnet: $(dotnet --version)"
  echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/machine.txt"

echo "== building (Release)"
dotnet build "$repo/AgentWorkspace" -c Release -nologo -v q -clp:ErrorsOnly
dotnet build "$here" -c Release -nologo -v q -clp:ErrorsOnly
(cd "$repo" && dotnet tool restore >/dev/null)
bench=("dotnet" "$here/bin/Release/net10.0/LiveBench.dll")

app_pid=""
app_b_pid=""
stop_app() {
  for pid in "$app_pid" "$app_b_pid"; do
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      wait "$pid" 2>/dev/null || true
    fi
  done
  app_pid=""
  app_b_pid=""
}
trap 'stop_app; rm -rf "$work"' EXIT

# $1: the node's URL, $2: its log. Both nodes share the database, the data-protection keys and (with --second-node) Redis.
start_node() {
  (
    cd "$repo/AgentWorkspace"
    # All screens and widgets connect from 127.0.0.1: the widget hub's per-address limits (one office behind one
    # address) are raised; its per-connection limits stay as shipped.
    export ASPNETCORE_ENVIRONMENT=Production DemoData__Enabled=$demo \
      "${db_env[@]}" DataProtection__KeysPath="$work/keys" \
      Widget__RateLimits__CallsPerAddressBurst=10000000 Widget__RateLimits__CallsPerAddressPerSecond=10000000 \
      Widget__RateLimits__MessagesPerAddressBurst=10000000 Widget__RateLimits__MessagesPerAddressPerSecond=10000000 \
      Widget__RateLimits__StartsPerAddressBurst=10000000 Widget__RateLimits__StartsPerAddressPerMinute=10000000
    [[ -z "$redis" ]] || export Redis__Connection="$redis"
    # The built app itself rather than `dotnet run`, so $! is the server's own process (its CPU and memory are measured).
    exec ./bin/Release/net10.0/AgentWorkspace --urls "$1"
  ) >>"$2" 2>&1 &
}
wait_healthy() {
  for _ in $(seq 1200); do
    curl -sf "$1/healthz" >/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { echo "the app at $1 exited; see $out" >&2; exit 1; }
    sleep 0.5
  done
  echo "the app at $1 did not answer /healthz in 10 min" >&2
  exit 1
}

echo "== starting the app on $url (database $db)"
start_node "$url" "$out/app.log"
app_pid=$!
wait_healthy "$url" "$app_pid"
if [[ -n "$redis" ]]; then
  # B starts once A has migrated and seeded the database.
  url_b="http://127.0.0.1:$((port + 1))"
  echo "== starting node B on $url_b (same database, Redis $redis)"
  start_node "$url_b" "$out/app-b.log"
  app_b_pid=$!
  wait_healthy "$url_b" "$app_b_pid"
  run_args+=(--second-node "$url_b")
fi

echo "== preparing sign-ins and API keys"
"${bench[@]}" prepare "${prepare_args[@]}" --agents 100 --out "$out/prepared.json"

echo "== running"
"${bench[@]}" run --url "$url" --pid "$app_pid" --prepared "$out/prepared.json" --out "$out" --label "$label" "${run_args[@]}"
stop_app

if [[ -n "$inbox_queries" ]]; then
  echo "== inbox queries on the same database (InboxBench measure)"
  dotnet run -c Release --project "$repo/bench/InboxBench" -- measure --db "$db" --runs 200 --budget-seconds 4 | tee "$out/inbox-queries.txt"
fi

echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
{ cat "$out/machine.txt"; echo; cat "$out/report.md"; [[ -f "$out/inbox-queries.txt" ]] && { echo; echo '```'; cat "$out/inbox-queries.txt"; echo '```'; }; } >"$out/summary.md"
echo "== report: $out/summary.md"
