#!/usr/bin/env bash
# Does the system fit a Raspberry Pi Zero 2 W (512 MB, four Cortex-A53 cores)? Runs the
# built api and its embedded PostgreSQL inside a cgroup of that size, sends the booking
# bench's load from outside the cgroup (apps/api/bench/pi-memory-load.ts) and reports the
# api's resident set, PostgreSQL's proportional set (all its processes), the cgroup's peak,
# how often it hit its limit, OOM kills, throughput and p99 per phase.
#
#   sudo scripts/pi-memory.sh        (root: cgroup v1 at /sys/fs/cgroup/{memory,cpu})
#
# PI_MEMORY_LIMIT (default 512M) sets the memory limit; PI_CPU_CORES (default 1) the CPU
# quota in cores of this machine. Targets (docs/quality.md): api RSS ≤ 150 MB, PostgreSQL
# PSS ≤ 128 MB under the load, and no OOM kill in 512 MB.
#
# Why one core: a Cortex-A53 at 1 GHz does roughly a fifth of the work of one core of a
# current x86-64 server at 2–3 GHz per unit of time (single-thread benchmarks put it at
# 1/4–1/6), so the Pi's four cores together are worth about one such core. Latencies here
# stay lower than on a Pi (one fast core finishes a single request sooner than a slow one
# does); throughput is the figure that transfers. The whole Pi is simulated as if it ran
# nothing else: the OS and its page cache outside the 512 MB are not counted.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
name="booking-pi-memory"
memory_cg="/sys/fs/cgroup/memory/$name"
cpu_cg="/sys/fs/cgroup/cpu/$name"
limit="${PI_MEMORY_LIMIT:-512M}"
cores="${PI_CPU_CORES:-1}"
port="${PI_PORT:-3902}"
export BOOKING_OWNER_EMAIL="owner@pi.example.org"
export BOOKING_OWNER_PASSWORD="pi owner password"

[ "$(id -u)" -eq 0 ] || { echo "run as root: it creates cgroups" >&2; exit 1; }
if [ ! -d /sys/fs/cgroup/memory ] || [ ! -d /sys/fs/cgroup/cpu ]; then
  echo "needs the cgroup v1 memory and cpu controllers at /sys/fs/cgroup/{memory,cpu}" >&2
  exit 1
fi
node --version | grep -q '^v24\.' || { echo "needs Node.js 24 on PATH (./booking exec bash $0)" >&2; exit 1; }

step() { printf '\n== %s\n' "$1"; }
read_cg() { cat "$memory_cg/$1"; }
mib() { echo "$(( $1 / 1048576 ))"; }

step "build the api as pnpm start does"
(cd "$repo" && pnpm --filter @booking/api build >/dev/null)

step "cgroup $name: memory $limit, CPU $cores core(s) of this machine"
for cg in "$memory_cg" "$cpu_cg"; do
  if [ -d "$cg" ]; then
    [ -z "$(cat "$cg/cgroup.procs")" ] || { echo "$cg still has processes: $(cat "$cg/cgroup.procs")" >&2; exit 1; }
    rmdir "$cg"
  fi
  mkdir "$cg"
done
echo "$limit" >"$memory_cg/memory.limit_in_bytes"
# With swap the limit would only move memory to disk (an SD card on the Pi): memory plus
# swap get the same limit, where the kernel offers it.
if [ -e "$memory_cg/memory.memsw.limit_in_bytes" ]; then
  echo "$limit" >"$memory_cg/memory.memsw.limit_in_bytes"
  memsw="memory+swap $(mib "$(cat "$memory_cg/memory.memsw.limit_in_bytes")") MiB"
else
  memsw="no swap accounting"
fi
period=$(cat "$cpu_cg/cpu.cfs_period_us")
quota=$(awk -v c="$cores" -v p="$period" 'BEGIN { printf "%d", c * p }')
echo "$quota" >"$cpu_cg/cpu.cfs_quota_us"
echo "memory.limit_in_bytes $(mib "$(read_cg memory.limit_in_bytes)") MiB ($memsw);" \
  "cpu.cfs_quota_us $quota per $period µs; $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-)"

