# Shared by scripts/serve, scripts/test and scripts/bench. Sourced, not run.
# Everything that needs no privileges runs as an unprivileged user: the invoking user, or,
# when invoked as root (CI), the system user `cineverse`. PostgreSQL never runs as root.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE=${CINEVERSE_STATE_DIR:-$REPO/var}
SERVICE_USER=cineverse
PACKAGES=(build-essential cmake ninja-build pkg-config libfcgi-dev libsoci-dev libpq-dev
  libcurl4-openssl-dev libjsoncpp-dev libboost-test-dev libsodium-dev libsystemd-dev libzip-dev
  libcsv-dev nginx
  postgresql openssl curl ca-certificates python3 util-linux)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

if [ "$(id -u)" -eq 0 ]; then
  APP_USER=$SERVICE_USER
  SUDO=()
else
  APP_USER=$(id -un)
  SUDO=(sudo)
fi

# Runs a command as the unprivileged user, in the repository.
as_app() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$APP_USER" -- env HOME="$STATE/home" PATH="$PATH" "$@"
  else
    "$@"
  fi
}

install_missing_packages() {
  local missing=() pkg
  for pkg in "${PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  # Node.js may come from elsewhere than Debian (with its own npm): only install if absent.
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  # The Debian packages start system-wide nginx/PostgreSQL services where an init system
  # runs; this project runs its own instances on its own ports and never touches those.
}

# As root: make sure the service user exists and can reach and own the state directory.
prepare_state() {
  mkdir -p "$STATE"
  if [ "$(id -u)" -eq 0 ]; then
    id -u "$SERVICE_USER" >/dev/null 2>&1 ||
      useradd --system --user-group --home-dir /nonexistent --shell /usr/sbin/nologin "$SERVICE_USER"
    # Every ancestor of the repository must be traversable (not readable) by the user.
    local dir=$REPO
    while [ "$dir" != / ]; do
      if ! runuser -u "$SERVICE_USER" -- test -x "$dir"; then
        say "granting $SERVICE_USER traversal of $dir (chmod o+x)"
        chmod o+x "$dir"
      fi
      dir=$(dirname "$dir")
    done
    chown "$SERVICE_USER:" "$STATE"
    local build
    for build in "$REPO"/build "$REPO"/build-{test,bench,fuzz,package}; do
      mkdir -p "$build"
      # A tree built by root earlier would be unwritable for the user.
      [ "$(stat -c %U "$build")" = "$SERVICE_USER" ] && [ -z "$(find "$build" -maxdepth 2 ! -user "$SERVICE_USER" -print -quit)" ] ||
        chown -R "$SERVICE_USER:" "$build"
    done
    # Source files must be readable (a clone under a umask 077 would not be).
    runuser -u "$SERVICE_USER" -- test -r "$REPO/CMakeLists.txt" || chmod -R o+rX "$REPO"
  fi
  as_app mkdir -p "$STATE/home" "$STATE/run" "$STATE/log"
}

build_api() {  # build_api <build dir> <cmake args...>
  local dir=$1; shift
  as_app cmake -S "$REPO" -B "$dir" -G Ninja "$@" >/dev/null
  as_app cmake --build "$dir" --parallel "$(nproc)"
}

# The web client's home rows come from the route table: build_web writes the table where the
# client imports it (web/src/generated/routes.json), from the given build's binary.
build_web() {  # build_web <build dir>
  # CINEVERSE_SKIP_WEB=1: API-only work, keep whatever web/dist holds.
  if [ ! -f "$REPO/web/package.json" ] || [ "${CINEVERSE_SKIP_WEB:-}" = 1 ]; then return 0; fi
  local build=$1
  say "building the web client"
  [ "$(id -u)" -eq 0 ] && chown -R "$SERVICE_USER:" "$REPO/web"
  as_app mkdir -p "$REPO/web/src/generated"
  as_app "$build/cineverse-api" routes --json | as_app tee "$REPO/web/src/generated/routes.json" >/dev/null
  (cd "$REPO/web" && as_app npm ci --no-audit --no-fund --loglevel=error && as_app npm run build --silent)
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1; }

