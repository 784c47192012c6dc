"""`blogarchive verify`: is every post the blogs announce in the archive, and did every crawl finish?

Expected posts are the URLs listed by the latest stored copy of each sitemap and feed (no network). Each is
archived, gone (404/410, kept), not a post (the crawl fetched it and it is a listing or a page), or missing —
with the recorded error, or "never fetched" (out of scope, over --max-pages, or the crawl stopped first).
Crawls stopped or killed mid-way show as unfinished jobs; running the same crawl again resumes them. Every URL a
crawl gave up on (its crawl_errors row, unless a later run fetched it) is listed with its cause.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from archive.completeness import discovery_documents, given_up, url_outcomes
from archive.frontier import unfinished_jobs
from crawler.discovery.feeds import feed_links
from crawler.discovery.sitemaps import parse_sitemap
from crawler.urls import clean_url


@dataclass
class Report:
    expected: int = 0
    archived: int = 0
    gone: int = 0
    not_posts: int = 0
    missing: list[tuple[str, str]] = field(default_factory=list)  # (url, why)
    unfinished_jobs: list[dict[str, object]] = field(default_factory=list)
    given_up: list[tuple[str, str]] = field(default_factory=list)  # (url, cause): crawl errors not made up for

    @property
    def complete(self) -> bool:
        return not self.missing and not self.unfinished_jobs


def expected_post_urls(conn: sqlite3.Connection, site: str | None = None) -> list[str]:
    """Every page URL the stored sitemaps and feeds list, cleaned the way the spider cleans them, in order."""
    urls: dict[str, None] = {}
    for url, kind, body in discovery_documents(conn, site):
        if kind == "sitemap":
            listed = [entry.url for entry in parse_sitemap(body) if not entry.is_sitemap]
        else:
            listed = [link for link, _date in feed_links(body, url)]
        urls.update(dict.fromkeys(clean_url(link) for link in listed))
    return list(urls)


def verify(conn: sqlite3.Connection, site: str | None = None) -> Report:
    urls = expected_post_urls(conn, site)
    report = Report(expected=len(urls))
    for url, outcome in url_outcomes(conn, urls).items():
        if outcome["article"]:
            report.archived += 1
            report.gone += outcome["gone_at"] is not None
        elif outcome.get("kind") not in (None, "error", "empty", "non-html"):
            report.not_posts += 1
        else:
            report.missing.append((url, outcome.get("error") or _why(outcome.get("kind"))))
    report.unfinished_jobs = unfinished_jobs(conn)
    report.given_up = given_up(conn, site)
    return report


def _why(kind: str | None) -> str:
    return "never fetched (out of scope, over the page limit, or the crawl stopped first)" if kind is None else kind
