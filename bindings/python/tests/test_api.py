"""The Python API as an analyst uses it: typed results, equality, dicts, records, pandas."""

import json
import os
import subprocess
import sys

import pytest

import srdi_plan
from conftest import ROOT


def test_the_embedded_plan(plan):
    assert plan.id == "wulong-2022-48"
    assert plan.number == "武隆府办发〔2022〕48号"
    assert plan.period == (2022, 2025)
    assert plan.title.en.startswith("Wulong District Special Action Plan")
    assert plan.document["issued"] == "2022-07-07"
    assert plan.summary()["counts"]["tasks"] == 32
    assert srdi_plan.wulong() == plan


def test_task_attributes(plan):
    task = plan.task(28)
    assert (task.number, task.id, task.section) == (28, "task-28", 5)
    assert str(task.citation) == "武隆府办发〔2022〕48号 二（五）28"
    assert task.citation.place.en == "II (5) 28"
    assert task.title is None
    assert task.text.zh.startswith("对新获得认定的国家级“小巨人”")
    assert "1,000,000 yuan" in task.text.en
    assert task.responsible_units[:2] == ["economy-info-commission", "finance-bureau"]
    assert task.instruments == ["reward"]
    assert task.aimed_at == ["little-giant", "srdi-sme"]
    assert plan.task(1).title.zh == "提升企业专业化竞争优势"
    assert plan.task(8).targets[0].value == 2


def test_measures_are_structured(plan):
    first, second = plan.task(28).measures
    assert first.amount == {"value": 1_000_000, "currency": "CNY", "printed": "100 万元"}
    assert (first.one_time, first.beneficiary["group"]) == (True, "little-giant")
    assert (second.amount["value"], second.beneficiary["group"]) == (200_000, "srdi-sme")
    assert first.trigger == "new_recognition"
    assert first.beneficiary["condition"]["zh"] == "新获得认定的"
    assert first.task == "task-28" and first.citation.zh.endswith("二（五）28")
    assert plan.task(30).measures[0].amount is None
    listing = plan.task(31).measures[0]
    assert listing.legal_basis == "doc-wulong-caizhengfa-2020-89"
    assert plan.task(32).measures[0].approved_by == ["district-party-committee", "district-government"]
    assert [m.id for m in plan.measures(instrument="tax_incentive")] == ["task-30-m2"]


def test_the_format_of_the_whole_family():
    parent = srdi_plan.embedded("chongqing-2022-23")
    assert parent.number == "渝府办发〔2022〕23号" and parent.period == (2022, 2025)
    assert parent.provenance["completeness"]["status"] == "partial"
    assert [w.code for w in parent.warnings] == ["missing_items", "missing_items"]
    goal = parent.goal("goal-1")
    assert (goal.value, goal.unit, goal.quantity.zh, goal.quantity.en, goal.group) == (25000, "家", "2.5万家", "25,000", "innovative-sme")
    assert [t.number for t in parent.tasks(tier="区县")] == [1]
    mechanism = srdi_plan.wulong().mechanism(2)
    assert mechanism.responsible_units == ["economy-info-commission", "district-departments"]
    assert mechanism.to_dict()["leads"][0]["clause"]["zh"].startswith("定期将")
    assert srdi_plan.wulong().task(28).responsibility is None  # its section's line applies
    with pytest.raises(srdi_plan.UnknownNameError) as raised:
        srdi_plan.embedded("nowhere")
    assert raised.value.kind == "plan" and "chongqing-2022-23" in raised.value.suggestions


def test_units_goals_mechanisms_entities(plan):
    statistics = plan.unit("District Statistics Bureau")
    assert (statistics.id, statistics.tasks, statistics.mechanisms) == ("statistics-bureau", [], [3])
    assert statistics.name.zh == "区统计局" and statistics.kind == "government_department"
    assert len(plan.units()) == 28
    assert [goal.value for goal in plan.goals()] == [200, 15, 1, 1]
    assert plan.goals()[0].unit == "家" and plan.goals()[0].by_year == 2025
    assert (plan.goals()[0].value, str(plan.goals()[0].quantity)) == (200, "200家")
    assert plan.goals()[0].task is None and plan.task(8).targets[0].task == "task-8"
    assert plan.mechanism(2).leading_units == ["economy-info-commission"]
    assert srdi_plan.embedded("chongqing-2022-23").goal("goal-1").quantity.zh == "2.5万家"
    assert srdi_plan.embedded_ids() == ["wulong-2022-48", "chongqing-2022-23"]
    assert plan.entity("中国国际智能产业博览会").tasks == ["task-26"]
    assert plan.entity("yuqi-jinfu").kind == "platform"
    rows = {row["unit"]["id"]: row["tasks"] for row in plan.matrix()["rows"]}
    assert rows["tax-bureau"] == ["task-28", "task-29", "task-30", "task-31", "task-32"]


