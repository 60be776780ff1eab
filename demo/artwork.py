"""SVG artwork for the demo catalogue, drawn from the data alone (no download, no font file).

Posters and backdrops take their palette and motif from the title's first genre and vary them
with its id, so that no two look alike; portraits, provider and network logos take theirs from
the name. Every picture has explicit width and height (a browser gives the <img> a natural
size) and a viewBox; text uses generic font families only. Same input, same bytes: the
randomness comes from SHA-256 of a seed, never from the clock or Python's random module.
"""
import colorsys
import hashlib
import math
from xml.sax.saxutils import escape

POSTER = (500, 750)      # 2:3
BACKDROP = (1280, 720)   # 16:9
PORTRAIT = (300, 450)    # 2:3
PROVIDER_LOGO = (300, 300)
NETWORK_LOGO = (500, 200)

INK = "#f7f3ea"

# A hue a genre (movie and TV genre ids).
GENRE_HUES = {28: 8, 12: 32, 16: 188, 35: 48, 80: 215, 99: 150, 18: 275, 10751: 95, 14: 290, 36: 36,
              27: 352, 10402: 318, 9648: 245, 10749: 335, 878: 200, 53: 2, 10752: 75, 37: 22,
              10759: 14, 10765: 258, 10768: 60}


class Dice:
    """Deterministic numbers from a seed: the same on every machine and Python version."""

    def __init__(self, seed):
        self.seed = str(seed).encode()
        self.counter = 0

    def unit(self):
        digest = hashlib.sha256(self.seed + b"#%d" % self.counter).digest()
        self.counter += 1
        return int.from_bytes(digest[:8], "big") / 2.0 ** 64

    def between(self, low, high):
        return low + (high - low) * self.unit()

    def integer(self, low, high):
        return min(high, low + int(self.unit() * (high - low + 1)))

    def pick(self, items):
        return items[min(len(items) - 1, int(self.unit() * len(items)))]


def colour(hue, saturation, lightness):
    red, green, blue = colorsys.hls_to_rgb((hue % 360) / 360.0, lightness, saturation)
    return "#%02x%02x%02x" % (round(red * 255), round(green * 255), round(blue * 255))


def n(value):
    """Coordinates with one decimal: short files, and no float noise between runs."""
    text = "%.1f" % value
    return text[:-2] if text.endswith(".0") else text


def text_width(text, size):
    """A generous advance width (bold serif): generic fonts differ, so lines are kept inside
    the frame even with a wide one."""
    def advance(ch):
        if ord(ch) > 0x2E80:
            return 1.0
        if ch == " ":
            return 0.28
        if ch in "il.,:;'!|":
            return 0.32
        return 0.74 if ch.isupper() or ch in "mwMW" else 0.56
    return sum(size * advance(ch) for ch in text)


def wrap(text, limit):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > limit:
            lines.append(line)
            line = word
        else:
            line = (line + " " + word).strip()
    if line:
        lines.append(line)
    return lines


def text_lines(lines, x, top, size, available, attributes):
    """<text> lines centred on x from the baseline `top`; a line the estimate finds too wide
    is squeezed to the available width, so it never leaves the picture."""
    parts = []
    for i, line in enumerate(lines):
        fit = ""
        if text_width(line, size) > available:
            fit = ' textLength="%s" lengthAdjust="spacingAndGlyphs"' % n(available)
        parts.append('<text x="%s" y="%s" font-size="%s"%s %s>%s</text>'
                     % (n(x), n(top + i * size * 1.12), n(size), fit, attributes, escape(line)))
    return parts


def svg(size, body):
    width, height = size
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">\n%s\n</svg>\n'
            % (width, height, width, height, "\n".join(body)))


class Palette:
    def __init__(self, hue, dice):
        self.dark = colour(hue, 0.45, 0.13)
        self.light = colour(hue, 0.5, 0.33)
        self.accent = colour(hue + dice.between(-18, 18), 0.75, 0.58)
        self.second = colour(hue + 180 + dice.between(-35, 35), 0.6, 0.62)
        self.pale = colour(hue, 0.35, 0.8)


# Motifs: each draws in the box (x, y, w, h) and returns SVG elements.

