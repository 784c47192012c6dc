"""`python -m bench --render [--posts N]`: what rendering costs, beside the crawl without it, in the same run.

On the synthetic static blog (bench/synthetic.py, served by nginx): the first crawl with `--render auto` (the
default, which runs crawler/rendering/detect.py on every page) and with `--render never`, alternated (never, auto,
never, auto: a drift of the machine's speed shows in the order); the detection alone, timed page by page on the
same pages in one process; then `--render always` over the first RENDERED_PAGES pages, for rendered pages/s and the
peak RSS of the crawl with its Chromium (every process of the tree; pages shared between Chromium's processes are
counted in each, so the figure is an upper bound).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from statistics import mean, median

from crawler.rendering.detect import needs_browser

CRAWLS_EACH = 2  # first crawls per mode
RENDERED_PAGES = 200  # pages of the --render always crawl: two browser restarts at RENDER_RESTART_PAGES = 100


def detection_ms(bodies: list[bytes]) -> dict:
    """needs_browser() per page, ms: median, p95, mean; and how many pages it would render."""
    times, rendered = [], 0
    for body in bodies:
        started = time.perf_counter()
        rendered += needs_browser(body) is not None
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {"p50": median(times), "p95": times[int(len(times) * 0.95)], "mean": mean(times), "rendered": rendered}


def run(crawl: Callable[..., dict], base: str, bodies: list[bytes], folder: Path) -> dict:
    """`crawl(base, db, *options)` is bench/__main__.py's: seconds, pages, articles written, peak RSS."""
    runs: dict[str, list[dict]] = {"never": [], "auto": []}
    for number in range(CRAWLS_EACH):
        for mode in runs:
            runs[mode].append(crawl(base, folder / f"render-{mode}-{number}.db", "--render", mode))
    always = crawl(base, folder / "render-always.db", "--render", "always", "--max-pages", str(RENDERED_PAGES))
    rates = {mode: [r["articles_written"] / r["seconds"] for r in done] for mode, done in runs.items()}
    return {
        "posts_per_s": {mode: mean(values) for mode, values in rates.items()},
        "posts_per_s_each": rates,
        "auto_vs_never": mean(rates["auto"]) / mean(rates["never"]),
        "detection_ms": detection_ms(bodies),
        "always": always,
        "rendered_pages_per_s": always["pages"] / always["seconds"],
        "peak_rss_mb": {"never": max(r["peak_rss_mb"] for r in runs["never"]), "always": always["peak_rss_mb"]},
    }


def markdown(posts: int, result: dict) -> str:
    each = result["posts_per_s_each"]
    order = ", ".join(f"{mode} {each[mode][n]:.1f}" for n in range(CRAWLS_EACH) for mode in ("never", "auto"))
    detect = result["detection_ms"]
    always = result["always"]
    rows = [
        ("posts in the static blog", f"{posts}"),
        (f"first crawl, --render never (posts/s; mean of {CRAWLS_EACH})", f"{result['posts_per_s']['never']:.1f}"),
        (f"first crawl, --render auto (posts/s; mean of {CRAWLS_EACH})", f"{result['posts_per_s']['auto']:.1f}"),
        ("auto ÷ never", f"{result['auto_vs_never']:.3f}"),
        ("in order (posts/s)", order),
        (
            "detection per page (ms p50 / p95 / mean; pages it would render)",
            f"{detect['p50']:.3f} / {detect['p95']:.3f} / {detect['mean']:.3f}; {detect['rendered']}",
        ),
        (
            "--render always: rendered pages/s",
            f"{result['rendered_pages_per_s']:.2f} ({always['pages']} pages in {always['seconds']:.1f} s)",
        ),
        ("peak RSS (MB): --render never, --render always with Chromium", _rss(result["peak_rss_mb"])),
    ]
    return "| measure | value |\n|---|---|\n" + "\n".join(f"| {label} | {value} |" for label, value in rows) + "\n"


def _rss(peaks: dict) -> str:
    return f"{peaks['never']:.0f}, {peaks['always']:.0f}"
