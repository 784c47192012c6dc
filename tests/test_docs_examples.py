"""Every ```sql block of the README runs against a crawled demo archive, so the docs cannot drift."""

from __future__ import annotations

import re
import sqlite3

import pytest

from tests.conftest import REPO

README = (REPO / "README.md").read_text("utf-8")
QUERIES = re.findall(r"```sql\n(.*?)```", README, re.DOTALL)
PYTHON_EXAMPLES = re.findall(r"```python\n(.*?)```", README, re.DOTALL)


def test_readme_has_ten_example_queries():
    assert len(QUERIES) >= 10


@pytest.mark.parametrize("sql", QUERIES, ids=[q.splitlines()[0].strip("- ") for q in QUERIES])
def test_readme_query_runs_and_returns_rows(demo_archive, sql):
    rows = sqlite3.connect(demo_archive).execute(sql).fetchall()
    assert rows, f"no rows for: {sql}"


@pytest.mark.parametrize("code", PYTHON_EXAMPLES)
def test_readme_python_example_runs(demo_archive, code, monkeypatch, capsys):
    monkeypatch.chdir(demo_archive.parent)  # the examples open "archive.db"
    exec(compile(code, "README.md", "exec"), {})
    assert capsys.readouterr().out.strip()