def rays(box, dice, p):
    x, y, w, h = box
    cx, cy = x + w * dice.between(0.3, 0.7), y + h * dice.between(0.45, 0.7)
    count, length = dice.integer(9, 16), max(w, h) * 1.2
    out = []
    for i in range(count):
        a = 2 * math.pi * i / count + dice.between(0, 0.1)
        b = a + math.pi / count
        out.append('<polygon points="%s,%s %s,%s %s,%s" fill="%s" opacity="0.28"/>'
                   % (n(cx), n(cy), n(cx + length * math.cos(a)), n(cy + length * math.sin(a)),
                      n(cx + length * math.cos(b)), n(cy + length * math.sin(b)), p.accent))
    out.append('<circle cx="%s" cy="%s" r="%s" fill="%s"/>' % (n(cx), n(cy), n(min(w, h) * 0.14), p.accent))
    out.append('<rect x="%s" y="%s" width="%s" height="%s" fill="%s" opacity="0.85"/>'
               % (n(x), n(cy + min(w, h) * 0.08), n(w), n(h), p.dark))
    return out


def stripes(box, dice, p):
    x, y, w, h = box
    out, count = [], dice.integer(5, 9)
    slant = dice.between(0.3, 0.9) * h
    for i in range(count):
        left = x - slant + (w + slant) * i / count + dice.between(0, 20)
        width = dice.between(12, 48)
        fill = p.accent if i % 2 else p.second
        out.append('<polygon points="%s,%s %s,%s %s,%s %s,%s" fill="%s" opacity="%s"/>'
                   % (n(left), n(y + h), n(left + width), n(y + h), n(left + width + slant), n(y),
                      n(left + slant), n(y), fill, n(dice.between(0.35, 0.8))))
    return out


def mountains(box, dice, p):
    x, y, w, h = box
    out = ['<circle cx="%s" cy="%s" r="%s" fill="%s" opacity="0.9"/>'
           % (n(x + w * dice.between(0.2, 0.8)), n(y + h * 0.3), n(min(w, h) * 0.12), p.second)]
    for layer in range(dice.integer(3, 5)):
        peak = x + w * dice.between(-0.1, 1.1)
        spread = w * dice.between(0.35, 0.7)
        top = y + h * dice.between(0.3, 0.6) + layer * h * 0.06
        out.append('<polygon points="%s,%s %s,%s %s,%s" fill="%s" opacity="%s"/>'
                   % (n(peak - spread), n(y + h), n(peak), n(top), n(peak + spread), n(y + h),
                      p.accent if layer % 2 else p.light, n(0.55 + layer * 0.1)))
    return out


def bubbles(box, dice, p):
    x, y, w, h = box
    out = []
    for _ in range(dice.integer(10, 18)):
        out.append('<circle cx="%s" cy="%s" r="%s" fill="%s" opacity="%s"/>'
                   % (n(x + w * dice.unit()), n(y + h * dice.unit()), n(min(w, h) * dice.between(0.03, 0.16)),
                      dice.pick([p.accent, p.second, p.pale]), n(dice.between(0.4, 0.9))))
    return out


def confetti(box, dice, p):
    x, y, w, h = box
    out = []
    for _ in range(dice.integer(24, 40)):
        cx, cy, size = x + w * dice.unit(), y + h * dice.unit(), dice.between(8, 22)
        out.append('<rect x="%s" y="%s" width="%s" height="%s" fill="%s" transform="rotate(%s %s %s)"/>'
                   % (n(cx), n(cy), n(size), n(size * 0.45), dice.pick([p.accent, p.second, p.pale]),
                      n(dice.between(0, 180)), n(cx), n(cy)))
    return out


def blinds(box, dice, p):
    x, y, w, h = box
    out, gap = [], dice.between(16, 30)
    bar = gap * dice.between(0.4, 0.7)
    top = y + dice.between(0, gap)
    while top < y + h:
        out.append('<rect x="%s" y="%s" width="%s" height="%s" fill="%s" opacity="0.55"/>'
                   % (n(x), n(top), n(w), n(bar), p.accent))
        top += gap
    out.append('<polygon points="%s,%s %s,%s %s,%s" fill="%s" opacity="0.8"/>'
               % (n(x), n(y + h), n(x + w * dice.between(0.5, 1)), n(y + h), n(x), n(y + h * dice.between(0.1, 0.5)),
                  p.dark))
    return out


def grid(box, dice, p):
    x, y, w, h = box
    columns = dice.integer(4, 7)
    cell = w / columns
    out = []
    for row in range(int(h / cell) + 1):
        for column in range(columns):
            if dice.unit() < 0.45:
                out.append('<rect x="%s" y="%s" width="%s" height="%s" fill="%s" opacity="%s"/>'
                           % (n(x + column * cell + 3), n(y + row * cell + 3), n(cell - 6), n(cell - 6),
                              dice.pick([p.accent, p.second, p.light]), n(dice.between(0.3, 0.85))))
    return out


