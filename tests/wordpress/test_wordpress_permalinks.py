"""A real WordPress (Debian's packages, scripts/wordpress.sh) whose permalink structure changes between two crawls,
from `/%year%/%monthnum%/%day%/%postname%/` to `/%postname%/`, as Settings → Permalinks changes it
(scripts/wordpress/permalinks.php). WordPress answers every old address 404 then (redirect_guess_404_permalink
guesses no post for them): each post is recognised at its new address by the ID its page prints, one row with its
history, the old address recorded. Held against the site's database (scripts/wordpress/truth.php).

Its own WordPress of one site, started and stopped here (the shared sites of tests/wordpress/conftest.py are crawled
once and must stay as they are)."""

from __future__ import annotations

import os
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bench.wordpress_site import SCRIPT, WordPressUnavailable, crawl, site_name, wordpress
from tests.conftest import archive_rows, run_cli

THEME = "twentytwentyone"
NAME = site_name(THEME, "pretty")


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as response:  # noqa: S310 (the test's own WordPress on 127.0.0.1)
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_a_changed_permalink_structure_keeps_each_post_one_row_with_its_history(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    try:
        with wordpress(tmp_path / "wp", sites=((THEME, "pretty", "on-the-page"),)) as wp:
            first = crawl(NAME, wp.sites[NAME], db)
            assert first.returncode == 0, first.stderr[-2000:]
            before = dict(archive_rows(db, "SELECT url, id FROM articles"))
            subprocess.run(
                [
                    "php",
                    str(SCRIPT.parent / "wordpress" / "permalinks.php"),
                    str(wp.folder / "wordpress"),
                    "/%postname%/",
                ],
                env={**os.environ, "BLOGARCHIVE_WP_SITE": NAME},
                check=True,
                capture_output=True,
            )
            assert {_status(url) for url in before} == {404}  # no redirect left behind
            second = crawl(NAME, wp.sites[NAME], db)
            assert second.returncode == 0, second.stderr[-2000:]
            truth = wp.truth(NAME)
    except WordPressUnavailable as exc:
        pytest.skip(str(exc))
    now = {post["url"]: post for post in truth["posts"]}
    moved = archive_rows(db, "SELECT url, moved_to, redirect, article_id FROM article_addresses")
    # every post archived before is one row, its id kept, at the address WordPress gives it now
    assert len(before) == len(now) == len(moved) == 24
    assert {old: article_id for old, _, _, article_id in moved} == before
    assert {to for _, to, _, _ in moved} == set(now)
    assert {redirect for _, to, redirect, _ in moved} == {
        f"404, the same post {wp.sites[NAME]}?p={now[to]['id']}" for _, to, _, _ in moved
    }
    assert sorted(archive_rows(db, "SELECT url, gone_at FROM articles")) == sorted((url, None) for url in now)
    assert archive_rows(
        db, "SELECT change, count(*) FROM changes WHERE run_id = 2 AND subject = 'post' GROUP BY change"
    ) == [("moved", 24)]
    old, _, _, _ = moved[0]
    shown = run_cli("history", old, "--db", str(db), "--format", "table")
    assert shown.returncode == 0 and f"moved from {old} to " in shown.stdout, shown.stderr
