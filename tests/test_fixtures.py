"""Every extraction fixture (tests/fixtures/<platform>/<case>/), scored by the same code as `blogarchive eval`."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.extraction.evaluation import load_cases, score
from crawler.extraction.extract import extract

CASES = load_cases(Path(__file__).parent / "fixtures")


def test_fixture_set_is_not_empty():
    assert len(CASES) >= 2


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_extraction_matches_expected(case):
    scores = score(extract(case.html, case.url), case.expected)
    assert {field: value for field, value in scores.items() if value < 1.0} == {}