def horizon(box, dice, p):
    x, y, w, h = box
    line = y + h * dice.between(0.55, 0.72)
    radius = min(w, h) * dice.between(0.2, 0.32)
    cx = x + w * dice.between(0.3, 0.7)
    out = ['<circle cx="%s" cy="%s" r="%s" fill="%s"/>' % (n(cx), n(line), n(radius), p.accent),
           '<rect x="%s" y="%s" width="%s" height="%s" fill="%s" opacity="0.9"/>' % (n(x), n(line), n(w), n(h), p.dark)]
    for i in range(1, 6):
        half = radius * (1 - i * 0.15)
        out.append('<rect x="%s" y="%s" width="%s" height="3" fill="%s" opacity="0.6"/>'
                   % (n(cx - half), n(line + i * 14), n(2 * half), p.accent))
    return out


def blocks(box, dice, p):
    x, y, w, h = box
    out = []
    size = w / dice.integer(4, 6)
    for i in range(dice.integer(5, 9)):
        bx, by = x + w * dice.between(0, 0.85), y + h * dice.between(0.2, 0.85)
        out.append('<rect x="%s" y="%s" width="%s" height="%s" rx="%s" fill="%s" opacity="0.8"/>'
                   % (n(bx), n(by), n(size), n(size), n(size * 0.2), dice.pick([p.accent, p.second, p.pale])))
    roof_x = x + w * dice.between(0.25, 0.55)
    out.append('<polygon points="%s,%s %s,%s %s,%s" fill="%s"/>'
               % (n(roof_x), n(y + h * 0.35), n(roof_x + size), n(y + h * 0.12), n(roof_x + 2 * size), n(y + h * 0.35),
                  p.second))
    return out


def star_points(cx, cy, outer, inner, turn):
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        a = turn + math.pi * i / 5 - math.pi / 2
        points.append("%s,%s" % (n(cx + radius * math.cos(a)), n(cy + radius * math.sin(a))))
    return " ".join(points)


def stars(box, dice, p):
    x, y, w, h = box
    out = []
    for _ in range(dice.integer(7, 13)):
        outer = min(w, h) * dice.between(0.03, 0.12)
        out.append('<polygon points="%s" fill="%s" opacity="%s"/>'
                   % (star_points(x + w * dice.unit(), y + h * dice.unit(), outer, outer * 0.45, dice.between(0, 1)),
                      dice.pick([p.accent, p.pale, p.second]), n(dice.between(0.5, 1))))
    return out


def columns(box, dice, p):
    x, y, w, h = box
    count = dice.integer(3, 6)
    span = w * 0.8 / count
    left, base, top = x + w * 0.1, y + h * 0.92, y + h * dice.between(0.3, 0.45)
    out = ['<polygon points="%s,%s %s,%s %s,%s" fill="%s"/>'
           % (n(left - 10), n(top), n(x + w / 2), n(top - h * 0.16), n(left + w * 0.8 + 10), n(top), p.accent)]
    for i in range(count):
        out.append('<rect x="%s" y="%s" width="%s" height="%s" fill="%s" opacity="0.85"/>'
                   % (n(left + i * span + span * 0.2), n(top + 8), n(span * 0.6), n(base - top - 8), p.pale))
    out.append('<rect x="%s" y="%s" width="%s" height="12" fill="%s"/>' % (n(left - 10), n(base), n(w * 0.8 + 20), p.accent))
    return out


def crescent(box, dice, p):
    x, y, w, h = box
    cx, cy, r = x + w * dice.between(0.25, 0.75), y + h * dice.between(0.2, 0.4), min(w, h) * dice.between(0.13, 0.2)
    out = ['<circle cx="%s" cy="%s" r="%s" fill="%s"/>' % (n(cx), n(cy), n(r), p.pale),
           '<circle cx="%s" cy="%s" r="%s" fill="%s"/>' % (n(cx + r * 0.45), n(cy - r * 0.2), n(r * 0.9), p.light)]
    points, steps = ["%s,%s" % (n(x), n(y + h))], dice.integer(7, 12)
    for i in range(steps + 1):
        px = x + w * i / steps
        py = y + h * (dice.between(0.55, 0.7) if i % 2 else dice.between(0.75, 0.85))
        points.append("%s,%s" % (n(px), n(py)))
    points.append("%s,%s" % (n(x + w), n(y + h)))
    out.append('<polygon points="%s" fill="%s"/>' % (" ".join(points), p.dark))
    out.append('<polygon points="%s" fill="%s" opacity="0.35" transform="translate(0 %s)"/>'
               % (" ".join(points), p.accent, n(-h * 0.05)))
    return out


