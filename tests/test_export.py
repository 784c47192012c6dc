"""`blogarchive export`: the format from the file name, real types in JSON lines and Parquet, every table and
view, and filters that either apply or are refused before anything is written."""

from __future__ import annotations

import base64
import csv
import io
import json
import sqlite3
import zlib

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from archive import export
from archive.content import content_columns
from tests.conftest import REPO, run_cli


def _export(db, *args):
    return run_cli("export", *args, "--db", str(db))


@pytest.mark.parametrize(
    ("name", "options", "starts"),
    [
        ("posts.csv", (), "id,url,"),
        ("posts.CSV", (), "id,url,"),
        ("posts.tsv", (), "id\turl\t"),
        ("posts.jsonl", (), '{"id": '),
        ("posts.ndjson", (), '{"id": '),
        ("posts.txt", ("--format", "tsv"), "id\turl\t"),
        ("posts.csv", ("--format", "jsonl"), '{"id": '),
    ],
)
def test_the_format_comes_from_the_extension_unless_format_says_otherwise(
    demo_archive, tmp_path, name, options, starts
):
    out = tmp_path / name
    result = _export(demo_archive, str(out), *options)
    assert result.returncode == 0, result.stderr
    assert out.read_text("utf-8").startswith(starts)
    assert result.stderr.strip() == f"33 rows of articles written to {out}"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("posts.txt",), "cannot tell the format from its extension"),
        (("-",), "give --format jsonl, csv or tsv"),
        (("-", "--format", "parquet"), "parquet needs a file"),
        (("posts.jsonl", "--bom"), "--bom applies to CSV only"),
    ],
)
def test_an_output_whose_format_is_unclear_is_one_line_and_exit_2(demo_archive, tmp_path, args, message):
    result = run_cli("export", *args, "--db", str(demo_archive), cwd=tmp_path)
    assert result.returncode == 2 and message in result.stderr
    assert result.stderr.count("\n") == 1 and not list(tmp_path.iterdir())


def test_json_lines_keep_lists_numbers_and_nulls(demo_archive):
    posts = [json.loads(line) for line in _export(demo_archive, "-", "--format", "jsonl").stdout.splitlines()]
    assert len(posts) == 33 and all(isinstance(p["categories"], list) and isinstance(p["tags"], list) for p in posts)
    assert all(isinstance(p["word_count"], int) and p["gone_at"] is None for p in posts)
    stored = dict(sqlite3.connect(demo_archive).execute("SELECT url, tags FROM articles"))
    assert {p["url"]: p["tags"] for p in posts} == {url: json.loads(tags) for url, tags in stored.items()}
    view = [
        json.loads(line)
        for line in _export(demo_archive, "-", "--format", "jsonl", "--table", "v_posts").stdout.splitlines()
    ]
    assert any(len(p["authors"]) == 2 for p in view) and all(isinstance(p["images"], int) for p in view)
    runs = _export(demo_archive, "-", "--format", "jsonl", "--table", "crawl_runs").stdout.splitlines()
    assert all(json.loads(line)["start_urls"][0].startswith("http://127.0.0.1:") for line in runs)


def test_parquet_has_list_int_and_utc_timestamp_columns(demo_archive, tmp_path):
    out = tmp_path / "posts.parquet"
    assert _export(demo_archive, str(out)).returncode == 0
    table = pq.read_table(out)
    schema = table.schema
    assert schema.field("categories").type == pa.list_(pa.string()) and schema.field("tags").type == pa.list_(
        pa.string()
    )
    assert schema.field("published").type == pa.timestamp("us", "UTC")
    assert schema.field("word_count").type == pa.int64() and schema.field("gone_at").type == pa.timestamp("us", "UTC")
    published = dict(sqlite3.connect(demo_archive).execute("SELECT url, published FROM articles"))
    rows = table.select(["url", "published", "tags"]).to_pylist()
    assert all(row["published"].isoformat() == published[row["url"]] for row in rows)  # stored as +00:00 times
    assert any(row["tags"] for row in rows)
    versions = tmp_path / "versions.parquet"
    assert _export(demo_archive, str(versions), "--table", "article_versions").returncode == 0
    kept = pq.read_table(versions).schema
    fields = [("src", pa.string()), ("alt", pa.string()), ("title", pa.string()), ("caption", pa.string())]
    fields += [("width", pa.int64()), ("height", pa.int64())]
    assert kept.field("images").type == pa.list_(pa.struct(fields))  # the images table's content columns
    comments = kept.field("comments").type.value_type
    columns = content_columns(sqlite3.connect(demo_archive), "comments")  # author, published, text …
    assert [field.name for field in comments] == columns and "text" in columns
    assert kept.field("tags").type == pa.list_(pa.string())


