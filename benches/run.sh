#!/usr/bin/env bash
# The side-by-side benchmark (issue: performance). Generates its inputs from samples/, times
# hookscope against the limits (reading, parsing) and the tools people would use instead, measures
# peak memory, and writes benches/RESULTS.md.
#
#   benches/run.sh              # LOG_MB=512 by default (LOG_MB=100 for a quicker run); RUNS=3;
#                               # INSTALL=1 installs missing peer tools
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
cargo build --release --locked --manifest-path benches/parse_only/Cargo.toml
HS=target/release/hookscope
PARSE=benches/parse_only/target/release/parse_only
DATA=benches/data
mkdir -p "$DATA"
rm -rf "$DATA/export" "$DATA/fixtures"
"$HS" schema export "$DATA/export" 2>/dev/null
python3 benches/generate.py
SCHEMA=$DATA/schemas/meeting.started.json
RUNS=${RUNS:-3}
hf() { hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$@"; }

# A clean corpus: the same log made only of the samples that have no finding at all.
"$HS" validate --format ndjson -j1 "$DATA/events.ndjson" 2>/dev/null | head -n 2000 |
  python3 -c '
import json, sys
src = open(sys.argv[1], "rb").read().split(b"\n")
clean = [src[json.loads(l)["line"] - 1] for l in sys.stdin
         if not json.loads(l)["errors"] and not json.loads(l)["warnings"]]
target = len(b"\n".join(src))
with open(sys.argv[2], "wb") as out:
    written, i = 0, 0
    while clean and written < target:
        out.write(clean[i % len(clean)] + b"\n"); written += len(clean[i % len(clean)]) + 1; i += 1
' "$DATA/events.ndjson" "$DATA/clean.ndjson" || true

LOG=$DATA/events.ndjson
echo "== the NDJSON log"
hf "$DATA/log.json" \
  -n cat "cat $LOG" \
  -n parse-only "$PARSE $LOG" \
  -n "validate ndjson -j1" "$HS validate --format ndjson -j1 $LOG" \
  -n "validate ndjson" "$HS validate --format ndjson $LOG" \
  -n "validate -j1" "$HS validate --color never -j1 $LOG" \
  -n "validate" "$HS validate --color never $LOG" \
  -n "validate --brief -j1" "$HS validate --brief --color never -j1 $LOG" \
  -n "validate --brief" "$HS validate --brief --color never $LOG" \
  -n "stats -j1" "$HS stats -j1 $LOG" \
  -n "filter --type -j1" "$HS filter --type 'recording.*' -j1 $LOG" \
  -n "filter --provider -j1" "$HS filter --provider daily -j1 $LOG" \
  -n "validate ndjson -j1 (half log)" "$HS validate --format ndjson -j1 $DATA/half.ndjson"

echo "== a clean corpus (no findings)"
hf "$DATA/clean.results" \
  -n parse-only "$PARSE $DATA/clean.ndjson" \
  -n "validate ndjson -j1" "$HS validate --format ndjson -j1 $DATA/clean.ndjson" \
  -n "validate ndjson" "$HS validate --format ndjson $DATA/clean.ndjson"

# Linearity: the full and the half log alternate, so that a slower minute on a shared machine
# weighs on both sides alike; CPU seconds (user + system) of each run.
cpu() { /usr/bin/time -f '%U %S' "$@" 2>&1 >/dev/null | tail -n 1 | awk '{print $1 + $2}'; }
{
  for _ in $(seq "$RUNS"); do
    echo "full $(cpu "$HS" validate --format ndjson -j1 "$LOG")"
    echo "half $(cpu "$HS" validate --format ndjson -j1 "$DATA/half.ndjson")"
  done
} > "$DATA/linear.txt"

peak() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}'; }
echo "{\"log_kb\": $(peak "$HS" validate --format ndjson "$LOG"), \"half_kb\": $(peak "$HS" validate --format ndjson "$DATA/half.ndjson"), \"human_kb\": $(peak "$HS" validate --color never "$LOG"), \"filter_kb\": $(peak "$HS" filter --type 'recording.*' "$LOG")}" > "$DATA/memory.json"

echo "== bounded memory on hostile input sizes (issue 28 item 5, issue 30)"
python3 - "$DATA" <<'PY'
import gzip, json, os, sys
data = sys.argv[1]
samples = [json.load(open(os.path.join(r, f))) for r, _, fs in os.walk("samples") for f in sorted(fs) if f.endswith(".json")]
with open(os.path.join(data, "pretty.json"), "w") as out:
    size, i = 0, 0
    while size < 60_000_000:
        text = json.dumps(samples[i % len(samples)], indent=2) + "\n"
        out.write(text); size += len(text); i += 1
with gzip.open(os.path.join(data, "spaces.json.gz"), "wb", 9) as g:
    g.write(b'{"a": ')
    for _ in range(2048): g.write(b" " * (1 << 20))
    g.write(b"1}\n")
with gzip.open(os.path.join(data, "blank.json.gz"), "wb", 9) as g:
    for _ in range(256): g.write(b"\n" * (1 << 20))
PY
gzip -kf "$LOG"
peak_stdin() { /usr/bin/time -v sh -c "$1" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}'; }
echo "{\"pretty_stdin_kb\": $(peak_stdin "$HS validate --format ndjson - < $DATA/pretty.json"), \"gz_spaces_kb\": $(peak "$HS" validate --format ndjson "$DATA/spaces.json.gz"), \"gz_blank_kb\": $(peak "$HS" validate --format ndjson "$DATA/blank.json.gz"), \"gz_log_kb\": $(peak "$HS" validate --format ndjson "$LOG.gz")}" > "$DATA/bounded.json"

echo "== start-up (no shell: hyperfine -N)"
RUNS=$((RUNS * 10)) hf "$DATA/startup.results" -N \
  -n /bin/true "/bin/true" \
  -n "hookscope validate (one small file)" "$HS validate $DATA/small.json"

echo "== beyond one machine: the log split in shards, one process per shard (docs/scaling.md)"
rm -rf "$DATA/shards" && mkdir -p "$DATA/shards"
split -n l/8 -d --additional-suffix=.ndjson "$LOG" "$DATA/shards/part-"
P=$(nproc)
hf "$DATA/shards.results" \
  -n "one process, all cores" "$HS validate --format ndjson $LOG > $DATA/one.out" \
  -n "xargs -P $P, 8 shards, -j1 each" \
    "ls $DATA/shards/*.ndjson | xargs -P $P -n 1 $HS validate --format ndjson -j1 > $DATA/sharded.out"
# The merged shard outputs must say what one process says: the same statuses, counted with jq.
count() { jq -s -c 'group_by(.status) | map({(.[0].status): length}) | add' "$1"; }
[ "$(count "$DATA/one.out")" = "$(count "$DATA/sharded.out")" ] ||
  { echo "sharded results differ from one process" >&2; exit 1; }
count "$DATA/sharded.out" > "$DATA/shards.counts"

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

# Written aside first: report.py reads the section of RESULTS.md it keeps.
python3 benches/report.py > "$DATA/RESULTS.md.new"
mv "$DATA/RESULTS.md.new" benches/RESULTS.md
cat benches/RESULTS.md
