"""Scrapy extensions (EXTENSIONS), one per module: the live progress display."""