def test_a_time_parquet_cannot_read_is_null_and_reported(demo_archive, tmp_path):
    db = tmp_path / "archive.db"
    db.write_bytes(demo_archive.read_bytes())
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET published = 'last Tuesday' WHERE id = 1")
    result = _export(db, str(tmp_path / "posts.parquet"))
    assert result.returncode == 0
    assert "warning: 1 values of articles.published did not parse; written as null" in result.stderr
    assert pq.read_table(tmp_path / "posts.parquet").column("published").null_count == 1


def _tables_and_views(db):
    conn = sqlite3.connect(db)
    return [
        n
        for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
        if not n.startswith("articles_fts")
    ]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_every_table_and_view_exports(demo_archive, fmt):
    conn = sqlite3.connect(demo_archive)
    for table in _tables_and_views(demo_archive):
        result = _export(demo_archive, "-", "--format", fmt, "--table", table)
        assert result.returncode == 0, (table, result.stderr)
        lines = list(csv.reader(io.StringIO(result.stdout))) if fmt == "csv" else result.stdout.splitlines()
        rows = len(lines) - (fmt == "csv")
        assert rows == conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0], table


def test_binary_cells_are_base64_outside_parquet(demo_archive):
    line = _export(demo_archive, "-", "--format", "jsonl", "--table", "page_bodies").stdout.splitlines()[0]
    body = json.loads(line)
    assert zlib.decompress(base64.b64decode(body["body"]))  # the stored, compressed bytes, intact


def test_an_empty_table_as_csv_still_has_its_header(demo_archive):
    result = _export(demo_archive, "-", "--format", "csv", "--table", "media_files")
    assert result.returncode == 0 and result.stdout.splitlines() == [
        "url,sha256,local_path,bytes,content_type,fetched_at,error"
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--table", "pages", "--site", "127.0.0.1"), "--site does not apply to pages: it has no site column"),
        (
            ("--table", "v_monthly", "--since", "2024-01-01"),
            "--since does not apply to v_monthly: it has no date column",
        ),
        (("--table", "authors", "--lang", "en"), "--lang does not apply to authors"),
        (("--site", "no.example"), "--site 'no.example' matches no site in the archive; the archive has: 127.0.0.1:"),
        (("--author", "Nobody"), "--author 'Nobody' matches no post's author; the archive has: "),
        (("--lang", "xx"), "--lang 'xx' matches no post's language; the archive has: "),
        (
            ("--table", "nope"),
            "--table 'nope' is no table or view of the archive; choose one of: alert_deliveries, article_addresses,"
            " article_authors",
        ),
    ],
)
def test_a_filter_that_does_not_apply_or_matches_nothing_is_refused_before_writing(
    demo_archive, tmp_path, args, message
):
    out = tmp_path / "out.csv"
    result = _export(demo_archive, str(out), *args)
    assert result.returncode == 2 and message in result.stderr and result.stderr.count("\n") == 1
    assert not out.exists()


def test_since_and_until_compare_instants_in_utc(demo_archive):
    conn = sqlite3.connect(demo_archive)
    newest = conn.execute("SELECT max(published) FROM articles").fetchone()[0]  # 2024-08-08T09:00:00+00:00

    def urls(*args):
        return [
            json.loads(x)["url"] for x in _export(demo_archive, "-", "--format", "jsonl", *args).stdout.splitlines()
        ]

    assert len(urls("--since", newest[:10])) == 1  # a date: from its midnight
    assert len(urls("--since", "2024-08-08T10:00:00+02:00")) == 1  # 08:00 UTC, before the post's 09:00
    assert len(urls("--since", "2024-08-08T11:00:00+02:00")) == 1  # 09:00 UTC: the very instant is included
    assert urls("--since", "2024-08-08T11:00:01+02:00") == []
    first_day = conn.execute("SELECT count(*) FROM articles WHERE published < '2024-01-09'").fetchone()[0]
    assert first_day and len(urls("--until", "2024-01-08")) == first_day  # a date as --until: its whole day
    assert urls("--until", "2024-01-08T08:59:59Z") == []
    everything = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert len(urls("--since", "2024-01-08", "--until", newest[:10])) == everything
    fetched = _export(demo_archive, "-", "--format", "jsonl", "--table", "pages", "--since", "2000-01-01")
    assert len(fetched.stdout.splitlines()) == conn.execute("SELECT count(*) FROM pages").fetchone()[0]


def test_the_readme_states_the_batch_size_the_code_uses():
    assert f"in batches of {export.BATCH:,} rows" in (REPO / "docs" / "commands" / "export.md").read_text("utf-8")
