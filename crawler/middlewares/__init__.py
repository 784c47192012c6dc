"""Downloader and spider middlewares (DOWNLOADER_MIDDLEWARES, SPIDER_MIDDLEWARES), one per module, as Scrapy's
downloadermiddlewares/ and spidermiddlewares/ hold theirs; crawler/settings.py gives their order and why."""
