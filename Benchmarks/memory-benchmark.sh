#!/usr/bin/env bash
# passerelle check on one large generated file (fr -> de, the bundled termbase's concepts,
# ~57 % of the units with a finding): time and peak memory, against libxml2's own streaming
# parse of the same file (xmllint --stream) in the same run.
#
#   bash Benchmarks/memory-benchmark.sh                     (1 GB XLIFF 2.1, then 1 GB TMX)
#   MEGABYTES=200 FORMATS="tmx" bash Benchmarks/memory-benchmark.sh
#
# Needs /usr/bin/time (package time) and xmllint (libxml2-utils). The files are written under
# Benchmarks/work/memory/ (about MEGABYTES each) and kept for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
MEGABYTES=${MEGABYTES:-1024}
FORMATS=${FORMATS:-xliff2 tmx}
work=Benchmarks/work/memory
mkdir -p "$work"
[ -x .build/release/passerelle ] || swift build -c release --static-swift-stdlib
bin=.build/release/passerelle
$bin terms list --lang fr --format json > "$work/fr.json"
$bin terms list --lang de --format json > "$work/de.json"
measure() {  # prints "seconds peak-MB" of a command
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > /dev/null 2>&1 || true
  awk '{ printf "%.1f %.0f", $1, $2 / 1024 }' "$work/time.txt"
}
printf "%-7s %8s %10s %12s %12s %10s %10s\n" format MB units "xmllint s" "check s" "ratio" "peak MB"
for format in $FORMATS; do
  extension=$([ "$format" = tmx ] && echo tmx || echo xlf)
  file="$work/large-$MEGABYTES.$extension"
  [ -f "$file" ] || python3 Benchmarks/generate-large-bilingual.py "$work/fr.json" "$work/de.json" "$file" --megabytes "$MEGABYTES" --format "$format" > /dev/null
  units=$(grep -c -E '<(unit|tu) ' "$file")
  read -r lint_s lint_mb <<< "$(measure xmllint --stream --noout "$file")"
  read -r check_s check_mb <<< "$(measure $bin check "$file" --format json -o "$work/report.json")"
  printf "%-7s %8s %10s %12s %12s %10.1f %10s\n" "$format" "$MEGABYTES" "$units" "$lint_s" "$check_s" \
    "$(echo "$check_s / $lint_s" | bc -l)" "$check_mb (xmllint $lint_mb)"
done
