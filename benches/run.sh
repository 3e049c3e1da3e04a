#!/usr/bin/env bash
# The side-by-side benchmark (issue: performance). Generates its inputs from samples/, times
# hookscope against the limits (reading, parsing) and the tools people would use instead, measures
# peak memory, and writes benches/RESULTS.md.
#
#   benches/run.sh              # LOG_MB=512 by default; INSTALL=1 installs missing peer tools
#
# Peers: check-jsonschema (pip), ajv-cli + ajv-formats (npm), jsonschema-cli (cargo install), jq,
# jaq (cargo install, optional), hyperfine and GNU time (apt). Missing peers are reported, not faked.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${INSTALL:-0}" = 1 ]; then
  command -v hyperfine >/dev/null && command -v jq >/dev/null && [ -x /usr/bin/time ] ||
    { apt-get update -qq && apt-get install -y -qq hyperfine jq time; }
  command -v check-jsonschema >/dev/null || pip install -q check-jsonschema
  command -v ajv >/dev/null || npm install -g ajv-cli ajv-formats
  command -v jsonschema-cli >/dev/null || cargo install jsonschema-cli --locked
  command -v jaq >/dev/null || cargo install jaq --locked || true
fi

cargo build --release --locked
cargo build --release --locked --example parse_only
HS=target/release/hookscope
PARSE=target/release/examples/parse_only
DATA=benches/data
mkdir -p "$DATA"
rm -rf "$DATA/export" "$DATA/fixtures"
"$HS" schema export "$DATA/export" 2>/dev/null
python3 benches/generate.py
SCHEMA=$DATA/schemas/meeting.started.json
RUNS=${RUNS:-3}
hf() { hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$@"; }

echo "== the NDJSON log"
hf "$DATA/log.json" \
  -n cat "cat $DATA/events.ndjson" \
  -n parse-only "$PARSE $DATA/events.ndjson" \
  -n "hookscope validate -j1" "$HS validate --format ndjson -j1 $DATA/events.ndjson" \
  -n "hookscope validate" "$HS validate --format ndjson $DATA/events.ndjson" \
  -n "hookscope validate -j1 (half log)" "$HS validate --format ndjson -j1 $DATA/half.ndjson"

peak() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}'; }
echo "{\"log_kb\": $(peak "$HS" validate --format ndjson "$DATA/events.ndjson"), \"half_kb\": $(peak "$HS" validate --format ndjson "$DATA/half.ndjson")}" > "$DATA/memory.json"

echo "== a JSON array export vs the same events as NDJSON (linear: array within 1.5x of NDJSON)"
hf "$DATA/array.results" \
  -n "stats, NDJSON" "$HS stats $DATA/array.ndjson" \
  -n "stats, one-line array" "$HS stats $DATA/array.json" \
  -n "stats, pretty array" "$HS stats $DATA/array-pretty.json"

echo "== 2,000 fixture files in one call"
FIXTURES=("$DATA"/fixtures/*.json)
fixture_cmds=(-n "hookscope validate -j1" "$HS validate -j1 $DATA/fixtures" -n "hookscope validate" "$HS validate $DATA/fixtures")
command -v jsonschema-cli >/dev/null &&
  fixture_cmds+=(-n jsonschema-cli "jsonschema-cli validate --assert-format --errors-only $SCHEMA -i ${FIXTURES[*]}")
command -v check-jsonschema >/dev/null &&
  fixture_cmds+=(-n check-jsonschema "check-jsonschema --schemafile $SCHEMA ${FIXTURES[*]}")
command -v ajv >/dev/null &&
  fixture_cmds+=(-n ajv-cli "ajv validate --spec=draft2020 -c ajv-formats --strict=false -s $SCHEMA -d '$DATA/fixtures/*.json'")
hf "$DATA/fixtures.json" "${fixture_cmds[@]}"

echo "== one small file (start-up included)"
small_cmds=(-n "hookscope validate" "$HS validate $DATA/small.json")
command -v jsonschema-cli >/dev/null && small_cmds+=(-n jsonschema-cli "jsonschema-cli validate --assert-format --errors-only $SCHEMA -i $DATA/small.json")
command -v check-jsonschema >/dev/null && small_cmds+=(-n check-jsonschema "check-jsonschema --schemafile $SCHEMA $DATA/small.json")
command -v ajv >/dev/null && small_cmds+=(-n ajv-cli "ajv validate --spec=draft2020 -c ajv-formats --strict=false -s $SCHEMA -d $DATA/small.json")
RUNS=$((RUNS * 5)) hf "$DATA/small.json.results" "${small_cmds[@]}"

echo "== pretty-printing a large document"
large_cmds=(-n "hookscope inspect --body-only" "$HS inspect --body-only --color never $DATA/large.json" -n "jq ." "jq . $DATA/large.json")
command -v jaq >/dev/null && large_cmds+=(-n "jaq ." "jaq . $DATA/large.json")
hf "$DATA/large.results" "${large_cmds[@]}"

python3 benches/report.py > benches/RESULTS.md
cat benches/RESULTS.md
