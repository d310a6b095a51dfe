#!/usr/bin/env bash
# A daily job: the regions whose declaration deadline falls within the next DAYS days.
#
#   examples/batch-job.sh [DAYS] [INPUT] [AS_OF]
#
#   DAYS   keep the rows due in 0..DAYS days (default 3); overdue rows are counted on stderr
#   INPUT  CSV or JSON Lines of MK outcomes (default: pilkada-2024.csv beside this script)
#   AS_OF  the day to count from, e.g. 2025-02-05 (default: today in WIB)
#
# Prints the rows kept as CSV on stdout, most urgent first. Exits 1 when any input row is in
# error (each one listed on stderr), 2 when the input cannot be processed at all.
# Runs `penetapan` from PATH, else `uv run penetapan` in this project; filters with python3
# (or $PYTHON).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
days=${1:-3}
input=${2:-$here/pilkada-2024.csv}
as_of=${3:-}

case $days in
    '' | *[!0-9]*)
        echo "batch-job.sh: DAYS must be a whole number of days, got '$days'" >&2
        exit 2
        ;;
esac

if command -v penetapan >/dev/null 2>&1; then
    penetapan=(penetapan)
else
    penetapan=(uv run --quiet --project "$here/.." penetapan)
fi
options=(--output-format jsonl)
if [[ -n $as_of ]]; then
    options+=(--as-of "$as_of")
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

status=0
"${penetapan[@]}" batch "$input" "${options[@]}" -o "$work/deadlines.jsonl" || status=$?
if [[ $status -ne 0 && $status -ne 1 ]]; then
    exit "$status"  # the input could not be processed: penetapan said why on stderr
fi

"${PYTHON:-python3}" - "$days" "$work/deadlines.jsonl" <<'PY'
import csv
import json
import sys

days, path = int(sys.argv[1]), sys.argv[2]
kept, overdue = [], 0
with open(path, encoding="utf-8") as fh:
    for number, line in enumerate(fh, start=1):
        row = json.loads(line)
        if row["status"] == "error":
            print(f"batch-job.sh: row {number}: {row['error']}", file=sys.stderr)
        elif row["status"] == "ok" and row["days_left"] < 0:
            overdue += 1
        elif row["status"] == "ok" and row["days_left"] <= days:
            kept.append(row)
kept.sort(key=lambda row: row["days_left"])
if kept:
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(kept[0])
    for row in kept:
        out.writerow("" if v is None else v for v in row.values())
print(f"batch-job.sh: {len(kept)} due within {days} days, {overdue} overdue", file=sys.stderr)
PY

if [[ $status -eq 1 ]]; then
    echo "batch-job.sh: some rows are in error (listed above); fix them and run again" >&2
    exit 1
fi
