"""Shared fixtures: the embedded plan and the repository's paths."""

from pathlib import Path

import pytest

import srdi_plan

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def plan() -> srdi_plan.Plan:
    return srdi_plan.wulong()
