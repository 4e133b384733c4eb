#!/usr/bin/env bash
# passerelle check on generated XLIFF 1.2 files (20,000 and 200,000 units, fr -> de) against
# generated TBX glossaries (100, 5,000 and 100,000 concepts) with seeded missing and deprecated
# terms; termflex (PyPI) runs on the 20,000 x 5,000 case in the same command.
#
#   make bench                   (all benchmarks)
#   bash Benchmarks/check-benchmark.sh
#   UNITS=20000 CONCEPTS=5000 bash Benchmarks/check-benchmark.sh
#
# termflex is installed in a throwaway venv under Benchmarks/work/ (needs PyPI); set
# TERMFLEX= (empty) to skip it.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=Benchmarks/work/termflex-venv
if [ -z "${TERMFLEX+x}" ]; then
  if [ ! -x "$VENV/bin/termflex" ]; then
    python3 -m venv "$VENV" && "$VENV/bin/pip" install -q termflex || echo "termflex could not be installed; it will be skipped" >&2
  fi
  export TERMFLEX="$VENV/bin/termflex"
fi
[ -x .build/release/passerelle ] || swift build -c release --static-swift-stdlib
swift build -c release --product check-benchmark
.build/release/check-benchmark
