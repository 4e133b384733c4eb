#!/usr/bin/env bash
# passerelle sort vs GNU sort on 1,000,000 accented French/German lines.
#
#   make bench            (builds the release binary first)
#   LINES=200000 bash Benchmarks/sort-benchmark.sh
#
# Prints the best of 3 runs of each and the ratio (GNU time / passerelle time;
# above 1 means passerelle is faster). GNU sort runs with de_DE.UTF-8 (glibc's
# collation); passerelle with ICU's `de`. Both run in the same command so the
# ratio holds on a noisy machine.
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${LINES:-1000000}
WORK=Benchmarks/work
BIN=.build/release/passerelle
mkdir -p "$WORK"

if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
  if [ "$(id -u)" = "0" ]; then
    command -v locale-gen >/dev/null || apt-get install -y --no-install-recommends locales >/dev/null
    sed -i 's/^# *de_DE.UTF-8 UTF-8/de_DE.UTF-8 UTF-8/' /etc/locale.gen
    locale-gen >/dev/null
  else
    echo "de_DE.UTF-8 is missing: run 'sudo locale-gen de_DE.UTF-8' (GNU sort needs it)." >&2
    exit 1
  fi
fi
[ -x "$BIN" ] || swift build -c release --static-swift-stdlib

INPUT="$WORK/words-$LINES.txt"
[ -s "$INPUT" ] || python3 Benchmarks/generate-words.py "$LINES" > "$INPUT"

best() { # best wall time in seconds of 3 runs of "$@"
  local best=""
  for _ in 1 2 3; do
    local start end elapsed
    start=$(date +%s.%N); "$@" > /dev/null; end=$(date +%s.%N)
    elapsed=$(echo "$end - $start" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$elapsed < $best" | bc -l)" = 1 ]; then best=$elapsed; fi
  done
  printf '%.3f' "$best"
}

echo "input: $INPUT ($(wc -l < "$INPUT") lines, $(du -h "$INPUT" | cut -f1))"
gnu=$(best env LC_ALL=de_DE.UTF-8 sort "$INPUT")
icu=$(best "$BIN" sort --locale de "$INPUT")
gnu_unique=$(best env LC_ALL=de_DE.UTF-8 sort -u "$INPUT")
icu_unique=$(best "$BIN" sort --locale de --unique "$INPUT")
printf '%-44s %8ss\n' "GNU sort (LC_ALL=de_DE.UTF-8)" "$gnu" "passerelle sort --locale de" "$icu" \
  "GNU sort -u" "$gnu_unique" "passerelle sort --locale de --unique" "$icu_unique"
printf 'ratio GNU/passerelle: sort %.2fx, unique %.2fx (above 1: passerelle faster)\n' \
  "$(echo "$gnu / $icu" | bc -l)" "$(echo "$gnu_unique / $icu_unique" | bc -l)"
