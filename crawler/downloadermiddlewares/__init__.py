"""Downloader middlewares (DOWNLOADER_MIDDLEWARES), one per module, as Scrapy's own downloadermiddlewares/ holds
theirs: scope, conditional GET, retries, redirects, cookies and credentials per origin, WARC recording. Their order,
and why, is in crawler/settings.py."""
