"""reextract (from stored pages, no network) and history."""

from __future__ import annotations

from tests.conftest import FAULTS_EXIT, run_cli


def test_reextract_rebuilds_from_stored_pages_without_the_server(site, crawl, db, tmp_path):
    assert crawl(site.base).returncode == FAULTS_EXIT
    db("DELETE FROM images")  # damage the derived data; the raw pages are still there
    archive = str(tmp_path / "archive.db")
    result = run_cli("reextract", "--db", archive)  # the site is still up, but reextract never asks it
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("0 new, 0 updated, 34 refreshed")  # 33 posts + one alias URL of a post
    assert db("SELECT count(*) FROM images")[0][0] == sum(len(p.figures) for p in site.posts)
    assert db("SELECT count(*) FROM articles")[0][0] == 33
    assert db("SELECT start_urls FROM crawl_runs ORDER BY id DESC LIMIT 1")[0][0] == '["reextract:*:*"]'


def test_history_lists_every_version(site, crawl, tmp_path):
    assert crawl(site.base).returncode == FAULTS_EXIT
    site.edit_post("lemon-olive-oil-cake", title="Lemon olive oil cake (updated)")
    assert crawl(site.base).returncode == FAULTS_EXIT
    url = site.base.rstrip("/") + site.post("lemon-olive-oil-cake").path
    result = run_cli("history", url, "--db", str(tmp_path / "archive.db"))
    assert result.returncode == 0, result.stderr
    assert "title changed" in result.stdout and "current" in result.stdout
    missing = run_cli("history", site.base + "nope/", "--db", str(tmp_path / "archive.db"))
    assert missing.returncode == 1 and "is not in" in missing.stderr