def test_search_hits(plan):
    hit = plan.search("首台")[0]
    assert (hit.kind, hit.id, hit.field, hit.language) == ("task", "task-25", "text", "zh")
    assert [h.id for h in plan.search("APEC", language="zh")] == [h.id for h in plan.search("APEC") if h.language == "zh"]
    assert str(hit.citation) == "武隆府办发〔2022〕48号 二（四）25"
    assert "首台（套）" in hit.snippet


def test_repr_eq_and_to_dict(plan):
    task = plan.task(23)
    assert repr(task) == 'Task(number=23, id="task-23")'
    assert task == plan.task(23) and task != plan.task(24)
    assert task != "task-23"
    as_dict = task.to_dict()
    assert as_dict["number"] == 23 and as_dict["id"] == "task-23"
    assert as_dict["responsible_units"] == task.responsible_units
    assert json.loads(json.dumps(as_dict)) == as_dict
    assert plan.unit("区财政局").to_dict()["tasks"] == [f"task-{n}" for n in [*range(11, 20), *range(28, 33)]]
    assert repr(plan.task(1).title) == 'Text(zh="提升企业专业化竞争优势", en="Raise enterprises\' specialised competitive advantage")'
    assert str(plan.task(1).title) == "提升企业专业化竞争优势"


def test_round_trip_through_json(plan):
    again = srdi_plan.Plan.from_json(plan.to_json())
    assert again == plan
    assert again is not plan


def test_load_reads_a_file(tmp_path, plan):
    path = tmp_path / "plan.json"
    path.write_text(plan.to_json(), encoding="utf-8")
    assert srdi_plan.load(path) == plan
    assert srdi_plan.load(str(path)).task(28) == plan.task(28)


def test_records_keep_their_types(plan):
    tasks = plan.records("tasks")
    assert len(tasks) == 32
    assert tasks[27]["number"] == 28 and tasks[27]["instruments"] == ["reward"]
    # As `srdi export` writes them: each record names its plan.
    assert tasks[0]["plan"] == plan.id and list(tasks[0])[:2] == ["plan", "number"]
    assert tasks[10]["units"][:2] == ["economy-info-commission", "finance-bureau"]
    assert tasks[27]["title_zh"] is None
    measures = {row["id"]: row for row in plan.records("measures")}
    assert measures["task-28-m2"]["amount"] == 200_000 and measures["task-28-m2"]["one_time"] is True
    assert measures["task-30-m1"]["amount"] is None
    assert len(plan.records("targets")) == 9 and len(plan.records("units")) == 28
    table = plan.table("measures")
    assert table["columns"][8] == {"name": "amount", "kind": "integer"}
    with pytest.raises(srdi_plan.QueryError, match="tasks, measures, targets, units") as raised:
        plan.records("laws")
    assert raised.value.code == "invalid_argument"


def test_to_pandas(plan):
    pandas = pytest.importorskip("pandas", reason="pandas is installed by `make test-python`")
    frame = plan.to_pandas("measures")
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns[:4]) == ["id", "task", "citation", "instrument"]
    assert len(frame) == 32
    assert frame.amount.sum() == 1_200_000
    assert str(frame.amount.dtype) == "Int64" and str(frame.one_time.dtype) == "boolean"
    assert frame.amount.isna().sum() == 30


