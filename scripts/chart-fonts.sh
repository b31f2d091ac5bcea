#!/usr/bin/env bash
# Regenerates src/render/chart-fonts/: Debian's Noto Sans CJK JP (fonts-noto-cjk), Regular and Bold, cut
# down to the characters charts nearly always draw (ASCII, JIS X 0208's symbols, kana and level-1 kanji).
# resvg reads a font file whole for every picture; these 2 MB files instead of the 39 MB collections make
# a chart several times faster, with the same glyphs. A chart with a character outside the set is drawn
# with the full collections, as before. Needs pyftsubset (Debian: fonttools).
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/render/chart-fonts
python3 - > "$out/charset.txt" <<'PY'
import sys
chars = set(chr(c) for c in range(0x20, 0x7f))
# JIS X 0208 rows 1-8 (symbols, digits, kana, Greek, Cyrillic, box drawing) and 16-47 (level-1 kanji).
for row in list(range(1, 9)) + list(range(16, 48)):
    for cell in range(1, 95):
        try:
            chars.add(bytes([row + 0xA0, cell + 0xA0]).decode("euc_jp"))
        except UnicodeDecodeError:
            pass
chars |= set("（）＿―～−¥€℃％‰※〜・…　")
sys.stdout.write("".join(sorted(chars)))
PY
for weight in Regular Bold; do
  pyftsubset "/usr/share/fonts/opentype/noto/NotoSansCJK-$weight.ttc" --font-number=0 \
    --text-file="$out/charset.txt" --output-file="$out/NotoSansCJKjp-$weight-chart.otf" \
    --name-IDs='*' --name-languages='*' --notdef-outline
done
