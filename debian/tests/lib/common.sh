# shellcheck shell=bash
# Sourced by the DEP-8 tests of debian/tests/control. They run as root on a booted Debian 12
# whose PID 1 is systemd, against the installed package, from the source tree's root (DEP-8);
# tests/system/run boots such a system and runs them, and autopkgtest can too
# (`autopkgtest . -- null` on a disposable machine).
#
# Each test first brings the host to the state docs/deployment.md describes, running the
# document's own commands (its `<!-- runnable: NAME -->` blocks), once: the deployment is
# kept in $STATE, so the tests run one after another or alone.
set -euo pipefail
export LANG=C.UTF-8 SYSTEMD_PAGER='' SYSTEMD_COLORS=0

SRC=$(pwd)
LIB=$SRC/debian/tests/lib
DOC=$SRC/docs/deployment.md
STATE=/var/lib/cineverse-dep8
TMP=${AUTOPKGTEST_TMP:-$(mktemp -d)}
mkdir -p "$STATE"
# What the test set up outside the document: the certificate authority of the site's
# certificate (curl and the load read it), and the stand-in for TMDB.
export CURL_CA_BUNDLE=$STATE/tls/ca.pem
TMDB_STANDIN_PORT=8089
TMDB_TEST_KEY=system-test-key-not-a-secret

