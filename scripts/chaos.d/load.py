#!/usr/bin/env python3
"""Steady mixed load against the stack while faults are injected; reports per fault.

Driven by scripts/chaos (which starts the stack). Each client thread registers its own
user, then loops over a home page's catalogue calls, @me, users/connected, and now and
then a login, a modify and a watchlist add or removal, recording every answer. The main thread runs the schedule of
faults. At the end every acknowledged write is checked in the database.
"""
import argparse
import http.client
import json
import os
import random
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "lib"))
import route_table  # noqa: E402

# A home page's calls: the catalogue rows of the route table of the binary under test.
CATALOGUE = [row["route"] for row in route_table.home_rows(route_table.load())]
# The demo films the clients keep in their watchlists (their pages are fetched before the
# faults begin, so a TMDB outage finds them kept).
KEPT = [f"movie/{900000 + i}" for i in range(10)]


class LocalHTTPS(http.client.HTTPSConnection):
    """The site answers its own host name only: connect to 127.0.0.1 (where nginx listens),
    naming localhost in the TLS handshake and the Host header."""

    def __init__(self, port, context, timeout):
        super().__init__("localhost", port, context=context, timeout=timeout)

    def connect(self):
        self.sock = socket.create_connection(("127.0.0.1", self.port), self.timeout)
        self.sock = self._context.wrap_socket(self.sock, server_hostname="localhost")


class Client:
    def __init__(self, port, name, results, lock, stop):
        self.port, self.name, self.results, self.lock, self.stop = port, name, results, lock, stop
        self.context = ssl._create_unverified_context()
        self.connection = None
        self.cookie = ""
        self.user_id = None
        self.acknowledged = []   # first names the server confirmed
        self.sent_after_ack = []  # first names sent with no confirmation (yet)
        self.refused = []  # first names the server said it did not apply (503 timed out)
        self.kept = {}  # watchlist item → acknowledged present (True) or absent (False)
        self.paused = threading.Event()  # set: the client sends nothing

    def request(self, kind, method, path, body=None):
        headers = {"Cookie": self.cookie} if self.cookie else {}
        if body is not None:
            headers["Content-Type"] = "application/json"
            body = json.dumps(body)
        started = time.monotonic()
        try:
            if self.connection is None:
                self.connection = LocalHTTPS(self.port, self.context, 10)
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            data = response.read()
            status, reason = response.status, ""
            if status != 200:
                try:
                    reason = json.loads(data).get("error", "")
                except ValueError:
                    reason = "not JSON"
            cookie = response.getheader("Set-Cookie")
            if cookie and cookie.startswith("__Host-session=") and "Max-Age=0" not in cookie:
                self.cookie = cookie.split(";", 1)[0]
        except Exception as error:  # a reset connection is a failure to report, not a crash
            self.connection = None
            status, data, reason = 0, b"", type(error).__name__
        with self.lock:
            # Filed under the moment the answer came: a request is hit by the fault of its end.
            self.results.append((time.monotonic(), kind, status, reason, self.name))
        return status, data

    def run(self):
        password = "chaos password " + self.name
        body = {"username": self.name, "password": password, "email": self.name + "@example.org",
                "first_name": "Start", "last_name": "Chaos"}
        while not self.stop.is_set():
            status, data = self.request("register", "POST", "/register", body)
            if status == 200:
                self.user_id = json.loads(data)["id"]
                break
            if status == 409:  # registered by an attempt whose answer was lost
                self.request("login", "POST", "/login", {"username": self.name, "password": password})
                break
            time.sleep(0.2)
        step = 0
        while not self.stop.is_set():
            if self.paused.is_set():
                time.sleep(0.05)
                continue
            step += 1
            path = random.choice(CATALOGUE)
            self.request("catalogue", "GET", path)
            if step % 3 == 0:
                self.request("me", "GET", "/@me")
            if step % 3 == 1 and self.user_id:
                self.request("connected", "GET", f"/api/users/connected?user_id={self.user_id}")
            if step % 25 == 0:
                self.request("login", "POST", "/login", {"username": self.name, "password": password})
            if step % 7 == 0 and self.user_id:
                item = random.choice(KEPT)
                adding = random.random() < 0.6
                status, _ = self.request("watchlist", "PUT" if adding else "DELETE", f"/api/watchlist/{item}")
                if status == 200:
                    self.kept[item] = adding
                else:  # not acknowledged: it may or may not have landed
                    self.kept.pop(item, None)
            if step % 10 == 0:
                value = f"N{step}"
                self.sent_after_ack.append(value)
                status, data = self.request("modify", "PATCH", "/modify", {"first_name": value})
                if status == 200:
                    self.acknowledged.append(value)
                    self.sent_after_ack = []
                elif status == 503 and b"Request timed out" in data:
                    self.refused.append(value)
                    self.sent_after_ack.remove(value)


