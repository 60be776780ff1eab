"""The route table as the service itself lists it (`cineverse-api routes --json`).

Every tool that needs to know the routes reads them here, never from a copy: the nginx
renderer, the generated documents, scripts/bench and scripts/chaos. The binary is
$CINEVERSE_API, or the Release build of scripts/serve.

    python3 scripts/lib/route_table.py home-paths     one path a line: the home page's rows
"""
import json
import os
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def binary():
    return os.environ.get("CINEVERSE_API") or os.path.join(REPO, "build", "cineverse-api")


def load(api=None):
    api = api or binary()
    if not os.access(api, os.X_OK):
        raise SystemExit(f"{api} not found: build the service first (or set CINEVERSE_API)")
    listing = subprocess.run([api, "routes", "--json"], check=True, capture_output=True, text=True)
    return json.loads(listing.stdout)


def request_lanes(table):
    """The lanes that take requests, each on a socket of its own. A lane marked
    `"listens": false` (the jobs lane) has no socket, no upstream and no listen variable."""
    return [lane for lane in table["lanes"] if lane.get("listens", True)]


def upstream(lane_name):
    """nginx's upstream for a lane: cineverse_api for the main lane, cineverse_api_<lane> else."""
    return "cineverse_api" if lane_name == "main" else f"cineverse_api_{lane_name}"


def home_rows(table):
    """The home page's rows, in table order: [{"route", "title"}]."""
    return [{"route": r["path"], "title": r["home_row"]} for r in table["routes"] if r["home_row"]]


def by_path(table):
    """Routes grouped by path, in table order: [(path, [rows])]; nginx routes by path."""
    groups = {}
    for route in table["routes"]:
        groups.setdefault(route["path"], []).append(route)
    return list(groups.items())


if __name__ == "__main__":
    if sys.argv[1:] == ["home-paths"]:
        for row in home_rows(load()):
            print(row["route"])
    else:
        raise SystemExit(__doc__)
