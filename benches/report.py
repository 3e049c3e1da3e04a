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
arrays, clean, startup = times("array.results"), times("clean.results"), times("startup.results")
shards = times("shards.results")
memory = json.load(open(os.path.join(data, "memory.json")))
size_mb = os.path.getsize(os.path.join(data, "events.ndjson")) / 1e6
events = sum(1 for _ in open(os.path.join(data, "events.ndjson"), "rb"))
cores = os.cpu_count()

def ratio(a, b):
    return a / b if a and b else None

results = []
def check(what, value, goal_text, ok):
    if value is None:
        results.append(f"| {what} | not measured (tool missing) | {goal_text} | — |")
    else:
        results.append(f"| {what} | {value} | {goal_text} | {'**met**' if ok else '**not met**'} |")

def vs_parse(what, measured, goal, table=log):
    r = ratio(table.get("parse-only"), table.get(measured))
    check(what, None if r is None else f"{r:.2f}×", f"≥ {goal}×", r is not None and r >= goal)

# Throughput: parse-only time / command time (higher is better), all on the same file in one run.
vs_parse("validate --format ndjson, drift-heavy log, 1 thread, vs parse-only", "validate ndjson -j1", 0.6)
vs_parse(f"validate --format ndjson, drift-heavy log, all {cores} cores, vs parse-only", "validate ndjson", 1.1)
for name, label in [("validate", "default human output"), ("validate --brief", "--brief")]:
    for suffix, threads in [(" -j1", "1 thread"), ("", f"all {cores} cores")]:
        ndjson = "validate ndjson" + suffix
        r = ratio(log.get(name + suffix), log.get(ndjson))
        check(f"{label}, {threads}: time vs NDJSON", None if r is None else f"{r:.2f}×", "≤ 1.25×",
              r is not None and r <= 1.25)
    vs_parse(f"{label}, all {cores} cores, vs parse-only", name, 0.9)
vs_parse("clean corpus, validate --format ndjson, 1 thread, vs parse-only", "validate ndjson -j1", 0.8, clean)
vs_parse("filter --type, 1 thread, vs parse-only", "filter --type -j1", 2.0)
vs_parse("filter --provider, 1 thread, vs parse-only", "filter --provider -j1", 2.0)
r = ratio(log.get("validate ndjson -j1"), log.get("stats -j1"))
check("stats, 1 thread, speed vs validate --format ndjson", None if r is None else f"{r:.2f}×", "≥ 1×",
      r is not None and r >= 1)
r = ratio(fixtures.get("jsonschema-cli"), fixtures.get("hookscope validate"))
check("2,000 files: speed vs jsonschema-cli (with detection)", None if r is None else f"{r:.2f}×", "> 1×", r is not None and r > 1)
r = ratio(small.get("jsonschema-cli"), small.get("hookscope validate"))
check("one small file vs jsonschema-cli", None if r is None else f"{r:.2f}×", "> 1×", r is not None and r > 1)
beyond = None
if startup.get("/bin/true") and startup.get("hookscope validate (one small file)"):
    beyond = (startup["hookscope validate (one small file)"] - startup["/bin/true"]) * 1000
check("start-up, one small file, beyond /bin/true (hyperfine -N)", None if beyond is None else f"{beyond:.1f} ms",
      "≤ 2 ms", beyond is not None and beyond <= 2)
for key, what in [("log_kb", "validate --format ndjson"), ("half_kb", "validate --format ndjson, half log"),
                  ("human_kb", "validate (human)"), ("filter_kb", "filter --type")]:
    if key in memory:
        check(f"peak memory, {what}", f"{memory[key] / 1024:.1f} MiB", "≤ 64 MB", memory[key] * 1024 <= 64e6)
bounded_path = os.path.join(data, "bounded.json")
bounded = json.load(open(bounded_path)) if os.path.exists(bounded_path) else {}
for key, what, target in [("pretty_stdin_kb", "60 MB of pretty-printed events on stdin", 64e6),
                          ("gz_spaces_kb", "a 2 MB .gz expanding to 2 GiB of spaces in one event", 128e6),
                          ("gz_blank_kb", "a .gz of 256 MiB of newlines", 64e6),
                          ("gz_log_kb", "the log gzipped (NDJSON streams whatever its size)", 64e6)]:
    if key in bounded:
        check(f"peak memory, {what}", f"{bounded[key] / 1024:.1f} MiB", f"≤ {target / 1e6:.0f} MB",
              bounded[key] * 1024 <= target)
# Alternating runs (run.sh), CPU seconds: the full log's total over the half log's.
linear = {"full": 0.0, "half": 0.0}
if os.path.exists(os.path.join(data, "linear.txt")):
    for line in open(os.path.join(data, "linear.txt")):
        side, seconds = line.split()
        linear[side] += float(seconds)
r = ratio(linear["full"], linear["half"])
check("cost of the full log / half the log, alternating runs (linear = 2)", None if r is None else f"{r:.2f}",
      "2 ± 10 %", r is not None and 1.8 <= r <= 2.2)
for peer, goal in [("check-jsonschema", 50), ("ajv-cli", 50)]:
    r = ratio(fixtures.get(peer), fixtures.get("hookscope validate"))
    check(f"2,000 files: speed-up over {peer} (round 1)", None if r is None else f"{r:.1f}×", f"≥ {goal}×", r is not None and r >= goal)
r = ratio(large.get("jq ."), large.get("hookscope inspect --body-only"))
check("pretty-printing a large document vs jq (round 1)", None if r is None else f"{r:.2f}×", "≥ 1×", r is not None and r >= 1)
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
A clean corpus of the same size repeats only the samples with no finding. Every ratio compares
commands of one hyperfine run on the same file. Means of {os.environ.get('RUNS', '3')} runs after a warm-up
(hyperfine; start-up with `-N`, 10× the runs); memory from GNU time.
Versions: {cmd('target/release/hookscope', '--version')}; {cmd('check-jsonschema', '--version') or 'check-jsonschema missing'};
ajv-cli {cmd('sh', '-c', 'npm ls -g ajv-cli --depth=0 2>/dev/null | grep ajv-cli') or 'missing'}; {cmd('jsonschema-cli', '--version') or 'jsonschema-cli missing'}; {cmd('jq', '--version')}.

## Targets

| target | measured | goal | |
|---|---|---|---|
""" + "\n".join(results) + "\n\n## Measurements\n\n" + table("NDJSON log", log) + "\n" + table("2,000 fixture files", fixtures)
      + "\n" + table("one small file", small) + "\n" + table("large document", large)
      + "\n" + table("clean corpus", clean) + "\n" + table("start-up", startup)
      + "\n" + table("JSON array export vs NDJSON", arrays)
      + "\n" + table("shards with xargs -P vs one process (same statuses: "
                     + open(os.path.join(data, "shards.counts")).read().strip() + ")", shards))
profile = os.path.join(os.path.dirname(os.path.abspath(__file__)), "profile.md")
if os.path.exists(profile):
    print(open(profile).read())
# The live receiver's load test (benches/live.sh) is measured apart; its section is kept as it is.
previous = os.path.join(os.path.dirname(os.path.abspath(__file__)), "RESULTS.md")
if os.path.exists(previous):
    text = open(previous).read()
    begin, end = text.find("<!-- live-receiver:begin -->"), text.find("<!-- live-receiver:end -->")
    if begin >= 0 and end > begin:
        print(text[begin:end + len("<!-- live-receiver:end -->")])
