"""Functions the benchmark runs in other processes (importable, so spawn can find them)."""

from __future__ import annotations


def extract_words(args: tuple[bytes, str]) -> int:
    from crawler.extraction.extract import extract

    return extract(*args).word_count


def trafilatura_json(html: str, url: str) -> str | None:
    """The naive design's extraction (bench/naive.py): trafilatura's JSON with metadata, or None."""
    import trafilatura

    return trafilatura.extract(html, url=url, with_metadata=True, output_format="json")