class LockStall:
    """Another PostgreSQL session holding the users' rows locked for `seconds`, as a forgotten
    transaction would; its own statement and idle timeouts are off."""

    def __init__(self, args, usernames, seconds):
        self.args = args
        psql = [os.path.join(args.pg_bin, "psql"), "-X", "-q", "-h", args.pg_socket, "-U", "cineverse",
                "-d", "cineverse", "-v", "ON_ERROR_STOP=1"]
        names = ", ".join(f":'u{i}'" for i in range(len(usernames)))
        variables = [arg for i, name in enumerate(usernames) for arg in ("-v", f"u{i}={name}")]
        script = ("SET statement_timeout = 0;\nSET idle_in_transaction_session_timeout = 0;\n"
                  "SET application_name = 'chaos_lock_stall';\nBEGIN;\n"
                  f"SELECT id FROM users WHERE username IN ({names}) FOR UPDATE;\n"
                  f"SELECT pg_sleep({float(seconds)});\nCOMMIT;\n")
        self.process = subprocess.Popen(as_user(args, psql + variables), stdin=subprocess.PIPE,
                                        stdout=subprocess.DEVNULL, text=True)
        self.process.stdin.write(script)
        self.process.stdin.close()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not self.holding():
            time.sleep(0.05)

    def holding(self):
        return query(self.args, "SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                                "'chaos_lock_stall' AND query LIKE 'SELECT pg_sleep%';") == "1"

    def wait(self):
        self.process.wait(timeout=60)


def stall_mid_record(socket_path):
    """A FastCGI peer that sends a record header and half its body, then nothing."""
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    connection.connect(socket_path)
    connection.sendall(bytes([1, 1, 0, 1, 0, 8, 0, 0, 0, 1, 1, 0]))
    return connection


def worker_pids(master):
    with open(f"/proc/{master}/task/{master}/children") as children:
        return [int(pid) for pid in children.read().split()]


def rss_and_fds(master):
    """Workers' resident memory and open descriptors. Each worker's RSS is its minimum over
    two seconds of reads: a login in progress holds Argon2id's 19 MiB for ~50 ms, which is
    load, not growth."""
    lowest = {}
    for _ in range(20):
        for pid in worker_pids(master):
            try:
                with open(f"/proc/{pid}/status") as status:
                    for line in status:
                        if line.startswith("VmRSS:"):
                            kib = int(line.split()[1])
                            lowest[pid] = min(lowest.get(pid, kib), kib)
            except FileNotFoundError:  # recycled meanwhile
                pass
        time.sleep(0.1)
    total_fds = 0
    for pid in worker_pids(master):
        try:
            total_fds += len(os.listdir(f"/proc/{pid}/fd"))
        except FileNotFoundError:
            pass
    return sum(lowest.values()) // 1024, total_fds


def control_tmdb(port, payload):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    path = "/__control/reset" if payload is None else "/__control/mode"
    connection.request("POST", path, body=json.dumps(payload or {}), headers={"Content-Type": "application/json"})
    connection.getresponse().read()


def as_user(args, argv):
    return (["runuser", "-u", args.run_as, "--"] if args.run_as else []) + argv


def restart_postgres(args):
    pg_ctl = os.path.join(args.pg_bin, "pg_ctl")
    options = (f"-c listen_addresses='' -c unix_socket_directories='{args.pg_socket}' "
               "-c max_connections=200")
    subprocess.run(as_user(args, [pg_ctl, "-D", args.pg_data, "-m", "fast", "-w", "stop"]),
                   check=True, stdout=subprocess.DEVNULL)
    time.sleep(2)  # the outage clients live through
    subprocess.run(as_user(args, [pg_ctl, "-D", args.pg_data, "-w", "-l", args.pg_log, "-o", options,
                                  "start"]), check=True, stdout=subprocess.DEVNULL)


def query(args, sql, **variables):
    """One query's unaligned output; values travel as psql variables, quoted by psql itself
    (:'name'), never pasted into the SQL."""
    psql = [os.path.join(args.pg_bin, "psql"), "-X", "-q", "-tA", "-h", args.pg_socket, "-U", "cineverse",
            "-d", "cineverse", "-v", "ON_ERROR_STOP=1"]
    for name, value in variables.items():
        psql += ["-v", f"{name}={value}"]
    result = subprocess.run(as_user(args, psql), input=sql + "\n", capture_output=True, text=True, check=True)
    return result.stdout.strip()


def first_name_of(args, username):
    return query(args, "SELECT first_name FROM users WHERE username = :'name';", name=username)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--master-pid", type=int, required=True)
    parser.add_argument("--tmdb-port", type=int, required=True)
    parser.add_argument("--pg-bin", required=True, help="PostgreSQL's server programs (pg_ctl, psql)")
    parser.add_argument("--pg-data", required=True)
    parser.add_argument("--pg-socket", required=True, help="the directory of its unix socket")
    parser.add_argument("--pg-log", required=True)
    parser.add_argument("--run-as", default="", help="run PostgreSQL's programs as this user")
    parser.add_argument("--fastcgi-socket", required=True, help="the main lane's unix socket")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--soak-minutes", type=float, default=0)
    parser.add_argument("--short", action="store_true", help="a brief schedule, for scripts/test")
    parser.add_argument("--report", required=True)
    args = parser.parse_args()

    results, lock, stop = [], threading.Lock(), threading.Event()
    tag = str(int(time.time()))
    clients = [Client(args.port, f"chaos_{tag}_{i}", results, lock, stop) for i in range(args.clients)]
    warm = LocalHTTPS(args.port, ssl._create_unverified_context(), 10)
    for item in KEPT:
        warm.request("GET", "/api/" + item)
        warm.getresponse().read()
    threads = [threading.Thread(target=c.run, daemon=True) for c in clients]
    for thread in threads:
        thread.start()

    phases = []  # (name, start, end, extra)
    missed = []
    lost_writes = []

    def phase(name, seconds, action=None, every=None):
        start = time.monotonic()
        count = 0
        while time.monotonic() - start < seconds:
            if action:
                action()
                count += 1
            time.sleep(every if every else seconds)
        phases.append((name, start, time.monotonic(), count))

    samples = []
    if args.soak_minutes:
        time.sleep(30)  # warm-up
        end = time.monotonic() + args.soak_minutes * 60
        start = time.monotonic()
        while time.monotonic() < end:
            samples.append((time.monotonic() - start, *rss_and_fds(args.master_pid)))
            time.sleep(8)
        phases.append(("soak", start, time.monotonic(), len(samples)))
    else:
        scale = 0.4 if args.short else 1.0
        phase("baseline", 5 * scale)

        def kill_worker():
            victims = worker_pids(args.master_pid)
            if victims:
                os.kill(random.choice(victims), signal.SIGKILL)
        phase("SIGKILL a worker every second", 10 * scale, kill_worker, 1)
        phase("settle", 2)
        phase("SIGHUP the master every 3 s", 12 * scale, lambda: os.kill(args.master_pid, signal.SIGHUP), 3)
        phase("settle", 2)
        pg_start = time.monotonic()
        restart_postgres(args)
        pg_back = time.monotonic()
        time.sleep(4)
        phases.append(("PostgreSQL restart", pg_start, time.monotonic(), 1))
        control_tmdb(args.tmdb_port, {"mode": "error500"})
        phase("TMDB answering 500", 8 * scale)
        control_tmdb(args.tmdb_port, None)
        phase("settle", 2)

        # Two clients' rows held locked longer than the request timeout: their writes (and
        # logins) time out with the contract's 503, nobody else's do, and no refused write is
        # there once the lock is gone.
        stalled = clients[:2]
        stall_start = time.monotonic()
        stall = LockStall(args, [c.name for c in stalled], 8 * scale)
        if not stall.holding():
            missed.append("the lock stall never held its locks")
        stall.wait()
        for client in stalled:
            client.paused.set()
        time.sleep(0.5)  # their last request answered
        stall_phase_end = time.monotonic()
        for client in stalled:
            row = first_name_of(args, client.name)
            if row in client.refused:
                lost_writes.append(f"{client.name}: first_name {row!r} was refused (503) yet applied")
            client.paused.clear()
        phases.append(("PostgreSQL lock stall", stall_start, stall_phase_end, len(stalled)))

        # Peers that stop in the middle of a FastCGI record, one a second: each holds a worker
        # for the read deadline at most; nobody's request fails.
        stalls = []

        def stall_a_connection():
            stalls.append(stall_mid_record(args.fastcgi_socket))
            if len(stalls) > 3:
                stalls.pop(0).close()
        phase("FastCGI peers stalling mid-record", 8 * scale, stall_a_connection, 1)
        for connection in stalls:
            connection.close()
        phase("after", 3)
    stop.set()
    for thread in threads:
        thread.join(timeout=15)

    lines = ["| phase | faults | requests | failed | why |", "| --- | --- | --- | --- | --- |"]
    total_failed = 0
    stalled_names = {c.name for c in clients[:2]}
    for name, start, end, count in phases:
        window = [r for r in results if start <= r[0] < end]
        failed = [r for r in window if r[2] != 200]
        if name == "PostgreSQL lock stall":
            allowed = [r for r in failed if r[2] == 503 and r[3] == "Request timed out" and r[4] in stalled_names]
            failed = [r for r in failed if r not in allowed]
            name += f" (timed out, as they must: {len(allowed)})"
            if not allowed:
                missed.append("no request timed out during the lock stall")
        if name.startswith("PostgreSQL restart"):
            allowed = [r for r in failed if r[2] == 503 and r[1] != "catalogue"]
            failed = [r for r in failed if r not in allowed]
            db_ok = sorted(r[0] for r in window if r[2] == 200 and r[1] in ("me", "connected") and r[0] >= pg_back)
            recovery = (db_ok[0] - pg_back) if db_ok else float("inf")
            name += f" (503 while down: {len(allowed)}; first DB answer {recovery:.2f} s after it was back)"
            if recovery > 2:
                missed.append(f"PostgreSQL recovery took {recovery:.2f} s")
        why = {}
        for r in failed:
            key = f"{r[1]} {r[2] or r[3]}"
            why[key] = why.get(key, 0) + 1
        total_failed += len(failed)
        if name.startswith("SIGKILL") and len(failed) > count:
            missed.append(f"{len(failed)} failures for {count} worker kills")
        elif name.startswith(("baseline", "SIGHUP", "PostgreSQL", "TMDB", "FastCGI", "soak", "settle",
                               "after")) and failed:
            missed.append(f"{len(failed)} failures during '{name}'")
        lines.append(f"| {name} | {count} | {len(window)} | {len(failed)} | "
                     f"{', '.join(f'{k}: {v}' for k, v in sorted(why.items())) or '—'} |")

    lost = list(lost_writes)
    for client in clients:
        if not client.user_id and not client.acknowledged:
            continue
        row = first_name_of(args, client.name)
        if not row:
            lost.append(f"{client.name}: registration acknowledged but no row")
        elif client.acknowledged and row != client.acknowledged[-1] and row not in client.sent_after_ack:
            lost.append(f"{client.name}: first_name {row!r}, last acknowledged {client.acknowledged[-1]!r}")
    for client in clients:
        if not client.user_id:
            continue
        listed = query(args, "SELECT media_type || '/' || tmdb_id FROM watchlist_items WHERE user_id = "
                             "CAST(:'id' AS uuid);", id=client.user_id).split()
        for item, present in client.kept.items():
            if present != (item in listed):
                lost.append(f"{client.name}: {item} acknowledged {'added' if present else 'removed'}, "
                            f"but {'absent' if present else 'present'}")
    writes = (sum(len(c.acknowledged) for c in clients) + sum(1 for c in clients if c.user_id)
              + sum(len(c.kept) for c in clients))
    report = "\n".join(lines) + f"\n\nAcknowledged writes checked: {writes}; lost: {len(lost)}.\n"
    for problem in lost:
        report += f"- {problem}\n"
    if samples:
        report += "\n| minute | workers' RSS (MiB) | open fds |\n| --- | --- | --- |\n"
        for t, rss, fds in samples[:: max(1, len(samples) // 12)] + [samples[-1]]:
            report += f"| {t / 60:.1f} | {rss} | {fds} |\n"
    if lost:
        missed.append(f"{len(lost)} acknowledged writes lost")
    if samples and len(samples) >= 4:
        first, last = samples[0], samples[-1]
        if last[1] > first[1] * 1.25 + 8 or last[2] > first[2] + 8:
            missed.append(f"growth: RSS {first[1]}→{last[1]} MiB, fds {first[2]}→{last[2]}")
    report += "\nTargets: " + ("all met.\n" if not missed else "MISSED — " + "; ".join(missed) + "\n")
    print(report)
    with open(args.report, "w") as out:
        out.write(report)
    raise SystemExit(1 if missed else 0)


if __name__ == "__main__":
    main()
