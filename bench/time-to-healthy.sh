#!/usr/bin/env bash
# Time from `clipforge serve` to a 200 from /v1/health, and resident memory once healthy: median of N starts
# (default 5), each on a fresh data directory and port.   bench/time-to-healthy.sh [runs]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/deploy/target/clipforge.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests install)
runs="${1:-5}"
times=(); rss=()
for i in $(seq 1 "$runs"); do
  data="$(mktemp -d)"; port=$((18000 + RANDOM % 2000))
  start=$(date +%s.%N)
  java -jar "$jar" serve --clipforge.data-dir="$data" --clipforge.http.port="$port" >"$data/log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/v1/health" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "serve exited:"; cat "$data/log"; exit 1; }
    sleep 0.1
  done
  end=$(date +%s.%N)
  t=$(echo "$end - $start" | bc); kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  times+=("$t"); rss+=("$kb")
  printf 'run %d: healthy after %.2f s, RSS %d MB\n' "$i" "$t" "$((kb / 1024))"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
printf 'median of %d: healthy after %.2f s, RSS %d MB\n' "$runs" "$(median "${times[@]}")" "$(( $(median "${rss[@]}" | cut -d. -f1) / 1024 ))"
