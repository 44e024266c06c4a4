#!/usr/bin/env bash
# The real GrabCut benchmark (50 photos), when the folder is there (../shared/datasets/GrabCut beside the clone, or
# $MIS_GRABCUT): the training-free merge-tree predictor through `mis_evaluate`, RITM protocol, 20 clicks.
# The project's own tests never need it; this only checks that the full protocol runs on the real layout.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
gc="${MIS_GRABCUT:-$root/../shared/datasets/GrabCut}"
if [ ! -d "$gc" ]; then echo "GrabCut not found at $gc: skipped"; exit 0; fi
out=$(mktemp -d)
timeout 900 mis_evaluate --datasets "$gc" --checkpoint tree --out_dir "$out" --quiet || { echo "mis_evaluate failed on $gc"; exit 1; }
[ -s "$out/results.md" ] || { echo "no results.md written"; exit 1; }
cat "$out/results.md"
python - "$out/summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print(json.dumps(s, indent=1)[:1500])
PY
