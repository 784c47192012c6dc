"""Opening archives: refused files name the path and the fix; older archives are migrated forward in place."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from archive import Archive, ArchiveError, schema
from archive.database import database
from archive.migrations import migrate, schema_version

# A migration after the current ones: proves a version-1 file walks every step and keeps its data.
NEXT_NOTE = "ALTER TABLE articles ADD COLUMN note TEXT; UPDATE articles SET note = 'from v1';"


def corrupt_first_page(path):
    Archive(path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # keep the 100-byte header, wipe the table of tables
    path.write_bytes(data)


def truncate(path):
    Archive(path).close()
    path.write_bytes(path.read_bytes()[:5000])


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: p.write_bytes(b"not sqlite at all" * 200), "cannot use .* restore the file"),
        (corrupt_first_page, "malformed"),
        (truncate, "malformed"),
        (lambda p: sqlite3.connect(p).execute("CREATE TABLE other (x)"), "not a blogarchive archive"),
        (lambda p: sqlite3.connect(p).execute("PRAGMA user_version = 999"), "newer than this blogarchive"),
    ],
    ids=["directory", "not-sqlite", "corrupt", "truncated", "foreign-sqlite", "newer-version"],
)
def test_unusable_files_are_refused_with_the_path(tmp_path, make, message):
    path = tmp_path / "bad.db"
    make(path)
    with pytest.raises(ArchiveError, match=message) as info:
        Archive(path)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)


def test_a_missing_folder_or_a_file_as_folder_is_refused(tmp_path):
    with pytest.raises(ArchiveError, match="does not exist"):
        Archive(tmp_path / "nowhere" / "a.db")
    (tmp_path / "plain.txt").write_text("x")
    with pytest.raises(ArchiveError, match="plain.txt"):
        Archive(tmp_path / "plain.txt" / "a.db")


def build_version_1(path):
    """A version-1 archive as blogarchive 1 wrote it: the V1 DDL, one run, one article."""
    conn = sqlite3.connect(path)
    conn.executescript(schema.V1 + "PRAGMA user_version = 1;")
    conn.execute("INSERT INTO crawl_runs (started) VALUES ('2024-01-01T00:00:00+00:00')")
    conn.execute(
        "INSERT INTO articles (url, site, title, text, content_hash, first_seen, last_fetched)"
        " VALUES ('https://b.example/p/', 'b.example', 'Old post', 'compost talk', 'h', 't0', 't0')"
    )
    conn.commit()
    conn.close()


def test_a_version_1_archive_is_migrated_forward_on_open(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    build_version_1(path)
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, NEXT_NOTE])
    archive = Archive(path)
    assert archive.conn.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS)
    assert [tuple(row) for row in archive.conn.execute("SELECT title, note FROM articles")] == [("Old post", "from v1")]
    archive.save_article(1, {"url": "https://b.example/q/", "title": "New", "text": "more compost"}, "t1")
    hits = archive.conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'compost'").fetchall()
    assert len(hits) == 2
    archive.close()
    Archive(path).close()  # reopening at the current version runs nothing again
    assert sqlite3.connect(path).execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_a_failing_migration_leaves_the_archive_at_its_last_version(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    build_version_1(path)
    monkeypatch.setattr(
        schema, "MIGRATIONS", [schema.V1, "ALTER TABLE articles ADD COLUMN x; SELECT nope FROM nothing;"]
    )
    with pytest.raises(ArchiveError, match="cannot upgrade .* to schema version 2"):
        Archive(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "x" not in [row[1] for row in conn.execute("PRAGMA table_info(articles)")]


def test_a_real_version_1_archive_gets_the_frontier_and_media_columns_and_keeps_its_posts(tmp_path):
    path = tmp_path / "old.db"
    build_version_1(path)
    archive = Archive(path)
    assert archive.conn.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS)
    image_columns = {row[1] for row in archive.conn.execute("PRAGMA table_info(images)")}
    assert {"sha256", "local_path", "bytes"} <= image_columns
    assert archive.conn.execute("SELECT count(*) FROM frontier").fetchone()[0] == 0
    assert [tuple(r) for r in archive.conn.execute("SELECT title FROM articles")] == [("Old post",)]
    archive.close()


def schema_of(conn: sqlite3.Connection) -> tuple[int, list[tuple[str, ...]]]:
    """What an analyst's tools see of a schema: its version, and every table, column, type, constraint, index,
    view, trigger and the full-text index's declaration, as SQLite keeps them."""
    objects = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    return conn.execute("PRAGMA user_version").fetchone()[0], [tuple(row) for row in objects]


