#!/usr/bin/env python3
"""Checks ops/: the alert rules (promtool check rules, promtool test rules), that every
query of the Grafana dashboard is valid PromQL, and that the rules and the dashboard name
only metrics the service exports.

    tests/package/ops_check.py <source dir>
"""
import json
import pathlib
import re
import subprocess
import sys
import tempfile

# Names the ops files may use before the service exports them (written ahead of the code);
# a name that lands in the sources is dropped from here. None today.
ANNOUNCED = set()

source = pathlib.Path(sys.argv[1])
rules = source / "ops/prometheus/cineverse.rules.yml"
dashboard = json.loads((source / "ops/grafana/cineverse.json").read_text())
failures = []


def run(*argv):
    result = subprocess.run(argv, capture_output=True, text=True)
    if result.returncode != 0:
        failures.append(f"{' '.join(map(str, argv))}:\n{result.stdout}{result.stderr}")


run("promtool", "check", "rules", rules)
run("promtool", "test", "rules", source / "ops/prometheus/cineverse.rules.test.yml")

# Grafana's variables, replaced by what they stand for, and each query as a recording rule:
# promtool then parses every one.
queries = [target["expr"] for panel in dashboard["panels"] for target in panel.get("targets", [])]
if len(queries) < 10:
    failures.append(f"the dashboard has {len(queries)} queries, expected every panel's")
with tempfile.NamedTemporaryFile("w", suffix=".yml") as recorded:
    recorded.write("groups:\n  - name: dashboard\n    rules:\n")
    for number, query in enumerate(queries):
        query = query.replace("$__rate_interval", "1m").replace("$instance", ".*")
        recorded.write(f"      - record: dashboard:query{number}\n        expr: {json.dumps(query)}\n")
    recorded.flush()
    run("promtool", "check", "rules", recorded.name)

# The names the service exports: the application's prefix (app/main.cpp) before every series
# the sources count or set, and the latency histogram's series.
prefix = re.search(r'SharedMetrics metrics\("([a-z_]+)"\)', (source / "app/main.cpp").read_text()).group(1)
histogram = prefix + "request_duration_seconds"
exported = {prefix + "requests_total", histogram} | {histogram + part for part in ("_bucket", "_sum", "_count")}
for path in source.glob("*/*.cpp"):
    if path.parts[-2] in {"core", "fcgi", "catalogue", "app", "handlers", "db", "accounts", "jobs",
                          "platforms"}:
        text = path.read_text()
        exported |= {prefix + name for name in re.findall(r'\.(?:add|set)\(\s*"([a-z_]+)', text)}
        exported |= {prefix + name for name in re.findall(r'"([a-z_]+_total)[{"]', text)}
        # A series named through a helper that adds its labels (jobs/runner.cpp).
        exported |= {prefix + name for name in re.findall(r'\bseries\(\s*"([a-z_]+)"', text)}
histograms = {histogram}
named = set(re.findall(r"cineverse_[a-z_]+", rules.read_text()))
named |= {name for query in queries for name in re.findall(r"cineverse_[a-z_]+", query)}
for name in sorted(named):
    if name not in exported and name not in histograms and name not in ANNOUNCED:
        failures.append(f"{name} is in ops/ but the service exports no such metric")
for name in sorted(ANNOUNCED & exported):
    print(f"note: {name} is exported now; drop it from ANNOUNCED in {__file__}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"ops: rules checked and tested, {len(queries)} dashboard queries parsed, "
      f"{len(named)} metric names known")
