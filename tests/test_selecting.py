from bs4 import BeautifulSoup

from crawler.extraction.selecting import narrowed, page_classes, select


def test_page_classes_reads_every_quoting_style():
    html = """<div class="a b"><p class='c'></p><span class=d></span><i class=""></i></div>"""
    assert page_classes(html) == {"a", "b", "c", "d"}


def test_selectors_naming_absent_classes_are_dropped_but_attributes_and_negations_kept():
    selectors = "[itemtype$='schema.org/Person'], .widget:not(.Blog), .x.y, .x, article"
    assert narrowed(selectors, frozenset({"widget", "x"})) == (
        "[itemtype$='schema.org/Person']", ".widget:not(.Blog)", ".x", "article",
    )  # fmt: skip
    assert narrowed(selectors, None)[2] == ".x.y"


def test_select_finds_the_same_elements_as_an_unnarrowed_select():
    html = "<div class='author-box'>A</div><section class='about-author'>B</section><article>C</article>"
    soup = BeautifulSoup(html, "lxml")
    selectors = ".author-box, .about-author, .ast-author-box, article"
    assert select(soup, selectors, page_classes(html)) == soup.select(selectors)
