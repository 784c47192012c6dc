"""--max-pages (BLOG_MAX_PAGES): how many pages the crawl may still fetch. The frontier scheduler spends it as it
hands out requests, the spider reads it to stop queueing links once it is spent.

A page is an HTML page the crawl asks for (a start page, a post, a listing); robots.txt, sitemaps, feeds, images,
and the retries and redirect hops of a page already counted are free. A start URL is counted when it is handed
out and refunded when it turns out to be a sitemap or a feed.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request

from crawler.core.per_crawler import per_crawler


class PageBudget:
    def __init__(self, limit: int) -> None:
        self.limit = limit  # 0: no limit
        self.spent = 0

    @property
    def exhausted(self) -> bool:
        return bool(self.limit) and self.spent >= self.limit

    def admit(self, request: Request) -> bool:
        """Whether `request` may be fetched, spending one page on a new page. Once the budget is spent, only the
        retries and redirect hops of requests already under way go on: a sitemap or feed read then would only
        list pages that cannot be fetched."""
        if not self.limit or continues(request):
            return True
        if self.exhausted:
            return False
        if request.meta.get("page"):
            self.spent += 1
        return True

    def refund(self) -> None:
        """A start URL counted as a page turned out to be a sitemap or a feed."""
        if self.limit and self.spent:
            self.spent -= 1


def continues(request: Request) -> bool:
    """A retry or a redirect hop of a request handed out before."""
    return bool(request.meta.get("retry_times") or request.meta.get("redirect_times"))


def page_budget(crawler: Any) -> PageBudget:
    """This crawler's budget, made by whichever component asks first."""
    return per_crawler(crawler, "page_budget", lambda: PageBudget(crawler.settings.getint("BLOG_MAX_PAGES")))