def staff(box, dice, p):
    x, y, w, h = box
    out, middle, amplitude = [], y + h * dice.between(0.35, 0.6), h * dice.between(0.05, 0.12)
    for line in range(5):
        offset = middle + (line - 2) * 16
        out.append('<path d="M%s %s C%s %s %s %s %s %s" fill="none" stroke="%s" stroke-width="3" opacity="0.7"/>'
                   % (n(x), n(offset), n(x + w * 0.33), n(offset - amplitude), n(x + w * 0.66), n(offset + amplitude),
                      n(x + w), n(offset), p.pale))
    for _ in range(dice.integer(4, 8)):
        nx, ny = x + w * dice.between(0.05, 0.95), middle + dice.integer(-3, 3) * 8
        out.append('<ellipse cx="%s" cy="%s" rx="13" ry="9" fill="%s" transform="rotate(-20 %s %s)"/>'
                   % (n(nx), n(ny), p.accent, n(nx), n(ny)))
        out.append('<rect x="%s" y="%s" width="3" height="52" fill="%s"/>' % (n(nx + 10), n(ny - 52), p.accent))
    return out


def spiral(box, dice, p):
    x, y, w, h = box
    cx, cy = x + w * dice.between(0.35, 0.65), y + h * dice.between(0.35, 0.6)
    turn, out = dice.between(8, 20), []
    for i in range(9, 0, -1):
        side = min(w, h) * 0.1 * i
        out.append('<rect x="%s" y="%s" width="%s" height="%s" fill="none" stroke="%s" stroke-width="%s" '
                   'transform="rotate(%s %s %s)" opacity="0.75"/>'
                   % (n(cx - side / 2), n(cy - side / 2), n(side), n(side), p.accent if i % 2 else p.second,
                      n(2 + i * 0.5), n(turn * i), n(cx), n(cy)))
    return out


def rings(box, dice, p):
    x, y, w, h = box
    cy, r = y + h * dice.between(0.4, 0.55), min(w, h) * dice.between(0.16, 0.24)
    cx = x + w / 2
    return ['<circle cx="%s" cy="%s" r="%s" fill="none" stroke="%s" stroke-width="14" opacity="0.85"/>'
            % (n(cx - r * 0.55), n(cy), n(r), p.accent),
            '<circle cx="%s" cy="%s" r="%s" fill="none" stroke="%s" stroke-width="14" opacity="0.85"/>'
            % (n(cx + r * 0.55), n(cy), n(r), p.second)] + bubbles((x, y, w, h * 0.3), dice, p)[:4]


def planet(box, dice, p):
    x, y, w, h = box
    out = []
    for _ in range(dice.integer(20, 35)):
        out.append('<circle cx="%s" cy="%s" r="%s" fill="%s"/>'
                   % (n(x + w * dice.unit()), n(y + h * dice.unit()), n(dice.between(1, 3)), INK))
    cx, cy, r = x + w * dice.between(0.3, 0.7), y + h * dice.between(0.35, 0.55), min(w, h) * dice.between(0.16, 0.24)
    tilt = dice.between(-25, 25)
    out.append('<circle cx="%s" cy="%s" r="%s" fill="%s"/>' % (n(cx), n(cy), n(r), p.accent))
    out.append('<ellipse cx="%s" cy="%s" rx="%s" ry="%s" fill="none" stroke="%s" stroke-width="8" '
               'transform="rotate(%s %s %s)"/>' % (n(cx), n(cy), n(r * 1.7), n(r * 0.4), p.second, n(tilt), n(cx), n(cy)))
    return out


def target(box, dice, p):
    x, y, w, h = box
    cx, cy = x + w * dice.between(0.3, 0.7), y + h * dice.between(0.35, 0.6)
    out = []
    for i in range(6, 0, -1):
        out.append('<circle cx="%s" cy="%s" r="%s" fill="%s" opacity="0.8"/>'
                   % (n(cx), n(cy), n(min(w, h) * 0.06 * i), p.accent if i % 2 else p.dark))
    out.append('<rect x="%s" y="%s" width="%s" height="3" fill="%s"/>' % (n(x), n(cy - 1.5), n(w), p.pale))
    out.append('<rect x="%s" y="%s" width="3" height="%s" fill="%s"/>' % (n(cx - 1.5), n(y), n(h), p.pale))
    return out


