#!/usr/bin/env python3
"""Where the CPU goes, per kind of process: the pool's lanes, PostgreSQL, nginx, and the load
generator, from the kernel's per-task accounting (/proc/<pid>/schedstat: time on a CPU,
time waiting in a run queue, and timeslices).

    schedstat.py snapshot <out.json> <pool master pid> <postgres pid> <nginx pid> [<pool master pid>]
    schedstat.py table <before.json> <after.json>

A snapshot lists every thread of those processes and their children, and of the wrk running
across both snapshots (the login flood's; the measuring one starts after the first).
"""
import json
import os
import sys
import time


def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(c) for c in f.read().split()]
    except OSError:
        return []


def comm(pid):
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().strip()
    except OSError:
        return "?"


def group_of(name, role):
    if name.startswith("cv-"):
        return "pool: " + name[3:] + " lane"
    return role


def cpu_cgroup(pid):
    """The process's cgroup in the hierarchy carrying the cpu controller (v1), else v2's."""
    unified = "/"
    try:
        with open(f"/proc/{pid}/cgroup") as f:
            for line in f:
                number, controllers, path = line.rstrip("\n").split(":", 2)
                if "cpu" in controllers.split(","):
                    return path
                if number == "0":
                    unified = path
    except OSError:
        pass
    return unified


def scheduling_group(task):
    """The kernel gives a session an autogroup only in the root cgroup; elsewhere the cgroup
    is what the scheduler weighs."""
    if task.get("cgroup", "/") != "/":
        return "cgroup " + task["cgroup"]
    name, _, nice = task["autogroup"].partition(" nice ")
    return name.replace("/autogroup-", "#") + (" nice " + nice if nice else "")


def threads(pid):
    try:
        return [int(t) for t in os.listdir(f"/proc/{pid}/task")]
    except OSError:
        return []


def snapshot(out, master, postgres, nginx, *more_masters):
    tasks = {}
    roles = [(master, "pool: master"), (postgres, "PostgreSQL"), (nginx, "nginx")]
    roles += [(pid, "pool: master") for pid in more_masters]
    for pid in os.listdir("/proc"):
        if pid.isdigit() and comm(int(pid)) == "wrk":
            roles.append((int(pid), "wrk (the login flood's)"))
    for root, role in roles:
        for pid in [root] + children(root):
            for tid in threads(pid):
                try:
                    with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                        cpu, wait, slices = (int(x) for x in f.read().split())
                    with open(f"/proc/{pid}/autogroup") as f:
                        autogroup = f.read().strip()
                except OSError:
                    continue
                group = group_of(comm(pid), role)
                tasks[f"{pid}/{tid}"] = {"group": group, "cpu": cpu, "wait": wait, "slices": slices,
                                         "autogroup": autogroup, "cgroup": cpu_cgroup(pid)}
    json.dump({"at": time.monotonic(), "tasks": tasks}, open(out, "w"))


def table(before_path, after_path):
    before, after = json.load(open(before_path)), json.load(open(after_path))
    seconds = after["at"] - before["at"]
    groups = {}
    for key, task in after["tasks"].items():
        start = before["tasks"].get(key, {"cpu": 0, "wait": 0, "slices": 0})
        g = groups.setdefault(task["group"], {"cpu": 0, "wait": 0, "slices": 0, "tasks": 0,
                                              "scheduling": set()})
        g["cpu"] += task["cpu"] - start["cpu"]
        g["wait"] += task["wait"] - start["wait"]
        g["slices"] += task["slices"] - start["slices"]
        g["tasks"] += 1
        g["scheduling"].add(scheduling_group(task))
    print("| processes | threads | CPU (% of one core) | run-queue wait (ms a second) | wait a timeslice (µs) | scheduling groups (autogroup, or cgroup) |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name in sorted(groups):
        g = groups[name]
        per_slice = g["wait"] / g["slices"] / 1000 if g["slices"] else 0
        print(f"| {name} | {g['tasks']} | {g['cpu'] / seconds / 1e7:.0f} | {g['wait'] / seconds / 1e6:.0f} | "
              f"{per_slice:.0f} | {', '.join(sorted(g['scheduling']))} |")


if __name__ == "__main__":
    if sys.argv[1:2] == ["snapshot"] and len(sys.argv) in (6, 7):
        snapshot(sys.argv[2], *(int(x) for x in sys.argv[3:]))
    elif sys.argv[1:2] == ["table"] and len(sys.argv) == 4:
        table(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit(__doc__)