def test_json_lines_export_loads_into_duckdb(plan, tmp_path):
    duckdb = pytest.importorskip("duckdb", reason="duckdb is installed by `make test-python`")
    srdi = os.environ.get("SRDI_BIN", str(ROOT / "target" / "debug" / "srdi"))
    exported = subprocess.run([srdi, "export", "--format", "jsonl", "--kind", "measures"],
                              capture_output=True, check=True)
    path = tmp_path / "measures.jsonl"
    path.write_bytes(exported.stdout)
    measures = f"read_json_auto('{path}')"
    [(plans, rows, total)] = duckdb.sql(
        f"select list(distinct plan), count(*), sum(amount) from {measures}").fetchall()
    assert (plans, rows, total) == ([plan.id], 32, 1_200_000)
    types = dict(duckdb.sql(f"select column_name, column_type from (describe select * from {measures})").fetchall())
    assert (types["amount"], types["one_time"], types["task"]) == ("BIGINT", "BOOLEAN", "VARCHAR")


def test_to_pandas_without_pandas_says_how_to_install(plan, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'srdi-plan\[pandas\]'"):
        plan.to_pandas("tasks")


def test_the_package_exports_what_it_documents():
    for name in srdi_plan.__all__:
        assert hasattr(srdi_plan, name), name
    assert srdi_plan.Task.__module__ == "srdi_plan"


def test_the_schema_file_is_where_the_plan_says(plan):
    schema = ROOT / "policy-data" / "schema" / "plan.schema.json"
    assert json.loads(schema.read_text(encoding="utf-8"))["title"] == "PlanData"


def test_a_folder_of_plans_side_by_side():
    corpus = srdi_plan.load_dir(ROOT / "policy-data")
    assert sorted(corpus.ids) == sorted(srdi_plan.embedded_ids())
    goals = [(g["plan"], g["id"], g["value"]) for g in corpus.compare("goals") if g.get("group") == "srdi-sme"]
    assert goals == [("chongqing-2022-23", "goal-2", 2500), ("wulong-2022-48", "goal-2", 15)]
    local = next(g for g in corpus.compare("goals") if g["plan"] == "wulong-2022-48" and g["id"] == "goal-2")
    assert local["localises"] == {"plan": "chongqing-2022-23", "goal": "goal-2", "kind": "reach",
                                  "value": 2500, "share": 0.006}
    assert corpus.plan("wulong-2022-48") == srdi_plan.wulong()
    assert {hit["plan"] for hit in srdi_plan.load_dir(ROOT / "tests" / "plans").search("奖励")} >= {
        "wulong-2022-48", "test-rewards"}
    with pytest.raises(srdi_plan.QueryError) as raised:
        corpus.compare("tiers")
    assert "goals, measures, instruments" in str(raised.value)
    with pytest.raises(srdi_plan.UnknownNameError):
        corpus.plan("nowhere")


def test_a_folder_with_bad_plans_names_every_file(tmp_path):
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    (tmp_path / "worse.json").write_text('{"id": "x"}', encoding="utf-8")
    with pytest.raises(srdi_plan.PlanSyntaxError) as raised:
        srdi_plan.load_dir(tmp_path)
    assert raised.value.filename == str(tmp_path / "bad.json")
    failures = raised.value.failures
    assert failures[0] is raised.value
    assert [(type(f).__name__, f.code, f.filename) for f in failures[1:]] == [
        ("PlanValidationError", "invalid_plan", str(tmp_path / "worse.json"))
    ]
    with pytest.raises(FileNotFoundError):
        srdi_plan.load_dir(tmp_path / "missing")


def test_every_key_of_an_item_is_an_attribute():
    """Attributes are the keys of the JSON answer: every one, in every shipped and test plan."""
    plans = [srdi_plan.embedded(i) for i in srdi_plan.embedded_ids()]
    plans += [srdi_plan.load(path) for path in sorted((ROOT / "tests" / "plans").glob("*.json"))]
    checked = set()
    for plan in plans:
        items = [*plan.tasks(), *plan.measures(), *plan.targets(), *plan.mechanisms(), *plan.units()]
        items += [*plan.entities(), *plan.search("a"), *plan.search("的")]
        for item in items:
            for key in item.to_dict():
                assert hasattr(item, key), f"{type(item).__name__}.{key} ({plan.id})"
                checked.add((type(item).__name__, key))
    assert {("Mechanism", "schedule"), ("Task", "schedule"), ("Hit", "task")} <= checked
