"""What an enterprise can get, from Python: one profile (a dict, or its JSON), many profiles
as a DataFrame, the cost of a scenario, and a bad profile as a InputError."""

import json

import pytest

import srdi_plan

SRDI_SME_2023 = {"tiers": ["srdi-sme"], "recognitions": [{"tier": "srdi-sme", "year": 2023}], "events": []}


def by_measure(answer):
    return {entry["measure"]: entry for entry in answer}


def test_a_municipal_srdi_sme_recognised_in_2023(plan):
    answer = by_measure(plan.entitlements(SRDI_SME_2023))
    reward = answer["task-28-m2"]
    assert reward["status"] == "applies"
    assert reward["amount"]["value"] == 200_000
    assert reward["one_time"] is True
    assert reward["citation"]["zh"] == "武隆府办发〔2022〕48号 二（五）28"
    assert [step["outcome"] for step in reward["trace"]] == ["pass", "pass"]
    assert answer["task-28-m1"]["failed"] == ["group", "trigger"]
    assert plan.entitlements(json.dumps(SRDI_SME_2023)) == plan.entitlements(SRDI_SME_2023)
    assert plan.entitlement_total(SRDI_SME_2023) == [{"currency": "CNY", "value": 200_000, "measures": ["task-28-m2"]}]


def test_explain_prints_the_steps_in_words(plan, capsys):
    plan.entitlements(SRDI_SME_2023, explain=True, language="en")
    printed = capsys.readouterr().out
    assert "task-28-m2  applies  200,000 CNY once  武隆府办发〔2022〕48号, II (5) 28" in printed
    assert "[yes] trigger: recognised as `srdi-sme` in 2023, within 2022–2025" in printed
    assert printed.rstrip().endswith("Total that applies: 200,000 CNY (task-28-m2)")


def test_a_language_is_checked_even_without_explain(plan):
    for explain in (False, True):
        with pytest.raises(srdi_plan.QueryError) as raised:
            plan.entitlements(SRDI_SME_2023, explain=explain, language="fr")
        assert raised.value.code == "invalid_argument"


def test_a_missing_fact_is_named(plan):
    answer = by_measure(plan.entitlements({"tiers": ["srdi-sme"]}))
    assert answer["task-14-m2"]["status"] == "may_apply"
    assert answer["task-14-m2"]["missing"] == ["rd-deduction-filing-threshold"]


def test_a_bad_profile_is_a_profile_error_with_every_issue(plan):
    with pytest.raises(srdi_plan.InputError) as raised:
        plan.entitlements({"tier": ["srdi-sme"], "events": [{"kind": "ipo", "year": 2024}]})
    error = raised.value
    assert error.code == "invalid_input"
    assert [(issue.code, issue.path) for issue in error.issues] == [
        ("unknown_field", "/tier"),
        ("unknown_value", "/events/0/kind"),
    ]
    assert "did you mean `tiers`?" in error.issues[0].message
    with pytest.raises(srdi_plan.InputError) as raised:
        plan.entitlements({"tiers": ["srdi"], "facts": {"rd-threshold": True}})
    assert [(issue.code, issue.path) for issue in raised.value.issues] == [
        ("unknown_group", "/tiers/0"),
        ("unknown_fact", "/facts/rd-threshold"),
    ]
    with pytest.raises(srdi_plan.QueryError):
        plan.entitlements(42)


def test_many_profiles_as_a_data_frame(plan):
    pandas = pytest.importorskip("pandas")
    profiles = pandas.DataFrame(
        {
            "id": ["a", "b"],
            "tiers": [["srdi-sme"], None],
            "recognitions": [[{"tier": "srdi-sme", "year": 2023}], None],
        }
    )
    table = plan.entitlements_table(profiles)
    measures = len(plan.measures())
    assert len(table) == 2 * measures
    assert str(table["status"].dtype) == "category"
    assert str(table["amount"].dtype) == "Int64"
    row = table[(table["id"] == "a") & (table["measure"] == "task-28-m2")].iloc[0]
    assert row["status"] == "applies" and row["amount"] == 200_000 and bool(row["one_time"])
    # Profile b gave no tiers: every measure for SRDI enterprises may apply, naming the list.
    row = table[(table["id"] == "b") & (table["measure"] == "task-11-m1")].iloc[0]
    assert row["status"] == "may_apply" and row["missing"] == "tiers"
    applying = table[table["status"] == "applies"].groupby("id", observed=True)["amount"].sum()
    assert applying["a"] == 200_000
    # The same from a list of dicts.
    assert plan.entitlements_table([SRDI_SME_2023])["status"].tolist()[:1] == ["applies"]


def test_a_bad_profile_in_a_batch_names_its_position(plan):
    pytest.importorskip("pandas")
    with pytest.raises(srdi_plan.InputError) as raised:
        plan.entitlements_table([SRDI_SME_2023, {"tiers": ["nope"]}])
    assert [(issue.code, issue.path) for issue in raised.value.issues] == [("unknown_group", "/1/tiers/0")]


def test_cost_of_a_scenario_and_of_the_goals(plan):
    cost = plan.cost({"recognitions": [{"tier": "srdi-sme", "year": 2023, "count": 4}]})
    assert cost["total"] == [{"year": None, "currency": "CNY", "value": 800_000}]
    goals = plan.cost()
    assert goals["total"][0]["value"] == 3_000_000
    assert any("goal-2" in assumption for assumption in goals["assumptions"])


def test_a_profile_over_the_size_limit_is_reported_in_its_place_in_a_batch(plan):
    pytest.importorskip("pandas")
    limit = 8 * 1024 * 1024  # the core's MAX_INPUT_BYTES
    big = {"tiers": ["x" * 998] * (limit // 1001 + 1)}  # over the limit, written as JSON
    for given in (big, json.dumps(big)):
        with pytest.raises(srdi_plan.InputError) as raised:
            plan.entitlements_table([{"tiers": ["nope"]}, given, {"tiers": ["srdi"]}])
        assert [(issue.code, issue.path) for issue in raised.value.issues] == [
            ("unknown_group", "/0/tiers/0"),
            ("too_large", "/1"),
            ("unknown_group", "/2/tiers/0"),
        ], type(given)


def test_a_batch_names_every_bad_row(plan):
    pytest.importorskip("pandas")
    with pytest.raises(srdi_plan.InputError) as raised:
        plan.entitlements_table([{"tier": ["srdi-sme"]}, SRDI_SME_2023, {"tiers": "srdi-sme"}])
    assert [(issue.code, issue.path) for issue in raised.value.issues] == [
        ("unknown_field", "/0/tier"),
        ("wrong_type", "/2/tiers"),
    ]
