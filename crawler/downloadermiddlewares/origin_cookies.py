"""OriginCookiesMiddleware: a site's cookies live for one visit of one page, and go back only to the origin that set
them. In place of Scrapy's CookiesMiddleware (700), which it extends.

Scrapy's CookiesMiddleware keeps one cookie jar for the whole crawl, and cookies, by their rules, ignore the port and
may name a parent domain: a session cookie the blog at 127.0.0.1:8001 set was sent to 127.0.0.1:8002, and one a blog
set for `.example.org` to every image host under it. Here a jar belongs to one origin (scheme, host, port), so a
cookie is only ever sent to the origin whose response set it — a redirect hop to another origin included.

And a jar lasts one visit: a page's redirect hops (a site that sets a cookie and sends the visitor back to the same
address still gets it), or the requests a rendered page's browser makes (`VIA` the page). The next page starts
without cookies, as a first visitor: what an address archives must not depend on which pages the crawl fetched
before it. A multilingual site remembers the language of the last page read in a cookie (qTranslate-XT's
`qtrans_front_language`, Polylang's `pll_language`, WPML's `_icl_current_language`) and redirects its default
language's addresses to that language's (`/post/` to `/en/post/`): with one jar for the crawl, which posts were
stored at which address changed from run to run, and posts listed at their own address were never fetched there.

A members-only crawl's session (MembersSessionMiddleware, 695, marks its requests) keeps one jar per origin for the
whole crawl: the session must last, and the site may renew it (a new `Set-Cookie`).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from scrapy.downloadermiddlewares.cookies import CookiesMiddleware
from scrapy.http import Request, Response
from scrapy.http.cookies import CookieJar

from crawler.downloadermiddlewares.members_session import SESSION
from crawler.downloadermiddlewares.render import BROWSER_REQUEST
from crawler.downloadermiddlewares.warc import VIA
from crawler.urls import origin

# Jars of visits under way (a rendered page's, whose end this middleware does not see, among them); past this many,
# the oldest is dropped. Far more than the requests in flight at once (CONCURRENT_REQUESTS).
RECENT_VISITS = 1024
_REDIRECTS = {301, 302, 303, 307, 308}


class _RecentJars(OrderedDict):
    """Scrapy's `jars` (a defaultdict of CookieJar), holding the newest RECENT_VISITS jars only."""

    def __missing__(self, key: Any) -> CookieJar:
        jar = self[key] = CookieJar()
        while len(self) > RECENT_VISITS:
            self.popitem(last=False)
        return jar


class OriginCookiesMiddleware(CookiesMiddleware):
    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self.jars = _RecentJars()

    def process_request(self, request: Request) -> Request | Response | None:
        request.meta["cookiejar"] = _jar_key(request)
        return super().process_request(request)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        response = super().process_response(request, response)
        if not _visit_goes_on(request, response):
            self._end_visit(request)
        return response

    def process_exception(self, request: Request, exception: BaseException) -> None:
        self._end_visit(request)

    def _end_visit(self, request: Request) -> None:
        key = request.meta.get("cookiejar")
        if isinstance(key, tuple):  # a visit's own jar, not a members' session's
            self.jars.pop(key, None)


def _jar_key(request: Request) -> str | tuple[str, str]:
    """The origin's jar for a members' session; else the origin's jar of this visit: the page the browser request
    was made for, or the address the redirect chain started at."""
    place = "{}://{}:{}".format(*origin(request.url))
    if SESSION in request.meta:
        return place
    if request.meta.get(BROWSER_REQUEST):
        return place, request.meta.get(VIA, "")
    return place, request.meta.get("redirect_urls", [request.url])[0]


def _visit_goes_on(request: Request, response: Response) -> bool:
    """A redirect RedirectMiddleware (600) will follow, or a rendered page's request (its page may ask more)."""
    if request.meta.get(BROWSER_REQUEST):
        return True
    redirects = response.status in _REDIRECTS and b"Location" in response.headers
    return redirects and not request.meta.get("dont_redirect", False)
