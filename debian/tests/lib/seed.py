#!/usr/bin/env python3
"""Creates, through the site, the accounts the load uses, and writes them to a JSON file:
a reader (session, one watchlist item) and a user who logs in again and again.

    seed.py FILE
"""
import json
import os
import secrets
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from client import must, request  # noqa: E402

MOVIES = [900000 + n for n in range(10)]


def register(name):
    password = secrets.token_urlsafe(16)
    answer = must(request("POST", "/register", body={
        "username": name, "password": password, "email": f"{name}@example.net",
        "first_name": "Test", "last_name": name.capitalize()}), 200, f"register {name}")
    return {"username": name, "password": password, "id": answer.json()["id"], "cookie": answer.cookie()}


def main():
    suffix = secrets.token_hex(3)
    reader = register(f"reader_{suffix}")
    must(request("PUT", f"/api/watchlist/movie/{MOVIES[1]}", cookie=reader["cookie"]), 200, "watchlist add")
    reader["watch_id"] = MOVIES[1]
    login = register(f"login_{suffix}")
    with open(sys.argv[1], "w") as out:
        json.dump({"reader": reader, "login": login, "movie_ids": MOVIES}, out)


if __name__ == "__main__":
    main()
