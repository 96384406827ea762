#!/usr/bin/env bash
# Renders the app icon PNGs from resources/icon.svg. Run by hand after changing the SVG; the PNGs
# are committed, so neither tests nor installer builds need this tool.
# Needs rsvg-convert: apt-get install librsvg2-bin (Linux) or brew install librsvg (macOS).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p resources/icons
rsvg-convert -w 512 -h 512 resources/icon.svg -o resources/icon.png
for size in 512 256; do
  rsvg-convert -w "$size" -h "$size" resources/icon.svg -o "resources/icons/${size}x${size}.png"
done
echo "icons rendered: resources/icon.png resources/icons/{512x512,256x256}.png"
