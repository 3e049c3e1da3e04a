#!/usr/bin/env python3
"""Generates the benchmark inputs from samples/ (run by benches/run.sh).

data/events.ndjson   a mixed-provider NDJSON log of at least LOG_MB megabytes (default 512)
data/half.ndjson     the first half of it (for the linear-cost and memory checks)
data/fixtures/       2,000 single-event files of one type (so single-schema peers can check them)
data/small.json      one small event (start-up)
data/array.json      a one-line JSON array export of ARRAY_MB megabytes (default 50) of events
data/array-pretty.json  the same array pretty-printed (indent 2)
data/array.ndjson    the same events as NDJSON (the linear baseline for arrays)
data/large.json      one large event document (~30 MB) for pretty-printing against jq
data/schemas/        self-contained copies of the schemas the peers need ($refs inlined)
"""
import copy, glob, json, os, sys

root = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(root)
data = os.path.join(root, "data")
os.makedirs(os.path.join(data, "fixtures"), exist_ok=True)
os.makedirs(os.path.join(data, "schemas"), exist_ok=True)
log_mb = int(os.environ.get("LOG_MB", "512"))

samples = sorted(glob.glob(os.path.join(repo, "samples", "*", "**", "*.json"), recursive=True))
samples = [s for s in samples if "/examples/" not in s]
lines = [json.dumps(json.load(open(s)), separators=(",", ":")).encode() for s in samples]

target = log_mb * 1_000_000
with open(os.path.join(data, "events.ndjson"), "wb") as out:
    written, i = 0, 0
    while written < target:
        line = lines[i % len(lines)] + b"\n"
        out.write(line)
        written += len(line)
        i += 1
with open(os.path.join(data, "events.ndjson"), "rb") as src, open(os.path.join(data, "half.ndjson"), "wb") as out:
    out.write(src.read(target // 2).rsplit(b"\n", 1)[0] + b"\n")

# A JSON array export (what dashboards and `jq -s` write) and the same events as NDJSON.
array_target = int(os.environ.get("ARRAY_MB", "50")) * 1_000_000
array_lines, size = [], 0
while size < array_target:
    array_lines.append(lines[len(array_lines) % len(lines)])
    size += len(array_lines[-1]) + 1
with open(os.path.join(data, "array.json"), "wb") as out:
    out.write(b"[" + b",".join(array_lines) + b"]\n")
with open(os.path.join(data, "array.ndjson"), "wb") as out:
    out.write(b"\n".join(array_lines) + b"\n")
with open(os.path.join(data, "array-pretty.json"), "w") as out:
    json.dump([json.loads(l) for l in array_lines], out, indent=2)

# 2,000 fixtures of one documented type, each slightly different.
base = json.load(open(os.path.join(repo, "samples", "daily", "meeting.started.json")))
for n in range(2000):
    event = copy.deepcopy(base)
    event["id"] = f"met-sta-{n:05d}"
    event["payload"]["room"] = f"room-{n}"
    with open(os.path.join(data, "fixtures", f"meeting-{n:04d}.json"), "w") as f:
        json.dump(event, f, indent=2)
with open(os.path.join(data, "small.json"), "w") as f:
    json.dump(base, f, indent=2)

# One large event: an Extend run whose output holds many extracted fields.
big = json.load(open(os.path.join(repo, "samples", "extend", "2026-02-09", "extract_run.processed.json")))
big["payload"]["output"] = {"value": {f"field_{k}": {"value": k * 1.5, "text": "x" * 40, "items": list(range(20))} for k in range(60_000)}}
with open(os.path.join(data, "large.json"), "w") as f:
    json.dump(big, f, indent=2)

def inline(schema_path):
    """The schema with every relative $ref replaced by what it points at."""
    cache = {}
    def load(path):
        if path not in cache:
            cache[path] = json.load(open(path))
        return cache[path]
    def resolve(node, base):
        if isinstance(node, dict):
            if "$ref" in node and not node["$ref"].startswith("#"):
                target, _, fragment = node["$ref"].partition("#")
                path = os.path.normpath(os.path.join(os.path.dirname(base), target))
                sub = load(path)
                for part in [p for p in fragment.split("/") if p]:
                    sub = sub[part.replace("~1", "/").replace("~0", "~")]
                rest = {k: v for k, v in node.items() if k != "$ref"}
                merged = {"allOf": [resolve(copy.deepcopy(sub), path)]}
                merged.update(resolve(rest, base))
                return merged
            return {k: resolve(v, base) for k, v in node.items()}
        if isinstance(node, list):
            return [resolve(v, base) for v in node]
        return node
    return resolve(load(schema_path), schema_path)

schema = inline(os.path.join(data, "export", "daily", "schemas", "meeting.started.json"))
with open(os.path.join(data, "schemas", "meeting.started.json"), "w") as f:
    json.dump(schema, f, indent=2)
print(f"generated: {written / 1e6:.0f} MB log ({i} events), 2000 fixtures, small, large ({os.path.getsize(os.path.join(data, 'large.json')) / 1e6:.0f} MB)")