# Free TCP port on loopback.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# A self-signed certificate for localhost, generated once.
ensure_certificate() {  # ensure_certificate <dir>
  local dir=$1
  if [ ! -f "$dir/localhost.crt" ]; then
    as_app mkdir -p "$dir"
    as_app openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj /CN=localhost \
      -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
      -keyout "$dir/localhost.key" -out "$dir/localhost.crt" 2>/dev/null
    as_app chmod 600 "$dir/localhost.key"
  fi
}

# Starts a long-running command as the unprivileged user, in the background, with its own
# process id (setpriv execs, it does not fork), logging to a file. Prints the pid.
spawn_as_app() {  # spawn_as_app <log file> <command...>
  local log=$1; shift
  if [ "$(id -u)" -eq 0 ]; then
    setsid setpriv --reuid="$APP_USER" --regid="$APP_USER" --init-groups \
      env HOME="$STATE/home" "$@" >>"$log" 2>&1 </dev/null &
  else
    setsid "$@" >>"$log" 2>&1 </dev/null &
  fi
  echo $!
}

# PostgreSQL in $STATE/pg, on a unix socket only (no TCP), owned by the unprivileged user.
PG_DATA=$STATE/pg/data
PG_RUN=$STATE/run/pg
pg_start() {
  local bin; bin=$(pg_bin)
  as_app mkdir -p "$STATE/pg" "$PG_RUN"
  as_app chmod 700 "$PG_RUN"
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    say "creating the PostgreSQL cluster in $PG_DATA"
    as_app "$bin/initdb" -D "$PG_DATA" --auth=trust --username=cineverse --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! as_app "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    as_app "$bin/pg_ctl" -D "$PG_DATA" -w -t 30 -l "$STATE/log/postgresql.log" \
      -o "-c listen_addresses='' -c unix_socket_directories='$PG_RUN' -c max_connections=200" start >/dev/null
  fi
  if ! as_app "$bin/psql" -h "$PG_RUN" -U cineverse -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='cineverse'" | grep -q 1; then
    as_app "$bin/createdb" -h "$PG_RUN" -U cineverse cineverse
  fi
}
pg_stop() {
  local bin; bin=$(pg_bin)
  [ -f "$PG_DATA/postmaster.pid" ] && as_app "$bin/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
}
DATABASE_URL="postgresql:///cineverse?host=$PG_RUN&user=cineverse"

# Stops the process whose pid is in <file>, with <signal>, waiting up to 30 s.
stop_pidfile() {  # stop_pidfile <file> <signal>
  local file=$1 signal=$2 pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill "-$signal" "$pid" 2>/dev/null || true
    for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  fi
  rm -f "$file"
}

# The lanes a binary declares that take requests (`routes --json`; the jobs lane listens
# nowhere), one a line: "<name> <listen variable> <socket
# file name>". The sockets' names and variables come from there, never from a copy here.
lanes_of() {  # lanes_of <binary>
  "$1" routes --json | python3 -c 'import json, sys
for lane in json.load(sys.stdin)["lanes"]:
    if lane.get("listens", True):
        print(lane["name"], lane["listen_variable"], lane["socket"])'
}
# The socket file name of one lane of a binary (main: api.sock).
lane_socket() {  # lane_socket <binary> <lane>
  lanes_of "$1" | awk -v lane="$2" '$1 == lane { print $3 }'
}
# For scripts/render-nginx: each lane's address in $STATE/run, as FASTCGI (the main lane's) and
# <LANE>_FASTCGI assignments.
nginx_lane_addresses() {  # nginx_lane_addresses <binary>
  local name variable socket
  while read -r name variable socket; do
    if [ "$name" = main ]; then echo "FASTCGI=unix:$STATE/run/$socket"; else echo "${name^^}_FASTCGI=unix:$STATE/run/$socket"; fi
  done < <(lanes_of "$1")
}

# Starts the pool from <build dir> with every lane it declares on its socket in $STATE/run
# (api.sock, api-hashing.sock…) and the given extra environment (VAR=value…); its pid goes to
# $STATE/run/api.pid. Fails if the main lane's socket does not appear. start_nginx then
# renders the same binary's routes.
start_pool() {  # start_pool <build dir> [VAR=value…]
  local build=$1; shift
  CINEVERSE_API=$build/cineverse-api
  local listen=() name variable socket main=""
  while read -r name variable socket; do
    rm -f "$STATE/run/$socket"
    listen+=("$variable=unix:$STATE/run/$socket")
    [ "$name" = main ] && main=$STATE/run/$socket
  done < <(lanes_of "$CINEVERSE_API")
  [ -n "$main" ] || die "$CINEVERSE_API declares no main lane"
  spawn_as_app "$STATE/log/api.log" env "${listen[@]}" \
    CINEVERSE_DATABASE_URL="$DATABASE_URL" CINEVERSE_WEB_ROOT="${WEB_ROOT:-$REPO/web/dist}" \
    "$@" "$build/cineverse-api" serve >"$STATE/run/api.pid"
  wait_for_socket "$main" && return 0
  tail -n 20 "$STATE/log/api.log" >&2
  return 1
}

