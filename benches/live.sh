#!/usr/bin/env bash
# The live-receiver load test (issue 21): 10,000 signed deliveries at concurrency 32 from
# `hookscope send` through `hookscope listen --save`, on this machine's loopback. Checks that every
# delivery was answered, saved once and reported once (nothing lost, nothing duplicated), and
# records throughput, latency percentiles and peak memory in the "Live receiver" section of
# benches/RESULTS.md (only that section is replaced).
#
#   benches/live.sh            # DELIVERIES=10000 CONCURRENCY=32 by default
set -euo pipefail
cd "$(dirname "$0")/.."

DELIVERIES=${DELIVERIES:-10000}
CONCURRENCY=${CONCURRENCY:-32}
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time; }
cargo build --release --locked
HS=target/release/hookscope
WORK=benches/data/live
rm -rf "$WORK"
mkdir -p "$WORK"

python3 benches/live_report.py generate "$WORK/events.ndjson" "$DELIVERIES"

# A base64 text: a valid secret for every signing scheme in the catalog.
export HS_BENCH_SECRET=aG9va3Njb3BlLWxvYWQtdGVzdC1zZWNyZXQ=
"$HS" listen --addr 127.0.0.1:0 --save "$WORK/captures" --format ndjson --secret-env HS_BENCH_SECRET \
  >"$WORK/listen.ndjson" 2>"$WORK/listen.err" &
LISTEN=$!
URL=
for _ in $(seq 100); do
  URL=$(sed -n 's/^hookscope: listening on //p' "$WORK/listen.err")
  [ -n "$URL" ] && break
  sleep 0.1
done
[ -n "$URL" ] || { cat "$WORK/listen.err"; exit 1; }

START=$(date +%s.%N)
/usr/bin/time -v -o "$WORK/send.time" \
  "$HS" send --to "$URL" --concurrency "$CONCURRENCY" --secret-env HS_BENCH_SECRET --format ndjson \
  "$WORK/events.ndjson" >"$WORK/send.ndjson" 2>"$WORK/send.err" || true
END=$(date +%s.%N)

# Peak resident memory of the receiver (VmHWM), read before it stops.
grep VmHWM "/proc/$LISTEN/status" >"$WORK/listen.hwm"
kill -INT "$LISTEN"
wait "$LISTEN" || true

python3 benches/live_report.py report "$WORK" "$DELIVERIES" "$CONCURRENCY" "$START" "$END" benches/RESULTS.md
