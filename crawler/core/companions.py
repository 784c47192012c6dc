"""What the archive holds of a post besides its page: the parts of a split post, the answers about its comments
that a crawl fetched with it and its WordPress REST API entry (archive/pages.py: PART, COMMENTS_API, POST_API).
`reextract` builds the post from them without the network, and a recrawl that asks only a post's comments again
(its page unchanged) builds it from its parts and entry."""

from __future__ import annotations

from archive import Archive
from archive.pages import COMMENTS_API, PART, POST_API
from crawler.discovery.comment_sources import comments_url, next_comments_pages, pages_prefix
from crawler.discovery.wordpress import rest_post_url, split_post_parts


def stored_parts(archive: Archive, url: str) -> list[tuple[str, bytes]]:
    """(url, body) of the stored pages 2..N of the split post at `url`, in order."""
    stored = dict(archive.companions(PART, url))
    return [(part, stored[part]) for part in split_post_parts(list(stored), url, marked=True)]


def stored_entry(archive: Archive, body: bytes, url: str) -> bytes | None:
    """The stored REST API entry of the WordPress post at `url` (its page `body`), which dates it: the last kept."""
    entries = archive.companions(POST_API, entry_url) if (entry_url := rest_post_url(body, url)) else []
    return entries[-1][1] if entries else None


def stored_companions(
    archive: Archive, body: bytes, url: str
) -> tuple[list[tuple[str, bytes]], list[bytes], bytes | None]:
    """The parts of the split post at `url` (its page `body`), the pages of its comments its platform served apart
    from it (WordPress's REST API, Blogger's comment feed, Ghost's comments API and the replies it served apart, at
    addresses of their own), and its WordPress REST API entry."""
    parts, entry = stored_parts(archive, url), stored_entry(archive, body, url)
    if (first := comments_url(body, url)) is None:
        return parts, [], entry
    answers = archive.companions(COMMENTS_API, pages_prefix(first))
    for answer_url, answer in list(answers):
        for following in next_comments_pages(answer_url, answer, 0):
            if not following.startswith(pages_prefix(first)):
                answers += archive.companions(COMMENTS_API, following)
    return parts, [answer for _, answer in answers], entry
