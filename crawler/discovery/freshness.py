"""What the archive already holds, so a recrawl fetches only what may have changed.

A post listed in a sitemap with a <lastmod> earlier than its last fetch is skipped without a request (a lastmod in
the second of the fetch may still be later than it: fetch times are kept to the second). Posts
the archive holds that this crawl never reached (gone from sitemaps, feeds and listings) are revisited at the
end, so edits and deletions (404/410) are still seen.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, time

from crawler.discovery.app_routes import page_address


def parse_when(text: str | None, *, end_of_day: bool = False) -> datetime | None:
    """An ISO 8601 date or date-time as an aware datetime (UTC when no zone). A bare date means the whole day:
    with `end_of_day` its last moment, so a post changed later that same day still counts as changed."""
    if not text:
        return None
    text = text.strip()
    try:
        if len(text) == 10:
            day = datetime.fromisoformat(text).date()
            return datetime.combine(day, time.max if end_of_day else time.min, UTC)
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class ArchivedPosts:
    def __init__(self, fetched: dict[str, str], uncaptured: Iterable[str] = ()) -> None:
        """`fetched`: URL → last fetch of each archived post. `uncaptured`: those the crawl's WARC folder holds no
        response of, which it fetches whatever a sitemap says (crawler/downloadermiddlewares/warc.py)."""
        self.fetched = {page_address(url): when for url, when in fetched.items()}
        self.uncaptured = {page_address(url) for url in uncaptured}
        self.reached: set[str] = set()
        self.unchanged_urls: set[str] = set()
        self.changed_urls: set[str] = set()  # a sitemap or feed dated a change after the last fetch

    def reach(self, url: str) -> None:
        self.reached.add(page_address(url))

    def unchanged(self, url: str, lastmod: str | None) -> bool:
        """True (and counted as reached) when the sitemap says the post has not changed since we fetched it.

        A later date for a post another sitemap or feed declared unchanged takes it back: a site's feeds are not all
        rebuilt at each edit (Movable Type republishes the feed of the blog whose post changed, not its website's,
        which lists the blog's posts too), and the first one read must not hide an edit the next one dates; nor may
        one read after it."""
        url = page_address(url)
        if url in self.uncaptured or url in self.changed_urls:
            return False
        changed = parse_when(lastmod, end_of_day=True)
        last_fetch = parse_when(self.fetched.get(url))
        if changed is None or last_fetch is None:
            return False
        if changed >= last_fetch:
            self.changed_urls.add(url)
            self.recheck(url)
            return False
        self.reached.add(url)
        self.unchanged_urls.add(url)
        return True

    def commented_since(self, url: str, posted: str | None) -> bool:
        """A comment posted at `posted` on the archived post at `url` (a comment feed's item) is later than the post's
        last fetch: its page has changed whatever a sitemap says."""
        posted_at, last_fetch = parse_when(posted), parse_when(self.fetched.get(page_address(url)))
        return posted_at is not None and last_fetch is not None and posted_at > last_fetch

    def recheck(self, url: str) -> None:
        """The post at `url` is fetched after all, though a sitemap or feed declared it unchanged."""
        self.unchanged_urls.discard(page_address(url))

    @property
    def skipped(self) -> int:
        return len(self.unchanged_urls)

    def known_unchanged(self, url: str) -> bool:
        """Declared unchanged by a sitemap already: a link to it need not be followed either."""
        return url in self.unchanged_urls or page_address(url) in self.unchanged_urls

    def not_reached(self) -> list[str]:
        return [url for url in self.fetched if url not in self.reached]
