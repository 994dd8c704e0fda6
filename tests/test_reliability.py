"""The reliability matrix of issue 10, run for real (benchmarks/reliability.py prints it as a table):
every fast case must end as it should, with a message and no data lost."""
import sys

import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import reliability  # noqa: E402


@pytest.mark.parametrize("case", reliability.FAST, ids=lambda c: c.__name__)
def test_reliability_case(case, tmp_path):
    [row] = reliability.run([case])
    assert row.ok, row
    assert "Traceback" not in row.message
