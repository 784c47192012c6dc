"""Functions the benchmark runs in other processes (importable, so spawn can find them)."""

from __future__ import annotations

import multiprocessing
import time

from bench.synthetic import synthetic_site


def serve_forever(posts: int, port_queue: multiprocessing.Queue) -> None:
    from crawler.demo.server import serve

    with serve(synthetic_site(posts)) as base:
        port_queue.put(base)
        while True:
            time.sleep(3600)


def extract_words(args: tuple[bytes, str]) -> int:
    from crawler.extraction.extract import extract

    return extract(*args).word_count
