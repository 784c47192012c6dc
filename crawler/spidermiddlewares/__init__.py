"""Spider middlewares (SPIDER_MIDDLEWARES), one per module, as Scrapy's own spidermiddlewares/ holds theirs: the
errors a callback raises. Their order, and why, is in crawler/settings.py."""
