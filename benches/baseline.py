"""The baseline: the benchmark's questions answered with plain `json.load` and list
comprehensions over the same plan.json, as an analyst would without this library.

Run as a process, it answers one question and prints the answer as JSON:

    python3 benches/baseline.py tasks-unit
"""

import json
import sys
from pathlib import Path

PLAN_PATH = Path(__file__).resolve().parent.parent / "policy-data" / "wulong-2022-48" / "plan.json"


def load(text):
    return json.loads(text)


def unit_id(plan, name):
    return next(
        u["id"] for u in plan["units"]
        if name in (u["id"], u["name"]["zh"]) or name.lower() == u["name"]["en"].lower()
    )


def units_of(plan, task):
    own = task.get("responsibility")
    if own:
        return own["units"]
    return next(s for s in plan["sections"] if s["number"] == task["section"])["responsibility"]["units"]


def tiers_of(plan, group):
    if any(t["id"] == group for t in plan["tiers"]):
        return {group}
    return {t for term in plan["defined_terms"] if term["id"] == group for t in term["stands_for"]}


def tasks_unit(plan, name="区财政局"):
    uid = unit_id(plan, name)
    return [t["number"] for t in plan["tasks"] if uid in units_of(plan, t)]


def task_groups(task):
    return task.get("aimed_at", []) + [
        m["beneficiary"]["group"] for m in task.get("measures", []) if "group" in m["beneficiary"]
    ]


def tasks_tier(plan, tier="little-giant"):
    wanted = tiers_of(plan, tier)
    return [t["number"] for t in plan["tasks"] if any(tiers_of(plan, g) & wanted for g in task_groups(t))]


def tasks_text(plan, phrase="首台"):
    phrase = phrase.lower()
    return [
        t["number"] for t in plan["tasks"]
        if any(phrase in text.lower() for part in (t.get("title"), t["text"]) if part for text in part.values())
    ]


def tasks_combined(plan):
    uid, wanted = unit_id(plan, "区财政局"), tiers_of(plan, "little-giant")
    return [
        t["number"] for t in plan["tasks"]
        if uid in units_of(plan, t) and "reward" in t["instruments"]
        and any(tiers_of(plan, g) & wanted for g in task_groups(t))
    ]


def task_number(plan, number=28):
    return next(t for t in plan["tasks"] if t["number"] == number)["number"]


def unit_duties(plan, name="区统计局"):
    uid = unit_id(plan, name)
    return {
        "tasks": [t["number"] for t in plan["tasks"] if uid in units_of(plan, t)],
        "mechanisms": [m["number"] for m in plan["mechanisms"] if uid in m["responsibility"]["units"]],
    }


def measures_tier(plan, tier="srdi-sme"):
    wanted = tiers_of(plan, tier)
    return [
        m["id"] for t in plan["tasks"] for m in t.get("measures", [])
        if "group" in m["beneficiary"] and tiers_of(plan, m["beneficiary"]["group"]) & wanted
    ]


def targets_all(plan):
    return [g["id"] for g in plan["goals"]] + [x["id"] for t in plan["tasks"] for x in t.get("targets", [])]


def entities_mentions(plan):
    return {
        e["id"]: [t["number"] for t in plan["tasks"] if e["id"] in t.get("entities", [])]
        for e in plan["entities"]
    }


def matrix_all(plan):
    rows = {}
    for t in plan["tasks"]:
        for uid in units_of(plan, t):
            rows.setdefault(uid, []).append(t["number"])
    return rows


def texts(plan):
    """Every searchable text with its item id, in document order."""
    yield plan["id"], plan["document"]["title"]
    yield plan["id"], plan["document"]["notice"]
    yield "preamble", plan["preamble"]
    for p in plan["parts"]:
        yield f"part-{p['number']}", p["title"]
        if "text" in p:
            yield f"part-{p['number']}", p["text"]
    for g in plan["goals"]:
        yield g["id"], g["text"]
    for s in plan["sections"]:
        yield f"sec-{s['number']}", s["title"]
        yield f"sec-{s['number']}", s["responsibility"]["text"]
        for t in plan["tasks"]:
            if t["section"] == s["number"]:
                if "title" in t:
                    yield f"task-{t['number']}", t["title"]
                yield f"task-{t['number']}", t["text"]
                for m in t.get("measures", []):
                    yield m["id"], m["text"]
    for m in plan["mechanisms"]:
        for key in ("title", "text"):
            yield f"mech-{m['number']}", m[key]
        yield f"mech-{m['number']}", m["responsibility"]["text"]
    for u in plan["units"]:
        yield u["id"], u["name"]
    for e in plan["entities"]:
        yield e["id"], e["name"]


def search(plan, phrase):
    phrase = phrase.lower()
    return [item for item, text in texts(plan) for value in text.values() if phrase in value.lower()]


def search_zh(plan):
    return search(plan, "首台")


def search_en(plan):
    return search(plan, "white list")


QUESTIONS = {
    "tasks/unit": tasks_unit,
    "tasks/tier": tasks_tier,
    "tasks/text": tasks_text,
    "tasks/combined": tasks_combined,
    "task/number": task_number,
    "unit/duties": unit_duties,
    "measures/tier": measures_tier,
    "targets/all": targets_all,
    "entities/mentions": entities_mentions,
    "matrix/all": matrix_all,
    "search/zh": search_zh,
    "search/en": search_en,
}


def main(question):
    with open(PLAN_PATH, encoding="utf-8") as f:
        plan = json.load(f)
    print(json.dumps(QUESTIONS[question](plan), ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tasks/unit")
