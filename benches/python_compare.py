"""The Python package against the plain-JSON baseline, and its cost per call over the core.

    make bench-python   # builds and installs the package into .venv, then runs this

Whole process: `import srdi_plan; wulong().tasks(unit=…)` against `json.load` and a list
comprehension (benches/baseline.py), median wall time of RUNS runs each. Per call: `timeit`
of the Python method against criterion's median for the same core query (run `make bench`
first); the difference is what the binding adds.
"""

import statistics
import subprocess
import sys
import timeit

import baseline
import srdi_plan
from compare import ROOT, criterion_median_ns, fmt_ns, process_medians_ms, verdict, write_section

ANSWER = "import srdi_plan; print([t.number for t in srdi_plan.wulong().tasks(unit='区财政局')])"
CALLS = [
    ("tasks(unit='区财政局')", lambda plan: plan.tasks(unit="区财政局"), "tasks/unit"),
    ("tasks(tier='little-giant')", lambda plan: plan.tasks(tier="little-giant"), "tasks/tier"),
    ("task(28)", lambda plan: plan.task(28), "task/number"),
    ("unit('区统计局').mechanisms", lambda plan: plan.unit("区统计局").mechanisms, "unit/duties"),
    ("search('首台')", lambda plan: plan.search("首台"), "search/zh"),
]

# What each answer of the package says in the baseline's terms: the two must agree.
AS_BASELINE = {
    "tasks/unit": lambda answer: [t.number for t in answer],
    "tasks/tier": lambda answer: [t.number for t in answer],
    "task/number": lambda answer: answer.number,
    "unit/duties": lambda answer: list(answer),
}


def per_call_ns(function, plan):
    timer = timeit.Timer(lambda: function(plan))
    number, _ = timer.autorange()
    return statistics.median(timer.repeat(repeat=7, number=number)) / number * 1e9


def main():
    package_ms, plain_ms, bare_ms = process_medians_ms(
        [sys.executable, "-c", ANSWER],
        [sys.executable, str(ROOT / "benches" / "baseline.py"), "tasks/unit"],
        [sys.executable, "-c", "pass"])
    lines = [
        "Whole process, median wall time (import or load, answer tasks by unit, print):",
        "",
        "| process | median | ÷ plain JSON |",
        "|---|---:|---:|",
        f"| `import srdi_plan` + `wulong().tasks(unit='区财政局')` | {package_ms:.2f} ms | {package_ms / plain_ms:.2f}× |",
        f"| `python benches/baseline.py tasks/unit` (json.load + comprehension) | {plain_ms:.2f} ms | 1.00× |",
        f"| `python -c pass` (interpreter start-up alone) | {bare_ms:.2f} ms | {bare_ms / plain_ms:.2f}× |",
        "",
        f"The goal, `import srdi_plan` and a first answer no slower as a process than the plain-JSON "
        f"script: {verdict(package_ms <= plain_ms)} ({package_ms / plain_ms:.2f}×).",
        "",
        "Per call, in process (Python: timeit median; core: criterion median):",
        "",
        "| call | Python | core (Rust) | binding overhead | plain-JSON Python |",
        "|---|---:|---:|---:|---:|",
    ]
    plan = srdi_plan.wulong()
    data = baseline.load(baseline.PLAN_PATH.read_text(encoding="utf-8"))
    for label, call, question in CALLS:
        if question in AS_BASELINE:
            ours, theirs = AS_BASELINE[question](call(plan)), baseline.QUESTIONS[question](data)
            if question == "unit/duties":
                theirs = theirs["mechanisms"]
            assert ours == theirs, f"{question}: the package answers {ours}, the baseline {theirs}"
        python = per_call_ns(call, plan)
        core = criterion_median_ns(question)
        plain_call = per_call_ns(baseline.QUESTIONS[question], data)
        lines.append(f"| `{label}` | {fmt_ns(python)} | {fmt_ns(core)} | {fmt_ns(python - core)} | {fmt_ns(plain_call)} |")
    lines += entitlements(plan)
    write_section("bench-python", "\n".join(lines))


def entitlements(plan):
    """One profile per call, and a batch of 10,000 profiles into a DataFrame (no plain-JSON
    baseline: without the library, the rules of each measure would have to be written by hand):
    enterprises of 24 kinds (two tiers, six years, a fact or not), as a register repeats them,
    and 10,000 all unlike."""
    profiles = [
        {"id": f"e{i}", "tiers": ["srdi-sme"] if i % 2 else ["innovative-sme"],
         "recognitions": [{"tier": "srdi-sme", "year": 2021 + i % 6}], "events": [],
         "facts": {"rd-deduction-filing-threshold": i % 3 == 0}}
        for i in range(10_000)
    ]
    # The same number of enterprises, no two alike: each answers the plan's yes/no facts by
    # the bits of its number (a batch judges each distinct profile once).
    facts = [fact["id"] for fact in plan.summary()["facts"] if fact.get("kind", "yes_no") == "yes_no"]
    distinct = [
        {"id": f"e{i}", "tiers": [["innovative-sme", "srdi-sme", "little-giant"][i % 3]],
         "recognitions": [{"tier": "srdi-sme", "year": 2021 + i % 6}], "events": [],
         "facts": {fact: bool(i >> bit & 1) for bit, fact in enumerate(facts)}}
        for i in range(10_000)
    ]
    one = per_call_ns(lambda p: p.entitlements(profiles[1]), plan)
    plan.entitlements_table(profiles[:10])  # pandas and numpy imported before timing
    batch = statistics.median(timeit.repeat(lambda: plan.entitlements_table(profiles), repeat=5, number=1))
    unlike = statistics.median(timeit.repeat(lambda: plan.entitlements_table(distinct), repeat=5, number=1))
    rows = len(plan.entitlements_table(profiles[:1]))
    return [
        "",
        "Entitlements (what an enterprise can get), per call and as a batch:",
        "",
        "| call | median |",
        "|---|---:|",
        f"| `entitlements(profile)`: {rows} measures with their traces, as dicts | {fmt_ns(one)} |",
        f"| `entitlements_table(10,000 profiles)`: a DataFrame of {rows * 10_000:,} rows | {batch * 1000:.0f} ms |",
        f"| the same, no two profiles alike (each judged on its own) | {unlike * 1000:.0f} ms |",
    ]


if __name__ == "__main__":
    if "--no-build" not in sys.argv:
        subprocess.run(["make", "-C", str(ROOT), "test-python"], check=True, stdout=subprocess.DEVNULL)
    main()
