#!/usr/bin/env bash
# Renders Tenet's icon set from the two SVG sources beside this script:
#   tenet-small.svg (16 and 24 px) and tenet.svg (32 px and up).
# Writes the packaging icons here (tenet.png for Linux, tenet.ico for Windows, tenet.icns for
# macOS) and the window icons the console loads (assets/src/main/resources/dev/tenet/assets/icons).
# The outputs are committed; run this only after changing an SVG.
# Needs rsvg-convert (librsvg2-bin), ImageMagick's convert and python3.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd -P)
runtime="$here/../../main/resources/dev/tenet/assets/icons"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tool in rsvg-convert convert python3; do
  command -v "$tool" >/dev/null || { echo "generate.sh: $tool is missing" >&2; exit 1; }
done

render() { # size
  local svg="$here/tenet.svg"
  [ "$1" -le 24 ] && svg="$here/tenet-small.svg"
  rsvg-convert --width "$1" --height "$1" "$svg" --output "$work/$1.png"
  # No timestamps or other text chunks, so a re-run gives the same bytes.
  convert "$work/$1.png" -define png:exclude-chunks=date,time,tEXt,zTXt,iTXt "PNG32:$work/$1.png"
}
for size in 16 24 32 48 64 128 256 512 1024; do render "$size"; done

cp "$work/256.png" "$here/tenet.png"
convert "$work"/{16,24,32,48,64,128,256}.png "$here/tenet.ico"

# ICNS with PNG entries (what iconutil writes), types by pixel size and scale.
python3 - "$work" "$here/tenet.icns" <<'PY'
import struct, sys
work, out = sys.argv[1], sys.argv[2]
entries = [("icp4", 16), ("icp5", 32), ("ic11", 32), ("icp6", 64), ("ic12", 64), ("ic07", 128),
           ("ic13", 256), ("ic08", 256), ("ic14", 512), ("ic09", 512), ("ic10", 1024)]
body = b""
for kind, size in entries:
    png = open(f"{work}/{size}.png", "rb").read()
    body += kind.encode() + struct.pack(">I", len(png) + 8) + png
open(out, "wb").write(b"icns" + struct.pack(">I", len(body) + 8) + body)
PY

mkdir -p "$runtime"
for size in 16 32 48 64 128 256; do cp "$work/$size.png" "$runtime/tenet-$size.png"; done
echo "Icons written to $here and $runtime"
