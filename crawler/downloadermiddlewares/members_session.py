"""MembersSessionMiddleware: a members-only crawl's session (crawler/members/session.py: `--cookies`, `--header`)
sent to the crawl's own origins only, and never kept anywhere.

The cookies seed the cookie jar of each origin that has some, on the first request to it: OriginCookiesMiddleware
(700, just after this one; Scrapy's CookiesMiddleware, extended) takes them from `Request.cookies` into the origin's
jar, which it keeps for the whole crawl for a request that carries the session (`SESSION`), and sends them on every
request to that origin — and keeps what the site sets in their place, so a session the site renews stays renewed.
The extra headers are set on every request to those origins.

A link that acts rather than shows (crawler/members/addresses.py: a sign-out, the admin area, a WordPress action
link) is not fetched at all on those origins: a sign-out would end the session, an admin link may change the blog.
It is skipped (NotNeeded), not an error.

What goes back to the scheduler carries none of it: the request's cookies, its Cookie header and the extra headers
are taken off again as its response (or failure) passes here, before RedirectMiddleware (600) or RetryMiddleware
(550) build a new request from it — the frontier, on disk, never holds them. While the request is out, its meta
`SESSION` names the headers the WARC records of this exchange leave out (WarcMiddleware, 950).
"""

from __future__ import annotations

from typing import Any

from scrapy.http import Request, Response

from crawler.failures import NotNeeded
from crawler.members.addresses import acting_link
from crawler.members.session import Origin, Session
from crawler.urls import origin

# request.meta: the (lowercase) names of the headers that carry the session, for the WARC writer to leave out.
SESSION = "blogarchive_session"


class MembersSessionMiddleware:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.seeded: set[Origin] = set()  # origins whose cookie jar has the file's cookies

    @classmethod
    def from_crawler(cls, crawler: Any) -> MembersSessionMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        session: Session | None = getattr(self.crawler.spider, "session", None)
        place = origin(request.url)
        if session is None or place not in session.origins:
            return
        if (action := acting_link(request.url, redirected="redirect_urls" in request.meta)) is not None:
            raise NotNeeded(f"not fetched with the members' session: {action}")
        cookies = session.cookies.get(place, ())
        request.meta[SESSION] = (*session.header_names, *(("cookie",) if cookies else ()))
        for name, value in session.headers:
            request.headers[name] = value
        if cookies and place not in self.seeded:
            self.seeded.add(place)
            request.cookies = [_as_request_cookie(cookie, place) for cookie in cookies]

    def process_response(self, request: Request, response: Response) -> Response:
        _take_back(request)
        return response

    def process_exception(self, request: Request, exception: BaseException) -> None:
        _take_back(request)


def _take_back(request: Request) -> None:
    names = request.meta.pop(SESSION, None)
    if names is None:
        return
    for name in names:
        request.headers.pop(name, None)
    request.cookies = {}


def _as_request_cookie(cookie: Any, place: Origin) -> dict[str, Any]:
    """A cookies.txt cookie as Scrapy's Request.cookies takes it: a host-only cookie stays host-only."""
    entry = {"name": cookie.name, "value": cookie.value, "path": cookie.path, "secure": cookie.https_only}
    if cookie.subdomains:
        entry["domain"] = "." + cookie.domain
    return entry