def chevrons(box, dice, p):
    x, y, w, h = box
    out, depth = [], h * dice.between(0.08, 0.14)
    for i in range(dice.integer(3, 6)):
        top = y + h * 0.15 + i * depth * 1.4
        out.append('<polyline points="%s,%s %s,%s %s,%s" fill="none" stroke="%s" stroke-width="%s" opacity="0.85"/>'
                   % (n(x + w * 0.15), n(top + depth), n(x + w / 2), n(top), n(x + w * 0.85), n(top + depth),
                      p.accent if i % 2 == 0 else p.second, n(dice.between(10, 22))))
    return out


MOTIFS = {28: stripes, 12: mountains, 16: bubbles, 35: confetti, 80: blinds, 99: grid, 18: horizon,
          10751: blocks, 14: stars, 36: columns, 27: crescent, 10402: staff, 9648: spiral, 10749: rings,
          878: planet, 53: target, 10752: chevrons, 37: rays, 10759: mountains, 10765: planet, 10768: columns}


def artwork(genres, seed, box):
    """The palette and motif of the first genre, over a faint layer of the second one's motif."""
    dice = Dice(seed)
    first = genres[0] if genres else 18
    palette = Palette(GENRE_HUES.get(first, 200) + dice.between(-20, 20), dice)
    layers = []
    if len(genres) > 1 and MOTIFS.get(genres[1], horizon) is not MOTIFS.get(first, horizon):
        layers += ['<g opacity="0.3">'] + MOTIFS.get(genres[1], horizon)(box, dice, palette) + ['</g>']
    return palette, layers + MOTIFS.get(first, horizon)(box, dice, palette)


