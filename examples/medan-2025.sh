#!/usr/bin/env bash
# Kota Medan, Pilkada 2024 (case 220/PHPU.WAKO-XXIII/2025): the MK did not accept the petition
# on Tue 4 Feb 2025, and the KPU Medan declared the elected pair on Wed 5 Feb 2025. Ask the tool
# whether that was on time (--declared): the deadline and the verdict come from the JSON object.
# Runs $PENETAPAN if set, else `penetapan` from PATH, else `uv run penetapan` in this project.
# Errors are not hidden: a message from the tool reaches stderr and the script stops with its
# exit code.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [[ -n ${PENETAPAN:-} ]]; then
  penetapan=("$PENETAPAN")
elif command -v penetapan >/dev/null 2>&1; then
  penetapan=(penetapan)
else
  penetapan=(uv run --quiet --project "$here/.." penetapan)
fi
declared=2025-02-05
json=$("${penetapan[@]}" deadline tidak-dapat-diterima 2025-02-04 --declared "$declared" \
  --format json)
field() { printf '%s\n' "$json" | sed -n "s/^  \"$1\": \"\(.*\)\",\$/\1/p"; }
echo "deadline: $(field deadline)"
compliance=$(field compliance)
echo "declared $declared: $compliance"
if [[ "$compliance" != on-time ]]; then
  exit 1
fi
