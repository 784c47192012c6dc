"""Post metadata from small pages written here: bylines without their labels, no link texts as authors."""

from __future__ import annotations

import pytest

from crawler.extraction.extract import extract

BODY = "<p>" + "A paragraph of the post with words enough to be prose. " * 20 + "</p>"


@pytest.mark.parametrize(
    ("byline", "name"),
    [("Post author By Helge Fahrnberger", "Helge Fahrnberger"), ("Vom Krimiblogger", "Krimiblogger"),
     ("Zeige alle Beiträge von Jane Doe", "Jane Doe"), ("Frank Bueltge - http://bueltge.de", "Frank Bueltge")],
)  # fmt: skip
def test_an_author_link_is_the_name_without_its_label(byline, name):
    html = f'<html><body><article><h1>T</h1><a rel="author" href="/a/x/">{byline}</a>{BODY}</article></body></html>'
    assert extract(html, "https://blog.example/2024/01/post/").author == name


def test_link_texts_are_not_authors():
    html = (f'<html><body><article><h1>T</h1><a rel="author" href="/a/b/">Bob Fischer</a>'
            f'<a rel="author" href="/a/b/">weiter</a><a rel="author" href="/a/b/">Weitere Artikel</a>{BODY}'
            "</article></body></html>")  # fmt: skip
    assert extract(html, "https://blog.example/2024/01/post/").author == "Bob Fischer"