def at_version(path, version, monkeypatch):
    """An archive as the blogarchive of schema `version` left it, holding one post that mentions compost."""
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:version])
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, path)
    conn.execute(
        "INSERT INTO articles (url, site, title, text, content_hash, first_seen, last_fetched)"
        " VALUES ('https://b.example/p/', 'b.example', 'Old post', 'compost talk', 'h', 't0', 't0')"
    )
    conn.close()
    monkeypatch.undo()


@pytest.mark.parametrize("version", range(1, len(schema.MIGRATIONS)))
def test_an_archive_migrated_from_any_older_version_has_a_new_archive_s_schema_and_search(
    tmp_path, monkeypatch, version
):
    new = Archive(tmp_path / "new.db")
    new.save_article(new.start_run([]), {"url": "https://b.example/p/", "title": "New", "text": "compost"}, "t1")
    at_version(tmp_path / "old.db", version, monkeypatch)
    old = Archive(tmp_path / "old.db")
    assert schema_of(old.conn) == schema_of(new.conn)
    for archive in (old, new):
        found = archive.conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'composts'")
        assert [tuple(row) for row in found] == [(1,)]
        archive.close()


def widen_image_width(db: Database) -> None:
    db["images"].transform(types={"width": float})


def test_a_python_migration_transforms_a_table_keeping_its_rows_foreign_keys_and_indexes(tmp_path, monkeypatch):
    path = tmp_path / "a.db"
    archive = Archive(path)
    post = {"url": "https://b.example/p/", "title": "P", "text": "t", "images": [{"src": "https://b.example/i.png"}]}
    archive.save_article(archive.start_run([]), {**post, "images": [{**post["images"][0], "width": 640}]}, "t0")
    archive.close()
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, widen_image_width])
    archive = Archive(path)
    db = database(archive.conn)
    assert schema_version(archive.conn) == len(schema.MIGRATIONS)
    assert db["images"].columns_dict["width"] is float
    assert [row["width"] for row in db["images"].rows] == [640.0]
    assert {index.name for index in db["images"].indexes} == {"images_article", "images_src"}
    assert [(fk.column, fk.other_table, fk.on_delete) for fk in db["images"].foreign_keys] == [
        ("article_id", "articles", "CASCADE")
    ]
    archive.conn.execute("DELETE FROM articles")  # foreign keys are on again, and cascade
    assert db["images"].count == 0
    archive.close()


def test_a_python_migration_that_breaks_a_foreign_key_leaves_the_archive_at_its_last_version(tmp_path, monkeypatch):
    def orphan_image(db: Database) -> None:
        widen_image_width(db)
        db["images"].insert({"article_id": 99, "position": 1, "src": "https://b.example/x.png"})

    path = tmp_path / "a.db"
    Archive(path).close()
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, orphan_image])
    with pytest.raises(ArchiveError, match=f"cannot upgrade .* to schema version {len(schema.MIGRATIONS)}"):
        Archive(path)
    conn = sqlite3.connect(path)
    assert schema_version(conn) == len(schema.MIGRATIONS) - 1
    assert database(conn)["images"].columns_dict["width"] is int
    assert database(conn)["images"].count == 0
