"""`blogarchive serve` as analysts use it: the real Datasette, live while a crawl writes, read-only for the web,
searchable, opening on the reading columns, faceted by person; and `sqlite-utils search` on the same file."""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from archive import Archive, schema
from archive.charts import every_month
from crawler.demo.server import DemoSite, serve
from tests.chromium import Browser, install_chromium
from tests.conftest import REPO, run_cli

READING_COLUMNS = ["id", "title", "author", "site", "published", "language", "gone_at"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode()


def _get_json(url: str) -> object:
    return json.loads(_get(url))


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """`blogarchive serve` on `db`; yields the database's base URL once Datasette answers."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "crawler", "serve", "--db", str(db), "--port", str(port)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/{db.stem}"
    try:
        for _ in range(150):
            try:
                _get(f"http://127.0.0.1:{port}/-/versions.json")
                break
            except OSError:
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(10)
    assert _port_closes(port), "Datasette outlived `blogarchive serve` stopped with SIGTERM"


def _port_closes(port: int, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
        except OSError:
            return True
        time.sleep(0.1)
    return False


def _titles(base: str, query: str = "") -> list[str]:
    rows = _get_json(f"{base}/articles.json?_shape=array&_size=max{query}")
    return [row["title"] for row in rows]


def test_serve_shows_what_a_crawl_commits_while_it_runs(tmp_path):
    db = tmp_path / "archive.db"
    Archive(db).close()
    with serving(db) as base:
        assert _titles(base) == []
        site = DemoSite()
        with serve(site):
            crawled = run_cli("crawl", site.base, "--db", str(db), "--quiet", "-s", "EXTRACT_PROCESSES=1")
        assert crawled.returncode == 0, crawled.stderr
        assert len(_titles(base)) == 33  # the same server, reloaded: not a snapshot of the empty file
        assert _titles(base, "&_search=sourdough") == ["A sourdough starter from scratch in seven days"]
        writer = Archive(db)  # a writer that stays open, as a crawl's does between its commits
        writer.save_article(1, {"url": f"{site.base}late-post/", "title": "A late post", "text": "zucchini"}, "t")
        assert _titles(base, "&_search=zucchini") == ["A late post"]
        writer.close()


def test_serve_refuses_writes_through_datasette(demo_archive, tmp_path):
    db = tmp_path / "archive.db"
    shutil.copy(demo_archive, db)
    with serving(db) as base:
        attempts = [
            urllib.request.Request(f"{base}.json?sql=DELETE+FROM+articles"),
            urllib.request.Request(f"{base}.json?sql=UPDATE+articles+SET+title%3D%27x%27"),
            urllib.request.Request(
                f"{base}/articles/-/insert",
                data=b'{"row": {"title": "x"}}',
                method="POST",
                headers={"Content-Type": "application/json"},
            ),
            urllib.request.Request(f"{base}/articles/1/-/delete", data=b"{}", method="POST"),
            urllib.request.Request(f"{base}/-/create", data=b'{"table": "x", "row": {"a": 1}}', method="POST"),
        ]
        for request in attempts:
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(request, timeout=10)
            assert 400 <= refused.value.code < 500, request.full_url
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*), count(DISTINCT title) FROM articles").fetchone() == (33, 33)
    assert "x" not in {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}


def test_articles_page_opens_on_the_reading_columns_with_a_search_box_and_the_body_one_click_away(demo_archive):
    with serving(demo_archive) as base:
        opened = urllib.request.urlopen(f"{base}/articles", timeout=10)
        page = opened.read().decode()
        assert "_col=title" in opened.url
        header = page.split("<thead>")[1].split("</thead>")[0]
        assert [c.split('"')[0] for c in header.split('data-column="')[1:]] == READING_COLUMNS
        assert 'id="_search"' in page
        assert 'data-column="author"' in page.split('class="facet-results"')[1]  # the facet, not only the column
        everything = _get(opened.url.split("&_col")[0] + "&_columns=all")  # what "Show all columns" asks for
        assert 'data-column="text"' in everything
        post = _get_json(f"{base}/articles.json?_shape=array&_search=sourdough")[0]
        row_page = _get(f"{base}/articles/{post['id']}")
        assert post["text"][:60].replace("'", "&#39;") in row_page
        found = _get_json(f"{base}/articles.json?_search=sourdough&_shape=array")
        assert [row["title"] for row in found] == ["A sourdough starter from scratch in seven days"]


def test_author_facet_counts_each_person_of_a_shared_byline(demo_archive):
    conn = sqlite3.connect(demo_archive)
    jane = conn.execute(
        "SELECT count(*) FROM article_authors aa JOIN authors au ON au.id = aa.author_id WHERE au.name = ?",
        ("Jane Holloway",),
    ).fetchone()[0]
    shared = conn.execute("SELECT count(*) FROM articles WHERE author LIKE '%, %'").fetchone()[0]
    assert shared and jane == 11  # some bylines name two people
    with serving(demo_archive) as base:
        facets = _get_json(f"{base}/articles.json?_size=0")["facet_results"]
        counts = {r["value"]: r["count"] for r in facets["author"]["results"]}
        assert counts["Jane Holloway"] == jane and "Jane Holloway, Philip Wienberg" not in counts
        hers = _get_json(f"{base}/articles.json?_person=Jane+Holloway&_shape=array&_size=max")
        assert len(hers) == jane and all("Jane Holloway" in row["author"] for row in hers)
        view = _get_json(f"{base}/v_posts.json?_size=0")["facet_results"]  # the view's array facet agrees
        assert {r["value"]: r["count"] for r in view["authors"]["results"]}["Jane Holloway"] == jane
        assert len(_get_json(f"{base}/v_posts.json?_search=sourdough&_shape=array")) == 1  # searchable too


def test_a_gone_post_is_marked_gone_on_the_articles_page(demo_archive, tmp_path):
    db = tmp_path / "archive.db"
    shutil.copy(demo_archive, db)
    archive = Archive(db)
    url, title = archive.conn.execute("SELECT url, title FROM articles ORDER BY published DESC LIMIT 1").fetchone()
    assert archive.mark_gone(archive.start_run([url]), url, "2025-02-03T04:05:06+00:00")
    archive.close()
    with serving(db) as base:
        page = _get(f"{base}/articles")
        row = next(r for r in page.split("<tr>") if title.replace("'", "&#39;") in r)
        assert "gone since 2025-02-03" in row and ">gone</span>" in row
        assert page.count("gone since") == 1


def test_serve_keeps_descriptions_canned_queries_and_stops_with_sigterm(demo_archive):
    with serving(demo_archive) as base:
        assert len(_titles(base)) == 33
        page = _get(f"{base}/articles")
        assert "One row per post" in page and 'data-column="language"' in page
        captions = _get_json(f"{base}/captions_containing.json?word=image%201&_shape=array")
        assert captions and all("image 1" in row["caption"] for row in captions)
        changed = _get_json(f"{base}/changed_posts.json?_shape=array")
        assert changed[0]["title"].startswith("Roasted winter squash soup")


def _sqlite_utils_search(db: Path, word: str) -> list[dict]:
    command = [str(Path(sys.executable).parent / "sqlite-utils"), "search", str(db), "articles", word, "-c", "title"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout)


def test_sqlite_utils_search_finds_posts(demo_archive):
    assert _sqlite_utils_search(demo_archive, "sourdough") == [
        {"title": "A sourdough starter from scratch in seven days"}
    ]


def test_an_archive_from_before_the_fts_fix_is_searchable_after_the_next_open(tmp_path):
    db = tmp_path / "archive.db"
    old = sqlite3.connect(db)  # version 3, as blogarchive wrote it then: one post written and indexed
    old.executescript(schema.V1 + schema.V2 + schema.V3 + "PRAGMA user_version = 3;")
    old.execute(
        "INSERT INTO articles (url, site, title, text, content_hash, first_seen, last_fetched)"
        " VALUES ('https://b.example/p/', 'b.example', 'Indexed', 'compost heap', 'h', 't0', 't0')"
    )
    old.execute("INSERT INTO articles_fts (rowid, title, text, author) SELECT id, title, text, author FROM articles")
    old.execute("DELETE FROM articles_fts_pending")
    old.commit()
    old.close()
    other_tool = sqlite3.connect(db)  # a row written by another tool waits in articles_fts_pending
    other_tool.execute(
        "INSERT INTO articles (url, site, title, text, content_hash, first_seen, last_fetched)"
        " VALUES ('https://b.example/q/', 'b.example', 'Pending', 'compost tea', 'h', 't1', 't1')"
    )
    other_tool.commit()
    other_tool.close()
    with pytest.raises(AssertionError, match="not configured for full-text search"):
        _sqlite_utils_search(db, "compost")
    with serving(db) as base:  # serve upgrades it first, as the next crawl or reextract would
        assert sorted(_titles(base, "&_search=compost")) == ["Indexed", "Pending"]
    assert sorted(row["title"] for row in _sqlite_utils_search(db, "compost")) == ["Indexed", "Pending"]
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'compost'").fetchone()[0] == 2
    assert conn.execute("SELECT count(*) FROM articles_fts_pending").fetchone()[0] == 0


def test_articles_page_in_headless_chromium_opens_on_the_reading_columns(demo_archive, tmp_path):
    """scripts/screenshot_serve.sh: Chromium renders the page (with its scripts) and checks what it shows."""
    db = tmp_path / "archive.db"
    shutil.copy(demo_archive, db)
    png = tmp_path / "articles.png"
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(
        ["bash", str(REPO / "scripts" / "screenshot_serve.sh"), str(db), str(png)],
        capture_output=True,
        text=True,
        timeout=900,
        env=env,
    )
    if result.returncode == 77:
        pytest.skip(result.stderr.strip())
    assert result.returncode == 0, result.stdout + result.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
    rendered = png.with_suffix(".html").read_text("utf-8")
    assert "<summary>Column descriptions" in rendered  # folded by the plugin's script, which Chromium ran
    assert "Jane Holloway</a> 11" in rendered


def test_every_articles_address_opens_on_the_reading_columns(demo_archive):
    with serving(demo_archive) as base:
        for query in ("", "?_search=sourdough", "?_person=Jane+Holloway", "?language=de", "?_sort=title"):
            opened = urllib.request.urlopen(f"{base}/articles{query}", timeout=30)
            page = opened.read().decode()
            assert "_col=title" in opened.url and (not query or query[1:].split("=")[0] in opened.url), query
            header = page.split("<thead>")[1].split("</thead>")[0]
            assert [c.split('"')[0] for c in header.split('data-column="')[1:]] == READING_COLUMNS, query
        everything = _get(f"{base}/articles?language=de&_columns=all")  # what "Show all columns" asks for
        header = everything.split("<thead>")[1].split("</thead>")[0]
        assert 'data-column="text"' in header and 'data-column="search_terms"' in header


def test_search_results_carry_a_snippet_with_the_match_marked(demo_archive):
    with serving(demo_archive) as base:
        page = _get(f"{base}/articles?_search=" + urllib.parse.quote("사진"))
        rows = page.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
        assert len(rows) == 4  # the sample blog's four posts with 사진 in some form (1 before)
        assert all('class="snippet"' in row and "<mark>사진" in row for row in rows)
        page = _get(f"{base}/articles?_search=Brot")
        assert "<mark>Butterbrot</mark>" in page  # found through the compound: marked all the same
        words = "+".join(f"w{n}" for n in range(200))
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{base}/articles?_search={words}", timeout=30)
        assert refused.value.code == 400 and b"200 words" in refused.value.read()


def test_plain_datasette_shows_the_canned_queries_and_descriptions_serve_shows(demo_archive, tmp_path):
    metadata = tmp_path / "metadata.json"
    written = run_cli("serve", "--db", str(demo_archive), "--metadata-file", str(metadata))
    assert written.returncode == 0, written.stderr
    port = _free_port()
    datasette = Path(sys.executable).parent / "datasette"
    plain = subprocess.Popen(
        [str(datasette), "serve", str(demo_archive), "-m", str(metadata), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        plain_base = f"http://127.0.0.1:{port}/{demo_archive.stem}"
        for _ in range(150):
            try:
                plain_queries = _get_json(f"{plain_base}.json")["queries"]
                break
            except OSError:
                time.sleep(0.2)
        plain_articles = _get(f"{plain_base}/articles")
        months = _get_json(f"{plain_base}/posts_per_month.json?_shape=array")
    finally:
        plain.terminate()
        plain.wait(10)
    with serving(demo_archive) as base:
        served_queries = _get_json(f"{base}.json")["queries"]
        served_articles = _get(f"{base}/articles")
    assert [(q["name"], q["title"]) for q in plain_queries] == [(q["name"], q["title"]) for q in served_queries]
    assert len(plain_queries) >= 6 and all(q["description"] for q in plain_queries)
    assert "One row per post" in plain_articles and "One row per post" in served_articles
    conn = sqlite3.connect(demo_archive)
    published = [row[0] for row in conn.execute("SELECT DISTINCT substr(published, 1, 7) FROM articles")]
    assert [row["month"] for row in months] == every_month(sorted(published))


def test_charts_page_in_headless_chromium_draws_each_month_with_the_gaps_as_zero(demo_archive, tmp_path):
    if reason := install_chromium():
        pytest.skip(reason)
    db = tmp_path / "archive.db"
    shutil.copy(demo_archive, db)
    archive = Archive(db)  # a post from months before the others: the months between must be drawn as zero
    archive.save_article(1, {"url": "https://early.example/p/", "title": "Early", "published": "2023-09-14"}, "t")
    archive.close()
    conn = sqlite3.connect(db)
    counts = dict(conn.execute("SELECT substr(published, 1, 7), count(*) FROM articles GROUP BY 1"))
    people = dict(
        conn.execute(
            "SELECT au.name, count(*) FROM article_authors aa JOIN authors au ON au.id = aa.author_id GROUP BY au.id"
        )
    )
    conn.close()
    shot = tmp_path / "charts.png"
    with serving(db) as base, Browser() as browser:
        page = browser.new_page(width=1000, height=900)
        page.open(f"{base}/-/charts")
        drawn = page.evaluate(DRAWN_BARS)
        page.screenshot(shot)
    print(f"charts page screenshot: {shot}")
    months = [bar for bar in drawn if bar["chart"] == "posts_per_month"]
    assert [m["label"] for m in months] == every_month(sorted(counts))  # 2023-09 … 2024-08, none left out
    assert all(m["value"] == counts.get(m["label"], 0) for m in months)
    assert {m["label"] for m in months if m["value"] == 0} == {"2023-10", "2023-11", "2023-12"}
    assert all((m["height"] > 0) == (m["value"] > 0) for m in months)  # a zero is drawn flat, the rest stand
    authors = {bar["label"]: bar["value"] for bar in drawn if bar["chart"] == "posts_per_author"}
    assert authors == people and "김민지" in authors
    assert {bar["chart"] for bar in drawn} == {
        "posts_per_month",
        "posts_per_author",
        "posts_per_language",
        "words_per_post",
    }
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# What the browser drew: each bar or point of the charts (its id "chart:label:value") with its drawn height.
DRAWN_BARS = """
[...document.querySelectorAll('figure.chart svg g[id*=":"]')].map((g) => {
  const [chart, label, value] = g.id.split(":");
  return {chart, label, value: Number(value), height: g.getBBox().height};
})
"""
