"""A post that moved, recrawled by a worker: archived as a crawl next to the archive archives it (one row, its history
kept, the old address recorded), with a real Redis, writer and worker."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli
from tests.distributed.conftest import Roles, wait_for
from tests.test_moved_posts import NEW, OLD
from tests.test_moved_posts import _blog as redirecting_blog
from tests.test_permalink_changes import _blog as wordpress_blog
from tests.test_permalink_changes import _dated, _plain


def _crawled(roles: Roles, base: str, runs: int) -> None:
    queued = run_cli("crawl", base, "--job", "blog", "--broker", roles.broker.url, "--db", str(roles.db))
    assert queued.returncode == 0, queued.stderr
    finished = "SELECT count(*) FROM crawl_runs WHERE status = 'finished'"
    wait_for(lambda: roles.query(finished) == [(runs,)], f"crawl {runs} to reach the archive")
    wait_for(lambda: not roles.broker.client.exists("blogarchive.job:blog"), f"job {runs}'s end")


@pytest.mark.parametrize("stale", [False, True], ids=["new-addresses-first", "old-address-404-first"])
def test_a_post_a_worker_finds_under_its_wordpress_id_at_a_new_address_is_moved(roles: Roles, stale: bool) -> None:
    """The worker's scratch archive knew the archived posts by address alone: the ID and date a post is recognised
    by were not sent with the job, and the recrawl stored each post again as new and marked the old one gone."""
    roles.writer()
    roles.worker("--concurrency", "1")
    with wordpress_blog() as blog:
        base = blog["base"]
        _crawled(roles, base, 1)
        before = dict(roles.query("SELECT url, id FROM articles"))
        blog["structure"], blog["stale"] = _plain, stale
        _crawled(roles, base, 2)
    assert sorted(roles.query("SELECT id, url, gone_at FROM articles")) == sorted(
        (before[base + _dated(number)[1:]], base + _plain(number)[1:], None) for number in (12, 15)
    )
    assert sorted(roles.query("SELECT url, redirect FROM article_addresses")) == [
        (base + _dated(15)[1:], f"404, the same post {base}?p=15"),
        (base + _dated(12)[1:], f"404, the same post {base}?p=12"),
    ]
    assert roles.query("SELECT change, count(*) FROM changes WHERE run_id = 2 AND change != 'changed'") == [
        ("moved", 2)
    ]
    assert roles.query("SELECT articles_new FROM crawl_runs WHERE id = 2") == [(0,)]


def test_a_post_a_worker_finds_redirected_for_good_is_moved(roles: Roles) -> None:
    roles.writer()
    roles.worker("--concurrency", "1")
    with redirecting_blog() as blog:
        base = blog["base"]
        _crawled(roles, base, 1)
        [(post_id,)] = roles.query("SELECT id FROM articles WHERE title = 'River walk'")
        blog["moved"] = 301  # the sitemap lists the new address, read first; the old one answers 301
        _crawled(roles, base, 2)
    assert roles.query("SELECT id, url FROM articles WHERE title = 'River walk'") == [(post_id, base + NEW[1:])]
    assert roles.query("SELECT url, moved_to, redirect FROM article_addresses") == [
        (base + OLD[1:], base + NEW[1:], "301")
    ]
    assert roles.query("SELECT change FROM changes WHERE run_id = 2") == [("moved",)]
    assert roles.query("SELECT articles_new FROM crawl_runs WHERE id = 2") == [(0,)]
