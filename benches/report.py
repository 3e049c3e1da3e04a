#!/usr/bin/env python3
"""Turns the measurements of benches/run.sh (benches/data/*.json) into benches/RESULTS.md."""
import json, os, platform, subprocess

data = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")

def times(name):
    path = os.path.join(data, name)
    if not os.path.exists(path):
        return {}
    return {r["command"]: r["mean"] for r in json.load(open(path))["results"]}

def cmd(*args):
    try:
        return subprocess.run(args, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return "not installed"

log, fixtures, small, large = times("log.json"), times("fixtures.json"), times("small.json.results"), times("large.results")
arrays = times("array.results")
memory = json.load(open(os.path.join(data, "memory.json")))
size_mb = os.path.getsize(os.path.join(data, "events.ndjson")) / 1e6
events = sum(1 for _ in open(os.path.join(data, "events.ndjson"), "rb"))

rows = []
def target(what, ratio, goal, higher_is_better=True, unit="×"):
    if ratio is None:
        rows.append(f"| {what} | not measured (tool missing) | {goal} | — |")
        return
    rows.append(f"| {what} | {ratio:.2f}{unit} | {goal} | {'met' if higher_is_better else 'met'} |")

def ratio(a, b):
    return a / b if a and b else None

results = []
def check(what, value, goal_text, ok):
    if value is None:
        results.append(f"| {what} | not measured (tool missing) | {goal_text} | — |")
    else:
        results.append(f"| {what} | {value} | {goal_text} | {'**met**' if ok else '**not met**'} |")

r = ratio(log.get("parse-only"), log.get("hookscope validate -j1"))
check("validate, 1 thread, vs parse-only throughput", f"{r:.2f}×", "≥ 0.5×", r >= 0.5)
r = ratio(log.get("parse-only"), log.get("hookscope validate"))
check(f"validate, all {os.cpu_count()} cores, vs single-threaded parse-only", f"{r:.2f}×", "≥ 0.9×", r >= 0.9)
check("peak memory on the log", f"{memory['log_kb'] / 1024:.1f} MiB", "≤ 64 MB", memory["log_kb"] * 1024 <= 64e6)
check("peak memory on half the log", f"{memory['half_kb'] / 1024:.1f} MiB", "≤ 64 MB", memory["half_kb"] * 1024 <= 64e6)
for peer, goal in [("check-jsonschema", 50), ("ajv-cli", 50)]:
    r = ratio(fixtures.get(peer), fixtures.get("hookscope validate"))
    check(f"2,000 files: speed-up over {peer}", None if r is None else f"{r:.1f}×", f"≥ {goal}×", r is not None and r >= goal)
r = ratio(fixtures.get("jsonschema-cli"), fixtures.get("hookscope validate"))
check("2,000 files: speed vs jsonschema-cli (with detection)", None if r is None else f"{r:.2f}×", "≥ 1×", r is not None and r >= 1)
r = ratio(small.get("jsonschema-cli"), small.get("hookscope validate"))
check("one small file vs jsonschema-cli", None if r is None else f"{r:.2f}×", "≥ 1×", r is not None and r >= 1)
r = ratio(large.get("jq ."), large.get("hookscope inspect --body-only"))
check("pretty-printing a large document vs jq", None if r is None else f"{r:.2f}×", "≥ 1×", r is not None and r >= 1)
r = ratio(log.get("hookscope validate -j1"), log.get("hookscope validate -j1 (half log)"))
check("cost of the full log / half the log (linear = 2)", None if r is None else f"{r:.2f}", "2 ± 10 %", r is not None and 1.8 <= r <= 2.2)
for shape in ["one-line array", "pretty array"]:
    r = ratio(arrays.get(f"stats, {shape}"), arrays.get("stats, NDJSON"))
    check(f"stats on a {shape} export vs the same events as NDJSON", None if r is None else f"{r:.2f}×", "≤ 1.5×", r is not None and r <= 1.5)

def table(title, measured):
    lines = [f"### {title}", "", "| command | mean |", "|---|---|"]
    for name, mean in measured.items():
        lines.append(f"| {name} | {mean * 1000:.1f} ms |")
    return "\n".join(lines) + "\n"

cpu = cmd("sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
print(f"""# Benchmark results

Produced by `benches/run.sh` on {platform.node() or 'this machine'}: {cpu or platform.processor()}, {os.cpu_count()} cores,
{round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB, {platform.system()} {platform.release()}.
Inputs are generated from `samples/` by `benches/generate.py`: a {size_mb:.0f} MB mixed-provider NDJSON log
({events:,} events), 2,000 single-event fixture files of one type (so single-schema tools can check them with
one schema from `hookscope schema export`), one small event, one {os.path.getsize(os.path.join(data, 'large.json')) / 1e6:.0f} MB event.
Means of {os.environ.get('RUNS', '3')} runs after a warm-up (hyperfine); memory from GNU time.
Versions: {cmd('target/release/hookscope', '--version')}; {cmd('check-jsonschema', '--version') or 'check-jsonschema missing'};
ajv-cli {cmd('sh', '-c', 'npm ls -g ajv-cli --depth=0 2>/dev/null | grep ajv-cli') or 'missing'}; {cmd('jsonschema-cli', '--version') or 'jsonschema-cli missing'}; {cmd('jq', '--version')}.

## Targets

| target | measured | goal | |
|---|---|---|---|
""" + "\n".join(results) + "\n\n## Measurements\n\n" + table("NDJSON log", log) + "\n" + table("2,000 fixture files", fixtures)
      + "\n" + table("one small file", small) + "\n" + table("large document", large)
      + "\n" + table("JSON array export vs NDJSON", arrays))
profile = os.path.join(os.path.dirname(os.path.abspath(__file__)), "profile.md")
if os.path.exists(profile):
    print(open(profile).read())
