#!/usr/bin/env bash
# Renders mast.svg into the icon files each platform needs; the results are committed, so a
# build never needs these tools. Needs rsvg-convert (librsvg2-bin), ImageMagick's convert
# (imagemagick) and png2icns (icnsutils).
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256 512; do
    rsvg-convert -w "$size" -h "$size" mast.svg -o "mast-$size.png"
done
# Windows: one .ico holding the sizes Explorer and the task bar pick from.
convert mast-16.png mast-24.png mast-32.png mast-48.png mast-64.png mast-256.png mast.ico
# macOS: png2icns takes the sizes the .icns format defines.
png2icns mast.icns mast-16.png mast-32.png mast-48.png mast-128.png mast-256.png mast-512.png >/dev/null
# The window's icon (Stage.getIcons): the desktop picks the size it needs.
resources=../../src/main/resources/dev/mast/ui/icon
mkdir -p "$resources"
for size in 16 32 48 256; do cp "mast-$size.png" "$resources/"; done
