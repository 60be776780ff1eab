#!/usr/bin/env python3
"""A TMDB stand-in for the offers bench (scripts/bench --offers): any film or series id has a
page whose French offers follow from the id, and from a phase that the bench moves for some
ids to make their offers change. Counts the calls.

    offers_standin.py --port PORT
    GET  /3/movie/<id>, /3/tv/<id>      the page (title, poster, watch/providers, release_dates)
    POST /__phase {"ids": [...], "phase": n}   those ids' offers at phase n (0 by default)
    GET  /__calls                       {"calls": n}
"""
import argparse
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SERVICES = {9101: "Bobine", 9102: "Fondu Enchaîné", 9103: "Plan-Séquence", 9104: "Zootrope"}
PAGE = re.compile(r"^/3/(movie|tv)/(\d+)$")


def provider(provider_id, priority):
    return {"provider_id": provider_id, "provider_name": SERVICES[provider_id],
            "logo_path": f"/logo-provider-{provider_id}.svg", "display_priority": priority}


def page(media_type, title_id, phase):
    """A title's page: one subscription service from its id; phase 1 adds Bobine; one title
    in two is rentable at Zootrope."""
    flatrate = [9101 + title_id % 3]
    if phase == 1 and 9101 not in flatrate:
        flatrate.insert(0, 9101)
    offers = {"link": "https://example.org/watch", "flatrate": [provider(p, p - 9100) for p in flatrate]}
    if title_id % 2 == 0:
        offers["rent"] = [provider(9104, 4)]
    body = {"id": title_id, "poster_path": f"/poster-{title_id}.svg",
            "watch/providers": {"results": {"FR": offers}}}
    if media_type == "movie":
        body["title"] = f"Film {title_id}"
        body["release_dates"] = {"results": [{"iso_3166_1": "FR", "release_dates": [
            {"type": 3, "release_date": "1950-01-01T00:00:00.000Z", "certification": ""}]}]}
    else:
        body["name"] = f"Série {title_id}"
    return body


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json;charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path == "/__calls":
            return self.send(200, {"calls": self.server.calls})
        match = PAGE.match(path)
        if not match:
            return self.send(404, {"status_code": 34, "status_message": "not found"})
        with self.server.lock:
            self.server.calls += 1
            phase = self.server.phases.get(int(match.group(2)), 0)
        self.send(200, page(match.group(1), int(match.group(2)), phase))

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
        with self.server.lock:
            for title_id in body.get("ids", []):
                self.server.phases[int(title_id)] = int(body.get("phase", 0))
        self.send(200, {"ok": True})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.lock, server.calls, server.phases = threading.Lock(), 0, {}
    server.serve_forever()


if __name__ == "__main__":
    main()