# The demo members' public reviews (demo/reviews.sql), once the pool has applied the
# migrations: film pages of the offline demo then show ratings and reviews. Idempotent.
seed_demo_reviews() {
  as_app "$(pg_bin)/psql" -h "$PG_RUN" -U cineverse -d cineverse -v ON_ERROR_STOP=1 -q \
    -f "$REPO/demo/reviews.sql"
}

# What the package's cineverse-api-offers.timer does, for a local stack: queues the offers
# refresh every <seconds> with the given build's binary (the pool's jobs lane runs it); its
# pid goes to $STATE/run/offers-timer.pid.
start_offers_timer() {  # start_offers_timer <build dir> <seconds>
  spawn_as_app "$STATE/log/offers-timer.log" env CINEVERSE_DATABASE_URL="$DATABASE_URL" \
    bash -c 'trap '"'"'kill $! 2>/dev/null; exit 0'"'"' TERM
      while :; do "$0" jobs enqueue offers.refresh; sleep "$1" & wait $!; done' \
    "$1/cineverse-api" "$2" >"$STATE/run/offers-timer.pid"
}

# Waits up to 10 s for a pool's unix socket to appear; status 1 if it does not.
wait_for_socket() {  # wait_for_socket <path>
  for _ in $(seq 100); do [ -S "$1" ] && return 0; sleep 0.1; done
  return 1
}

# The offline demo's stand-in for TMDB (demo/tmdb_standin.py, answering from demo/tmdb/) on
# 127.0.0.1:<port>, as the unprivileged user; its pid goes to $STATE/run/demo.pid. Waits
# until it answers; fails if it does not.
start_demo_tmdb() {  # start_demo_tmdb <port>
  local port=$1
  spawn_as_app "$STATE/log/demo.log" python3 "$REPO/demo/tmdb_standin.py" --port "$port" \
    --root "$REPO/demo/tmdb" >"$STATE/run/demo.pid"
  for _ in $(seq 100); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/3/configuration")" = 200 ] && return 0
    kill -0 "$(cat "$STATE/run/demo.pid")" 2>/dev/null || break
    sleep 0.1
  done
  tail -n 20 "$STATE/log/demo.log" >&2
  return 1
}

