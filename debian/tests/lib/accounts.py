#!/usr/bin/env python3
"""Accounts whose answers must survive a backup and a restore.

    accounts.py create FILE   registers users, each with a session and a watchlist, and
                              writes what the site answers them to FILE
    accounts.py verify FILE   the same sessions and passwords get the same answers
"""
import json
import os
import secrets
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from client import must, request  # noqa: E402

FILMS = [900020, 900021, 900022, 900023]


def answers(user):
    cookie = user["cookie"]
    return {"me": must(request("GET", "/@me", cookie=cookie), 200, "@me").json(),
            "userinfo": must(request("GET", "/api/userinfo", cookie=cookie), 200, "userinfo").json(),
            "watchlist": must(request("GET", "/api/watchlist", cookie=cookie), 200, "watchlist").json(),
            "connected": must(request("GET", f"/api/users/connected?user_id={user['id']}"), 200, "connected").json()}


def create(path):
    users = []
    for n in range(3):
        name = f"kept_{secrets.token_hex(3)}"
        password = secrets.token_urlsafe(16)
        a = must(request("POST", "/register", body={
            "username": name, "password": password, "email": f"{name}@example.net",
            "first_name": "Kept", "last_name": f"User {n}"}), 200, "register")
        user = {"username": name, "password": password, "id": a.json()["id"], "cookie": a.cookie()}
        for film in FILMS[: n + 1]:
            must(request("PUT", f"/api/watchlist/movie/{film}", cookie=user["cookie"]), 200, "watchlist add")
        user["answers"] = answers(user)
        users.append(user)
    json.dump(users, open(path, "w"))
    print(f"{len(users)} users, {sum(len(u['answers']['watchlist']) for u in users)} watchlist items")


def verify(path):
    users = json.load(open(path))
    differences = []
    for user in users:
        now = answers(user)
        for key, before in user["answers"].items():
            if now[key] != before:
                differences.append(f"{user['username']} {key}: {now[key]} != {before}")
        a = request("POST", "/login", body={"username": user["username"], "password": user["password"]})
        if a.status != 200 or a.json().get("id") != user["id"]:
            differences.append(f"{user['username']} login: {a.status} {a.body[:200]!r}")
    for difference in differences:
        print("   ", difference, file=sys.stderr)
    print(f"{len(users) - len({d.split()[0] for d in differences})} of {len(users)} users answered as before "
          "(their sessions, profiles, watchlists, and a new login)")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    {"create": create, "verify": verify}[sys.argv[1]](sys.argv[2])
