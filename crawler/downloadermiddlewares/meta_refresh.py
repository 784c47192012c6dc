"""MetaRefreshMiddleware: Scrapy's, except that a refresh which goes nowhere else keeps its page.

Scrapy follows a `<meta http-equiv="refresh">` under METAREFRESH_MAXDELAY seconds as a redirect, and the page that
holds it is dropped. That is right for a Hugo alias or a jekyll-redirect-from stub, which say "moved" and nothing
else. It lost real pages in two cases, without a word:

- a refresh to the page's own address (`content="30; url=<itself>"`, a page that reloads itself) or back into its
  redirect chain: the hop is a URL the frontier has seen, so it was dropped as a duplicate, and the page with it;
- a refresh to an address urllib cannot read (a bracket left open, a port out of range): Scrapy's parser raised
  ValueError and the page became the crawl error "ValueError: Invalid IPv6 URL".

Such a refresh is not a redirect: the page is kept as it was served, as a browser shows it until the refresh.

A refresh page that names its target as its rel=canonical (Hugo's alias page, jekyll-redirect-from's) says the page
moved for good, as a 301 does: its hop's cause is CANONICAL_REFRESH, not Scrapy's "meta refresh"
(crawler/core/moves.py).
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware as ScrapyMetaRefreshMiddleware
from scrapy.http import HtmlResponse, Request, Response
from scrapy.settings import BaseSettings
from scrapy.utils.response import get_meta_refresh

from crawler.core.moves import CANONICAL_REFRESH
from crawler.urls import clean_url

logger = logging.getLogger(__name__)


class MetaRefreshMiddleware(ScrapyMetaRefreshMiddleware):
    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.ignore_tags = settings.getlist("METAREFRESH_IGNORE_TAGS")

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Request | Response:
        if isinstance(response, HtmlResponse) and not request.meta.get("dont_redirect"):
            try:
                _, target = get_meta_refresh(response, ignore_tags=self.ignore_tags)
            except ValueError as exc:
                logger.warning("%s: its meta refresh names an address no server can have (%s); kept", request.url, exc)
                return response
            chain = {clean_url(url) for url in (*request.meta.get("redirect_urls", []), request.url, response.url)}
            if target and clean_url(target) in chain:
                return response
            redirected = super().process_response(request, response)
            if isinstance(redirected, Request) and target and _names_canonical(response, target):
                redirected.meta["redirect_reasons"] = [*redirected.meta["redirect_reasons"][:-1], CANONICAL_REFRESH]
            return redirected
        return super().process_response(request, response)


def _names_canonical(response: HtmlResponse, target: str) -> bool:
    """The refresh page's rel=canonical is the address it refreshes to."""
    canonical = response.xpath("//link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]/@href").get()
    return canonical is not None and clean_url(response.urljoin(canonical.strip())) == clean_url(target)
