"""Scrapy extensions (EXTENSIONS), one per module: the live progress display and the crawl process's
garbage-collector tuning."""
