"""Every function of trafilatura's (and htmldate's) that extraction calls, each guarded: a failure inside one of
them costs what that function would have given, never the page.

These are trafilatura's internals as much as its API (its metadata functions are called one by one, its XML
output turned into text by its own writer), and on real pages they raise on input their authors did not foresee:
`extract_meta_json` raises AttributeError on a JSON-LD block that is a list holding a list or a string. Each call
here falls back to what the caller would get from a page without that information (no title, no author, no date,
an unchanged metadata record, lxml's own parse, the text of the XML without trafilatura's layout), and logs the
failure. RecursionError and MemoryError pass through: extract() answers a page nested too deeply by flattening it.

| function | fallback |
|---|---|
| `trafilatura.bare_extraction` | None (no body found) |
| `trafilatura.utils.load_html` | None (extract() then parses with lxml) |
| `trafilatura.xml.xmltotxt` | the element's text, one block per line |
| `trafilatura.metadata.examine_meta` | an empty metadata record |
| `trafilatura.metadata.extract_meta_json` | the metadata record it was given |
| `trafilatura.metadata.extract_title` | None |
| `trafilatura.metadata.extract_catstags` | no categories or tags |
| `htmldate.find_date` | None |
| `htmldate.extractors.try_date_expr` (day_in_words) | None |
| `trafilatura.external.try_readability` + `sanitize_tree` (readability_body) | None (no body found) |
| `trafilatura.external.justext_rescue` (justext_body) | None (no body found) |

One of trafilatura's stages is switched off where a page says what its post is (`recall_escalation_off`): its
module's constant, the one knob the stage has, set for the time of one call.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from copy import deepcopy
from datetime import datetime
from typing import Any, TypeVar

import htmldate
import htmldate.extractors
import trafilatura
import trafilatura.core
import trafilatura.external
import trafilatura.metadata
import trafilatura.utils
import trafilatura.xml
from lxml.html import HtmlElement
from trafilatura.settings import Document, Extractor

logger = logging.getLogger(__name__)
F = TypeVar("F", bound=Callable[..., Any])


def guarded(fallback: Callable[..., Any]) -> Callable[[F], F]:
    """`function` made to return `fallback(*args, **kwargs)` when it raises (RecursionError and MemoryError
    excepted)."""

    def wrap(function: F) -> F:
        @functools.wraps(function)
        def call(*args: Any, **kwargs: Any) -> Any:
            try:
                return function(*args, **kwargs)
            except (RecursionError, MemoryError):
                raise
            except Exception as exc:  # noqa: BLE001 — any failure of theirs; the fallback is the answer
                logger.warning(
                    "%s failed (%s: %s); going on without it", function.__qualname__, type(exc).__name__, exc
                )
                return fallback(*args, **kwargs)

        return call  # type: ignore[return-value]

    return wrap


def _nothing(*args: Any, **kwargs: Any) -> None:
    return None


def _plain_text(xml: Any, *args: Any, **kwargs: Any) -> str:
    if xml is None:
        return ""
    blocks = (" ".join("".join(e.itertext()).split()) for e in xml)
    return "\n".join(block for block in blocks if block)


bare_extraction = guarded(_nothing)(trafilatura.bare_extraction)
load_html = guarded(_nothing)(trafilatura.utils.load_html)
xmltotxt = guarded(_plain_text)(trafilatura.xml.xmltotxt)
examine_meta = guarded(lambda tree: Document())(trafilatura.metadata.examine_meta)
extract_meta_json = guarded(lambda tree, metadata: metadata)(trafilatura.metadata.extract_meta_json)
extract_title = guarded(_nothing)(trafilatura.metadata.extract_title)
extract_catstags = guarded(lambda metatype, tree: [])(trafilatura.metadata.extract_catstags)
find_date = guarded(_nothing)(htmldate.find_date)


@guarded(_nothing)
def day_in_words(text: str) -> str | None:
    """The day (YYYY-MM-DD) a short text prints in words, in any language htmldate reads ("November 5, 2024 /
    4:21 pm", "5. November 2024 um 16:21 Uhr", "2024년 11월 5일"), between 1995 and next year; None when none."""
    latest = datetime(datetime.now().year + 1, 12, 31)
    return htmldate.extractors.try_date_expr(text, "%Y-%m-%d", True, datetime(1995, 1, 1), latest)


@guarded(_nothing)
def readability_body(tree: HtmlElement, url: str | None) -> Any:
    """The body trafilatura's copy of readability finds in (a copy of) `tree`, in trafilatura's XML, as
    trafilatura's own fallback to it makes it (`sanitize_tree`); None when it finds nothing."""
    options = Extractor(url=url, tables=True)
    found = trafilatura.external.try_readability(deepcopy(tree))
    if found is None or not len(found):
        return None
    return trafilatura.external.sanitize_tree(found, options)[0]


@guarded(_nothing)
def justext_body(tree: HtmlElement, url: str | None) -> Any:
    """The paragraphs jusText keeps of (a copy of) `tree` as trafilatura's fallback runs it: stop words of every
    language it knows; None when it keeps none."""
    found = trafilatura.external.justext_rescue(deepcopy(tree), Extractor(url=url))[0]
    return found if found is not None and len(found) else None


# trafilatura reads an extraction this long or longer once only (0 for a trafilatura without the stage)
RECALL_ESCALATION_BELOW: int = getattr(trafilatura.core, "ESCALATION_MAX_LENGTH", 0)


@contextmanager
def recall_escalation_off() -> Iterator[None]:
    """trafilatura's recall escalation switched off for the block. trafilatura 2.3 reads a page again in recall mode
    (and with jusText) when what it extracted is under 3,000 characters and a fifth of the page's text, and keeps
    that reading when it is half as long again: its guess that a short extraction missed a page's content. On a page
    that marks its post up (schema.org, h-entry, hAtom …) a short extraction may be a short post, and the second
    reading adds what stands beside it: the sidebar's profile and text widgets (body._trafilatura decides). The
    stage has no option: its size limit (`trafilatura.core.ESCALATION_MAX_LENGTH`) is set to 0 for the block; a
    trafilatura without it is left as it is."""
    before = getattr(trafilatura.core, "ESCALATION_MAX_LENGTH", None)
    if before is None:
        yield
        return
    trafilatura.core.ESCALATION_MAX_LENGTH = 0
    try:
        yield
    finally:
        trafilatura.core.ESCALATION_MAX_LENGTH = before
