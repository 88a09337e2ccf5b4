"""Errors are real, documented Python classes, with what the Rust core reports."""

import inspect
import json
import os
import re
import subprocess
import sys
from collections import OrderedDict, UserList, deque
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import pytest

import srdi_plan
from conftest import ROOT
from conformance import ERROR_CASES, make_input
from srdi_plan import (
    InvalidArgumentError,
    PlanError,
    PlanLimitError,
    PlanSyntaxError,
    QueryError,
    UnknownNameError,
)


def bad_plan_text() -> bytes:
    """The first of the shared bad inputs: a dangling unit, a numbering gap, an unknown field."""
    return make_input(ERROR_CASES[0]["input"])


def test_syntax_error_has_line_and_column():
    with pytest.raises(PlanSyntaxError) as raised:
        srdi_plan.Plan.from_json("{")
    error = raised.value
    assert (error.line, error.column, error.code) == (1, 1, "syntax_error")
    assert isinstance(error, ValueError) and isinstance(error, PlanError)
    assert error.issues[0].code == "syntax_error"
    with pytest.raises(PlanSyntaxError) as raised:
        srdi_plan.Plan.from_json('{\n  "id": "x",\n  oops\n}')
    assert (raised.value.line, raised.value.column) == (3, 3)


def test_validation_issues_match_the_rust_cli(tmp_path):
    """The same file gets the same issues from Python and from `srdi validate --json`."""
    path = tmp_path / "bad.json"
    path.write_bytes(bad_plan_text())
    srdi = os.environ.get("SRDI_BIN", str(ROOT / "target" / "debug" / "srdi"))
    result = subprocess.run([srdi, "--json", "validate", str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 1, result.stderr
    with pytest.raises(srdi_plan.PlanValidationError) as raised:
        srdi_plan.load(path)
    assert [issue.to_dict() for issue in raised.value.issues] == json.loads(result.stdout)
    assert srdi_plan.validate(path.read_text(encoding="utf-8")) == raised.value.issues


def test_too_large_and_too_deep_are_limit_errors():
    with pytest.raises(PlanLimitError) as raised:
        srdi_plan.Plan.from_json("[" * 100 + "]" * 100)
    assert raised.value.code == raised.value.issues[0].code == "too_deep"
    assert srdi_plan.validate('{"id": "' + "x" * (9 * 1024 * 1024) + '"}')[0].code == "too_large"


def test_validate_returns_issues_without_raising():
    issues = srdi_plan.validate("{")
    assert [(i.code, i.line, i.column) for i in issues] == [("syntax_error", 1, 1)]
    assert srdi_plan.validate(srdi_plan.wulong().to_json()) == []
    assert str(issues[0]).startswith("error[syntax_error]: ")


def test_unknown_names_suggest_the_closest():
    plan = srdi_plan.wulong()
    with pytest.raises(UnknownNameError) as raised:
        plan.tasks(unit="区财政")
    error = raised.value
    assert (error.kind, error.value, error.suggestions) == ("unit", "区财政", ["区财政局"])
    assert error.to_dict()["code"] == "unknown_name"
    assert isinstance(error, KeyError)
    assert str(error) == "no unit is called `区财政`; did you mean 区财政局?"
    for call in (lambda: plan.task(99), lambda: plan.tasks(tier="小巨人"), lambda: plan.measures(instrument="loans")):
        with pytest.raises(UnknownNameError):
            call()


def test_an_empty_search_is_a_query_error():
    with pytest.raises(QueryError) as raised:
        srdi_plan.wulong().search("  ")
    assert raised.value.code == "empty_search" and isinstance(raised.value, ValueError)


def test_an_unknown_keyword_is_a_coded_type_error_as_an_unknown_option_is_in_js():
    """A misspelt keyword is invalid_argument, worded as JS words an option it does not know."""
    plan = srdi_plan.wulong()
    calls = {
        "tasks": lambda: plan.tasks(units="区财政局"),
        "task": lambda: plan.task(28, sect=5),
        "search": lambda: plan.search("首台", lang="en"),
        "measures": lambda: plan.measures(tiers="srdi-sme"),
        "entitlements": lambda: plan.entitlements({}, explian=True),
        "cost": lambda: plan.cost(scenarios={}),
        "progress": lambda: plan.progress([], asOf="2025-01-01"),
        "progress_table": lambda: plan.progress_table([], asOf="2025-01-01"),
        "status": lambda: plan.status(asOf="2025-01-01"),
        "corpus.search": lambda: srdi_plan.corpus().search("首台", lang="en"),
    }
    for name, call in calls.items():
        with pytest.raises(InvalidArgumentError) as raised:
            call()
        assert isinstance(raised.value, TypeError) and raised.value.code == "invalid_argument", name
        assert f"{name.split('.')[-1]}: unknown field" in str(raised.value), (name, str(raised.value))
        # The options it names are the method's keyword parameters (the binding lists them
        # beside the signature; this keeps the two alike).
        named = re.findall(r"`([^`]+)`", str(raised.value).split("expected", 1)[1])
        method = getattr(srdi_plan.corpus() if name.startswith("corpus.") else plan, name.split(".")[-1])
        keywords = [
            parameter.name
            for parameter in inspect.signature(method).parameters.values()
            if parameter.default is not inspect.Parameter.empty
        ]
        assert named == keywords, (name, named, keywords)
    with pytest.raises(InvalidArgumentError) as raised:
        plan.tasks(foo="x")
    assert "tasks: unknown field `foo`, expected one of `unit`, `section`, `instrument`, `tier`, `text`" in str(raised.value)


def test_wrong_argument_types_are_coded_type_errors():
    """As in JavaScript: a TypeError with code invalid_argument, never an uncoded exception."""
    plan = srdi_plan.wulong()
    corpus = srdi_plan.corpus()
    calls = {
        "task([28])": lambda: plan.task([28]),
        "tasks(unit=5)": lambda: plan.tasks(unit=5),
        "tasks(section='3')": lambda: plan.tasks(section="3"),
        "search(5)": lambda: plan.search(5),
        "unit(None)": lambda: plan.unit(None),
        "entitlements(42)": lambda: plan.entitlements(42),
        "entitlements({}, explain='x')": lambda: plan.entitlements({}, explain="x"),
        "entitlements({1: 2})": lambda: plan.entitlements({1: 2}),
        "entitlements_table(5)": lambda: plan.entitlements_table(5),
        "entitlements_table([5])": lambda: plan.entitlements_table([5]),
        "entitlements_table('[]')": lambda: plan.entitlements_table("[]"),
        "entitlements_table({})": lambda: plan.entitlements_table({}),
        "progress({})": lambda: plan.progress({}),
        "cost(5)": lambda: plan.cost(5),
        "progress(5)": lambda: plan.progress(5),
        "progress([], as_of=5)": lambda: plan.progress([], as_of=5),
        "status(5)": lambda: plan.status(5),
        "status('2025-02-30')": lambda: plan.status("2025-02-30"),
        "table(5)": lambda: plan.table(5),
        "Plan.from_json(42)": lambda: srdi_plan.Plan.from_json(42),
        "validate(['{}'])": lambda: srdi_plan.validate(["{}"]),
        "load(5)": lambda: srdi_plan.load(5),
        "load_dir(5)": lambda: srdi_plan.load_dir(5),
        "embedded(5)": lambda: srdi_plan.embedded(5),
        "corpus.plan(5)": lambda: corpus.plan(5),
        "corpus.compare(5)": lambda: corpus.compare(5),
    }
    for name, call in calls.items():
        with pytest.raises(InvalidArgumentError) as raised:
            call()
        error = raised.value
        assert isinstance(error, TypeError) and isinstance(error, QueryError), name
        assert error.code == "invalid_argument" and error.to_dict()["code"] == "invalid_argument", name
    if sys.version_info >= (3, 11):  # where exceptions have notes
        with pytest.raises(InvalidArgumentError) as raised:
            plan.tasks(unit=5)
        assert raised.value.__notes__ == ["while processing 'unit'"]
    with pytest.raises(UnknownNameError) as raised:
        plan.task(1000)
    assert raised.value.suggestions == ["1–32"]


def test_a_profile_is_any_mapping():
    plan = srdi_plan.wulong()
    profile = {"tiers": ["srdi-sme"], "recognitions": [{"tier": "srdi-sme", "year": 2023}], "events": []}
    assert plan.entitlements(MappingProxyType(profile)) == plan.entitlements(profile)


def test_numbers_no_plan_has_are_unknown_names_up_to_the_largest_every_surface_holds():
    plan = srdi_plan.wulong()
    for call in (
        lambda: plan.task(-1),
        lambda: plan.task(2**53 - 1),
        lambda: plan.tasks(section=300),
        lambda: plan.mechanism(-(2**53) + 1),
    ):
        with pytest.raises(UnknownNameError) as raised:
            call()
        assert raised.value.code == "unknown_name"
    # Beyond that, as in JavaScript and at the shell: an invalid argument, whatever its size.
    for call in (
        lambda: plan.task(2**53),
        lambda: plan.task(10**30),
        lambda: plan.tasks(section=-(10**30)),
        lambda: plan.mechanism(2**70),
    ):
        with pytest.raises(QueryError) as raised:
            call()
        assert raised.value.code == "invalid_argument"
        assert "9223372036854775807" not in raised.value.message
    with pytest.raises(InvalidArgumentError):
        plan.task(True)
    with pytest.raises(QueryError) as raised:
        plan.records("nope")  # type: ignore[arg-type]
    assert raised.value.code == "invalid_argument"


def test_a_lone_surrogate_is_an_invalid_argument_not_a_unicode_error():
    plan = srdi_plan.wulong()
    for call in (
        lambda: plan.unit("\ud800"),
        lambda: plan.search("首\udc00"),
        lambda: plan.tasks(unit="\ud800"),
        lambda: plan.status(as_of="\ud800"),
    ):
        with pytest.raises(InvalidArgumentError) as raised:
            call()
        assert "lone surrogate" in raised.value.message
    # In a dict, as in a JS object; in a text, as in a file, the core says where.
    with pytest.raises(InvalidArgumentError):
        plan.entitlements({"tiers": ["\ud800"]})
    with pytest.raises(srdi_plan.InputError) as raised:
        plan.entitlements('{"tiers": ["\ud800"]}')
    assert raised.value.code == "invalid_input" and raised.value.issues[0].code == "invalid_encoding"


def test_numbers_json_cannot_hold_are_refused_not_made_null():
    plan = srdi_plan.wulong()
    for bad in (float("inf"), float("-inf"), float("nan")):
        with pytest.raises(InvalidArgumentError) as raised:
            plan.entitlements({"tiers": ["srdi-sme"], "facts": {"rd-deduction-filing-threshold": bad}})
        assert "finite" in raised.value.message


def test_numbers_get_one_answer_as_a_dict_and_as_its_json_text():
    plan = srdi_plan.wulong()

    def issues(scenario):
        try:
            plan.cost(scenario)
        except srdi_plan.InputError as error:
            return [(issue.code, issue.path) for issue in error.issues]
        return []

    # Whole numbers however written are whole; past 64 bits a number is a double, as in JSON.
    for count in (4, 4.0, -0.0, 2**64, 2**70, -(2**70), 2**130, 1e30, 2.5):
        scenario = {"recognitions": [{"tier": "srdi-sme", "year": 2023.0, "count": count}]}
        assert issues(scenario) == issues(json.dumps(scenario)), count
    assert issues({"recognitions": [{"tier": "srdi-sme", "year": 2023.0, "count": 4.0}]}) == []
    big = {"recognitions": [{"tier": "srdi-sme", "year": 2023, "count": 2**70}]}
    assert issues(big) == [("out_of_range", "/recognitions/0/count")]


def test_a_deep_dict_is_too_deep_as_its_json_text_is_and_a_cycle_is_refused():
    plan = srdi_plan.wulong()
    max_depth = 64  # the core's MAX_DEPTH: how deep a text may nest

    def nested(depth, make=lambda inner: {"facts": inner}):
        value = True
        for _ in range(depth):
            value = make(value)
        return value

    def codes(profile):
        with pytest.raises((srdi_plan.InputError, InvalidArgumentError)) as raised:
            plan.entitlements(profile)
        return [issue.code for issue in getattr(raised.value, "issues", [])] or [raised.value.code]

    for depth in (max_depth + 1, 200, 100_000):
        assert codes(nested(depth)) == ["too_deep"]
    assert codes(json.dumps(nested(max_depth + 1))) == ["too_deep"]
    # As deep as a text may be: the shape is what is wrong.
    assert codes(nested(max_depth)) == ["wrong_type"]
    # Any container, tuples and dict subclasses too, deep or holding itself.
    assert codes({"tiers": nested(100_000, lambda inner: (inner,))}) == ["too_deep"]
    assert codes(nested(100_000, lambda inner: OrderedDict(facts=inner))) == ["too_deep"]
    cyclic = {"tiers": ["srdi-sme"]}
    cyclic["facts"] = cyclic
    assert codes(cyclic) == ["invalid_argument"]
    inner = []
    inner.append((inner,))
    assert codes({"tiers": inner}) == ["invalid_argument"]
    # A cycle longer than a text may nest is too deep before it closes, as in JS.
    chain = nested(70)
    link = chain
    for _ in range(69):
        link = link["facts"]
    link["facts"] = chain
    assert codes(chain) == ["too_deep"]
    # Containers pythonize would read without bounds: read here, or refused.
    looped = deque()
    looped.append(looped)
    assert codes({"tiers": looped}) == ["invalid_argument"]
    assert codes({"tiers": nested(100_000, lambda inner: deque([inner]))}) == ["too_deep"]
    assert codes({"tiers": nested(100_000, lambda inner: UserList([inner]))}) == ["too_deep"]

    @dataclass
    class Loop:
        again: object = None

    loop = Loop()
    loop.again = loop
    assert codes({"facts": {"x": loop}}) == ["invalid_argument"]
    # A cycle closing exactly one level too deep is too deep, as in JS.
    chain = nested(64)
    link = chain
    for _ in range(63):
        link = link["facts"]
    link["facts"] = chain
    assert codes({"facts": chain}) == ["too_deep"]
    # Shared is not a cycle.
    empty = []
    assert plan.entitlements({"tiers": empty, "groups": empty}) == plan.entitlements({"tiers": [], "groups": []})
    # Observation rows are read inside their list: the same depth, one level further in.
    rows = [{"target": "goal-2", "year": 2023, "value": 6, "source": nested(max_depth - 2, lambda i: [i])}]
    with pytest.raises(srdi_plan.InputError) as raised:
        plan.progress(rows)
    assert "too_deep" not in [issue.code for issue in raised.value.issues]
    rows[0]["source"] = nested(max_depth - 1, lambda i: [i])
    with pytest.raises(srdi_plan.InputError) as raised:
        plan.progress(rows)
    assert [issue.code for issue in raised.value.issues] == ["too_deep"]


def test_a_dict_over_the_size_limit_is_too_large_as_its_json_text_is():
    plan = srdi_plan.wulong()
    limit = 8 * 1024 * 1024  # the core's MAX_INPUT_BYTES: how large a text may be
    tiers = ["x" * 998] * (limit // 1001 + 1)  # 1,001 bytes each, written as JSON: over the limit
    for profile in ({"tiers": tiers}, [{"target": "goal-2", "year": 2024, "value": 1, "source": "s", "note": "x" * limit}]):
        for given in (profile, json.dumps(profile)):
            with pytest.raises(srdi_plan.InputError) as raised:
                if isinstance(profile, dict):
                    plan.entitlements(given)
                else:
                    plan.progress(given if isinstance(given, list) else given.encode())
            assert [issue.code for issue in raised.value.issues] == ["too_large"], type(given)


def test_a_row_changed_while_it_is_read_and_float_subclasses():
    plan = srdi_plan.wulong()
    row = {"target": "goal-2", "year": 2023, "value": 6}

    class Meddling(Mapping):
        def __getitem__(self, key):
            raise KeyError(key)

        def __iter__(self):
            row["extra"] = 1
            return iter(())

        def __len__(self):
            return 0

    row["source"] = Meddling()
    with pytest.raises(srdi_plan.InputError):
        plan.progress([row])
    # What a value's own code raises passes through as it is (a TypeError coded), at the
    # top as deep inside.

    class Boom(Exception):
        pass

    class Raising(Mapping):
        def __init__(self, error):
            self.error = error

        def __getitem__(self, key):
            raise self.error

        def __iter__(self):
            raise self.error

        def __len__(self):
            return 1

    for where in (lambda m: m, lambda m: {"facts": m}):
        with pytest.raises(Boom):
            plan.entitlements(where(Raising(Boom())))
        with pytest.raises(InvalidArgumentError):
            plan.entitlements(where(Raising(TypeError("no"))))
    numpy = pytest.importorskip("numpy")
    for bad in (numpy.float64("nan"), numpy.float64("inf")):
        with pytest.raises(InvalidArgumentError) as raised:
            plan.progress([{"target": "goal-2", "year": 2023, "value": 6, "source": "x", "note": [bad]}])
        assert "finite" in raised.value.message


def test_tasks_numbered_per_section():
    plan = srdi_plan.load(ROOT / "tests" / "plans" / "per-section.json")
    assert plan.task(1, section=2).id == "task-2-1"
    assert plan.task(2).id == "task-1-2"
    # The id an answer gives tells the two tasks numbered 1 apart.
    assert plan.task("task-2-1") == plan.task(1, section=2)
    with pytest.raises(QueryError) as raised:
        plan.task("task-2-1", section=2)
    assert raised.value.code == "invalid_argument"
    # And answers name them by id.
    assert plan.unit("区科技局").tasks == ["task-2-1"]
    assert [row["tasks"] for row in plan.matrix()["rows"]] == [["task-1-1", "task-1-2"], ["task-2-1"]]
    with pytest.raises(QueryError) as raised:
        plan.task(1)
    assert raised.value.code == "invalid_argument" and "sections 1 and 2" in raised.value.message


def test_a_task_by_id_takes_only_ids():
    plan = srdi_plan.wulong()
    for text in ("28", "", "\ud800"):
        with pytest.raises(QueryError) as raised:
            plan.task(text)
        assert raised.value.code == "invalid_argument"
    with pytest.raises(UnknownNameError) as raised:
        plan.task("task-33")
    assert raised.value.suggestions[0] == "task-3"
    numpy = pytest.importorskip("numpy", reason="numpy comes with pandas, installed by `make test-python`")
    assert plan.task(numpy.int64(28)) == plan.task("task-28")


def test_bytes_files_and_encodings(tmp_path):
    text = srdi_plan.wulong().to_json()
    assert srdi_plan.Plan.from_json(text.encode("utf-8")) == srdi_plan.wulong()
    with pytest.raises(FileNotFoundError) as missing:
        srdi_plan.load(tmp_path / "missing.json")
    assert missing.value.filename == str(tmp_path / "missing.json")
    # The code every surface gives a file that cannot be read, as `srdi --json` prints it.
    assert missing.value.code == "unreadable"
    with pytest.raises(OSError) as folder:
        srdi_plan.load(tmp_path)
    assert folder.value.code == "unreadable"
    with pytest.raises(PlanSyntaxError) as raised:
        srdi_plan.Plan.from_json('{"id": "\ud800"}')
    assert (raised.value.code, raised.value.offset) == ("invalid_encoding", 8)
    with pytest.raises(PlanSyntaxError) as raised:
        srdi_plan.Plan.from_json(text.encode("utf-16"))
    assert raised.value.code == "invalid_encoding" and "UTF-16" in raised.value.message
    with pytest.raises(PlanLimitError):
        srdi_plan.Plan.from_json("字" * (9 * 1024 * 1024))
    plan = srdi_plan.Plan.from_json(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert [issue.code for issue in plan.warnings] == ["byte_order_mark"]


def test_no_input_crashes_the_interpreter():
    text = srdi_plan.wulong().to_json()
    for cut in range(1, len(text), 997):
        with pytest.raises(PlanError):
            srdi_plan.Plan.from_json(text[:cut])
    for junk in ["", "null", "[]", "\x00", "\ud800", b"\xff", b"\x00\x00", b"\xef\xbb\xbf"]:
        with pytest.raises(PlanError):
            srdi_plan.Plan.from_json(junk)
