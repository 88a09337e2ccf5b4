"""Did the plan deliver, from Python: observations as dicts, a DataFrame or a file; the plan's
standing on a date. Every figure here is synthetic, for the tests only."""

import datetime

import pytest

import srdi_plan

SYNTHETIC = "synthetic test figure, not a published result"


def by_target(answer):
    return {entry["target"]: entry for entry in answer}


def test_progress_from_dicts(plan):
    observations = [
        {"target": "goal-1", "year": 2022, "value": 80, "source": SYNTHETIC},
        {"target": "goal-1", "year": 2024, "value": 150, "source": SYNTHETIC},
    ]
    goal = by_target(plan.progress(observations, as_of="2024-12-31"))["goal-1"]
    assert goal["status"] == "behind"
    assert (goal["expected"], goal["gap"], goal["pace_needed"]) == (160.0, 50.0, 50.0)
    assert goal["latest"]["source"] == SYNTHETIC
    later = by_target(plan.progress(observations, as_of=datetime.date(2026, 1, 1)))["goal-1"]
    assert later["status"] == "missed"


def test_progress_from_a_csv_file_and_as_a_data_frame(plan, tmp_path):
    pandas = pytest.importorskip("pandas")
    figures = tmp_path / "figures.csv"
    figures.write_text(f"target,year,value,source\ngoal-2,2024,16,\"{SYNTHETIC}\"\n", encoding="utf-8")
    assert by_target(plan.progress(figures, as_of="2025-01-01"))["goal-2"]["status"] == "met"
    table = plan.progress_table(str(figures), as_of="2025-01-01")
    assert len(table) == len(plan.targets())
    row = table.set_index("target").loc["goal-2"]
    assert row["status"] == "met" and row["latest"] == 16 and row["gap"] == 0 and row["share"] == 1
    assert str(table["deadline"].dtype) == "Int64" and str(table["status"].dtype) == "category"
    frame = pandas.DataFrame({"target": ["goal-2"], "year": [2024], "value": [16], "source": [SYNTHETIC], "note": [None]})
    assert by_target(plan.progress(frame, as_of="2025-01-01"))["goal-2"]["status"] == "met"
    # A column of years with a gap is a float column in pandas; dates fill the gap.
    gaps = pandas.DataFrame({"target": ["goal-2", "goal-2"], "year": [2023, None], "date": [None, "2024-06-30"],
                             "value": [6, 16], "source": [SYNTHETIC, SYNTHETIC]})
    assert by_target(plan.progress(gaps, as_of="2025-01-01"))["goal-2"]["latest"]["date"] == "2024-06-30"


def test_bad_observations_name_every_problem(plan):
    with pytest.raises(srdi_plan.InputError) as raised:
        plan.progress([
            {"target": "goal-9", "year": 2024, "value": 1, "source": SYNTHETIC},
            {"target": "goal-2", "year": 2024, "value": 2.5, "source": SYNTHETIC},
        ], as_of="2025-01-01")
    assert [(issue.code, issue.path) for issue in raised.value.issues] == [
        ("unknown_target", "/0/target"),
        ("invalid_value", "/1/value"),
    ]
    assert "did you mean `goal-1`?" in raised.value.issues[0].message
    with pytest.raises(FileNotFoundError):
        plan.progress("/no/such/figures.csv")
    with pytest.raises(srdi_plan.QueryError, match="`2025-02-30` is not a date written YYYY-MM-DD") as bad:
        plan.progress([], as_of="2025-02-30")
    assert bad.value.code == "invalid_argument"


def test_the_standing_of_the_plan(plan):
    assert plan.status("2022-07-06")["standing"] == "not_yet_in_force"
    status = plan.status(datetime.date(2026, 1, 1))
    assert status["standing"] == "ended" and "goal-2" in status["due"]
    assert plan.status()["as_of"] == datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    assert plan.status(datetime.datetime(2026, 1, 1, 8, 30))["standing"] == "ended"