say() { printf -- '--- %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
# A measured figure: printed, and collected by tests/system/run into its summary.
figure() { printf 'figure: %s\n' "$*"; }
thousands() { python3 -c 'import sys; print(f"{int(sys.argv[1]):,}")' "$1"; }

# Polls a command every 0.1 s until it succeeds; fails the test after <seconds>.
wait_until() {  # wait_until <seconds> <what> <command...>
  local seconds=$1 what=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || fail "not within ${seconds}s: $what"
    sleep 0.1
  done
}

# --- docs/deployment.md's commands -------------------------------------------------------
doc_blocks() { python3 "$LIB/doc_blocks.py" "$DOC" "$@"; }
# Runs documented blocks in this shell (the variables they set stay), each command echoed.
run_doc() {  # run_doc <block name>...
  local file
  file=$TMP/doc-$(IFS=-; echo "$*").sh
  doc_blocks "$@" >"$file"
  say "docs/deployment.md, $*:"
  sed 's/^/    /' "$file"
  # shellcheck disable=SC1090
  source "$file"
}

# --- the service ---------------------------------------------------------------------------
main_pid() { systemctl show -p MainPID --value "${1:-cineverse-api}"; }
children() { cat "/proc/$1/task/$1/children" 2>/dev/null || true; }
# The pids of a pool's workers of one lane (their process name is cv-<lane>).
workers() {  # workers <lane> [unit]
  local pid
  for pid in $(children "$(main_pid "${2:-cineverse-api}")"); do
    [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "cv-$1" ] && echo "$pid"
  done
  return 0
}
# True once none of the processes is left.
all_gone() {  # all_gone <pid>...
  local pid
  for pid in "$@"; do [ ! -e "/proc/$pid" ] || return 1; done
}
active() { [ "$(systemctl is-active "$@" | sort -u)" = active ]; }
healthy() {
  local body
  body=$(curl -fsS --max-time 5 "https://$DOMAIN/healthz") && grep -q '"database":"ok"' <<<"$body"
}
# The pool's status page (JSON), through nginx from loopback as the document says.
pool_status() { curl -fsS --max-time 5 --resolve "$DOMAIN:443:127.0.0.1" "https://$DOMAIN/status?full"; }

# --- the journal -------------------------------------------------------------------------------
cursor() { journalctl --sync; journalctl -n 0 --show-cursor -q | sed -n 's/^-- cursor: //p'; }
# The unit's lines at priority err or above since <cursor>, one a line (MESSAGE only).
errors_since() {  # errors_since <cursor> [unit...]
  local after=$1; shift
  local units=("$@") unit args=()
  [ ${#units[@]} -gt 0 ] || units=(cineverse-api.service cineverse-api.socket)
  for unit in "${units[@]}"; do args+=(-u "$unit"); done
  journalctl --sync
  journalctl --after-cursor="$after" -p err -o cat -q "${args[@]}" || true
}
# Fails unless every error line since <cursor> matches one of the patterns (extended
# regular expressions): what the test caused on purpose, and nothing else.
expect_errors_since() {  # expect_errors_since <cursor> [pattern...]
  local after=$1; shift
  local line pattern ok unexpected=()
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    ok=0
    for pattern in "$@"; do [[ $line =~ $pattern ]] && ok=1 && break; done
    [ $ok = 1 ] || unexpected+=("$line")
  done < <(errors_since "$after")
  if [ ${#unexpected[@]} -gt 0 ]; then
    printf '    %s\n' "${unexpected[@]}" >&2
    fail "journalctl -u cineverse-api -p err: ${#unexpected[@]} line(s) beyond what the test caused"
  fi
}
# True when a line of <unit>'s journal since <cursor> matches the extended regular expression.
journal_has() {  # journal_has <cursor> <unit> <pattern>
  local lines
  journalctl --sync
  lines=$(journalctl --after-cursor="$1" -u "$2" -o cat -q)
  grep -qE "$3" <<<"$lines"
}
# A start writes no NOTICE (PostgreSQL's, through libpq) and no error.
expect_quiet_start_since() {  # expect_quiet_start_since <cursor>
  local noise
  noise=$(journalctl --after-cursor="$1" -u cineverse-api -o cat -q | grep -E 'NOTICE|WARNING:' || true)
  [ -z "$noise" ] || fail "notice noise in the journal: $noise"
  expect_errors_since "$1"
}

# --- load ------------------------------------------------------------------------------------
# A load through nginx (lib/load.py) in the background, every answer checked.
start_load() {  # start_load [kinds, comma-separated]
  LOAD_DIR=$(mktemp -d "$TMP/load.XXXX")
  python3 "$LIB/load.py" --users "$STATE/users.json" --progress "$LOAD_DIR/progress" \
    --summary "$LOAD_DIR/summary" --stop-file "$LOAD_DIR/stop" ${1:+--kinds "$1"} \
    >"$LOAD_DIR/log" 2>&1 &
  LOAD_PID=$!
  wait_until 30 "the load's first answers" load_past 20
}
load_ok() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["ok"])' "$LOAD_DIR/progress" 2>/dev/null || echo 0; }
load_past() { [ "$(load_ok)" -ge "$1" ]; }
# Waits until the load has had <n> more good answers than now: the service answers again.
load_answers_again() {  # load_answers_again <n> <seconds>
  local target=$(($(load_ok) + $1))
  wait_until "$2" "$1 more good answers under load" load_past "$target"
}
# Stops the load and prints the figure "<what>: F failed of N"; fails the test when more
# than <allowed> requests failed (default 0).
stop_load() {  # stop_load <what> [allowed failures]
  local what=$1 allowed=${2:-0} failed total unfinished
  touch "$LOAD_DIR/stop"
  wait "$LOAD_PID" || { cat "$LOAD_DIR/log" >&2; fail "the load generator failed"; }
  read -r failed total unfinished < <(python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print(s["failed"], s["total"], s["unfinished"])' "$LOAD_DIR/summary")
  figure "$what: $(thousands "$failed") failed of $(thousands "$total")"
  if [ "$failed" -gt "$allowed" ] || [ "$unfinished" -gt 0 ]; then
    python3 -c 'import json,sys; [print("   ", f) for f in json.load(open(sys.argv[1]))["failures"][:20]]' "$LOAD_DIR/summary" >&2
    fail "$what: $failed failed (at most $allowed allowed), $unfinished unfinished"
  fi
}

# --- the deployment, from the document ---------------------------------------------------
# Brings the host to the document's one-host deployment, once: the database and its two
# roles, the configuration, the service started, the nginx site enabled. What the document
# leaves to the operator is done here in its place: a certificate (certbot's paths, signed by
# a test authority), the domain's address (/etc/hosts), and TMDB (a stand-in on loopback).
ensure_deployed() {
  if [ -f "$STATE/deployed" ]; then
    DOMAIN=$(cat "$STATE/domain")
    export CINEVERSE_DOMAIN=$DOMAIN
    return 0
  fi
  [ "$(dpkg-query -W -f='${db:Status-Status}' cineverse-api)" = installed ] || fail "cineverse-api is not installed"
  [ ! -f "$STATE/deploying" ] || fail "an earlier deployment stopped halfway (see the first test's log)"
  touch "$STATE/deploying"
  local start
  start=$(cursor)
  run_doc database
  run_doc configure
  [ -n "${DOMAIN:-}" ] || fail "the document's configure block sets no DOMAIN"
  echo "$DOMAIN" >"$STATE/domain"
  export CINEVERSE_DOMAIN=$DOMAIN
  setup_tmdb_standin
  run_doc start
  setup_certificate
  run_doc nginx
  wait_until 30 "https://$DOMAIN/healthz answers" healthy
  expect_quiet_start_since "$start"
  python3 "$LIB/seed.py" "$STATE/users.json"
  touch "$STATE/deployed"
  rm "$STATE/deploying"
}

setup_tmdb_standin() {
  say "test setup: a TMDB stand-in on 127.0.0.1:$TMDB_STANDIN_PORT, the service pointed at it"
  cat >/etc/systemd/system/cineverse-test-tmdb.service <<EOF
[Unit]
Description=TMDB stand-in for the system tests (tests/fake_tmdb over demo/tmdb)
[Service]
DynamicUser=yes
ExecStart=/usr/bin/python3 $SRC/tests/fake_tmdb/fake_tmdb.py --port $TMDB_STANDIN_PORT --fixtures $SRC/demo/tmdb --api-key $TMDB_TEST_KEY
[Install]
WantedBy=multi-user.target
EOF
  systemctl daemon-reload
  systemctl enable --now cineverse-test-tmdb.service
  wait_until 15 "the TMDB stand-in answers" curl -fsS "http://127.0.0.1:$TMDB_STANDIN_PORT/__control/counts"
  printf 'TMDB_BASE_URL=http://127.0.0.1:%s/3\nTMDB_API_KEY=%s\n' "$TMDB_STANDIN_PORT" "$TMDB_TEST_KEY" \
    >>/etc/cineverse/cineverse.env
}

# The stand-in's control API (tests/fake_tmdb): GET <path>, or POST <path> with a JSON body.
tmdb_control() {  # tmdb_control <path> [JSON body]
  if [ $# -gt 1 ]; then
    curl -fsS -H 'Content-Type: application/json' --data "$2" "http://127.0.0.1:$TMDB_STANDIN_PORT$1"
  else
    curl -fsS "http://127.0.0.1:$TMDB_STANDIN_PORT$1"
  fi
}

setup_certificate() {
  say "test setup: a certificate for $DOMAIN where certbot puts it, and $DOMAIN at 127.0.0.1"
  local live=/etc/letsencrypt/live/$DOMAIN
  mkdir -p "$live" "$STATE/tls"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 -subj "/CN=$DOMAIN" \
    -addext "subjectAltName=DNS:$DOMAIN" -keyout "$live/privkey.pem" -out "$live/fullchain.pem" 2>/dev/null
  chmod 600 "$live/privkey.pem"
  cp "$live/fullchain.pem" "$CURL_CA_BUNDLE"
  grep -q " $DOMAIN\$" /etc/hosts || echo "127.0.0.1 $DOMAIN" >>/etc/hosts
}
