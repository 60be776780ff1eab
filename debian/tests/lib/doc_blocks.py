#!/usr/bin/env python3
"""Prints the runnable blocks of a Markdown document: each ```sh block that follows a
`<!-- runnable: NAME -->` comment (invisible once rendered), so that the commands a document
gives are the ones a test runs.

    doc_blocks.py DOCUMENT NAME...    the named blocks' commands, in the order asked
    doc_blocks.py DOCUMENT --list     the names, in the document's order
"""
import re
import sys

MARK = re.compile(r"^\s*<!-- runnable: ([a-z0-9-]+) -->\s*$")


def blocks(text):
    found = {}
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        mark = MARK.match(lines[i])
        i += 1
        if not mark:
            continue
        name = mark.group(1)
        while i < len(lines) and not lines[i].strip():
            i += 1
        if i >= len(lines) or lines[i].strip() != "```sh":
            raise SystemExit(f"<!-- runnable: {name} --> is not followed by a ```sh block")
        indent = lines[i][: len(lines[i]) - len(lines[i].lstrip())]
        body = []
        i += 1
        while i < len(lines) and lines[i].strip() != "```":
            line = lines[i]
            body.append(line[len(indent):] if line.startswith(indent) else line.lstrip())
            i += 1
        if name in found:
            raise SystemExit(f"two blocks named {name}")
        found[name] = "\n".join(body) + "\n"
    return found


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    document = blocks(open(sys.argv[1], encoding="utf-8").read())
    if sys.argv[2:] == ["--list"]:
        print("\n".join(document))
        return
    for name in sys.argv[2:]:
        if name not in document:
            raise SystemExit(f"{sys.argv[1]} has no block <!-- runnable: {name} -->")
        sys.stdout.write(document[name])


if __name__ == "__main__":
    main()
