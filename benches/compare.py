"""Runs the benchmarks and their plain-JSON baselines side by side and writes the tables into
benches/README.md (between the markers).

    python3 benches/compare.py            # what `make bench` runs (after `make wasm`)
    python3 benches/compare.py --no-cargo # reuse the last criterion run and release build

Rust, in process: criterion's median for each query (benches/queries.rs) against the median
of `timeit` runs of the same question in benches/baseline.py. Whole process: the median wall
time of `srdi --json …` against `python3 benches/baseline.py …`, each run RUNS times, and of
a fresh process's wait for the shipped plan (benches/ready.rs). JavaScript: the npm package,
packed and installed as a user installs it, against `JSON.parse` and `Array.filter`
(benches/js_compare.mjs). Then each goal of the speed and size work beside what this run
measured, met or not.
"""

import json
import platform
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


def process_medians_ms(*commands):
    """The median wall time of each command as a whole process, over RUNS rounds that run the
    commands in turn, so that every command sees the same drift of the machine."""
    times = [[] for _ in commands]
    for _ in range(RUNS):
        for command, runs in zip(commands, times):
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            runs.append(time.perf_counter() - start)
    return [statistics.median(runs) * 1e3 for runs in times]


def versions():
    rustc = subprocess.run(["rustc", "-V"], capture_output=True, text=True, check=True).stdout.split()[1]
    node = subprocess.run(["node", "-v"], capture_output=True, text=True, check=True).stdout.strip()
    cores = len(__import__("os").sched_getaffinity(0))
    return f"{cores} cores, {platform.system()} {platform.machine()}; Rust {rustc}, CPython {platform.python_version()}, Node {node}"


def ready_medians_us():
    """A fresh process's wait for `wulong()` and for its first answer, in microseconds."""
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "srdi-plan-benches", "--example", "ready"],
                   cwd=ROOT, check=True)
    runs = [subprocess.run([str(ROOT / "target" / "release" / "examples" / "ready")], capture_output=True,
                           text=True, check=True).stdout.split() for _ in range(RUNS)]
    return [statistics.median(int(run[i]) for run in runs) / 1000 for i in (0, 1)]