# Renders nginx for $STATE and starts it (as root: workers run as the unprivileged user);
# waits until https://localhost:<https port>/healthz answers 200.
start_nginx() {  # start_nginx <https port> <http port> [extra conf file]
  local nginx_user="" conf
  [ "$(id -u)" -eq 0 ] && nginx_user=$APP_USER
  local addresses=()
  mapfile -t addresses < <(nginx_lane_addresses "${CINEVERSE_API:-$REPO/build/cineverse-api}")
  conf=$(as_app env STATE="$STATE" CINEVERSE_API="${CINEVERSE_API:-}" "${addresses[@]}" \
    HTTPS_PORT="$1" HTTP_PORT="$2" EXTRA_CONF="${3:-}" \
    NGINX_USER="$nginx_user" ACCESS_LOG="${ACCESS_LOG:-}" "$REPO/scripts/render-nginx")
  if [ "$(id -u)" -eq 0 ]; then
    setsid nginx -e "$STATE/log/nginx-error.log" -p "$STATE/nginx" -c "$conf" >>"$STATE/log/nginx.log" 2>&1 </dev/null &
  else
    spawn_as_app "$STATE/log/nginx.log" nginx -e "$STATE/log/nginx-error.log" -p "$STATE/nginx" -c "$conf" >/dev/null
  fi
  for _ in $(seq 150); do
    [ "$(curl -sk -o /dev/null -w '%{http_code}' "https://localhost:$1/healthz")" = 200 ] && return 0
    sleep 0.2
  done
  tail -n 20 "$STATE/log/api.log" "$STATE/log/nginx-error.log" >&2 || true
  return 1
}

stop_stack() {
  stop_pidfile "$STATE/run/offers-timer.pid" TERM
  stop_pidfile "$STATE/run/nginx.pid" QUIT
  stop_pidfile "$STATE/run/api.pid" TERM
  stop_pidfile "$STATE/run/api-hashing.pid" TERM  # the bench's hashing lane run on its own
  stop_pidfile "$STATE/run/demo.pid" TERM
  pg_stop
}

# The cpu controller's cgroups on this machine: cgroup v1's cpu hierarchy, or v2's when the
# controller is enabled below its root. Status 1 when there is none.
cpu_cgroup_root() {
  if [ -f /sys/fs/cgroup/cpu/cpu.shares ]; then
    echo /sys/fs/cgroup/cpu
  elif grep -qw cpu /sys/fs/cgroup/cgroup.subtree_control 2>/dev/null; then
    echo /sys/fs/cgroup
  else
    return 1
  fi
}

# Creates the cpu cgroup <path> (relative to cpu_cgroup_root, root-owned, its own children
# given the controller) and prints its directory. Status 1 when the machine refuses.
make_cpu_cgroup() {  # make_cpu_cgroup <path>
  local root dir
  root=$(cpu_cgroup_root) || return 1
  dir=$root/$1
  "${SUDO[@]}" mkdir -p "$dir" 2>/dev/null || return 1
  [ ! -f "$dir/cgroup.subtree_control" ] ||
    echo +cpu | "${SUDO[@]}" tee "$dir/cgroup.subtree_control" >/dev/null 2>&1 || return 1
  echo "$dir"
}

# Gives a cgroup made above systemd's CPUWeight= (1-10000, 100 for everyone else): v2's
# cpu.weight as it is, v1's cpu.shares as systemd converts it (100 is 1024).
set_cpu_weight() {  # set_cpu_weight <cgroup dir> <weight>
  if [ -f "$1/cpu.weight" ]; then
    echo "$2" | "${SUDO[@]}" tee "$1/cpu.weight" >/dev/null
  else
    echo $(($2 * 1024 / 100 > 2 ? $2 * 1024 / 100 : 2)) | "${SUDO[@]}" tee "$1/cpu.shares" >/dev/null
  fi
}

# Moves a process, then its children (nginx's, PostgreSQL's or the pool's workers), into a
# cgroup; what it forks from then on starts there.
move_to_cgroup() {  # move_to_cgroup <cgroup dir> <pid>
  local pid
  echo "$2" | "${SUDO[@]}" tee "$1/cgroup.procs" >/dev/null
  for pid in $(cat /proc/"$2"/task/*/children 2>/dev/null); do
    echo "$pid" | "${SUDO[@]}" tee "$1/cgroup.procs" >/dev/null 2>&1 || true  # gone meanwhile
  done
}

# Removes cgroups made above, children first; the ones still holding a process stay.
remove_cpu_cgroups() {  # remove_cpu_cgroups <dir>…
  local dir
  for dir in "$@"; do "${SUDO[@]}" rmdir "$dir" 2>/dev/null || true; done
}

# A separate stack's state directory (bench, chaos): PostgreSQL paths follow $STATE.
use_state() {  # use_state <dir>
  STATE=$1
  PG_DATA=$STATE/pg/data
  PG_RUN=$STATE/run/pg
  DATABASE_URL="postgresql:///cineverse?host=$PG_RUN&user=cineverse"
}

# Replaces what lies between "<!-- NAME:begin -->" and "<!-- NAME:end -->" in a document
# (appending the block if absent) with the content of a file: generated figures live next
# to the hand-written analysis.
replace_block() {  # replace_block <document> <name> <content file>
  python3 - "$@" <<'PY'
import os, sys
document, name, content_file = sys.argv[1:4]
begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
content = open(content_file).read().rstrip("\n")
text = open(document).read() if os.path.exists(document) else ""
block = f"{begin}\n{content}\n{end}"
if begin in text and end in text:
    text = text[:text.index(begin)] + block + text[text.index(end) + len(end):]
else:
    text = text.rstrip("\n") + ("\n\n" if text else "") + block + "\n"
open(document, "w").write(text)
PY
  [ "$(id -u)" -eq 0 ] && chown "$(stat -c %u "$REPO"):$(stat -c %g "$REPO")" "$1" || true
}
