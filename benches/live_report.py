"""Inputs and report for benches/live.sh (the live-receiver load test).

generate OUT N: N deliveries as NDJSON, cycling through every bundled sample, each with a
  unique `x_bench_seq` so losses and duplicates can be counted.
report WORK N CONCURRENCY START END RESULTS: checks the run and writes its section of RESULTS.md.
"""

import json
import os
import pathlib
import re
import sys

BEGIN = "<!-- live-receiver:begin -->"
END = "<!-- live-receiver:end -->"


def samples():
    root = pathlib.Path("samples")
    paths = sorted(p for p in root.rglob("*.json") if "examples" not in p.parts)
    return [json.loads(p.read_text()) for p in paths]


def generate(out, n):
    bodies = samples()
    with open(out, "w") as f:
        for i in range(n):
            event = dict(bodies[i % len(bodies)])
            event["x_bench_seq"] = i
            f.write(json.dumps(event, separators=(",", ":")) + "\n")


def percentile(values, p):
    values = sorted(values)
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def kib(text, key):
    m = re.search(key + r":\s*(\d+)", text)
    return int(m.group(1)) if m else 0


def report(work, n, concurrency, start, end, results):
    work = pathlib.Path(work)
    sent = [json.loads(l) for l in (work / "send.ndjson").read_text().splitlines()]
    received = [json.loads(l) for l in (work / "listen.ndjson").read_text().splitlines()]
    captures = sorted((work / "captures").glob("*.http"))
    seqs = []
    for path in captures:
        body = path.read_bytes().split(b"\r\n\r\n", 1)[1]
        seqs.append(json.loads(body)["x_bench_seq"])
    answered = [s for s in sent if s["status"] is not None]
    ok = [s for s in answered if s["status"] < 400]
    sources = {r["source"] for r in received}
    checks = {
        "every delivery answered": len(answered) == n,
        "every answer 2xx": len(ok) == n,
        "one capture per delivery": len(captures) == n,
        "one report line per delivery": len(received) == n and len(sources) == n,
        "report lines name the captures": sources == {str(p) for p in captures},
        "nothing lost or duplicated": sorted(seqs) == list(range(n)),
        "every signature valid (or unsigned: Alfred)": all(
            r["signature"]["status"] in ("valid", "unsigned") for r in received
        ),
    }
    wall = float(end) - float(start)
    client = [s["latency_ms"] for s in answered]
    server = [r["latency_ms"] for r in received]
    listen_kib = kib((work / "listen.hwm").read_text(), "VmHWM")
    send_kib = kib((work / "send.time").read_text(), "Maximum resident set size \\(kbytes\\)")
    row = lambda name, v: f"| {name} | {percentile(v, 50):.1f} | {percentile(v, 90):.1f} | {percentile(v, 99):.1f} | {max(v):.1f} |"
    lines = [
        BEGIN,
        "## Live receiver (issue 21)",
        "",
        f"`benches/live.sh`: {n:,} signed deliveries (every bundled sample in turn, NDJSON) posted by",
        f"`hookscope send --concurrency {concurrency}` to `hookscope listen --save DIR --format ndjson`",
        "with a secret, on loopback, release build. Sender and receiver share the machine's",
        f"{os.cpu_count()} cores. Each delivery is saved as an `.http` capture, validated, signature-checked",
        "and reported before it is answered.",
        "",
        "| check | result |",
        "|---|---|",
        *[f"| {k} | {'yes' if v else 'NO'} |" for k, v in checks.items()],
        "",
        f"Throughput: **{n / wall:,.0f} deliveries/s** ({n:,} in {wall:.2f} s, wall clock of `send`).",
        "",
        "| latency (ms) | p50 | p90 | p99 | max |",
        "|---|---|---|---|---|",
        row("client (send: request to answer)", client),
        row("server (listen: body received to answer)", server),
        "",
        f"Peak memory (resident): listen {listen_kib / 1024:.1f} MiB, send {send_kib / 1024:.1f} MiB.",
        END,
    ]
    section = "\n".join(lines) + "\n"
    path = pathlib.Path(results)
    text = path.read_text()
    if BEGIN in text:
        text = text[: text.index(BEGIN)] + section + text[text.index(END) + len(END) + 1 :]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text)
    print(section)
    if not all(checks.values()):
        sys.exit(1)


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(sys.argv[2], int(sys.argv[3]))
    else:
        work, n, concurrency, start, end, results = sys.argv[2:8]
        report(work, int(n), int(concurrency), start, end, results)
