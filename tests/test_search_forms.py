"""Search finds a word in the forms a reader calls the same word — Korean words with their particles and verb
endings, German inflections and compound parts, English plurals and irregular tenses — in every tool that searches
the archive: `blogarchive search`, plain SQLite MATCH (what Datasette's _search runs) and `sqlite-utils search`.
And a search is bounded: too many words, or too long a run, is refused in one line."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from archive import Archive, schema
from archive.errors import SearchRefused
from archive.filters import Filters
from archive.query import MOST_SEARCH_WORDS, search
from archive.readonly import connect_readonly
from tests.conftest import run_cli

# Posts written for these tests, a few sentences each, in the three languages of the blogs archived.
POSTS = {
    "한강 산책": ("ko", "주말에 한강에서 사진을 찍었습니다. 노을이 지는 풍경이 아름다웠어요."),
    "카메라 이야기": ("ko", "새 카메라로 찍은 사진과 예전 사진들을 비교했다."),
    "빵 굽기": ("ko", "주말마다 빵을 구웠다. 반죽은 하룻밤 숙성했다."),
    "아침 출발": ("ko", "아침 일찍 출발했다. 기차는 조용했다."),
    "Herbst im Beet": ("de", "Die Gartenarbeit im Herbst ist schnell erledigt: Beete abdecken, Laub sammeln."),
    "Unser Brotteig": ("de", "Der Brotteig ruht über Nacht; am Morgen backen wir drei Brote."),
    "Gemüse in der Stadt": ("de", "In den Gärten der Stadt wächst mehr Gemüse, als man denkt."),
    "Planen mit Tabellen": ("de", "Zum Beispiel hilft eine Tabelle beim Planen der Beete."),
    "Old paper": ("en", "I collect old maps of the city and the harbour."),
    "Letters home": ("en", "She wrote to the children every week."),
    "In the shed": ("en", "Two mice lived in the shed all winter."),
}

# word searched → the posts that contain it in some form (and none that contain only its letters: 일찍 is no
# form of 찍다, Beispiel no compound of Spiel)
FOUND = {
    "사진": {"한강 산책", "카메라 이야기"},
    "찍다": {"한강 산책", "카메라 이야기"},
    "굽다": {"빵 굽기"},
    "Garten": {"Herbst im Beet", "Gemüse in der Stadt"},
    "Arbeit": {"Herbst im Beet"},
    "Brot": {"Unser Brotteig"},
    "Teig": {"Unser Brotteig"},
    "Beet": {"Herbst im Beet", "Planen mit Tabellen"},
    "map": {"Old paper"},
    "write": {"Letters home"},
    "child": {"Letters home"},
    "mouse": {"In the shed"},
}
NOT_FOUND = {"찍다": "아침 출발", "Spiel": "Planen mit Tabellen"}


def _write_posts(path: Path) -> None:
    archive = Archive(path)
    run = archive.start_run(["https://b.example/"])
    for n, (title, (language, text)) in enumerate(POSTS.items()):
        post = {"url": f"https://b.example/{n}/", "title": title, "text": text, "language": language}
        archive.save_article(run, post, "2024-05-01T00:00:00+00:00")
    archive.close()


@pytest.fixture(scope="module")
def posts_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("forms") / "archive.db"
    _write_posts(path)
    return path


def _matched(path: Path, word: str) -> set[str]:
    """What plain SQLite finds: Datasette's _search sends the word quoted to MATCH, as here."""
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT a.title FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ?",
        ['"' + word + '"'],
    )
    return {title for (title,) in rows}


@pytest.mark.parametrize("word", FOUND)
def test_a_word_finds_the_posts_with_its_forms_in_plain_sqlite(posts_archive, word):
    assert _matched(posts_archive, word) == FOUND[word]


@pytest.mark.parametrize("word", NOT_FOUND)
def test_a_word_does_not_find_posts_that_only_share_its_letters(posts_archive, word):
    assert NOT_FOUND[word] not in _matched(posts_archive, word)
    assert _matched(posts_archive, word) == FOUND.get(word, set())


def test_search_marks_the_form_it_found_in_the_snippet(posts_archive):
    conn = connect_readonly(posts_archive)
    snippets = {r["title"]: r["snippet"] for r in search(conn, "사진", Filters()).records}
    assert "[사진을]" in snippets["한강 산책"] and "[사진과]" in snippets["카메라 이야기"]
    snippets = {r["title"]: r["snippet"] for r in search(conn, "Brot", Filters()).records}
    assert "[Brotteig]" in snippets["Unser Brotteig"] and "[Brote]" in snippets["Unser Brotteig"]
    snippets = {r["title"]: r["snippet"] for r in search(conn, "maps", Filters()).records}
    assert "[maps]" in snippets["Old paper"]  # FTS5's own snippet: porter stems the query and the text alike


def test_sqlite_utils_search_finds_the_forms_too(posts_archive):
    command = [str(Path(sys.executable).parent / "sqlite-utils"), "search", str(posts_archive), "articles", "사진"]
    result = subprocess.run([*command, "-c", "title"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert {row["title"] for row in json.loads(result.stdout)} == FOUND["사진"]


def test_an_archive_indexed_before_version_6_finds_the_forms_after_its_next_open(tmp_path):
    path = tmp_path / "archive.db"
    old = sqlite3.connect(path)  # version 5, as blogarchive wrote it then: the posts indexed by unicode61 alone
    old.executescript(schema.V1 + schema.V2 + schema.V3 + schema.V4 + schema.V5 + "PRAGMA user_version = 5;")
    for n, (title, (language, text)) in enumerate(POSTS.items()):
        old.execute(
            "INSERT INTO articles (url, site, title, text, language, content_hash, first_seen, last_fetched)"
            " VALUES (?, 'b.example', ?, ?, ?, 'h', 't0', 't0')",
            (f"https://b.example/{n}/", title, text, language),
        )
    old.execute("INSERT INTO articles_fts (rowid, title, text, author) SELECT id, title, text, author FROM articles")
    old.execute("DELETE FROM articles_fts_pending")
    old.commit()
    old.close()
    assert _matched(path, "사진") == set()  # 사진을 and 사진과 are tokens of their own there
    Archive(path).close()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS)
    assert _matched(path, "사진") == FOUND["사진"] and _matched(path, "Garten") == FOUND["Garten"]


def test_a_search_of_hundreds_of_words_is_refused_in_one_line(posts_archive):
    words = " ".join(f"word{n}" for n in range(300))
    result = run_cli("search", words, "--db", str(posts_archive))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "300 words" in result.stderr and "Traceback" not in result.stderr
    within = " ".join(["사진"] * MOST_SEARCH_WORDS)
    assert run_cli("search", within, "--db", str(posts_archive)).returncode == 0


def test_a_search_past_its_time_bound_is_stopped_and_refused(posts_archive):
    conn = connect_readonly(posts_archive)
    everything = " OR ".join(f"{letter}*" for letter in "abcdefghijklmnopqrstuvwxyz사주새빵아")
    assert search(conn, everything, Filters(), limit=100).records  # within the bound it answers
    with pytest.raises(SearchRefused, match="took longer than 0 s"):
        search(conn, everything, Filters(), limit=100, seconds=0)
