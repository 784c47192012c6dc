"""The page's class names and selector narrowing on the shared lxml tree (crawler/extraction/page.py)."""

from crawler.extraction.page import Names, Page, matches, narrowed, page_names, parse_html, text_of, union_of


def test_page_classes_ids_and_attributes_are_read_from_every_quoting_style():
    html = """<div class="a b" id=top><p class='c' data-x></p><span class=d></span><i class=""></i></div>"""
    names = page_names(parse_html(html))
    assert names.classes == {"a", "b", "c", "d"} and names.ids == {"top"}
    assert names.attributes == {"class", "id", "data-x"}


def test_selectors_naming_absent_classes_are_dropped_but_attributes_and_negations_kept():
    selectors = "[itemtype$='schema.org/Person'], .widget:not(.Blog), .x.y, .x, article"
    names = Names(frozenset({"widget", "x"}), frozenset(), frozenset({"itemtype"}))
    assert narrowed(selectors, names) == (
        "[itemtype$='schema.org/Person']",
        ".widget:not(.Blog)",
        ".x",
        "article",
    )
    assert narrowed(selectors, None)[2] == ".x.y"


def test_id_and_class_values_no_name_of_the_page_can_match_are_dropped():
    selectors = (
        "[id^=busuanzi_], li[id^='comment'], div[class^='rp_'], [id$='-count'], [class*=warn], [id=top], "
        "[class*='a b'], [id^=BUSUANZI i]"
    )
    names = Names(frozenset({"rp_box", "x"}), frozenset({"comment-1", "top"}), frozenset({"id", "class"}))
    assert narrowed(selectors, names) == (
        "li[id^='comment']",
        "div[class^='rp_']",
        "[id=top]",
        "[class*='a b']",  # a class attribute's value spans its words
        "[id^=BUSUANZI i]",  # matched without regard to case
    )
    html = "<p id='busuanzi_value_page_pv'>1</p><p id=top class='rp_box'>2</p><p id='c-count'>3</p>"
    page = Page.from_html(html, "https://a.org/")
    assert page.select(selectors) == page.tree.cssselect(selectors)


def test_a_union_of_branches_may_test_text_with_a_regular_expression():
    page = Page.from_html("<ul><li>Spring 2023</li><li class=x>no year</li></ul>", "https://a.org/")
    branches = (("//li[re:test(., '20[0-9]{2}')]", ()), ("//li[contains(@class, 'y')]", ("y",)))
    assert [text_of(e) for e in union_of(page, branches)] == ["Spring 2023"]


def test_select_finds_the_same_elements_as_an_unnarrowed_select():
    html = "<div class='author-box'>A</div><section class='about-author'>B</section><article>C</article>"
    page = Page.from_html(html, "https://a.org/")
    selectors = ".author-box, .about-author, .ast-author-box, article"
    assert [text_of(e) for e in page.select(selectors)] == ["A", "B", "C"]
    assert page.select(selectors) == page.tree.cssselect(selectors)


def test_an_xml_declared_page_parses():
    tree = parse_html('<?xml version="1.0" encoding="UTF-8"?>\n<html><body><p>Grüße</p></body></html>')
    assert tree is not None and text_of(tree) == "Grüße"


def test_visible_text_leaves_out_scripts_and_comments():
    tree = parse_html("<div>a<!-- hidden --><script>x()</script><style>p{}</style> <b>b</b></div>")
    assert text_of(tree) == "a b"


def test_an_element_is_tested_against_a_selector_alone():
    tree = parse_html("<figure class='wp-caption'><img src='/a.jpg'></figure>")
    figure = tree.find(".//figure")
    assert matches(figure, ".wp-caption") and matches(figure, "figure") and not matches(figure.find("img"), "figure")


def test_a_region_that_is_chrome_twice_over_is_taken_out_once():
    from crawler.extraction.body import extract_body

    html = (
        "<html><body><article><p>" + "The post's own words. " * 40 + "</p>"
        '<div id="comments" class="comment-list"><p>A comment.</p></div></article></body></html>'
    )
    page = Page.from_html(html, "https://a.org/p/")
    body = extract_body(page, None)
    assert "The post's own words." in body.text and "A comment." not in body.text
    assert "A comment." in text_of(page.tree)  # the page's tree is whole again


def test_selectors_naming_an_absent_id_or_attribute_are_dropped_but_not_for_what_they_negate():
    page = Page.from_html("<div id='main' class='widget' itemprop='author'><a href='/'>A</a></div>", "https://a.org/")
    selectors = (
        "#comments, #main, [itemtype$='schema.org/Person'], [itemprop~=author], a[rel~=tag],"
        " aside:not([class*=meta]), .widget:not(#sidebar), #main > a[href], [data-x] a"
    )
    assert narrowed(selectors, page.names) == (
        "#main",
        "[itemprop~=author]",
        "aside:not([class*=meta])",
        ".widget:not(#sidebar)",
        "#main > a[href]",
    )
    for selector in narrowed(selectors, None):  # what is dropped finds nothing, what is kept finds the same
        assert page.select(selector) == page.tree.cssselect(selector)
