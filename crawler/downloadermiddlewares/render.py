"""RenderMiddleware: a page that needs a browser is rendered in Chromium before the spider sees it (RENDER).

It owns rendering, between the downloader and the spider: its process_response gets each page's raw response
(decoded, redirects followed) and, with RENDER = "auto" when crawler/rendering/detect.py says the HTML is not the
page (a shell, a script-built platform, a listing that grows by script, comments a script loads …) or with
"always" for every page — and a 404 whose page is an app's shell, a static host's fallback for an app's routes —,
hands back a `RenderedResponse`: the DOM the browser built, as UTF-8 HTML, which the spider
reads for links and the pipeline extracts, carrying the raw body (kept in the archive beside it), why it was
rendered, the URLs the page's router pushed, and a screenshot when RENDER_SCREENSHOTS is on. Static pages pass
through untouched: no browser is started until a page needs one.

Every request the browser makes goes through Scrapy's downloader (`engine.download_async`, as Scrapy's own
robots.txt middleware fetches): the scope guard and the resolver's address rules apply to it (no link-local or
metadata address, loopback and private ones only as the start URLs allow), robots.txt, cookies per origin, and the
WARC middleware records it (`via` the page). Hosts other than the crawl's must match RENDER_HOSTS and not
RENDER_DENY_HOSTS (crawler/capture/hosts.py); another origin on a loopback or private address must be named there
(a `*` does not reach it): a page's script must not probe the machine's other ports. Redirects are handed to the
browser, which asks again for the new URL through the same route.

With RENDER = "never", or when rendering fails (a timeout, a browser crash that a second try does not get past, no
Chromium), the raw response goes on with `NEEDS_BROWSER` in its meta saying why: the pipeline records that as the
page's crawl error, so the loss is on record, never silent.
"""

from __future__ import annotations

import hashlib
import logging
from collections import OrderedDict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import HtmlResponse, Request, Response, TextResponse

from crawler.capture.hosts import HostRules
from crawler.discovery.app_routes import docsify_source_status, is_route, route_page
from crawler.discovery.feeds import starts_as_feed
from crawler.discovery.sitemaps import starts_as_sitemap
from crawler.downloadermiddlewares.scope_guard import MEDIA, address_kind, resolve
from crawler.downloadermiddlewares.warc import VIA
from crawler.errors import BrowserLost, BrowserUnavailable
from crawler.rendering import RENDER_MODES
from crawler.rendering.detect import loads_docsify, names_static_generator, needs_browser

logger = logging.getLogger(__name__)

NEEDS_BROWSER = "blogarchive_needs_browser"  # request.meta: why the page needed a browser it did not get
BROWSER_REQUEST = "blogarchive_browser_request"  # request.meta: a request a rendered page made
_CACHED_TYPES = {"script", "stylesheet", "font", "image"}
CACHE_BYTES = 32 * 1024 * 1024  # static subresources kept for the next pages that ask for them


