"""Calls into trafilatura's internals are guarded: a failure inside one costs its answer, never the page."""

from __future__ import annotations

import logging

import pytest

from crawler.extraction import upstream


def test_a_failing_call_gives_its_fallback_and_says_so(caplog):
    @upstream.guarded(lambda value: f"fallback for {value}")
    def breaks(value):
        return value.missing_attribute

    with caplog.at_level(logging.WARNING, logger="crawler.extraction.upstream"):
        assert breaks(3) == "fallback for 3"
    assert "breaks failed (AttributeError" in caplog.text


def test_recursion_passes_through_for_extract_to_flatten_the_page():
    @upstream.guarded(lambda: "fallback")
    def too_deep():
        raise RecursionError

    with pytest.raises(RecursionError):
        too_deep()


def test_extract_meta_json_on_a_json_ld_list_of_lists_keeps_the_record_it_was_given():
    from lxml import html as lxml_html
    from trafilatura.settings import Document

    tree = lxml_html.fromstring('<html><head><script type="application/ld+json">[[1]]</script></head></html>')
    record = Document()
    record.author = "Ada Lovelace"
    assert upstream.extract_meta_json(tree, record).author == "Ada Lovelace"
