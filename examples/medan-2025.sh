#!/usr/bin/env bash
# Kota Medan, Pilkada 2024 (case 220/PHPU.WAKO-XXIII/2025): the MK did not accept the petition
# on Tue 4 Feb 2025. Print the declaration deadline as a bare date and check the KPU Medan's
# declaration of Wed 5 Feb 2025 was in time.
set -euo pipefail
penetapan="${PENETAPAN:-penetapan}"
deadline=$("$penetapan" deadline tidak-dapat-diterima 2025-02-04 --format date 2>/dev/null)
declared=2025-02-05
echo "deadline: $deadline"
if [[ "$declared" > "$deadline" ]]; then
  echo "declared $declared: LATE" >&2
  exit 1
fi
echo "declared $declared: in time"
