"""`blogarchive history`: the post found however its URL is written, a version's text, and the diff between two.

The demo archive is the sample blog crawled twice with a paragraph added to one post in between."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.conftest import run_cli

ADDED = "Update: a pinch of smoked paprika works well too."


@pytest.fixture(scope="module")
def soup(demo_archive) -> str:
    """The stored URL of the post that changed between the two crawls."""
    return (
        sqlite3.connect(demo_archive).execute("SELECT url FROM articles WHERE url LIKE '%winter-squash%'").fetchone()[0]
    )


def _history(db, *args):
    return run_cli("history", *args, "--db", str(db))


@pytest.mark.parametrize(
    "spelling",
    [
        lambda u: u,
        lambda u: u.rstrip("/"),
        lambda u: u.split("://")[1],
        lambda u: u + "?utm_source=x&utm_medium=y",
        lambda u: u + "#comments",
        lambda u: u.replace("http://", "https://"),
    ],
    ids=["as-stored", "no-trailing-slash", "no-scheme", "tracking-parameters", "fragment", "other-scheme"],
)
def test_history_finds_the_post_however_its_url_is_written(demo_archive, soup, spelling):
    result = _history(demo_archive, spelling(soup), "--format", "json")
    assert result.returncode == 0, result.stderr
    versions = json.loads(result.stdout)
    assert [(v["version"], v["diff_summary"]) for v in versions] == [(1, "text +1/-0 lines"), (2, "current")]


def test_history_of_a_url_that_is_no_post_is_one_line(demo_archive, soup):
    result = _history(demo_archive, soup.replace("winter-squash-soup", "no-such-post"))
    assert result.returncode == 1 and result.stderr.strip().endswith(f"is not in {demo_archive}")


def test_show_prints_a_versions_title_and_text(demo_archive, soup):
    old, new = (_history(demo_archive, soup, "--show", n) for n in ("1", "2"))
    assert old.returncode == new.returncode == 0
    assert old.stdout.startswith("Roasted winter squash soup") and ADDED not in old.stdout
    assert new.stdout.startswith("Roasted winter squash soup") and ADDED in new.stdout
    as_json = json.loads(_history(demo_archive, soup, "--show", "2", "--format", "json").stdout)
    assert as_json["version"] == 2 and ADDED in as_json["text"]


def test_diff_is_a_unified_diff_against_the_next_version(demo_archive, soup):
    result = _history(demo_archive, soup, "--diff", "1")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("--- version 1 (") and lines[1].startswith("+++ version 2 (")
    assert f"+{ADDED}" in lines and not any(line.startswith("-") for line in lines[2:])  # only added


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--show", "3"), "--show 3: this post has versions 1 to 2"),
        (("--show", "0"), "--show 0: this post has versions 1 to 2"),
        (("--diff", "2"), "--diff 2: this post has versions 1 to 2; the last one has no next version to diff against"),
        (("--show", "1", "--diff", "1"), "give --show N or --diff N, not both"),
    ],
)
def test_a_version_the_post_does_not_have_is_one_line_and_exit_2(demo_archive, soup, args, message):
    result = _history(demo_archive, soup, *args)
    assert result.returncode == 2 and result.stderr == f"Error: {message}\n"
