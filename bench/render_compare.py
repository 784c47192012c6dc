"""`python -m bench --render-compare`: blogarchive's rendering against scrapy-playwright, same pages, same run.

The two client-rendered blogs of bench/browser_blogs.py, served on 127.0.0.1 — `spa` (an empty shell, posts built
from JSON, History API routes; its script also asks the cloud metadata address and another port of the machine)
and `scroll` (infinite scroll, lazy images, Isso comments from a second origin) — are each crawled by:

- blogarchive: `crawl --render auto --warc DIR`, into a fresh archive. auto is the default a user gets, and on these
  blogs it renders every HTML page (shells, a listing that grows by script, lazy images, a comment embed: the
  figures show the pages rendered), so it renders what `always` would; the comment origin is allowed by name
  (RENDER_HOSTS), as a user would for a comment host on another port of the machine. --warc is on, so the WARC's
  share of the browser's traffic is counted and its cost is in blogarchive's figures;
- the baseline a user would build (bench/playwright_naive.py): a plain Scrapy spider on scrapy-playwright, the same
  Chromium, following links in the rendered DOM, scrolling to the end, trafilatura.bare_extraction into SQLite.

Both render two pages at once, AutoThrottle off. The order is blogarchive, scrapy-playwright, blogarchive,
scrapy-playwright per blog (CRAWLS_EACH each), so a drift of the machine's speed shows. Then blogarchive crawls the
blog once with `--render never`: what its crawl costs without a browser (process start, extraction workers, the
sitemap and feed probes), a fixed cost that a blog of eight pages does not spread thin.

Each crawl is measured as a whole process tree (bench/rss.py's TreeSampler): wall seconds, CPU of the Python
processes and of the browser's (Playwright's node driver and Chromium's), peak RSS. Against the blogs module's
truth: posts found (their URL loaded) and archived (their text stored), with the post's own image, and the
comments. Requests that escape the crawl's rules: the hits of the `probe` server (another port, never named) and
the requests for the metadata address.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from statistics import mean

from warcio.archiveiterator import ArchiveIterator

from bench import playwright_naive
from bench.browser_blogs import COMMENTS, POSTS, Blogs, serve_blogs
from bench.rss import TreeSampler

BLOGS = ("spa", "scroll")
TOOLS = ("blogarchive", "scrapy-playwright")
CRAWLS_EACH = 2
METADATA = playwright_naive.METADATA_HOST


def _truth_marks(slug: str) -> tuple[str, str, list[str]]:
    """What shows a post archived: the start of its text, its image's file name, its comments' texts."""
    post = next(p for p in POSTS if p.slug == slug)
    return post.paragraphs()[0][:60], f"/{slug}.png", [text for _, text in COMMENTS[slug]]


def _post_url(base: str, url: str) -> str | None:
    """The slug of a post of the blog at `base`, or None."""
    if not url.startswith(base):
        return None
    return next((p.slug for p in POSTS if url.endswith(f"/{p.slug}/")), None)


def _score(base: str, found: set[str], rows: list[tuple[str, str, list[str], str]]) -> dict:
    """`rows`: (url, text, image addresses, comments text) per page stored."""
    archived, images, comments = set(), 0, 0
    for url, text, srcs, comment_text in rows:
        slug = _post_url(base, url)
        if slug is None:
            continue
        start, image, texts = _truth_marks(slug)
        if start in text and slug not in archived:
            archived.add(slug)
            images += any(src.endswith(image) for src in srcs)
            comments += sum(t in comment_text for t in texts)
    return {
        "found": len({slug for url in found if (slug := _post_url(base, url))}),
        "archived": len(archived),
        "images": images,
        "comments": comments,
    }


def run_blogarchive(crawl: Callable[..., dict], blogs: Blogs, name: str, folder: Path) -> dict:
    base = getattr(blogs, name).base
    db, log, warc = folder / "archive.db", folder / "crawl.log", folder / "warc"
    comments_host = blogs.comments.base.removeprefix("http://").rstrip("/")
    options = ("--render", "auto", "--warc", str(warc), "--log-file", str(log), "-s", f"RENDER_HOSTS=*,{comments_host}")
    blogs.probe.seen.clear()
    result = crawl(base, db, *options, sampler=TreeSampler)
    connection = sqlite3.connect(db)
    pages = {url for (url,) in connection.execute("SELECT url FROM pages")}
    rendered = connection.execute("SELECT count(*) FROM pages WHERE rendered IS NOT NULL").fetchone()[0]
    rows = []
    for article_id, url, text in connection.execute("SELECT id, url, text FROM articles"):
        of_it = (article_id,)
        srcs = [src for (src,) in connection.execute("SELECT src FROM images WHERE article_id = ?", of_it)]
        said = " ".join(t for (t,) in connection.execute("SELECT text FROM comments WHERE article_id = ?", of_it))
        rows.append((url, text, srcs, said))
    connection.close()
    lines = log.read_text().splitlines()
    metadata = [line for line in lines if METADATA in line]
    return {
        **_score(base, pages, rows),
        **_process(result, rendered),
        "probe_hits": len(blogs.probe.seen),
        "metadata_requests": len(metadata),
        "metadata_let_out": len([line for line in metadata if "refused" not in line]),
        "warc_browser_records": _warc_browser_records(warc, pages),
    }


def run_scrapy_playwright(blogs: Blogs, name: str, folder: Path) -> dict:
    base = getattr(blogs, name).base
    db = folder / "naive.db"
    blogs.probe.seen.clear()
    result = playwright_naive.run(base, db)
    connection = sqlite3.connect(db)
    requested = connection.execute("SELECT url, resource_type FROM browser_requests").fetchall()
    rows = [
        (url, text, json.loads(images), comments)
        for url, text, images, comments in connection.execute("SELECT url, text, images, comments FROM posts")
    ]
    connection.close()
    pages = {url for url, kind in requested if kind == "document" and url.startswith(base)}
    metadata = [url for url, _ in requested if METADATA in url]
    return {
        **_score(base, pages, rows),
        **_process(result, len(pages)),
        "probe_hits": len(blogs.probe.seen),
        "metadata_requests": len(metadata),
        "metadata_let_out": len(metadata),  # scrapy-playwright sends them; the benchmark aborts them (see the module)
        "warc_browser_records": None,
    }


def _process(result: dict, rendered: int) -> dict:
    return {
        "seconds": result["seconds"],
        "rendered": rendered,
        "rendered_per_s": rendered / result["seconds"],
        "cpu_python_s": result["cpu_python_s"],
        "cpu_browser_s": result["cpu_browser_s"],
        "browser_processes": result["browser_processes"],
        "peak_rss_mb": result["peak_rss_mb"],
    }


def _warc_browser_records(warc: Path, pages: set[str]) -> int:
    """Responses in the WARC files for what the browser loaded: addresses that are not pages the crawl fetched."""
    count = 0
    for path in warc.rglob("*.warc*"):
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                if record.rec_type == "response" and uri not in pages and not uri.endswith("/robots.txt"):
                    count += 1
    return count


def run(crawl: Callable[..., dict], folder: Path) -> dict:
    """`crawl(base, db, *options, sampler=…)` is bench/__main__.py's. Returns every run, per blog and tool."""
    runs: dict[str, dict[str, list[dict]]] = {name: {tool: [] for tool in TOOLS} for name in BLOGS}
    without: dict[str, dict] = {}
    with serve_blogs() as blogs:
        for name in BLOGS:
            for number in range(CRAWLS_EACH):
                for tool in TOOLS:
                    where = folder / f"{name}-{tool}-{number}"
                    where.mkdir()
                    if tool == "blogarchive":
                        runs[name][tool].append(run_blogarchive(crawl, blogs, name, where))
                    else:
                        runs[name][tool].append(run_scrapy_playwright(blogs, name, where))
            # blogarchive without a browser on the same blog: what its crawl costs before any page is rendered.
            never = crawl(
                getattr(blogs, name).base, folder / f"{name}-never.db", "--render", "never", sampler=TreeSampler
            )
            without[name] = never
    return {"runs": runs, "never": without, "load_average": os.getloadavg(), "cores": os.cpu_count()}


