#!/usr/bin/env python3
"""A steady load through the installed nginx site, every answer checked, until a stop file
appears. The system tests run it while they restart, reload, upgrade or break the service.

    load.py --users users.json --progress FILE --summary FILE --stop-file FILE [--clients 8]
            [--kinds me,connected,...]

Each client sends one request after another, each on a new TLS connection (so a failure is
the server's, never a stale keep-alive), and checks the answer's status and body:
  me         GET /@me with the reader's session        200, the reader's id
  connected  GET /api/users/connected?user_id=<reader> 200, {"isconnected": true}
  watchlist  GET /api/watchlist with the reader's      200, holds the reader's item
  trending   GET /api/trending-movies                  200, a non-empty array
  movie      GET /api/movie/<id>                       200, that film's page
  login      POST /login as the login user             200, that username (hashing lane)
The progress file holds {"ok", "failed"} a few times a second; the summary, written at the
end, every count and the first failures.
"""
import argparse
import itertools
import json
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import client  # noqa: E402

KINDS = ["me", "connected", "watchlist", "trending", "movie", "me", "connected", "login"]


def check(kind, users, n):
    reader = users["reader"]
    if kind == "me":
        a = client.request("GET", "/@me", cookie=reader["cookie"])
        return a, a.status == 200 and a.json().get("id") == reader["id"]
    if kind == "connected":
        a = client.request("GET", f"/api/users/connected?user_id={reader['id']}")
        return a, a.status == 200 and a.json() == {"isconnected": True}
    if kind == "watchlist":
        a = client.request("GET", "/api/watchlist", cookie=reader["cookie"])
        return a, a.status == 200 and any(item.get("id") == reader["watch_id"] for item in a.json())
    if kind == "trending":
        a = client.request("GET", "/api/trending-movies")
        return a, a.status == 200 and isinstance(a.json(), list) and len(a.json()) > 0
    if kind == "movie":
        wanted = users["movie_ids"][n % len(users["movie_ids"])]
        a = client.request("GET", f"/api/movie/{wanted}")
        return a, a.status == 200 and a.json().get("id") == wanted
    if kind == "login":
        login = users["login"]
        a = client.request("POST", "/login", body={"username": login["username"], "password": login["password"]})
        return a, a.status == 200 and a.json().get("username") == login["username"]
    raise SystemExit(f"unknown kind {kind}")


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.ok = 0
        self.failed = 0
        self.by_kind = {}
        self.failures = []

    def add(self, kind, good, detail):
        with self.lock:
            counts = self.by_kind.setdefault(kind, [0, 0])
            if good:
                self.ok += 1
                counts[0] += 1
            else:
                self.failed += 1
                counts[1] += 1
                if len(self.failures) < 50:
                    self.failures.append(detail)


def write_json(path, value):
    with open(path + ".tmp", "w") as out:
        json.dump(value, out)
    os.replace(path + ".tmp", path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", required=True)
    parser.add_argument("--progress", required=True)
    parser.add_argument("--summary", required=True)
    parser.add_argument("--stop-file", required=True)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--kinds", default="")
    args = parser.parse_args()
    users = json.load(open(args.users))
    kinds = args.kinds.split(",") if args.kinds else KINDS
    tally = Tally()
    stop = threading.Event()

    def run(index):
        order = itertools.cycle(kinds[index % len(kinds):] + kinds[:index % len(kinds)])
        for n in itertools.count():
            if stop.is_set():
                return
            kind = next(order)
            started = time.time()
            try:
                answer, good = check(kind, users, n * 31 + index)
                detail = {"kind": kind, "status": answer.status, "body": answer.body[:200].decode(errors="replace")}
            except Exception as e:  # refused, reset, timed out, not JSON: all failures
                good, detail = False, {"kind": kind, "error": f"{type(e).__name__}: {e}"}
            detail["at"] = round(started, 3)
            detail["seconds"] = round(time.time() - started, 3)
            tally.add(kind, good, detail)

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(args.clients)]
    for thread in threads:
        thread.start()
    while not os.path.exists(args.stop_file):
        write_json(args.progress, {"ok": tally.ok, "failed": tally.failed})
        time.sleep(0.2)
    stop.set()
    for thread in threads:
        thread.join(90)
    with tally.lock:
        summary = {"ok": tally.ok, "failed": tally.failed, "total": tally.ok + tally.failed,
                   "by_kind": tally.by_kind, "failures": tally.failures,
                   "unfinished": sum(t.is_alive() for t in threads)}
    write_json(args.progress, {"ok": summary["ok"], "failed": summary["failed"]})
    write_json(args.summary, summary)


if __name__ == "__main__":
    main()