data="$(mktemp -d /tmp/booking-pi-memory-XXXXXX)"
log="$data.log"
step "start the api and its embedded PostgreSQL inside the cgroup (data in $data)"
(
  # This shell joins the cgroups, then becomes the api: the api and every PostgreSQL
  # process it starts inherit them.
  echo "$BASHPID" >"$memory_cg/cgroup.procs"
  echo "$BASHPID" >"$cpu_cg/cgroup.procs"
  cd "$repo"
  # The environment and node flags of `pnpm start` (root package.json).
  exec env PORT="$port" HOST=127.0.0.1 BOOKING_DATA_DIR="$data" BOOKING_DEMO=0 \
    RATE_LIMIT_PER_MINUTE=0 LOG_LEVEL=warn MALLOC_ARENA_MAX=2 \
    node --max-semi-space-size=4 --max-old-space-size=96 apps/api/dist/main.js
) >"$log" 2>&1 &
api_pid=$!
cleanup() {
  if kill -0 "$api_pid" 2>/dev/null; then
    kill -TERM "$api_pid"
    for _ in $(seq 1 60); do kill -0 "$api_pid" 2>/dev/null || break; sleep 0.5; done
  fi
  # PostgreSQL leaves with the api; wait for its last processes before removing the cgroups.
  for _ in $(seq 1 60); do [ -z "$(cat "$memory_cg/cgroup.procs" 2>/dev/null)" ] && break; sleep 0.5; done
  rmdir "$memory_cg" "$cpu_cg" 2>/dev/null || echo "cgroups left behind: $memory_cg $cpu_cg" >&2
  rm -rf "$data"
}
trap cleanup EXIT
until curl -fsS "http://127.0.0.1:$port/ready" >/dev/null 2>&1; do
  kill -0 "$api_pid" 2>/dev/null || { echo "the api exited:" >&2; tail -20 "$log" >&2; exit 1; }
  sleep 0.2
done
echo "ready; processes in the cgroup: $(wc -l <"$memory_cg/cgroup.procs")"
# A few quiet seconds: what the processes hold once the start is over.
sleep 5

step "the booking bench's load, from outside the cgroup"
(cd "$repo/apps/api" && node bench/pi-memory-load.ts "http://127.0.0.1:$port" "$api_pid" "$memory_cg")

step "the cgroup after the run"
kill -0 "$api_pid" 2>/dev/null && api_state="alive" || api_state="GONE"
oom_kills=$(awk '$1 == "oom_kill" { print $2 }' "$memory_cg/memory.oom_control")
echo "api process:                 $api_state"
echo "memory.max_usage_in_bytes:   $(mib "$(read_cg memory.max_usage_in_bytes)") MiB of $(mib "$(read_cg memory.limit_in_bytes)") MiB"
# Charges that hit the limit, after which the kernel reclaims page cache. Some kernels no
# longer count them for cgroup v1 (6.18 reads 0 even next to an OOM kill): oom_kill below
# is the figure that decides.
echo "memory.failcnt:              $(read_cg memory.failcnt)"
if [ -e "$memory_cg/memory.memsw.failcnt" ]; then
  # With both limits equal, the memory+swap counter is charged first and counts the hits.
  echo "memory.memsw.max_usage:      $(mib "$(read_cg memory.memsw.max_usage_in_bytes)") MiB, memsw.failcnt $(read_cg memory.memsw.failcnt)"
fi
echo "memory.oom_control:          $(tr '\n' ' ' <"$memory_cg/memory.oom_control")"
echo "cpu.stat:                    $(tr '\n' ' ' <"$cpu_cg/cpu.stat")"
# What an SD card would hold after the run: the cluster (with its WAL) and the mail files.
echo "data directory:              $(du -sh "$data/postgres" | cut -f1) PostgreSQL, $(du -sh "$data/outbox" 2>/dev/null | cut -f1) outbox"
if grep -q "exited unexpectedly" "$log"; then echo "PostgreSQL crashed and was restarted during the run (see $log)"; fi
[ "${oom_kills:-0}" -eq 0 ] && [ "$api_state" = "alive" ] || exit 1
