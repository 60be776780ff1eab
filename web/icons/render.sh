#!/bin/sh
# Renders the app icons of web/public/icons/ from the two drawings here (Debian's
# librsvg2-bin: rsvg-convert). The PNGs are committed: run this after changing a drawing.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=$here/../public/icons
mkdir -p "$out"
command -v rsvg-convert >/dev/null || { echo "rsvg-convert is missing: apt-get install librsvg2-bin" >&2; exit 1; }
for size in 192 512; do
  rsvg-convert -w $size -h $size "$here/icon.svg" -o "$out/icon-$size.png"
  rsvg-convert -w $size -h $size "$here/icon-maskable.svg" -o "$out/icon-maskable-$size.png"
done
# iOS rounds the corners itself: the full square.
rsvg-convert -w 180 -h 180 "$here/icon-maskable.svg" -o "$out/apple-touch-icon.png"