def javascript():
    """The npm package, packed and installed as a user installs it, against plain JSON."""
    folder = ROOT / "target" / "bench-npm"
    subprocess.run(["rm", "-rf", str(folder)], check=True)
    folder.mkdir(parents=True)
    packed = subprocess.run(["npm", "pack", "--silent", "--pack-destination", str(folder)],
                            cwd=ROOT / "bindings" / "wasm" / "pkg", capture_output=True, text=True, check=True)
    tarball = folder / packed.stdout.strip().splitlines()[-1]
    subprocess.run(["npm", "init", "-y"], cwd=folder, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", str(tarball)],
                   cwd=folder, check=True, stdout=subprocess.DEVNULL)
    run = subprocess.run(["node", str(ROOT / "benches" / "js_compare.mjs"), str(folder)],
                         capture_output=True, text=True, check=True)
    result = json.loads(run.stdout)
    lines = [
        f"Per call, median of 15 batches ({result['node']}); answers checked equal to the baseline's. "
        "“Repeated” asks a question again (a plan never changes, so the package keeps its recent "
        "answers), beside the baseline filtering the same parse again; “new” asks it of a plan that "
        "holds every item already but has not answered it (a page showing one unit, then another), "
        "beside the baseline asking it once of a fresh parse (a plan just loaded, on either side, is "
        "cold in the processor's caches); “first time” asks it of a plan that has answered nothing "
        "(its items cross from WebAssembly):",
        "",
        "| question | repeated | `JSON.parse` + `filter` | baseline ÷ repeated "
        "| new | once of a fresh parse | baseline ÷ new | first time |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for q in result["questions"]:
        lines.append(f"| {q['name']} | {q['ours']:.2f} µs | {q['baseline']:.2f} µs | {q['baseline'] / q['ours']:.1f}× "
                     f"| {q['new']:.2f} µs | {q['baselineNew']:.2f} µs | {q['baselineNew'] / q['new']:.2f}× "
                     f"| {q['first']:.2f} µs |")
    first = result["first_answer_ms"]
    size = result["package_gzipped_bytes"]
    lines += [
        "",
        "Time to the first answer, a fresh `node` process each, median of 15 (import, init, load, tasks by unit), "
        "and the median of each stage (so the stages need not add up to the whole):",
        "",
        "| | srdi-plan | `readFileSync` + `JSON.parse` + `filter` |",
        "|---|---:|---:|",
        f"| **first answer** | **{first['ours']['total']:.1f} ms** | **{first['baseline']['total']:.1f} ms** |",
        f"| import | {first['ours']['import']:.1f} ms (the package) | {first['baseline']['import']:.1f} ms (`node:fs`) |",
        f"| init | {first['ours']['init']:.1f} ms (read, compile and instantiate the module) | — |",
        f"| load | {first['ours']['load']:.1f} ms (`wulong()`) | {first['baseline']['load']:.1f} ms (read and parse) |",
        f"| question | {first['ours']['question']:.1f} ms | {first['baseline']['question']:.1f} ms |",
        "",
        "Package, gzipped by Node's zlib at level 9 (WebAssembly module and the JavaScript a browser "
        "loads with it), and the module's parts gzipped on their own (code; data: the shipped plans "
        "and the program's constants):",
        "",
        "| entry | gzipped | module code | module data | JavaScript (browser bundle) |",
        "|---|---:|---:|---:|---:|",
    ]
    for entry, part in size.items():
        lines.append(f"| `{entry}` | {part['total'] / 1024:.0f} KB | {part['code'] / 1024:.0f} KB | "
                     f"{part['data'] / 1024:.0f} KB | {part['js'] / 1024:.0f} KB |")
    write_section("bench-js", "\n".join(lines))
    return result


def verdict(met):
    return "**met**" if met else "**not met**"


def goals(rust, js):
    """Each goal of the speed and size work beside what this run measured, and whether it is
    met (the Python package's goal is in its own table, written by `make bench-python`)."""
    repeated = {q["name"]: q["baseline"] / q["ours"] for q in js["questions"]}
    new = {q["name"]: q["baselineNew"] / q["new"] for q in js["questions"]}

    def against_baseline(ratios):
        """The baseline's time over the package's: the questions where it is below 1, else
        the range."""
        slower = ", ".join(f"{name} {ratio:.2f}×" for name, ratio in ratios.items() if ratio < 1)
        low, high = min(ratios.values()), max(ratios.values())
        return f"slower: {slower}" if slower else f"baseline ÷ package {low:.2f}× to {high:.1f}×"

    size = js["package_gzipped_bytes"]["srdi-plan"]["total"] / 1024
    first = js["first_answer_ms"]
    slowest_name, slowest = max(rust["queries"].items(), key=lambda item: item[1])
    rows = [
        ("JS: package (the `srdi-plan` entry, wasm and JS) ≤ 100 KB gzipped", f"{size:.0f} KB", size <= 100),
        ("JS: first answer (import, init, load, first query) ≤ 15 ms in Node",
         f"{first['ours']['total']:.1f} ms (plain JSON {first['baseline']['total']:.1f} ms)",
         first["ours"]["total"] <= 15),
        ("JS: every query per call at least as fast as plain JSON, asked again",
         against_baseline(repeated), min(repeated.values()) >= 1),
        ("JS: the same, asked new of a plan holding its items, beside a fresh parse",
         against_baseline(new), min(new.values()) >= 1),
        ("Rust: the shipped plan ready ≤ 50 µs", f"{rust['ready']:.0f} µs", rust["ready"] <= 50),
        ("Rust: `Plan::from_json` no slower than Python's `json.load`",
         f"{fmt_ns(rust['load'])} against {fmt_ns(rust['json_load'])}", rust["load"] <= rust["json_load"]),
        ("Rust: every query of the plan in process < 5 µs (the table's questions and an unknown name)",
         f"slowest {slowest_name}, {fmt_ns(slowest)}", slowest < 5000),
    ]
    lines = ["| goal | this run | |", "|---|---|---|"]
    lines += [f"| {goal} | {measured} | {verdict(met)} |" for goal, measured, met in rows]
    write_section("bench-goals", "\n".join(lines))


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
        f"Measured on: {versions()}.",
        "",
        "In process, median per call (Rust: criterion; Python: timeit):",
        "",
        "| question | srdi-plan (Rust) | json + comprehensions (Python) | Python ÷ Rust |",
        "|---|---:|---:|---:|",
    ]
    load = criterion_median_ns("load/parse_and_validate")
    json_load = python_median_ns(lambda _: baseline.load(text), None)
    lines.append(f"| load (Rust also validates) | {fmt_ns(load)} | {fmt_ns(json_load)} | {json_load / load:.1f}× |")
    queries = {}
    for name, function in baseline.QUESTIONS.items():
        rust = queries[name] = criterion_median_ns(name)
        python = python_median_ns(function, plan)
        lines.append(f"| {name} | {fmt_ns(rust)} | {fmt_ns(python)} | {python / rust:.1f}× |")
    queries["unit/unknown_with_suggestions"] = criterion_median_ns("unit/unknown_with_suggestions")
    for name in ["unit/unknown_with_suggestions", "entitlements/one_profile", "entitlements/table_of_10000",
                 "binding/views_json/tasks", "binding/positions/tasks_unit", "binding/search_json/zh"]:
        lines.append(f"| {name} | {fmt_ns(criterion_median_ns(name))} | — | — |")

    lines += [
        "",
        f"Whole process, median wall time of {RUNS} runs (load, answer, print JSON):",
        "",
        "| question | `srdi --json …` | `python3 benches/baseline.py …` | Python ÷ Rust |",
        "|---|---:|---:|---:|",
    ]
    for label, args, question in PROCESSES:
        rust, python = process_medians_ms([str(SRDI), *args],
                                          [sys.executable, str(ROOT / "benches" / "baseline.py"), question])
        lines.append(f"| {label} | {rust:.2f} ms | {python:.2f} ms | {python / rust:.1f}× |")

    ready, answered = ready_medians_us()
    lines += [
        "",
        f"A fresh process's wait for the shipped plan, median of {RUNS} (benches/ready.rs):",
        "",
        "| | median |",
        "|---|---:|",
        f"| `srdi_plan::wulong()` ready (data and index baked) | {ready:.0f} µs |",
        f"| and its first answer (tasks by unit) | {answered:.0f} µs |",
    ]
    write_section("bench", "\n".join(lines))
    js = javascript()
    goals({"load": load, "json_load": json_load, "queries": queries, "ready": ready}, js)
    corpus()


def corpus():
    """A folder of 30, 300 and 3,000 generated district plans: load, memory, cross-plan questions."""
    table = subprocess.run(["cargo", "run", "--release", "-q", "-p", "srdi-plan-benches", "--example", "corpus"],
                           cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
    write_section("bench-corpus", f"Measured by `benches/corpus.rs` (one run, each size in a fresh process; memory is the growth of its resident set while loading, and while the second search indexes every plan; a comparison is the median of five askings; a search “first” is one asking of the fresh corpus, which scans every plan, “second” the next, which indexes every plan, and “again” the median of the five after, from the indexes):\n\n{table}")


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
