"""search, stats, export and serve against a crawled demo archive."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sqlite3

import pyarrow.parquet as pq
import pytest

from archive import Archive, export
from archive.columns import Column
from tests.conftest import run_cli

NASTY = ['"unbalanced', "NEAR(", "*", "-", "title:", "nope:garden", "garden OR", "AND", "(((", "'; DROP TABLE x", ""]


def test_search_ranks_fts_matches_and_highlights(demo_archive):
    result = run_cli("search", "sourdough", "--db", str(demo_archive), "--format", "json")
    records = json.loads(result.stdout)
    assert records[0]["title"] == "A sourdough starter from scratch in seven days"
    assert "[sourdough]" in records[0]["snippet"].lower() or "[Sourdough]" in records[0]["snippet"]


def test_search_filters_by_language_and_author(demo_archive):
    result = run_cli("search", "Kompost OR compost", "--db", str(demo_archive), "--lang", "de", "--format", "json")
    records = json.loads(result.stdout)
    assert records and {r["language"] for r in records} == {"de"}
    result = run_cli("search", "Brot", "--db", str(demo_archive), "--author", "Lea", "--format", "json")
    found = {r["title"]: r["author"] for r in json.loads(result.stdout)}
    assert found == {  # the hike's post has Brot only in "Butterbrot"
        "Brot ohne Kneten aus dem gusseisernen Topf": "Lea Brandt",
        "Wandern mit Kindern in der Sächsischen Schweiz": "Philip Wienberg, Lea Brandt",
    }


def test_the_search_title_counts_one_result_as_one(demo_archive):
    def title(query: str) -> str:
        result = run_cli("search", query, "--db", str(demo_archive), "--format", "table")
        return result.stdout.strip().splitlines()[0].strip()

    assert title("sourdough") == "1 result for 'sourdough'"
    assert title("xyzzy") == "0 results for 'xyzzy'"
    assert title("sourdough OR Kompost").endswith(" results for 'sourdough OR Kompost'")


@pytest.mark.parametrize("query", NASTY)
def test_any_user_string_is_a_search_not_a_traceback(demo_archive, query):
    result = run_cli("search", query, "--db", str(demo_archive), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert isinstance(json.loads(result.stdout), list)


def test_stats_counts_posts_languages_and_caption_coverage(demo_archive):
    result = json.loads(run_cli("stats", "--db", str(demo_archive), "--format", "json").stdout)
    assert {r["language"]: r["posts"] for r in result["posts_per_language"]} == {"en": 11, "de": 11, "ko": 11}
    assert result["images"][0]["images"] == 39 and result["images"][0]["captioned"] == 36
    assert len(result["last_crawls"]) == 2


def test_stats_shows_each_sites_last_crawl_and_its_errors(demo_archive, tmp_path):
    db = tmp_path / "archive.db"
    shutil.copy(demo_archive, db)
    archive = Archive(db)
    post, site = archive.conn.execute("SELECT url, site FROM articles LIMIT 1").fetchone()
    run = archive.start_run([f"http://{site}/", "http://elsewhere.test/"])
    archive.record_page(run, {"url": post, "status": 200, "kind": "post"})
    archive.record_error(run, f"http://{site}/broken/", "HTTP 500")
    archive.record_error(run, "http://elsewhere.test/", "DNS lookup failed")
    archive.finish_run(run, "finished")
    archive.close()
    result = json.loads(run_cli("stats", "--db", str(db), "--site", site, "--format", "json").stdout)
    assert [(r["site"], r["run"], r["errors"]) for r in result["last_crawl_per_site"]] == [(site, run, 1)]
    assert [r["message"] for r in result["last_crawl_errors"]] == ["HTTP 500"]
    result = json.loads(run_cli("stats", "--db", str(db), "--format", "json").stdout)
    assert len(result["last_crawl_errors"]) == 2


def test_export_csv_with_bom_and_jsonl_and_parquet(demo_archive, tmp_path):
    out = tmp_path / "authors.csv"
    assert (
        run_cli(
            "export", str(out), "--db", str(demo_archive), "--format", "csv", "--table", "authors", "--bom"
        ).returncode
        == 0
    )
    text = out.read_text("utf-8")
    assert text.startswith("\ufeffid,site,name")
    assert len(list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))) == 4
    result = run_cli("export", "-", "--db", str(demo_archive), "--format", "jsonl", "--lang", "ko")
    assert {json.loads(line)["language"] for line in result.stdout.splitlines()} == {"ko"}
    parquet = tmp_path / "images.parquet"
    assert (
        run_cli(
            "export", str(parquet), "--db", str(demo_archive), "--format", "parquet", "--table", "images"
        ).returncode
        == 0
    )
    assert pq.read_table(parquet).num_rows == 39


def test_parquet_row_groups_share_one_schema_when_a_group_is_all_null(tmp_path, monkeypatch):
    monkeypatch.setattr(export, "ROW_GROUP_ROWS", 2)
    path = tmp_path / "images.parquet"
    data = iter([(1, None), (2, None), (3, "a fox"), (4, "b"), (5, None)])
    columns = [Column("id", "integer"), Column("caption", "text")]
    assert export.write_parquet(str(path), columns, data) == (5, {})
    assert pq.ParquetFile(path).metadata.num_row_groups == 3
    assert pq.read_table(path).column("caption").to_pylist() == [None, None, "a fox", "b", None]


def test_missing_archive_is_one_clear_line(tmp_path):
    result = run_cli("stats", "--db", str(tmp_path / "none.db"))
    assert result.returncode == 1 and "no archive at" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("content", [b"hello, not a database\n", None], ids=["text-file", "other-sqlite"])
def test_non_archive_db_is_one_clear_line(tmp_path, content):
    db = tmp_path / "other.db"
    if content is None:
        sqlite3.connect(db).execute("CREATE TABLE notes (x)").connection.commit()
    else:
        db.write_bytes(content)
    result = run_cli("search", "x", "--db", str(db))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0 and str(db) in result.stderr


def test_stats_plot_draws_every_month_with_the_gaps_as_zero_into_svg_or_png(demo_archive, tmp_path):
    db = tmp_path / "archive.db"
    shutil.copy(demo_archive, db)
    archive = Archive(db)  # a post from months before the others: the months between are drawn as zero
    archive.save_article(1, {"url": "https://early.example/p/", "title": "Early", "published": "2023-10-02"}, "t")
    archive.close()
    svg, png = tmp_path / "stats.svg", tmp_path / "stats.png"
    assert run_cli("stats", "--db", str(db), "--plot", str(svg)).returncode == 0
    bars = re.findall(r'id="posts_per_month:([\d-]+):(\d+)"', svg.read_text("utf-8"))
    conn = sqlite3.connect(db)
    counts = dict(conn.execute("SELECT substr(published, 1, 7), count(*) FROM articles GROUP BY 1"))
    assert [month for month, _ in bars] == ["2023-10", "2023-11", "2023-12", *sorted(m for m in counts if m > "2024")]
    assert {month: int(posts) for month, posts in bars} == {month: counts.get(month, 0) for month, _ in bars}
    assert re.findall(r'id="posts_per_language:(\w+):(\d+)"', svg.read_text("utf-8")) == [
        ("de", "11"),
        ("en", "11"),
        ("ko", "11"),
    ]
    result = run_cli("stats", "--db", str(db), "--plot", str(png), "--site", "early.example")
    assert result.returncode == 0 and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and "1 post drawn" in result.stderr
    refused = run_cli("stats", "--db", str(db), "--plot", str(tmp_path / "stats.gif"))
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1 and ".svg or .png" in refused.stderr
