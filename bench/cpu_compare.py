"""CPU per page of `extract()` and of `trafilatura.bare_extraction()`, interleaved in one process, same pages.

For each page the benchmark fetched, `time.process_time()` around `extract(body, url)`, then around
`trafilatura.bare_extraction(html, url=url, with_metadata=True)` — the order alternating from page to page, so
neither always runs with the other's caches warm or cold. Both first run on a few pages uncounted (imports, lazy
compilation). `extract()` gets the bytes, as the crawl gives it; trafilatura the decoded text, as a Scrapy user
would pass `response.text` (the decoding is not timed, in trafilatura's favour).

Pages are split by `url_kind(url)`: None is a post, anything else a hub (listing, category, tag, author …).
`extract()` settles a hub from its URL without parsing it: that is part of its real cost, so the figures are given
for all pages, for posts alone and for hubs alone.

It runs in one forked child of the benchmark (the pages are inherited, not copied through a pipe), so the
benchmark's own process never imports the extraction code its other measurements start in fresh processes.
"""

from __future__ import annotations

import gc
import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from statistics import mean, quantiles

WARM_UP = 4  # pages of each kind, both systems, not counted
SYSTEMS = ("extract", "bare_extraction")

_pages: tuple[list[bytes], list[str]] = ([], [])


def compare(bodies: list[bytes], urls: list[str]) -> dict:
    """{"all"|"post"|"hub": {"pages", "extract": {p50, p95, mean (ms)}, "bare_extraction": {…}, "ratio"}}."""
    global _pages
    _pages = (bodies, urls)
    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
            return pool.submit(_measure).result()
    finally:
        _pages = ([], [])


def _measure() -> dict:
    import trafilatura

    from crawler.extraction.extract import extract
    from crawler.extraction.pagekind import url_kind

    bodies, urls = _pages
    kinds = ["post" if url_kind(url) is None else "hub" for url in urls]
    texts = [body.decode("utf-8", errors="replace") for body in bodies]
    warm = [i for kind in ("post", "hub") for i in [n for n, k in enumerate(kinds) if k == kind][:WARM_UP]]
    for i in warm:
        extract(bodies[i], urls[i])
        trafilatura.bare_extraction(texts[i], url=urls[i], with_metadata=True)

    times: dict[str, list[float]] = {system: [] for system in SYSTEMS}
    gc.collect()
    for i, (body, text, url) in enumerate(zip(bodies, texts, urls, strict=True)):
        for system in SYSTEMS if i % 2 == 0 else SYSTEMS[::-1]:
            started = time.process_time()
            if system == "extract":
                extract(body, url)
            else:
                trafilatura.bare_extraction(text, url=url, with_metadata=True)
            times[system].append(time.process_time() - started)

    result = {}
    for group in ("all", "post", "hub"):
        chosen = [n for n, kind in enumerate(kinds) if group in ("all", kind)]
        if not chosen:
            continue
        stats = {system: _stats([times[system][n] for n in chosen]) for system in times}
        result[group] = {
            "pages": len(chosen),
            **stats,
            "ratio": stats["extract"]["mean"] / stats["bare_extraction"]["mean"],
        }
    return result


def _stats(seconds: list[float]) -> dict:
    ms = sorted(s * 1000 for s in seconds)
    if len(ms) == 1:
        return {"p50": ms[0], "p95": ms[0], "mean": ms[0]}
    cuts = quantiles(ms, n=20, method="inclusive")
    return {"p50": cuts[9], "p95": cuts[18], "mean": mean(ms)}
