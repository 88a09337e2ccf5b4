"""The shared conformance vectors through the Python API: each answer's `to_dict()` is the
whole answer the Rust core gives (tests/conformance/answers.json), byte for byte as compact
JSON, and shows the hand-derived facts; each bad input raises its documented error."""

from __future__ import annotations

from typing import Any

import pytest

import srdi_plan
from conformance import ANSWERS, CASES, ERROR_CASES, check_facts, compact, make_input


def as_json(result: Any) -> Any:
    if isinstance(result, list):
        return [as_json(item) for item in result]
    return result.to_dict() if hasattr(result, "to_dict") else result


def ask(plan: srdi_plan.Plan, query: dict[str, Any]) -> Any:
    """Answers a query with the method of its name, as a user calls it."""
    op = query["op"]
    options = {key: value for key, value in query.items() if key != "op"}
    if op == "table":
        return plan.table(options["kind"])
    if op == "search":
        return plan.search(options["text"], language=options.get("language"))
    if op in ("task", "mechanism"):
        return getattr(plan, op)(options["number"])
    if op in ("unit", "entity"):
        return getattr(plan, op)(options["name"])
    if op == "goal":
        return plan.goal(options["id"])
    return getattr(plan, op)(**options)


def answer(plan: srdi_plan.Plan, query: dict[str, Any]) -> Any:
    try:
        return as_json(ask(plan, query))
    except srdi_plan.PlanError as error:
        return {"error": error.to_dict()}


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_case(case):
    plan = srdi_plan.embedded(case.get("plan", "wulong-2022-48"))
    actual = answer(plan, case["query"])
    check_facts(case, actual)
    assert compact(actual) == compact(ANSWERS[case["name"]])


def test_the_vectors_are_many():
    assert len(CASES) >= 70 and len(ANSWERS) == len(CASES)


@pytest.mark.parametrize("case", ERROR_CASES, ids=[case["name"] for case in ERROR_CASES])
def test_bad_input(case):
    text = make_input(case["input"])
    with pytest.raises(srdi_plan.PlanError) as raised:
        srdi_plan.Plan.from_json(text)
    error = raised.value
    expect = case["expect"]
    assert error.code == expect["error"]
    found = sorted((issue.code, issue.path) for issue in error.issues if issue.severity == "error")
    assert found == sorted(tuple(pair) for pair in expect["issues"])
    assert srdi_plan.validate(text) == error.issues
    for key in ("line", "column"):
        if key in expect:
            assert getattr(error, key) == expect[key]
