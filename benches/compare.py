"""Runs the Rust benchmarks and the plain-JSON Python baseline side by side and writes the
table into benches/README.md (between the bench markers).

    python3 benches/compare.py            # what `make bench` runs
    python3 benches/compare.py --no-cargo # reuse the last criterion run and release build

In-process: criterion's median for each query (benches/queries.rs) against the median of
`timeit` runs of the same question in benches/baseline.py. Whole process: the median wall
time of `srdi --json …` against `python3 benches/baseline.py …`, each run RUNS times.
"""

import json
import statistics
import subprocess
import sys
import time
import timeit
from pathlib import Path

import baseline

ROOT = Path(__file__).resolve().parent.parent
CRITERION = ROOT / "target" / "criterion"
SRDI = ROOT / "target" / "release" / "srdi"
README = ROOT / "benches" / "README.md"
RUNS = 30

PROCESSES = [
    ("tasks by unit", ["--json", "tasks", "--unit", "区财政局"], "tasks/unit"),
    ("search 首台", ["--json", "search", "首台"], "search/zh"),
]


def criterion_median_ns(name):
    estimates = CRITERION / name.replace("/", "_") / "new" / "estimates.json"
    return json.loads(estimates.read_text())["median"]["point_estimate"]


def python_median_ns(function, plan):
    timer = timeit.Timer(lambda: function(plan))
    number, _ = timer.autorange()
    runs = timer.repeat(repeat=7, number=number)
    return statistics.median(runs) / number * 1e9


def process_median_ms(command):
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def fmt_ns(ns):
    return f"{ns / 1000:.2f} µs" if ns >= 1000 else f"{ns:.0f} ns"


def main():
    if "--no-cargo" not in sys.argv:
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "srdi-cli"], cwd=ROOT, check=True)
        subprocess.run(["cargo", "bench", "-q", "-p", "srdi-plan-benches", "--bench", "queries"],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    text = baseline.PLAN_PATH.read_text(encoding="utf-8")
    plan = baseline.load(text)

    lines = [
        "In process, median per call (Rust: criterion; Python: timeit):",
        "",
        "| question | srdi-plan (Rust) | json + comprehensions (Python) | Python ÷ Rust |",
        "|---|---:|---:|---:|",
    ]
    rust = criterion_median_ns("load/parse_and_validate")
    python = python_median_ns(lambda _: baseline.load(text), None)
    lines.append(f"| load (Rust also validates) | {fmt_ns(rust)} | {fmt_ns(python)} | {python / rust:.1f}× |")
    for name, function in baseline.QUESTIONS.items():
        rust = criterion_median_ns(name)
        python = python_median_ns(function, plan)
        lines.append(f"| {name} | {fmt_ns(rust)} | {fmt_ns(python)} | {python / rust:.1f}× |")
    rust = criterion_median_ns("unit/unknown_with_suggestions")
    lines.append(f"| unit/unknown_with_suggestions | {fmt_ns(rust)} | — | — |")

    lines += [
        "",
        f"Whole process, median wall time of {RUNS} runs (load, answer, print JSON):",
        "",
        "| question | `srdi --json …` | `python3 benches/baseline.py …` | Python ÷ Rust |",
        "|---|---:|---:|---:|",
    ]
    for label, args, question in PROCESSES:
        rust = process_median_ms([str(SRDI), *args])
        python = process_median_ms([sys.executable, str(ROOT / "benches" / "baseline.py"), question])
        lines.append(f"| {label} | {rust:.2f} ms | {python:.2f} ms | {python / rust:.1f}× |")

    write_section("bench", "\n".join(lines))


def write_section(name, table):
    """Prints `table` and puts it into benches/README.md between the `name` markers."""
    print(table)
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    readme = README.read_text(encoding="utf-8")
    before, rest = readme.split(start, 1)
    _, after = rest.split(end, 1)
    README.write_text(f"{before}{start}\n{table}\n{end}{after}", encoding="utf-8")


if __name__ == "__main__":
    main()
