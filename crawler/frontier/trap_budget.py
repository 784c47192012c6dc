"""Trap budgets: pages found by links that keep coming and are not posts are cut off, per URL pattern and per host.

An endless `?page=N`, a calendar's `/events/N/` and ever-new query strings are crawler traps: each page links the
next, and the crawl went on for as long as it ran (9,316 and 6,214 requests in 60 s). A URL's pattern is its host,
its path with every run of digits as N and its query's parameter names (values dropped):
`/events/2024/05/?view=month&day=3` is `/events/N/N/?day&view`. Each page a link led to that turned out not to be
a post (a listing, another page, an error) counts against its pattern and its host; a post counts against
neither, so a blog whose posts are `/?p=N` or `/archives/N` is never cut. Once a pattern has had
TRAP_PATTERN_PAGES such pages, or a host TRAP_HOST_PAGES, the links of that pattern (that host) are no longer
followed; pages a sitemap or feed lists, start URLs and archived posts are never cut. Each cut-off is one
crawl_errors row at the end of the crawl (the first URL cut, how many were cut and which budget), and the run's
summary counts the URLs cut. The scheduler spends the budgets as it hands out pages found by links; what those
pages turn out to be and link to reaches the budgets by signals (`trap_budget()`).

Several paginations on one page multiply: WordPress's query-loop blocks each page with a parameter of their own
(`?query-1-page=2&query-2-page=5`), and every combination of their pages is a page, all of one pattern, none a post.
A link combining more than TRAP_COMBINED_PAGINATIONS pagination parameters (`page`, `paged`, `query-N-page`, and
any `…-page` or `…_page`) is not followed: each pagination alone still reaches all its pages.

A trap often shows the same things on every page: an endless `?page=N` repeating the same posts, a calendar whose
empty months link only other months. Such a pattern stops long before its budget, once TRAP_STALE_PAGES of its
pages in a row (that were no posts) linked nothing that no earlier page of the pattern had linked, not counting
links of the pattern itself (the next `?page=N`s). A real pagination's every page lists other posts, so it is never
stale, whether the crawl had those posts from a sitemap already or not.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from crawler.core.per_crawler import per_crawler
from crawler.core.signals import links_found, page_settled

TRAP = "blogarchive_trap_checked"  # request.meta key: a page found by a link, subject to the budgets
_DIGITS = re.compile(r"\d+")
_PAGINATION = re.compile(r"^(?:page|paged|pg|.+[-_]page)$", re.IGNORECASE)


def url_pattern(url: str) -> tuple[str, str]:
    """(host, pattern) of a URL: see the module docstring."""
    parts = urlsplit(url)
    names = sorted({_DIGITS.sub("N", name) for name, _ in parse_qsl(parts.query, keep_blank_values=True)})
    query = "?" + "&".join(names) if names else ""
    return parts.netloc.lower(), _DIGITS.sub("N", parts.path or "/") + query


@dataclass
class Cut:
    what: str  # "URLs like HOST/PATTERN", "URLs on HOST"
    first_url: str
    budget: str  # the setting whose budget was spent
    urls: int = 0


def paginations(url: str) -> int:
    """How many pagination parameters the URL's query combines (page, paged, query-N-page, …-page)."""
    return sum(bool(_PAGINATION.match(name)) for name, _ in parse_qsl(urlsplit(url).query, keep_blank_values=True))


