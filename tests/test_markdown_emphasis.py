"""The post's bold and italic words in its Markdown: trafilatura runs without its formatting, and the page's
`<strong>`, `<b>`, `<em>` and `<i>` are put back on their words (crawler/extraction/markdown_emphasis.py). Each
Markdown is rendered by a CommonMark parser: every mark set reads as the emphasis the page has, and nothing else
of the post changes."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from crawler.extraction.extract import extract

URL = "https://blog.example/2024/05/a-post/"
PROSE = "The kettle sang while the bread cooled on the rack, and the kitchen smelled of rye. " * 6
_COMMONMARK = MarkdownIt("commonmark")


def _page(article: str) -> str:
    return (
        '<html lang="en"><head><title>A post</title></head><body><nav><a href="/">Home</a></nav>'
        f"<main><article><h1>A post</h1>{article}</article></main><footer>© Blog Example</footer></body></html>"
    )


def _markdown(article: str) -> str:
    markdown = extract(_page(article), URL).markdown
    _assert_renders_as_marked(markdown)
    return markdown


def _assert_renders_as_marked(markdown: str) -> None:
    """Rendered, every mark of the Markdown is part of a <strong> (`**`) or an <em> (`*`), and with the marks gone
    the Markdown renders as it does without its emphasis: the marks change nothing else."""
    html = _COMMONMARK.render(markdown)
    marks = sum(len(run) for run in re.findall(r"(?<!\\)\*+", markdown))
    assert marks == 4 * html.count("<strong>") + 2 * html.count("<em>")
    assert re.sub(r"</?(?:strong|em)>", "", html) == _COMMONMARK.render(re.sub(r"(?<!\\)\*+", "", markdown))


def test_bold_and_italic_words_of_a_paragraph_a_list_item_and_a_heading_are_marked():
    """A WordPress post's bold and italic words in its paragraphs, headings and list items were all plain in the
    Markdown. A heading's whole text is a heading line already: no mark on it."""
    markdown = _markdown(
        f"<p>{PROSE} The <strong>rye</strong> wants <em>patience</em>, and <b>salt</b> its <i>time</i>.</p>"
        "<h2>What <strong>you</strong> need</h2><ul><li>Rye flour, <i>dark</i> and fine</li>"
        "<li><strong>Water</strong> and salt</li></ul><h2><strong>Baking</strong></h2>"
        f"<p>{PROSE}</p>"
    )
    assert "The **rye** wants *patience*, and **salt** its *time*." in markdown
    assert "## What **you** need" in markdown
    assert "- Rye flour, *dark* and fine\n- **Water** and salt" in markdown
    assert "## Baking\n" in markdown


def test_emphasis_around_a_link_and_inside_one_nests_as_the_page_nests_them():
    markdown = _markdown(
        f'<p>{PROSE} See <strong><a href="/rye/">my rye notes</a></strong>, <a href="/spelt/"><em>the spelt</em></a>'
        ' and <a href="/oats/">a <b>bold</b> link</a>, then <em>read <a href="/wheat/">the wheat</a> too</em>.</p>'
    )
    assert "See **[my rye notes](https://blog.example/rye/)**, [*the spelt*](https://blog.example/spelt/)" in markdown
    assert "[a **bold** link](https://blog.example/oats/)" in markdown
    assert "*read [the wheat](https://blog.example/wheat/) too*." in markdown


def test_emphasis_beside_punctuation_is_marked_where_commonmark_reads_it_so():
    """`**Note:** done` and `*"quoted"*,` parse as emphasis; `foo**"bar"**` does not (the opening mark between a
    letter and a quote is no left-flanking run): there the words stay plain. A mark inside a word only where the
    page's emphasis is inside it; an escaped `*` of the words stays escaped inside the mark."""
    markdown = _markdown(
        f'<p>{PROSE} <strong>Note:</strong> done, <em>"quoted"</em>, then foo<strong>"bar"</strong> and '
        "un<em>frigging</em>believable; a <em>2*3</em> sum.</p>"
    )
    assert '**Note:** done, *"quoted"*, then foo"bar" and un*frigging*believable; a *2\\*3* sum.' in markdown


def test_emphasis_the_text_leaves_out_or_in_code_is_not_set_on_the_posts_words():
    """A tag cloud in the <article> the text leaves out, its tags bold: the post's own "books" stays plain, its own
    bold "bread" is marked once. Code keeps its words as the page has them, no mark in it."""
    tags = (
        '<div class="tag-cloud"><p><a href="/tag/books.html"><b>books</b></a> '
        '<a href="/tag/bread.html"><b>bread</b></a></p></div>'
    )
    markdown = _markdown(
        f"<p>{PROSE} Summer is for long books.</p><p>Rye <strong>bread</strong> keeps.</p>"
        f"<pre><code>make <b>bread</b></code></pre><p>Run <code>make <em>rye</em></code> at night.</p>{tags}"
    )
    assert "long books.\n" in markdown and "make bread\n" in markdown and "Run `make rye` at night." in markdown
    assert markdown.count("*") == 4 and "Rye **bread** keeps." in markdown


def test_a_pictures_emphasised_caption_line_is_its_caption_line_not_marked_again():
    """Markdown's caption, the emphasised line under a picture alone in its paragraph, is the picture's caption
    (images.py) and its line under the `![…](…)` already; an italic line that is no caption is marked."""
    markdown = _markdown(
        f"<p>{PROSE}</p><p><img src='/a.jpg' alt='A' width='800'><br><em>The new beds</em></p>"
        f"<p>{PROSE[:80]}</p><p><em>A line of its own, no picture above it.</em></p>"
    )
    assert "![A](https://blog.example/a.jpg)\n\nThe new beds\n" in markdown
    assert "\n*A line of its own, no picture above it.*" in markdown


def test_a_mark_or_a_link_on_a_line_trafilatura_escapes_keeps_the_escape_whole():
    """trafilatura's writer escapes a line's opening `>` (`\\>>> Read more`) and the dot of a number opening it
    (`60\\.`): a bold link on such a line went in between the backslash and its character, `\\**[>>> …`, which
    reads as two stars and no link. The mark and the link's bracket go before the backslash; an <i> that starts at
    the escaped dot, right after a digit, would open no emphasis there and is left out."""
    markdown = _markdown(
        f'<p>{PROSE}</p><p><strong><a href="/more/">&gt;&gt;&gt; Read more</a></strong> on the rye of this year and'
        " the last.</p>"
        "<p><b>60<i>. Knock knock.</i></b></p>"
    )
    assert "\n**[\\>>> Read more](https://blog.example/more/)** on the rye of this year" in markdown
    assert "\n60\\. Knock knock." in markdown
