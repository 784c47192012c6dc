"""PHP blog engines whose themes are public source, their pages written after those themes: Textpattern's
(textpattern/textpattern's setup theme four-point-nine: forms/article/default.txp, pages/default.txp)."""

from __future__ import annotations

from crawler.extraction.extract import extract

TXP_TEXT = (
    "<p>Drei Tage lang sind wir im Spätsommer über die Höhenwege gewandert, von Hütte zu Hütte, und das Wetter"
    " hielt bis zum letzten Abstieg.</p>"
    "<p>Am zweiten Tag führte der Weg über einen langen Grat mit Drahtseilen; Trittsicherheit ist dort nötig, und"
    " der Blick reicht bis zu den Gletschern im Süden.</p>"
)


def _textpattern_post(categories: str, generator: str = "Textpattern CMS") -> str:
    return (
        "<html lang='de'><head><meta charset='utf-8'><title>Über den Grat | Bergnotizen</title>"
        f"<meta name='generator' content='{generator}'>"
        "<link rel='canonical' href='https://berg.example/articles/ueber-den-grat'></head><body>"
        "<header><h1><a href='https://berg.example/'>Bergnotizen</a></h1></header>"
        "<main><article class='article' itemprop='blogPost' itemscope itemtype='https://schema.org/BlogPosting'>"
        "<h1 itemprop='headline'>Über den Grat</h1>"
        "<p><strong>Posted</strong> <time datetime='2024-05-07T10:17:00+0000' itemprop='datePublished'>"
        "May 07, 12:17 PM</time></p>"
        f"<div itemprop='articleBody'>{TXP_TEXT}</div>"
        "<p><strong>Author</strong> <span itemprop='author' itemscope itemtype='https://schema.org/Person'>"
        "<span itemprop='name'><a rel='author' href='https://berg.example/articles/?author=Bea+Huber'>Bea Huber</a>"
        "</span></span><br><strong>Categories</strong>"
        f"<span itemprop='keywords'>{categories}</span></p>"
        "</article></main>"
        "<aside><h4>Links</h4><ul><li><a href='https://textpattern.com/'>Textpattern</a></li></ul></aside>"
        "</body></html>"
    )


def test_a_textpattern_posts_categories_are_its_links_to_its_section_filtered_by_them():
    links = (
        "<a href='https://berg.example/articles/?c=reisen'>Reisen</a>, "
        "<a href='https://berg.example/articles/?c=alpen-und-voralpen'>Alpen und Voralpen</a>"
    )
    article = extract(_textpattern_post(links), "https://berg.example/articles/ueber-den-grat")
    assert article.categories == ["Reisen", "Alpen und Voralpen"]
    messy = "<a href='https://berg.example/index.php?s=articles&amp;c=reisen'>Reisen</a>"
    article = extract(_textpattern_post(messy), "https://berg.example/index.php?id=6")
    assert article.categories == ["Reisen"]


def test_a_c_in_the_query_of_a_link_on_another_engines_page_names_no_category():
    links = "<a href='https://berg.example/articles/?c=reisen'>Reisen</a>"
    article = extract(_textpattern_post(links, generator="Other CMS"), "https://berg.example/articles/ueber-den-grat")
    assert "Reisen" not in article.categories
