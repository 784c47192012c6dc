"""Which redirects move a post: what a crawl tells the archive of a page it reached through redirects.

Blogs move posts and leave a redirect behind: WordPress answers an edited slug's old address with a 301
(wp_old_slug_redirect) and the addresses of an earlier permalink structure with one too (redirect_canonical,
redirect_guess_404_permalink); Hugo's `aliases:` and jekyll-redirect-from leave a page at the old path that refreshes
to the new one and names it as its rel=canonical. Such a redirect says "moved for good", and the archive moves the
post's row there (archive/moves.py). A 302 or 307 says "elsewhere for now" (a maintenance page, a language chosen by
cookie, a login), and a refresh page that names no canonical, or another one, may be a splash or a countdown: they
move nothing.

Scrapy's RedirectMiddleware notes each hop's cause in `meta["redirect_reasons"]` (the status, or "meta refresh");
MetaRefreshMiddleware (crawler/downloadermiddlewares/meta_refresh.py) writes CANONICAL_REFRESH for a refresh page
that names its target as canonical.

A blog that changes its permalink structure may leave no redirect: the old addresses answer 404. The post is known
at its new address by its platform's own identity then (WordPress's ID: crawler/extraction/identity.py), and the
archive records how it moved as `same_post` words it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

CANONICAL_REFRESH = "meta refresh (canonical)"  # a refresh page naming its target as its rel=canonical
PERMANENT = ("301", "308", CANONICAL_REFRESH)
_THEN = " then "


def redirected_from(meta: Mapping[str, Any]) -> tuple[str, str] | None:
    """(the address the request started at, its hops' causes: "301", "302 then 301", "meta refresh (canonical)")
    for a response reached through redirects; None for one fetched where it was asked for."""
    chain = meta.get("redirect_urls") or []
    if not chain:
        return None
    return chain[0], _THEN.join(str(reason) for reason in meta.get("redirect_reasons") or ())


def is_permanent(redirect: str) -> bool:
    """Every hop of `redirect` (redirected_from's causes) said the page moved for good."""
    return bool(redirect) and all(hop in PERMANENT for hop in redirect.split(_THEN))


def same_post(status: int | None, platform_id: str) -> str:
    """How a post moved whose old address answered `status` (404, 410; None where it went in an earlier crawl) and
    whose page states the identity `platform_id` at its new address: "404, the same post https://site/?p=12"."""
    return f"{status or 'gone'}, the same post {platform_id}"
