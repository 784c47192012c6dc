"""Extraction, pure (no Scrapy, no SQLite): extract(html, url) -> Article and the finders it runs on one lxml tree,
one concern per module; evaluation.py scores it on the fixtures (`blogarchive eval`; real pages: crawler/evaluation).
"""
