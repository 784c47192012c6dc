"""Output for programs: piped, the analysts' and archivists' tables are full-width TSV (or --format tsv, csv,
json), nothing cut; JSON is JSON all the way down; CSV and TSV always have their header. On a terminal of 80
columns a table wraps long values instead of cutting them."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import REPO, run_cli


@pytest.fixture(scope="module")
def urls(demo_archive) -> list[str]:
    return [url for (url,) in sqlite3.connect(demo_archive).execute("SELECT url FROM articles ORDER BY id")]


def _tsv(text: str) -> list[list[str]]:
    lines = text.splitlines()
    rows = [line.split("\t") for line in lines]
    assert len({len(row) for row in rows}) == 1, "every line has the header's number of cells"
    return rows


def test_piped_search_is_full_width_tsv(demo_archive, urls):
    result = run_cli("search", "sourdough OR garden OR Brot", "--db", str(demo_archive))
    rows = _tsv(result.stdout)
    assert rows[0] == ["title", "url", "site", "author", "published", "language", "snippet", "score"]
    assert len(rows) > 2 and all(row[1] in urls for row in rows[1:])  # whole URLs, no "http:/…"
    assert "…" not in "".join(row[0] + row[1] for row in rows)


def test_piped_stats_is_one_tsv_table_per_section_and_section_prints_one(demo_archive):
    result = run_cli("stats", "--db", str(demo_archive))
    sections = result.stdout.split("\n\n")
    assert [s.splitlines()[0] for s in sections][:3] == [
        "# posts_per_site",
        "# posts_per_author",
        "# posts_per_language",
    ]
    crawls = run_cli("stats", "--section", "last_crawls", "--db", str(demo_archive)).stdout
    rows = _tsv(crawls)
    assert rows[0][:2] == ["id", "start_urls"] and len(rows) == 3
    assert json.loads(rows[1][1])[0].startswith("http://127.0.0.1:")  # a list cell is JSON text


def test_section_repeated_prints_each_table_asked_for_in_order(demo_archive):
    result = run_cli("stats", "--section", "images", "--section", "last_crawls", "--db", str(demo_archive))
    sections = result.stdout.strip().split("\n\n")
    assert result.returncode == 0 and [s.splitlines()[0] for s in sections] == ["# images", "# last_crawls"]
    assert all(len(s.splitlines()) > 2 for s in sections)  # a header and rows under each


@pytest.mark.parametrize(
    ("command", "option"),
    [
        (("crawl", "http://127.0.0.1:9/", "--warc", "a", "--warc", "b"), "--warc"),
        (("stats", "--db", "a", "--db=b"), "--db"),
    ],
)
def test_an_option_of_one_value_given_twice_is_a_usage_error_not_the_last_silently(tmp_path, command, option):
    result = run_cli(*command, cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert (
        result.stderr.strip().splitlines()[-1] == f"Error: {option} was given 2 times; it takes one value: give it once"
    )
    assert list(tmp_path.iterdir()) == []  # nothing crawled, no archive made


def test_json_is_json_all_the_way_down(demo_archive):
    stats = json.loads(run_cli("stats", "--db", str(demo_archive), "--format", "json").stdout)
    assert all(isinstance(run["start_urls"], list) for run in stats["last_crawls"])
    strings = []

    def walk(value):
        if isinstance(value, dict | list):
            for item in value.values() if isinstance(value, dict) else value:
                walk(item)
        elif isinstance(value, str):
            strings.append(value)

    walk(stats)
    assert not [s for s in strings if s.startswith(("[", "{"))]


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_csv_and_tsv_have_their_header_even_with_no_rows(demo_archive, fmt):
    result = run_cli("search", "zzzznothing", "--db", str(demo_archive), "--format", fmt)
    assert result.returncode == 0
    header = next(csv.reader(io.StringIO(result.stdout), delimiter="," if fmt == "csv" else "\t"))
    assert header == ["title", "url", "site", "author", "published", "language", "snippet", "score"]
    assert len(result.stdout.splitlines()) == 1


def test_a_tab_or_newline_in_a_cell_cannot_break_a_tsv_line(demo_archive, tmp_path):
    db = tmp_path / "archive.db"
    shutil.copy(demo_archive, db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET title = 'two\tcells' || char(10) || 'two lines' WHERE id = 1")
    rows = _tsv(run_cli("export", "-", "--format", "tsv", "--db", str(db)).stdout)
    assert len(rows) == 34 and rows[1][4] == "two\\tcells\\ntwo lines"


def test_piped_verify_is_one_tsv_line_per_problem_with_the_summary_on_stderr(demo_archive, tmp_path, urls):
    db = tmp_path / "archive.db"
    shutil.copy(demo_archive, db)
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DELETE FROM articles WHERE url = ?", (urls[0],))
        conn.execute("DELETE FROM pages WHERE url = ?", (urls[0],))  # as if the crawl never reached it
    result = run_cli("verify", "--db", str(db))
    assert result.returncode == 1
    rows = _tsv(result.stdout)
    assert rows[0] == ["problem", "url", "detail"] and rows[1][:2] == ["missing", urls[0]]
    assert rows[1][2].startswith("never fetched")
    assert "33 URLs listed by sitemaps and feeds; 32 archived" in result.stderr
    complete = run_cli("verify", "--db", str(demo_archive))
    assert complete.returncode == 0 and complete.stdout == "problem\turl\tdetail\n"


def test_piped_history_is_tsv_and_json_on_request(demo_archive, urls):
    rows = _tsv(run_cli("history", urls[0], "--db", str(demo_archive)).stdout)
    assert rows[0] == ["version", "fetched_at", "title", "diff_summary", "gone_at", "retired_at"] and rows[1][0] == "1"


def test_a_table_on_an_80_column_terminal_wraps_urls_instead_of_cutting_them(demo_archive, urls):
    command = [sys.executable, "-m", "crawler", "search", "sourdough", "--db", str(demo_archive), "--format", "table"]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, env={**os.environ, "COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("│")]
    assert lines and max(len(line) for line in result.stdout.splitlines()) <= 80
    url_cell = "".join(line.split("│")[2].strip() for line in lines)
    assert url_cell in urls  # the whole URL, folded over several lines
