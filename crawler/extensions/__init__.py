"""Scrapy extensions (EXTENSIONS) and the stats collector (STATS_CLASS), one per module: the live progress display,
the crawl process's garbage-collector tuning, and Scrapy's stats collector without its per-access shim."""
