#!/usr/bin/env python3
"""The bench's targets as relations between figures of one run (so they hold on any machine),
each printed with whether it holds. Arguments, in order: users/connected alone (req/s, p99),
during the login flood (req/s, p99), the flood's errors; users/connected's and @me's ratio,
p99 and ceiling's p99; a login alone's p50. Then any number of "<route>=<ratio>>=<target>":
a route's ratio to its same-size ceiling and the least it must be; or "<route>=<p99>~<ceiling
p99>~<factor>": a route's p99 and the most it may be, as a multiple of its ceiling's."""
import re
import sys

(alone_rps, alone_p99, flood_rps, flood_p99, flood_errors, uc_ratio, uc_p99, uc_ceiling_p99,
 me_ratio, me_p99, me_ceiling_p99, login_p50) = (float(x) for x in sys.argv[1:13])
checks = [
    (f"users/connected p99 during the flood ≤ 2 × alone: {flood_p99:.1f} vs 2 × {alone_p99:.1f} ms",
     flood_p99 <= 2 * alone_p99),
    (f"users/connected p99 during the flood ≤ 50 ms: {flood_p99:.1f} ms", flood_p99 <= 50),
    (f"users/connected throughput during the flood ≥ 0.5 × alone: {flood_rps:.0f} vs {alone_rps:.0f} req/s",
     flood_rps >= 0.5 * alone_rps),
    (f"no login failed during the flood: {flood_errors:.0f} errors", flood_errors == 0),
    (f"a login alone p50 ≤ 150 ms: {login_p50:.1f} ms", login_p50 <= 150),
    (f"users/connected ≥ 0.25 of the ceiling: {uc_ratio:.3f}", uc_ratio >= 0.25),
    (f"users/connected p99 ≤ 1.5 × the ceiling's: {uc_p99:.1f} vs 1.5 × {uc_ceiling_p99:.1f} ms",
     uc_p99 <= 1.5 * uc_ceiling_p99),
    (f"@me ≥ 0.25 of the ceiling: {me_ratio:.3f}", me_ratio >= 0.25),
    (f"@me p99 ≤ 1.5 × the ceiling's: {me_p99:.1f} vs 1.5 × {me_ceiling_p99:.1f} ms",
     me_p99 <= 1.5 * me_ceiling_p99),
]
for extra in sys.argv[13:]:
    # A route's name may hold "=" itself ("watchlist of 500, available=mine"): the figures are
    # what follows the last "=" that a number follows.
    match = re.fullmatch(r"(.*)=([0-9.]+(?:>=|~)[0-9.~]+)", extra)
    if not match:
        sys.exit(f"not a relation: {extra}")
    name, relation = match.groups()
    if "~" in relation:
        p99, ceiling_p99, factor = (float(x) for x in relation.split("~"))
        checks.append((f"{name} p99 ≤ {factor:g} × the ceiling's: {p99:.1f} vs {factor:g} × "
                       f"{ceiling_p99:.1f} ms", p99 <= factor * ceiling_p99))
        continue
    ratio, _, target = relation.partition(">=")
    checks.append((f"{name} ≥ {float(target):.2f} of the ceiling: {float(ratio):.3f}",
                   float(ratio) >= float(target)))
for text, holds in checks:
    print(f"- {'holds' if holds else 'MISSED'}: {text}")