def poster(title, year, genres, seed, label=""):
    """2:3, the motif above and the title and year below; `label` (e.g. SÉRIE) at the top."""
    width, height = POSTER
    p, motif = artwork(genres, seed, (0, 0, width, 510))
    body = ['<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="%s"/>'
            '<stop offset="1" stop-color="%s"/></linearGradient>'
            '<clipPath id="art"><rect width="%d" height="510"/></clipPath></defs>' % (p.light, p.dark, width),
            '<rect width="%d" height="%d" fill="url(#sky)"/>' % (width, height),
            '<g clip-path="url(#art)">'] + motif + ['</g>']
    body.append('<rect y="500" width="%d" height="%d" fill="%s" opacity="0.92"/>' % (width, height - 500, p.dark))
    body.append('<rect x="22" y="22" width="%d" height="%d" fill="none" stroke="%s" stroke-opacity="0.4" stroke-width="2"/>'
                % (width - 44, height - 44, INK))
    lines = wrap(title, 14)
    if len(lines) > 4:
        lines = wrap(title, 20)
    size = min(58.0, 150.0 / len(lines), 400.0 / max(text_width(line, 1.0) for line in lines))
    size = max(size, 30.0)
    top = 600 - (len(lines) - 1) * size * 1.12 / 2 + size * 0.1
    body += text_lines(lines, width / 2, top, size, width - 100,
                       'font-family="serif" font-weight="bold" fill="%s" text-anchor="middle"' % INK)
    body.append('<text x="%d" y="714" font-family="sans-serif" font-size="28" letter-spacing="6" fill="%s" '
                'text-anchor="middle">%s</text>' % (width // 2, p.accent, escape(str(year))))
    if label:
        body.append('<rect x="36" y="40" width="%s" height="34" fill="%s"/>' % (n(text_width(label, 18) + 40), p.dark))
        body.append('<text x="56" y="64" font-family="sans-serif" font-size="18" letter-spacing="3" fill="%s">%s</text>'
                    % (INK, escape(label)))
    return svg(POSTER, body)


def backdrop(genres, seed):
    """16:9, the motif at scale under a vignette; no text (pages set the title over it)."""
    width, height = BACKDROP
    p, motif = artwork(genres, seed, (0, 0, width, height))
    body = ['<defs><linearGradient id="sky" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="%s"/>'
            '<stop offset="1" stop-color="%s"/></linearGradient>'
            '<radialGradient id="vignette" cx="0.5" cy="0.5" r="0.75"><stop offset="0.55" stop-color="#000" stop-opacity="0"/>'
            '<stop offset="1" stop-color="#000" stop-opacity="0.6"/></radialGradient></defs>' % (p.light, p.dark),
            '<rect width="%d" height="%d" fill="url(#sky)"/>' % (width, height)]
    body += motif
    body.append('<rect width="%d" height="%d" fill="url(#vignette)"/>' % (width, height))
    return svg(BACKDROP, body)


def initials(name):
    words = [w for w in name.replace("-", " ").split() if w not in ("Jr.", "Jr") and w[0].isalpha()]
    letters = [w[0] for w in words] or [name[0]]
    return (letters[0] + (letters[-1] if len(letters) > 1 else "")).upper()


def portrait(name, seed):
    """2:3, the initials on a coloured shape, the name underneath."""
    width, height = PORTRAIT
    dice = Dice(seed)
    hue = dice.between(0, 360)
    back, shape, deep = colour(hue, 0.3, 0.86), colour(hue, 0.55, 0.42), colour(hue, 0.5, 0.25)
    cx, cy, r = 150, 190, 105
    kind = dice.integer(0, 3)
    if kind == 0:
        figure = '<circle cx="%d" cy="%d" r="%d" fill="%s"/>' % (cx, cy, r, shape)
    elif kind == 1:
        points = " ".join("%s,%s" % (n(cx + r * math.cos(math.pi / 3 * i)), n(cy + r * math.sin(math.pi / 3 * i)))
                          for i in range(6))
        figure = '<polygon points="%s" fill="%s"/>' % (points, shape)
    elif kind == 2:
        figure = '<rect x="%d" y="%d" width="%d" height="%d" rx="36" fill="%s"/>' % (cx - r, cy - r, 2 * r, 2 * r, shape)
    else:
        figure = '<polygon points="%d,%d %d,%d %d,%d %d,%d" fill="%s"/>' % (cx, cy - r, cx + r, cy, cx, cy + r, cx - r, cy, shape)
    body = ['<rect width="%d" height="%d" fill="%s"/>' % (width, height, back), figure,
            '<text x="%d" y="%d" font-family="sans-serif" font-size="84" font-weight="bold" fill="%s" '
            'text-anchor="middle">%s</text>' % (cx, cy + 30, INK, escape(initials(name))),
            '<rect y="350" width="%d" height="100" fill="%s"/>' % (width, deep)]
    lines = wrap(name, 18)[:2]
    body += text_lines(lines, width / 2, 392 if len(lines) == 1 else 383, 24, width - 30,
                       'font-family="sans-serif" fill="%s" text-anchor="middle"' % INK)
    return svg(PORTRAIT, body)


def provider_logo(name, seed):
    """Square, as TMDB's provider logos: a mark and the name."""
    width, height = PROVIDER_LOGO
    dice = Dice(seed)
    hue = dice.between(0, 360)
    body = ['<rect width="%d" height="%d" rx="48" fill="%s"/>' % (width, height, colour(hue, 0.6, 0.32)),
            '<circle cx="150" cy="105" r="52" fill="%s"/>' % colour(hue + 40, 0.7, 0.6),
            '<polygon points="132,78 132,132 178,105" fill="%s"/>' % INK]
    lines = wrap(name, 11)[:3]
    size = 40 if len(lines) == 1 else 32
    body += text_lines(lines, width / 2, 205 if len(lines) == 1 else 195, size, width - 36,
                       'font-family="sans-serif" font-weight="bold" fill="%s" text-anchor="middle"' % INK)
    return svg(PROVIDER_LOGO, body)


def network_logo(name, seed):
    """Wide, as TMDB's network logos: a mark on the left and the name."""
    width, height = NETWORK_LOGO
    dice = Dice(seed)
    hue = dice.between(0, 360)
    body = ['<rect width="%d" height="%d" rx="24" fill="%s"/>' % (width, height, colour(hue, 0.55, 0.3)),
            '<circle cx="100" cy="100" r="62" fill="none" stroke="%s" stroke-width="14"/>' % colour(hue + 30, 0.75, 0.6),
            '<rect x="70" y="92" width="60" height="16" fill="%s"/>' % INK]
    lines = wrap(name, 12)[:2]
    size = 36 if len(lines) == 1 else 32
    body += text_lines(lines, 340, 113 if len(lines) == 1 else 92, size, 280,
                       'font-family="sans-serif" font-weight="bold" fill="%s" text-anchor="middle"' % INK)
    return svg(NETWORK_LOGO, body)
