#!/usr/bin/env python3
"""Checks that a file is an Atom 1.0 feed (RFC 4287) with the elements the RFC requires, and
prints its entries' ids, one a line, for the integration tests.

    atom_check.py FEED_FILE

Exit 1, with the reason on stderr, when it does not parse as XML or misses a required element:
the feed's id, title, updated and author (or an author in every entry), a self link; each
entry's id, title, updated, and a link or content.
"""
import datetime
import sys
import xml.etree.ElementTree as ElementTree

ATOM = "{http://www.w3.org/2005/Atom}"


def fail(reason):
    print(reason, file=sys.stderr)
    sys.exit(1)


def require(element, name, where):
    found = element.find(ATOM + name)
    if found is None or (name != "author" and not (found.text or "").strip()):
        fail(f"{where}: no {name}")
    return found


def check_date(text, where):
    try:
        datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        fail(f"{where}: updated is not an RFC 3339 date: {text}")


def main():
    if len(sys.argv) != 2:
        fail(__doc__)
    root = ElementTree.parse(sys.argv[1]).getroot()
    if root.tag != ATOM + "feed":
        fail(f"the root is {root.tag}, not an Atom feed")
    for name in ("id", "title", "updated"):
        require(root, name, "feed")
    check_date(root.find(ATOM + "updated").text, "feed")
    links = [link for link in root.findall(ATOM + "link") if link.get("rel") == "self"]
    if not links or not links[0].get("href"):
        fail("feed: no self link")
    feed_author = root.find(ATOM + "author") is not None
    ids = []
    for entry in root.findall(ATOM + "entry"):
        for name in ("id", "title", "updated"):
            require(entry, name, "entry")
        check_date(entry.find(ATOM + "updated").text, "entry")
        if not feed_author and entry.find(ATOM + "author") is None:
            fail("entry: no author, and none for the feed")
        if entry.find(ATOM + "link") is None and entry.find(ATOM + "content") is None:
            fail("entry: neither a link nor content")
        ids.append(entry.find(ATOM + "id").text.strip())
    if len(ids) != len(set(ids)):
        fail("two entries share an id")
    for entry_id in ids:
        print(entry_id)


if __name__ == "__main__":
    main()
