"""The extractors a user would compare blogarchive with, called as their users call them.

| name | call |
|---|---|
| blogarchive | `extract(html, url)` in the body mode the environment names: its title line, its text; authors, date |
| blogarchive-trafilatura | the same in the `trafilatura` body mode (BLOGARCHIVE_BODY=trafilatura) |
| blogarchive-best-of-three | the same in the `best-of-three` body mode (BLOGARCHIVE_BODY=best-of-three) |
| trafilatura | `trafilatura.extract(html, include_comments=False)`; author, date (when asked): `extract_metadata` |
| trafilatura-precision | the same with `favor_precision=True` |
| readability-lxml | `html_text.extract_text(Document(text).summary(html_partial=True))`, text decoded by trafilatura |
| justext | `justext.justext(html, English stoplist, 50, 200, 0.1, 0.2, 0.2, 200, True)`, good paragraphs joined |

blogarchive's title goes in front of its text because that is the record a reader gets: `text` no longer repeats
the title (every search snippet would), while the sets' gold and trafilatura's text hold the page's headline.

readability-lxml, html-text and jusText's calls are the shared extraction sets' runner's, so the figures compare
with its tables. readability-lxml and html-text are not blogarchive's dependencies: `pip install --no-deps -r
requirements-eval.txt` brings them (readability-lxml 0.9 declares an older cssselect and chardet than blogarchive
pins, and runs on these).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

Runner = Callable[[bytes, str, bool], "Output"]  # (page bytes, URL, author and date wanted) -> Output


@dataclass
class Output:
    """What one extractor made of one page."""

    text: str = ""
    author: str | None = None
    date: str | None = None
    cpu_ms: float = 0.0
    error: str | None = None
    kind: str = "article"  # blogarchive's page kind (the others have none): `eval --realpages` scores posts only
    kind_reason: str | None = None


def _blogarchive(html: bytes, url: str, metadata: bool) -> Output:
    from crawler.extraction.extract import extract

    article = extract(html, url)
    author = "; ".join(person.name for person in article.authors) or article.author
    text = "\n".join(filter(None, (article.title, article.text)))
    return Output(text, author, article.published, kind=article.kind, kind_reason=article.kind_reason)


def _blogarchive_in(body_mode: str) -> Runner:
    """_blogarchive with BLOGARCHIVE_BODY=`body_mode` for each call (the runner's worker processes run one page at
    a time)."""

    def run(html: bytes, url: str, metadata: bool) -> Output:
        from crawler.extraction.selection import MODE_VARIABLE

        before = os.environ.get(MODE_VARIABLE)
        os.environ[MODE_VARIABLE] = body_mode
        try:
            return _blogarchive(html, url, metadata)
        finally:
            if before is None:
                del os.environ[MODE_VARIABLE]
            else:
                os.environ[MODE_VARIABLE] = before

    return run


def _trafilatura(**options: bool) -> Runner:
    def run(html: bytes, url: str, metadata: bool) -> Output:
        import trafilatura

        text = trafilatura.extract(html, include_comments=False, **options) or ""
        found = trafilatura.extract_metadata(html, default_url=url) if metadata else None
        return Output(text, found.author if found else None, found.date if found else None)

    return run


def _readability(html: bytes, url: str, metadata: bool) -> Output:
    import html_text
    from readability import Document
    from trafilatura.utils import decode_file

    # readability logs a failure's whole traceback before raising it; the raise is counted (the report's errors)
    logging.getLogger("readability.readability").setLevel(logging.CRITICAL)
    return Output(html_text.extract_text(Document(decode_file(html)).summary(html_partial=True)))


def _justext(html: bytes, url: str, metadata: bool) -> Output:
    import justext

    paragraphs = justext.justext(html, justext.get_stoplist("English"), 50, 200, 0.1, 0.2, 0.2, 200, True)
    return Output(" ".join(p.text for p in paragraphs if not p.is_boilerplate))


@dataclass(frozen=True)
class Extractor:
    name: str
    run: Runner
    packages: tuple[str, ...]  # distributions it needs; the first one's version labels its outputs

    @property
    def version(self) -> str:
        return version(self.packages[0])

    def missing(self) -> list[str]:
        absent = []
        for package in self.packages:
            try:
                version(package)
            except PackageNotFoundError:
                absent.append(package)
        return absent


EXTRACTORS = {
    e.name: e
    for e in (
        Extractor("blogarchive", _blogarchive, ("blogarchive", "trafilatura")),
        Extractor("blogarchive-trafilatura", _blogarchive_in("trafilatura"), ("blogarchive", "trafilatura")),
        Extractor("blogarchive-best-of-three", _blogarchive_in("best-of-three"), ("blogarchive", "trafilatura")),
        Extractor("trafilatura", _trafilatura(), ("trafilatura",)),
        Extractor("trafilatura-precision", _trafilatura(favor_precision=True), ("trafilatura",)),
        Extractor("readability-lxml", _readability, ("readability-lxml", "html-text", "trafilatura")),
        Extractor("justext", _justext, ("jusText",)),
    )
}
BASELINES = ("trafilatura", "trafilatura-precision", "readability-lxml")  # what blogarchive must beat
# Run when named with -e: blogarchive in its other body modes, beside `blogarchive` in the environment's mode.
OTHER_BODY_MODES = ("blogarchive-trafilatura", "blogarchive-best-of-three")
DEFAULT_EXTRACTORS = tuple(name for name in EXTRACTORS if name not in OTHER_BODY_MODES)
