"""Functions the benchmark runs in other processes (importable, so spawn can find them)."""

from __future__ import annotations


def extract_words(args: tuple[bytes, str]) -> int:
    from crawler.extraction.extract import extract

    return extract(*args).word_count
