#!/usr/bin/env bash
# Unusual input shapes (issue 18, case 4): each at N and 4N, so that a super-linear cost shows
# as a ratio far above 4 in the same run. Prints the best of 3 wall-clock runs.
#
#   bash Benchmarks/shapes-benchmark.sh        (builds the release binary if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/passerelle
WORK=Benchmarks/work/shapes
mkdir -p "$WORK/content"
[ -x "$BIN" ] || swift build -c release --static-swift-stdlib

best_ms() {
  local best="" start end ms
  for _ in 1 2 3; do
    start=$(date +%s%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "$best"
}

python3 - "$WORK" <<'PY'
import sys
work = sys.argv[1]
for n in (2500, 10000):
    items = ''.join('<p id="p%d"><text xml:lang="fr">Bonjour %d</text><text xml:lang="de">Hallo %d</text></p>' % (i, i, i) for i in range(n))
    open('%s/content/oneline-%d.xml' % (work, n), 'w').write(
        '<?xml version="1.0" encoding="UTF-8"?><document xmlns="urn:passerelle:content:1" kind="newsletter" id="t" languages="fr de">'
        '<meta><title><text xml:lang="fr">T</text><text xml:lang="de">T</text></title></meta><section id="s"><heading><text xml:lang="fr">H</text>'
        '<text xml:lang="de">H</text></heading>' + items + '</section></document>')
for n in (20000, 80000):
    open('%s/terms-%d.csv' % (work, n), 'w').write('concept,language,term\r\n' + ''.join('x,fr,terme%d\r\n' % i for i in range(n)))
for n in (100000, 400000):
    open('%s/content/word-%d.xml' % (work, n), 'w').write(
        '<?xml version="1.0" encoding="UTF-8"?><document xmlns="urn:passerelle:content:1" kind="newsletter" id="t" languages="fr de">'
        '<meta><title><text xml:lang="fr">T</text><text xml:lang="de">T</text></title></meta><section id="s"><heading><text xml:lang="fr">H</text>'
        '<text xml:lang="de">H</text></heading><p id="p"><text xml:lang="fr">' + 'x' * n + '</text><text xml:lang="de">b</text></p></section></document>')
PY

printf "%-44s %8s %8s %7s\n" "shape" "N ms" "4N ms" "ratio"
row() {  # name, command for N, command for 4N
  local name=$1; shift
  local small big
  small=$(best_ms bash -c "$1"); big=$(best_ms bash -c "$2")
  printf "%-44s %8d %8d %7s\n" "$name" "$small" "$big" "$(awk "BEGIN { printf \"%.1f\", $big / ($small > 0 ? $small : 1) }")"
}
row "content on one line (2,500 / 10,000 units)" "$BIN validate $WORK/content/oneline-2500.xml" "$BIN validate $WORK/content/oneline-10000.xml"
row "CSV, one concept (20,000 / 80,000 terms)" "$BIN terms stats --glossary $WORK/terms-20000.csv" "$BIN terms stats --glossary $WORK/terms-80000.csv"
row "text output, one word (100 / 400 KB)" "$BIN render $WORK/content/word-100000.xml --format txt" "$BIN render $WORK/content/word-400000.xml --format txt"
