#!/usr/bin/env python3
"""Writes the bench's own nginx locations: /__direct/ (past nginx's cache, to the workers) and
one ceiling a measured answer, nginx answering `return 200` with a body of the same size.

    ceilings.py <out.conf> <direct-locations.conf> name=size ...
"""
import sys

out, direct = sys.argv[1:3]
sizes = {name: int(size) for name, size in (arg.split("=", 1) for arg in sys.argv[3:])}
filler = '{"id":%d,"title":"ceiling filler","overview":"' + "x" * 80 + '"}'


def body_of(size):
    items, body = [], "[]"
    while len(body) < size:
        items.append(filler % len(items))
        body = "[" + ",".join(items) + "]"
    return body


with open(out, "w") as f:
    f.write(open(direct).read())
    f.write("        location = /__bench/small { default_type application/json; "
            "return 200 '{\"isconnected\":true}'; }\n")
    for name, size in sizes.items():
        body = body_of(size)
        # nginx caps a configuration token at 4 KiB: the body is assembled from pieces.
        pieces = [body[i:i + 3000] for i in range(0, len(body), 3000)]
        sets = " ".join("set $bench_%s_%d '%s';" % (name, i, piece) for i, piece in enumerate(pieces))
        joined = "".join("${bench_%s_%d}" % (name, i) for i in range(len(pieces)))
        f.write("        location = /__bench/%s { default_type application/json; %s return 200 \"%s\"; }\n"
                % (name, sets, joined))