def markdown(result: dict) -> str:
    runs = result["runs"]
    truth = {name: (len(POSTS), 0 if name == "spa" else sum(len(c) for c in COMMENTS.values())) for name in BLOGS}

    def same(key: str) -> Callable[[list[dict]], str]:
        return lambda done: ", ".join(dict.fromkeys(str(r[key]) for r in done))  # one value when the runs agree

    rows: list[tuple[str, Callable[[list[dict]], str]]] = [
        ("posts found (URL loaded)", same("found")),
        ("posts archived (text stored)", same("archived")),
        ("posts archived with their image", same("images")),
        ("comments archived", same("comments")),
        ("pages rendered", same("rendered")),
        (f"wall seconds (each of {CRAWLS_EACH}, in order)", lambda d: ", ".join(f"{r['seconds']:.1f}" for r in d)),
        ("rendered pages/s (mean)", lambda d: f"{mean(r['rendered_per_s'] for r in d):.2f}"),
        ("CPU s, Python processes (mean)", lambda d: f"{mean(r['cpu_python_s'] for r in d):.1f}"),
        ("CPU s, browser: node driver + Chromium (mean)", lambda d: f"{mean(r['cpu_browser_s'] for r in d):.1f}"),
        ("browser processes over the crawl (sampled)", lambda d: ", ".join(str(r["browser_processes"]) for r in d)),
        ("peak RSS, whole process tree (MB, max)", lambda d: f"{max(r['peak_rss_mb'] for r in d):.0f}"),
        ("requests to another port of the machine that reached it", same("probe_hits")),
        ("requests for the metadata address: let out of those the pages made", _metadata),
        ("browser's responses in the WARC", _warc),
    ]
    header = "| measure | " + " | ".join(f"{tool}, `{name}`" for name in BLOGS for tool in TOOLS) + " |"
    lines = [header, "|---|" + "---|" * len(BLOGS) * len(TOOLS)]
    lines.append(
        "| truth: posts, comments | "
        + " | ".join(f"{truth[name][0]}, {truth[name][1]}" for name in BLOGS for _ in TOOLS)
        + " |"
    )
    for label, value in rows:
        lines.append(f"| {label} | " + " | ".join(value(runs[name][tool]) for name in BLOGS for tool in TOOLS) + " |")
    never = [result["never"][name] for name in BLOGS]
    lines.append(
        "| blogarchive `--render never` on the same blog, once, after: wall s; CPU s, Python (no browser) | "
        + " | ".join(f"{run['seconds']:.1f}; {run['cpu_python_s']:.1f} | –" for run in never)
        + " |"
    )
    load = ", ".join(f"{value:.1f}" for value in result["load_average"])
    return "\n".join(lines) + f"\n\nmachine: {result['cores']} cores; load average at the end (1, 5, 15 min): {load}\n"


def _metadata(done: list[dict]) -> str:
    return ", ".join(dict.fromkeys(f"{r['metadata_let_out']} of {r['metadata_requests']}" for r in done))


def _warc(done: list[dict]) -> str:
    if done[0]["warc_browser_records"] is None:
        return "no WARC (the browser fetches beside Scrapy)"
    return ", ".join(dict.fromkeys(str(r["warc_browser_records"]) for r in done))