class RenderedResponse(HtmlResponse):
    """The page as the browser shows it (`body`), with what the server sent (`raw_body`)."""

    attributes: tuple[str, ...] = (*HtmlResponse.attributes, "raw_body", "render_reason", "routes", "screenshot")

    def __init__(
        self,
        *args: Any,
        raw_body: bytes = b"",
        render_reason: str = "",
        routes: list[str] | None = None,
        screenshot: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.raw_body = raw_body
        self.render_reason = render_reason
        self.routes = routes or []
        self.screenshot = screenshot  # the PNG's file name in RENDER_SCREENSHOTS, or None


class RenderMiddleware:
    def __init__(self, crawler: Any, mode: str) -> None:
        self.crawler = crawler
        self.mode = mode
        settings = crawler.settings
        self.stats = crawler.stats
        self.hosts = HostRules(settings.getlist("RENDER_HOSTS"), settings.getlist("RENDER_DENY_HOSTS"))
        self.named_hosts = HostRules([p for p in settings.getlist("RENDER_HOSTS") if p.strip() != "*"])
        self.screenshots = Path(settings.get("RENDER_SCREENSHOTS")) if settings.get("RENDER_SCREENSHOTS") else None
        self.options: Any = None  # crawler/rendering/page.py's RenderOptions, once a page needs the browser
        self.chromium: Any = None
        self.unavailable: str | None = None  # why no browser could be started: every page that needs one says so
        self.address_kinds: dict[str, str | None] = {}
        self.generated_sites: set[str] = set()  # hosts a page of which named a static site generator
        self.cache: OrderedDict[str, Any] = OrderedDict()
        self.cached_bytes = 0

    @classmethod
    def from_crawler(cls, crawler: Any) -> RenderMiddleware:
        mode = crawler.settings.get("RENDER", "auto")
        if mode not in RENDER_MODES:
            raise NotConfigured(f"RENDER must be one of {', '.join(RENDER_MODES)}, not {mode!r}")
        middleware = cls(crawler, mode)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    async def spider_closed(self) -> None:
        if self.chromium is not None:
            self.stats.set_value("blogarchive/render_browser_starts", self.chromium.launches)
            await self.chromium.close()

    async def process_response(self, request: Request, response: Response) -> Response:
        if not request.meta.get("page") or not _is_html(response):
            return response
        if response.status == 404:
            return await self._app_route(request, response)
        if response.status != 200:
            return response
        if is_route(request.url):  # the shell every route shares: only the browser shows the route's page
            reason = f"a route of a script-routed app (#{urlsplit(request.url).fragment})"
        else:
            reason = self._why_render(response) if self.mode != "always" else "--render always"
        if reason is None:
            return response
        if self.mode == "never":
            request.meta[NEEDS_BROWSER] = f"the page needs a browser ({reason}); crawl with --render auto"
            self.stats.inc_value("blogarchive/render_needed")
            return response
        return await self._rendered(request, response, reason)

    async def _app_route(self, request: Request, response: Response) -> Response:
        """A 404 whose page is an app's shell: a static host's fallback for a single-page app's routes. GitHub Pages
        answers every path it has no file for with the site's 404.html, and an app built for it makes that page its
        own shell (angular-cli-ghpages copies index.html there, SvelteKit's static adapter writes `fallback:
        '404.html'`, Vue's and React's guides `cp index.html 404.html`): a browser shows the route's page, under
        HTTP 404. Rendered, it is that page (status 200, its reason saying the host answered 404); a page whose
        404 is no shell stays a 404, and so does one the browser could not render."""
        reason = self._why_render(response) if self.mode != "never" else None
        if reason is None or not reason.startswith("a shell"):
            return response
        reason = f"the host's 404 page is an app's shell, which shows the route ({reason})"
        rendered = await self._rendered(request, response, reason)
        return rendered.replace(status=200) if isinstance(rendered, RenderedResponse) else response

    def _why_render(self, response: Response) -> str | None:
        """needs_browser() of the page, told whether a page of its site seen before named a static site generator:
        Hugo names itself in the home page's `<meta name="generator">` only, and a Hugo theme's section list, of a
        few posts beside its inline code, is no shell on that account (Stack's)."""
        site = urlsplit(response.url).netloc.lower()
        if site not in self.generated_sites and names_static_generator(response.body):
            self.generated_sites.add(site)
        return needs_browser(response.body, site_generated=site in self.generated_sites)

    async def _rendered(self, request: Request, response: Response, reason: str) -> Response:
        from playwright.async_api import Error as PlaywrightError

        from crawler.rendering.page import render

        if self.unavailable is not None:
            return self._not_rendered(request, response, reason, self.unavailable)
        document = _document(response, route_page(response.url, request.url))
        answered: dict[str, int] = {}  # URL → status of each request the page made
        for attempt in (1, 2):
            try:
                chromium = self._chromium()
                rendered = await render(chromium, document, self._fetcher(request, answered), self.options)
            except BrowserUnavailable as exc:
                self.unavailable = str(exc)
                logger.error("%s", exc)
                return self._not_rendered(request, response, reason, str(exc))
            except BrowserLost as exc:
                if attempt == 1:
                    logger.warning("%s: the browser failed (%s); trying again in a new one", response.url, exc)
                    self.stats.inc_value("blogarchive/render_retries")
                    continue
                return self._not_rendered(request, response, reason, f"the browser failed: {exc}")
            except TimeoutError:
                return self._not_rendered(request, response, reason, f"rendering took over {self.options.timeout:g} s")
            except PlaywrightError as exc:
                message = str(exc).splitlines()[0]
                return self._not_rendered(request, response, reason, f"the browser failed: {message}")
            break
        self.stats.inc_value("blogarchive/render_pages")
        logger.info("%s: rendered (%s); %s", response.url, reason, rendered.actions or "no behaviour needed")
        if (gone := _gone_route(document.url, response.body, answered)) is not None:
            return response.replace(url=document.url, status=gone)  # the spider records it gone, as any 404
        headers = response.headers.copy()
        for name in ("Content-Encoding", "Content-Length", "Content-Type"):
            headers.pop(name, None)
        headers["Content-Type"] = "text/html; charset=utf-8"
        return RenderedResponse(
            url=document.url,
            status=response.status,
            headers=headers,
            body=rendered.html.encode("utf-8"),
            encoding="utf-8",
            request=request,
            flags=[*response.flags, "rendered"],
            ip_address=response.ip_address,
            protocol=response.protocol,
            raw_body=response.body,
            render_reason=reason,
            routes=rendered.routes,
            screenshot=self._save_screenshot(response.url, rendered.screenshot),
        )

    def _not_rendered(self, request: Request, response: Response, reason: str, failure: str) -> Response:
        """The raw response goes on, with why it needed a browser and what went wrong: a crawl error."""
        request.meta[NEEDS_BROWSER] = f"the page needs a browser ({reason}) and was not rendered: {failure}"
        self.stats.inc_value("blogarchive/render_failed")
        return response

    def _chromium(self) -> Any:
        if self.chromium is None:
            from crawler.rendering.browser import Chromium, chromium_path
            from crawler.rendering.page import RenderOptions

            settings = self.crawler.settings
            scope = self.crawler.spider.scope
            self.options = RenderOptions(
                timeout=settings.getfloat("RENDER_TIMEOUT"),
                behaviour_time=settings.getfloat("RENDER_BEHAVIOUR_TIME"),
                behaviour_steps=settings.getint("RENDER_BEHAVIOUR_STEPS"),
                screenshot=self.screenshots is not None,
                same_site=scope.contains_host,
            )
            self.chromium = Chromium(
                chromium_path(settings.get("RENDER_CHROMIUM")),
                pages_at_once=settings.getint("RENDER_PAGES"),
                restart_after=settings.getint("RENDER_RESTART_PAGES"),
                user_agent=settings.get("USER_AGENT"),
            )
        return self.chromium

    def _fetcher(self, page: Request, answered: dict[str, int]) -> Any:
        """The page's fetch: each answer's status noted in `answered`."""

        async def fetch(browser_request: Any) -> Any:
            exchange = await self._fetch(page, browser_request)
            if exchange is not None:
                answered[browser_request.url] = exchange.status
            return exchange

        return fetch

    async def _fetch(self, page: Request, wanted: Any) -> Any:
        from crawler.rendering.page import Exchange

        self.stats.inc_value("blogarchive/render_requests")
        if (refusal := self._refusal(wanted.url)) is not None:
            logger.info("%s: the browser's request for %s refused: %s", page.url, wanted.url, refusal)
            self.stats.inc_value("blogarchive/render_refused")
            return None
        cacheable = wanted.method == "GET" and wanted.resource_type in _CACHED_TYPES
        if cacheable and wanted.url in self.cache:
            self.cache.move_to_end(wanted.url)
            return self.cache[wanted.url]
        request = Request(
            wanted.url,
            method=wanted.method,
            headers=wanted.headers,
            body=wanted.body,
            dont_filter=True,
            meta={
                MEDIA: True,  # another host is fine (RENDER_HOSTS said so); the address rules still apply
                VIA: page.url,
                BROWSER_REQUEST: True,
                "dont_redirect": True,  # the browser follows redirects itself, through this same route
                "handle_httpstatus_all": True,
            },
        )
        try:
            response = await self.crawler.engine.download_async(request)
        except IgnoreRequest as exc:  # the scope guard, robots.txt
            logger.info("%s: the browser's request for %s refused: %s", page.url, wanted.url, exc)
            self.stats.inc_value("blogarchive/render_refused")
            return None
        except Exception as exc:
            logger.info("%s: the browser's request for %s failed: %s", page.url, wanted.url, exc)
            self.stats.inc_value("blogarchive/render_requests_failed")
            return None
        exchange = Exchange(response.url, response.status, _header_pairs(response), response.body)
        if cacheable and response.status == 200:
            self._remember(wanted.url, exchange)
        return exchange

    def _refusal(self, url: str) -> str | None:
        """Why the browser may not ask `url`, by host (the address rules are the scope guard's), or None."""
        spider = self.crawler.spider
        if spider.scope.contains_host(url):
            return None
        if not self.hosts.allows(url):
            return "its host is not in RENDER_HOSTS (or is in RENDER_DENY_HOSTS)"
        host = (urlsplit(url).hostname or "").lower()
        if host not in self.address_kinds:
            kinds = {address_kind(address) for address in resolve(host)}
            self.address_kinds[host] = next((k for k in ("loopback", "private") if k in kinds), None)
        kind = self.address_kinds[host]
        if kind is not None and not self.named_hosts.allows(url):
            return f"another origin on a {kind} address, not named in RENDER_HOSTS"
        return None

    def _remember(self, url: str, exchange: Any) -> None:
        self.cache[url] = exchange
        self.cached_bytes += len(exchange.body)
        while self.cached_bytes > CACHE_BYTES and self.cache:
            _, dropped = self.cache.popitem(last=False)
            self.cached_bytes -= len(dropped.body)

    def _save_screenshot(self, url: str, png: bytes | None) -> str | None:
        if png is None or self.screenshots is None:
            return None
        name = hashlib.sha256(url.encode()).hexdigest()[:32] + ".png"
        try:
            self.screenshots.mkdir(parents=True, exist_ok=True)
            (self.screenshots / name).write_bytes(png)
        except OSError as exc:
            logger.error("%s: screenshot not saved in %s: %s", url, self.screenshots, exc)
            return None
        return name


def _is_html(response: Response) -> bool:
    content_type = (response.headers.get("Content-Type") or b"").split(b";")[0].strip().lower()
    html = isinstance(response, TextResponse) and content_type in (b"text/html", b"application/xhtml+xml")
    # a feed or sitemap a static host calls text/html (items.py)
    return html and not starts_as_feed(response.body) and not starts_as_sitemap(response.body)


def _gone_route(url: str, shell: bytes, answered: dict[str, int]) -> int | None:
    """404 or 410 where `url` is a Docsify route whose Markdown file answered so (app_routes.docsify_source_status):
    its page is Docsify's "not found" view under HTTP 200, and the post it named gone; else None."""
    if not is_route(url) or not loads_docsify(shell):
        return None
    status = docsify_source_status(url, answered)
    return status if status in (404, 410) else None


def _document(response: Response, url: str) -> Any:
    """The response the browser is handed for the page at `url` (the response's, or a route of its document)."""
    from crawler.rendering.page import Exchange

    return Exchange(url, response.status, _header_pairs(response), response.body)


def _header_pairs(response: Response) -> list[tuple[str, str]]:
    return [
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, values in response.headers.items()
        for value in values
    ]