@dataclass
class TrapBudget:
    per_pattern: int  # 0: no limit
    per_host: int
    combined_paginations: int = 0  # 0: no limit
    # Pages a link led to that were fetched and not (yet) found to be posts, by (host, pattern) and by host: a page
    # counts when the scheduler hands it out and is taken off again when it turns out to be a post, so pages still
    # waiting for extraction count too and a trap stops at its budget, not at its budget plus the backlog.
    not_posts: Counter[tuple[str, str]] = field(default_factory=Counter)
    host_not_posts: Counter[str] = field(default_factory=Counter)
    taken: dict[str, tuple[str, str]] = field(default_factory=dict)  # URL handed out → its (host, pattern)
    redirected: dict[str, str] = field(default_factory=dict)  # a redirect hop's URL → the URL handed out
    cuts: dict[str, Cut] = field(default_factory=dict)  # Cut.what → its cut-off
    stale_pages: int = 0  # 0: no limit
    # The links out of each pattern its pages showed (as hashes), whether a page's links brought something new (until
    # the page is settled), and how many pages of each pattern in a row were no posts and brought nothing new.
    shown: dict[tuple[str, str], set[int]] = field(default_factory=dict)
    fresh: dict[str, bool] = field(default_factory=dict)
    stale: Counter[tuple[str, str]] = field(default_factory=Counter)

    def allows(self, url: str) -> bool:
        """Whether a page found by a link at `url` may be fetched; a refusal is counted in its cut-off."""
        host, pattern = url_pattern(url)
        if self.combined_paginations and paginations(url) > self.combined_paginations:
            self._cut(f"URLs like {host}{pattern}", url, "TRAP_COMBINED_PAGINATIONS")
            return False
        if self.stale_pages and self.stale[host, pattern] >= self.stale_pages:
            self._cut(f"URLs like {host}{pattern}", url, "TRAP_STALE_PAGES")
            return False
        if self.per_pattern and self.not_posts[host, pattern] >= self.per_pattern:
            self._cut(f"URLs like {host}{pattern}", url, "TRAP_PATTERN_PAGES")
            return False
        if self.per_host and self.host_not_posts[host] >= self.per_host:
            self._cut(f"URLs on {host}", url, "TRAP_HOST_PAGES")
            return False
        return True

    def take(self, url: str) -> bool:
        """`allows()`, and the page counts against its budgets until `settled()` finds it a post."""
        if not self.allows(url):
            return False
        key = self.taken[url] = url_pattern(url)
        self.not_posts[key] += 1
        self.host_not_posts[key[0]] += 1
        return True

    def redirect(self, first_url: str, hop_url: str) -> None:
        """A page handed out was redirected: what `hop_url` turns out to be settles `first_url`'s count."""
        if first_url in self.taken:
            self.redirected[hop_url] = first_url

    def linked(self, url: str, links: list[str]) -> None:
        """The page at `url`, found by a link, links to `links` (all of them): whether it brought anything new to its
        pattern counts when it is settled."""
        if not self.stale_pages:
            return
        key = url_pattern(url)
        shown = self.shown.setdefault(key, set())
        before = len(shown)
        shown.update(hash(link) for link in links if url_pattern(link) != key)
        self.fresh[url] = len(shown) > before

    def settled(self, url: str, post: bool) -> None:
        """The page at `url` was fetched (or failed); a post takes its count back."""
        key = self.taken.pop(self.redirected.pop(url, url), None)
        if post and key is not None:
            self.not_posts[key] -= 1
            self.host_not_posts[key[0]] -= 1
        fresh = self.fresh.pop(url, None)
        if fresh is not None:  # a post, or a page that brought something new, ends a pattern's stale run
            pattern = url_pattern(url)
            self.stale[pattern] = 0 if post or fresh else self.stale[pattern] + 1

    @property
    def urls_cut(self) -> int:
        return sum(cut.urls for cut in self.cuts.values())

    def _cut(self, what: str, url: str, budget: str) -> None:
        self.cuts.setdefault(what, Cut(what, url, budget)).urls += 1

    def messages(self) -> list[tuple[str, str]]:
        """(first URL cut, what was cut and why) for each cut-off, for crawl_errors."""
        limits = {
            "TRAP_PATTERN_PAGES": self.per_pattern,
            "TRAP_HOST_PAGES": self.per_host,
            "TRAP_STALE_PAGES": self.stale_pages,
        }
        return [(cut.first_url, _message(cut, limits.get(cut.budget))) for cut in self.cuts.values()]


def _message(cut: Cut, limit: int | None) -> str:
    if limit is None:  # combined paginations
        return f"crawler trap cut off: {cut.urls} {cut.what} not crawled, combining paginations ({cut.budget})"
    if cut.budget == "TRAP_STALE_PAGES":
        return (
            f"crawler trap cut off: {cut.urls} {cut.what} not crawled, after {limit} pages in a row that linked"
            f" nothing new ({cut.budget})"
        )
    return (
        f"crawler trap cut off: {cut.urls} {cut.what} not crawled, after {limit} pages that were no posts"
        f" ({cut.budget})"
    )


def trap_budget(crawler: Any) -> TrapBudget:
    """This crawler's trap budgets, made by whichever component asks first and fed from then on by the signals of
    the components that learn what they count (crawler/core/signals.py): the spider's links_found and the archive
    pipeline's page_settled. The scheduler spends them (take, redirect); the pipeline reports the cut-offs."""
    return per_crawler(crawler, "trap_budget", lambda: _fed_budget(crawler))


def _fed_budget(crawler: Any) -> TrapBudget:
    settings = crawler.settings
    budget = TrapBudget(
        settings.getint("TRAP_PATTERN_PAGES"),
        settings.getint("TRAP_HOST_PAGES"),
        settings.getint("TRAP_COMBINED_PAGINATIONS"),
        stale_pages=settings.getint("TRAP_STALE_PAGES"),
    )
    crawler.signals.connect(budget.linked, signal=links_found)
    crawler.signals.connect(budget.settled, signal=page_settled)
    return budget
