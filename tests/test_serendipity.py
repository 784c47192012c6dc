"""Serendipity (s9y), its pages written after its bundled themes' templates (2k11's index.tpl and entries.tpl)."""

from __future__ import annotations

import pytest

from crawler.extraction.extract import extract

ENTRY = (
    '<article id="post_3" class="clearfix serendipity_entry"><header class="clearfix">'
    '<h2><a href="/archives/3-Ueber-die-Alpen.html">Über die Alpen mit dem Rad</a></h2>'
    '<span class="serendipity_byline block_level"><span class="single_user">Geschrieben von'
    ' <a href="https://notizen.example/authors/1-Anna">Anna</a> am </span>'
    '<time datetime="2024-06-02T07:30:00+02:00">Sunday,  2. June 2024</time></span></header>'
    '<div class="clearfix content serendipity_entry_body">'
    + "Sieben Tage und sechshundert Kilometer von München nach Verona, über den Reschenpass.<br />\n"
    * 4
    + '</div><footer class="clearfix"><a href="https://notizen.example/categories/1-Reisen">Reisen</a> |'
    ' <a href="/archives/3-Ueber-die-Alpen.html#comments">0 Kommentare</a></footer></article>'
)


def _s9y(robots: str, main: str) -> str:
    """A page of 2k11: the generator and robots meta its index.tpl prints, the sidebar, the entries in <main>."""
    head = (
        '<meta charset="UTF-8"><title>Notizbuch | Einträge für June 2024</title>'
        '<meta name="generator" content="Serendipity v.2.4.0">'
        f'<meta name="robots" content="{robots}">'
    )
    sidebar = (
        '<aside id="sidebar_right"><section class="sidebar_plugin serendipity_plugin_archives"><h3>Archive</h3>'
        '<ul class="plainList"><li><a href="/archives/2024/06.html">June 2024</a></li></ul></section></aside>'
    )
    return f'<html lang="de"><head>{head}</head><body><main id="content">{main}</main>{sidebar}</body></html>'


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://notizen.example/archives/2024/06.html", "archive"),
        ("https://notizen.example/index.php?/archives/2024/06/C1.html", "archive"),
        ("https://notizen.example/archives/P2.html", "archive"),
        ("https://notizen.example/categories/1-Reisen", "category"),
    ],
)
def test_a_serendipity_view_of_one_entry_its_themes_keep_from_search_engines_is_no_post(url, kind):
    """A month's archive holding one entry prints it as the entry's page does, whole under its linked heading and
    <time>; Serendipity's themes print robots noindex on such views, index on the entry's own page."""
    article = extract(_s9y("noindex,follow", ENTRY), url)
    assert (article.kind, article.kind_reason) == (
        kind,
        f"Serendipity's robots meta (noindex: a view of entries) marks it as {kind}",
    )


def test_a_serendipity_entrys_own_page_is_a_post():
    article = extract(_s9y("index,follow", ENTRY), "https://notizen.example/archives/3-Ueber-die-Alpen.html")
    assert article.kind == "article" and article.title == "Über die Alpen mit dem Rad"
