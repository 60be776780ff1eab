#!/usr/bin/env python3
"""A controllable stand-in for TMDB v3, for the integration tests (loopback only).

    fake_tmdb.py --port 0 --fixtures DIR --port-file FILE [--api-key K] [--bearer T]
                 [--today YYYY-MM-DD]

Answers as the demo's stand-in does (demo/tmdb_standin.py over DIR: lists, discover, film,
series and person pages, sagas, services, now playing and upcoming, search, configuration),
counts requests per path, and obeys a control API:
    GET  /__control/counts              {path: count}
    GET  /__control/last?path=P         {"query": ..., "authorization": ...}
    POST /__control/reset               counts to zero, mode back to normal, offers phase 0,
                                        today the --today day (else the real day): the state
                                        the fake starts in
    POST /__control/mode {"mode": M, "path": prefix, "retry_after": s, "delay": s}
    GET  /__control/offers              {"phase": n, "pinned": bool, "period": s, "phases": 4}
    POST /__control/offers {"phase": n} the French offers of phase n (demo/README.md says which
                           {"advance": k} titles change), pinned; or k phases on from now;
                           {"period": s}  or from the clock, a phase every s seconds
    GET  /__control/today               {"today": "YYYY-MM-DD"}
    POST /__control/today {"date": "YYYY-MM-DD" | null}   the day release dates count from
with M one of normal, error500, unauthorized, ratelimit, hang, slow, invalid_json,
no_results, close, not_found (404 status 34, as for an id TMDB does not know).
The offers phase starts pinned at 0, so that answers stay the same until a test moves it.
--today pins the day release dates count from for the fake's whole life, so that a test run
crossing midnight (UTC) sees the same dates in pages cached before it as in answers after it.
"""
import argparse
import datetime
import json
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "demo"))
from tmdb_standin import NOT_FOUND, OFFERS_PERIOD, Catalogue  # noqa: E402  (the demo's module, by path)

BAD_KEY = {"status_code": 7, "status_message": "Invalid API key: You must be granted a valid key.",
           "success": False}
RATE_LIMITED = {"status_code": 25, "status_message": "Your request count is over the allowed limit.",
                "success": False}


def reset_clock(catalogue, start_today):
    """The fake's start: offers phase 0 (pinned), the day it started on (None: the real day),
    the stand-in's period."""
    catalogue.pinned_phase, catalogue.pinned_today = 0, start_today
    catalogue.offers_period = OFFERS_PERIOD


def offers_state(catalogue):
    return {"phase": catalogue.phase(), "pinned": catalogue.pinned_phase is not None,
            "period": catalogue.offers_period, "phases": catalogue.offers_phases}


class State:
    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        self.counts = {}
        self.last = {}
        self.mode = {"mode": "normal"}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fake-tmdb"

    def log_message(self, fmt, *args):  # quiet unless --verbose
        if self.server.verbose:
            sys.stderr.write(fmt % args + "\n")

    def send_json(self, status, body, headers=()):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json;charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        url = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        state, catalogue = self.server.state, self.server.catalogue
        with state.lock:
            if url.path == "/__control/reset":
                state.reset()
                reset_clock(catalogue, self.server.start_today)
            elif url.path == "/__control/mode":
                state.mode = body
            elif url.path == "/__control/offers":
                try:
                    period = None if body.get("period") is None else float(body["period"])
                    advance = int(body["advance"]) if "advance" in body else None
                    phase = int(body["phase"]) if body.get("phase") is not None else None
                except (TypeError, ValueError):
                    return self.send_json(400, {"error": "phase and advance are integers, period a number"})
                if period is not None:
                    if period <= 0:
                        return self.send_json(400, {"error": "period must be positive"})
                    catalogue.offers_period, catalogue.pinned_phase = period, None
                if advance is not None:
                    catalogue.pinned_phase = catalogue.phase() + advance
                if "phase" in body:
                    catalogue.pinned_phase = phase
                return self.send_json(200, offers_state(catalogue))
            elif url.path == "/__control/today":
                try:
                    date = body.get("date")
                    catalogue.pinned_today = None if date is None else datetime.date.fromisoformat(date)
                except (TypeError, ValueError):
                    return self.send_json(400, {"error": "date must be YYYY-MM-DD or null"})
                return self.send_json(200, {"today": catalogue.today().isoformat()})
            else:
                return self.send_json(404, NOT_FOUND)
        self.send_json(200, {"ok": True})

    def do_GET(self):
        url = urlsplit(self.path)
        state = self.server.state
        if url.path == "/__control/counts":
            with state.lock:
                return self.send_json(200, dict(state.counts))
        if url.path == "/__control/last":
            wanted = parse_qs(url.query).get("path", [""])[0]
            with state.lock:
                return self.send_json(200, state.last.get(wanted, {}))
        if url.path == "/__control/offers":
            with state.lock:
                return self.send_json(200, offers_state(self.server.catalogue))
        if url.path == "/__control/today":
            with state.lock:
                return self.send_json(200, {"today": self.server.catalogue.today().isoformat()})
        with state.lock:
            state.counts[url.path] = state.counts.get(url.path, 0) + 1
            state.last[url.path] = {"query": url.query,
                                    "authorization": self.headers.get("Authorization", "")}
            mode = dict(state.mode)
        if not url.path.startswith(mode.get("path", "")):
            mode = {"mode": "normal"}
        self.answer(url, mode)

    def answer(self, url, mode):
        name = mode.get("mode", "normal")
        if name == "close":
            self.close_connection = True
            self.connection.shutdown(2)
            return
        if name in ("hang", "slow"):
            time.sleep(float(mode.get("delay", 30 if name == "hang" else 1)))
        if name == "error500":
            return self.send_json(500, {"status_code": 11, "status_message": "Internal error.",
                                        "success": False})
        if name == "unauthorized":
            return self.send_json(401, BAD_KEY)
        if name == "ratelimit":
            return self.send_json(429, RATE_LIMITED,
                                  [("Retry-After", str(mode.get("retry_after", 10)))])
        if name == "invalid_json":
            return self.send_json(200, b'{"page": 1, "results": [')
        if name == "no_results":
            return self.send_json(200, {"page": 1})
        if name == "not_found":
            return self.send_json(404, NOT_FOUND)
        if not self.authorised(url):
            return self.send_json(401, BAD_KEY)
        self.send_json(*self.server.catalogue.answer(url.path, url.query))

    def authorised(self, url):
        query = parse_qs(url.query)
        if self.server.api_key and query.get("api_key", [""])[0] != self.server.api_key:
            return False
        if self.server.bearer and self.headers.get("Authorization") != "Bearer " + self.server.bearer:
            return False
        return True


class Server(ThreadingHTTPServer):
    # A test may hold the fake stopped (SIGSTOP) while every worker of a pool calls it: the
    # kernel completes their connections only while the listen queue has room.
    request_queue_size = 128


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--fixtures", required=True)
    parser.add_argument("--port-file")
    parser.add_argument("--api-key", default="")
    parser.add_argument("--bearer", default="")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=None,
                        help="the day release dates count from (default: the real day)")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    server = Server(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.state = State()
    server.catalogue = Catalogue(args.fixtures)
    server.start_today = args.today
    reset_clock(server.catalogue, server.start_today)
    server.api_key, server.bearer, server.verbose = args.api_key, args.bearer, args.verbose
    if args.port_file:
        temp = args.port_file + ".tmp"
        with open(temp, "w") as handle:
            handle.write(str(server.server_address[1]))
        os.replace(temp, args.port_file)
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
