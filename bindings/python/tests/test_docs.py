"""The READMEs' Python examples run, and the stubs match the native module."""

import re
import subprocess
import sys

import pytest

from conftest import ROOT

READMES = [ROOT / "README.md", ROOT / "bindings" / "python" / "README.md"]
BLOCKS = [
    (readme, block)
    for readme in READMES
    for block in re.findall(r"```python\n(.*?)```", readme.read_text(encoding="utf-8"), re.S)
]


def test_the_readmes_have_python_examples():
    assert len(BLOCKS) >= 3


@pytest.mark.parametrize("readme,block", BLOCKS, ids=[f"{r.parent.name}/{r.name}#{i}" for i, (r, _) in enumerate(BLOCKS)])
def test_readme_block_runs(readme, block):
    if "to_pandas" in block:
        pytest.importorskip("pandas", reason="pandas is installed by `make test-python`")
    exec(compile(block, str(readme), "exec"), {})


def test_stubs_match_the_native_module():
    result = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "srdi_plan._native"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_stubs_type_check_a_typical_script(tmp_path):
    script = tmp_path / "usage.py"
    script.write_text(
        "import srdi_plan\n"
        "plan: srdi_plan.Plan = srdi_plan.wulong()\n"
        "numbers: list[int] = [t.number for t in plan.tasks(unit='区财政局')]\n"
        "amount = plan.task(28).measures[0].amount\n"
        "assert amount is not None\n"
        "value: int = amount['value']\n"
        "citation: str = str(plan.task(28).citation)\n"
        "zh: str = plan.task(1).text.zh\n",
        encoding="utf-8",
    )
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", str(script)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_code_literal_is_the_cores():
    """`Code` in errors.py is generated from the core by `make stubs`; it must be current."""
    from typing import get_args

    import srdi_plan
    from srdi_plan import _native

    assert list(get_args(srdi_plan.Code)) == _native.CODES, "codes.py is stale: run `make stubs`"
    assert srdi_plan.CODES == _native.CODES
