"""The shared conformance vectors through the Python API: each answer's `to_dict()` is the
whole answer the Rust core gives (tests/conformance/answers.json), byte for byte as compact
JSON, and shows the hand-derived facts; each bad input raises its documented error."""

from __future__ import annotations

from typing import Any, Callable

import pytest

import srdi_plan
from conformance import (
    ANSWERS, CASES, CORPUS_ANSWERS, CORPUS_CASES, ERROR_CASES, check_facts, compact, make_input)
from conftest import ROOT


def as_json(result: Any) -> Any:
    if isinstance(result, list):
        return [as_json(item) for item in result]
    return result.to_dict() if hasattr(result, "to_dict") else result


# The kind of cell each pandas dtype of a batch table holds (`srdi_plan::CellKind`).
CELL_KINDS = {"category": "category", "string": "text", "Int64": "integer", "Float64": "decimal",
              "boolean": "bool", "object": "list"}


def table_of(frame: Any, kind: str) -> dict[str, Any]:
    """A batch table's DataFrame as the core's table: its columns' kinds read from their
    dtypes, its cells as JSON values (a missing one null, a whole decimal a whole number)."""
    import pandas as pd

    def cell(value: Any) -> Any:
        if isinstance(value, list) or value is None:
            return value
        if pd.isna(value):
            return None
        value = value.item() if hasattr(value, "item") else value
        return int(value) if isinstance(value, float) and value.is_integer() else value

    columns = [{"name": name, "kind": CELL_KINDS[str(frame[name].dtype)]} for name in frame.columns]
    rows = [[cell(value) for value in row] for row in frame.itertuples(index=False)]
    return {"kind": kind, "columns": columns, "rows": rows}


def ask(plan: srdi_plan.Plan, query: dict[str, Any]) -> Any:
    """Answers a query with the method of its name, as a user calls it."""
    op = query["op"]
    options = {key: value for key, value in query.items() if key != "op"}
    if op == "table":
        return plan.table(options["kind"])
    if op == "entitlement_table":
        return table_of(plan.entitlements_table(options["profiles"]), "entitlements")
    if op == "progress_table":
        frame = plan.progress_table(options["observations"], as_of=options["as_of"])
        return table_of(frame, "progress")
    if op == "search":
        return plan.search(options["text"], language=options.get("language"))
    if op == "task":
        return plan.task(options.get("id", options.get("number")), section=options.get("section"))
    if op == "mechanism":
        return plan.mechanism(options["number"])
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
    name = case.get("plan", "wulong-2022-48")
    plan = srdi_plan.load(ROOT / name) if name.endswith(".json") else srdi_plan.embedded(name)
    actual = answer(plan, case["query"])
    check_facts(case, actual)
    assert compact(actual) == compact(ANSWERS[case["name"]])


def ask_corpus(corpus: srdi_plan.Corpus, query: dict[str, Any]) -> Any:
    """Answers a question of several plans with the method a user calls."""
    op = query["op"]
    if op == "plans":
        return corpus.entries()
    if op == "search":
        return corpus.search(query["text"], language=query.get("language"))
    return corpus.compare(op.removeprefix("compare_"))


@pytest.mark.parametrize("case", CORPUS_CASES, ids=[case["name"] for case in CORPUS_CASES])
def test_corpus_case(case):
    corpus = srdi_plan.load_dir(ROOT / case["plans"]) if "plans" in case else srdi_plan.corpus()
    try:
        actual = ask_corpus(corpus, case["query"])
    except srdi_plan.PlanError as error:
        actual = {"error": error.to_dict()}
    check_facts(case, actual)
    assert compact(actual) == compact(CORPUS_ANSWERS[case["name"]])


def test_the_vectors_are_many():
    assert len(CASES) >= 70 and len(ANSWERS) == len(CASES)


def pairs(issues: list[srdi_plan.Issue], severity: str) -> list[tuple[str, str]]:
    return sorted((issue.code, issue.path) for issue in issues if issue.severity == severity)


def check_bad_input(case: dict[str, Any], load: Callable[[], srdi_plan.Plan], issues: list[srdi_plan.Issue]) -> None:
    """One way of loading a bad input gets the case's code and issues, or loads with its warnings."""
    expect = case["expect"]
    if "error" not in expect:
        assert load().warnings == issues
    else:
        with pytest.raises(srdi_plan.PlanError) as raised:
            load()
        error = raised.value
        assert error.code == expect["error"]
        assert error.issues == issues
        for key in ("line", "column", "offset"):
            if key in expect:
                assert getattr(error.issues[0], key) == expect[key], key
    assert pairs(issues, "error") == sorted(tuple(pair) for pair in expect.get("issues", []))
    if "warnings" in expect:
        assert pairs(issues, "warning") == sorted(tuple(pair) for pair in expect["warnings"])


@pytest.mark.parametrize("case", ERROR_CASES, ids=[case["name"] for case in ERROR_CASES])
def test_bad_input(case, tmp_path):
    data = make_input(case["input"])
    check_bad_input(case, lambda: srdi_plan.Plan.from_json(data), srdi_plan.validate(data))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        check_bad_input(case, lambda: srdi_plan.Plan.from_json(text), srdi_plan.validate(text))
    path = tmp_path / "plan.json"
    path.write_bytes(data)
    check_bad_input(case, lambda: srdi_plan.load(path), srdi_plan.validate(data))
