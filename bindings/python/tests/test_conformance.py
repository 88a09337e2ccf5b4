"""The shared conformance vectors (tests/conformance/queries.json), through the Python API."""

import json

import pytest

import srdi_plan
from conftest import ROOT

VECTORS = json.loads((ROOT / "tests" / "conformance" / "queries.json").read_text(encoding="utf-8"))


def first_ids(hits):
    ids = []
    for hit in hits:
        if hit.id not in ids:
            ids.append(hit.id)
    return ids


def answer(plan, query):
    """Answers one query in the language-neutral shape of the vectors."""
    op = query["op"]
    if op == "tasks":
        filters = {key: query[key] for key in ("unit", "section", "instrument", "tier", "text") if key in query}
        return {"tasks": [task.number for task in plan.tasks(**filters)]}
    if op == "task":
        task = plan.task(query["number"])
        return {"number": task.number, "section": task.section, "units": task.units, "citation": task.citation}
    if op == "search":
        return {"ids": first_ids(plan.search(query["text"]))}
    if op == "unit":
        unit = plan.unit(query["name"])
        return {"unit": unit.id, "tasks": unit.tasks, "mechanisms": unit.mechanisms, "leads": unit.leads}
    if op == "goal":
        goal = plan.goal(query["id"])
        return {"id": goal.id, "value": goal.value, "citation": goal.citation}
    if op == "mechanism":
        mechanism = plan.mechanism(query["number"])
        return {"number": mechanism.number, "units": mechanism.units, "lead": mechanism.lead, "citation": mechanism.citation}
    if op == "mechanisms":
        return {"numbers": [mechanism.number for mechanism in plan.mechanisms()]}
    if op == "entity":
        entity = plan.entity(query["name"])
        return {"id": entity.id, "tasks": entity.tasks, "mechanisms": entity.mechanisms}
    if op == "matrix":
        rows = plan.matrix()
        return {"columns": len(plan.tasks()), "rows": rows}
    listings = {
        "units": plan.units,
        "goals": plan.goals,
        "targets": plan.targets,
        "entities": plan.entities,
        "documents": plan.documents,
        "measures": lambda: plan.measures(tier=query.get("tier"), instrument=query.get("instrument")),
    }
    items = listings[op]()
    return {"ids": [item.id for item in items], "count": len(items)}


@pytest.mark.parametrize("case", VECTORS["cases"], ids=[case["name"] for case in VECTORS["cases"]])
def test_case(plan, case):
    expect = case["expect"]
    if "error" in expect:
        with pytest.raises(srdi_plan.PlanError) as raised:
            answer(plan, case["query"])
        assert raised.value.code == expect["error"]
        if "suggests" in expect:
            assert raised.value.suggestions[0] == expect["suggests"]
    else:
        actual = answer(plan, case["query"])
        for key, value in expect.items():
            assert actual[key] == value, key


def test_the_vectors_are_many():
    assert VECTORS["plan"] == "wulong"
    assert len(VECTORS["cases"]) >= 40
