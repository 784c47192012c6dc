"""Extraction, pure (no Scrapy, no SQLite): extract(html, url) -> Article and the finders it runs on one lxml tree,
one concern per module; evaluation.py and realpages.py score it (`blogarchive eval`)."""
