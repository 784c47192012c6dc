"""The post's body from pages written here, one failure class of real pages each: plain text without markup,
Markdown with structure and links, chrome out of the text, posts whose containers look like chrome kept."""

from __future__ import annotations

import pytest

from crawler.extraction.content import find_content_root, headed_by_headline
from crawler.extraction.extract import extract
from crawler.extraction.page import Page

URL = "https://blog.example/2024/05/a-post/"
PROSE = "The kettle sang while the bread cooled on the rack, and the kitchen smelled of rye. " * 6


def _page(article: str, around: str = "", lang: str = "en") -> str:
    return (
        f'<html lang="{lang}"><head><title>A post</title></head><body>'
        f'<nav><a href="/">Home</a> <a href="/about/">About</a></nav>'
        f"<main><article><h1>A post</h1>{article}</article></main>{around}"
        "<footer>© Blog Example</footer></body></html>"
    )


def test_text_is_plain_and_markdown_keeps_headings_lists_and_links():
    article = extract(
        _page(
            f'<p>{PROSE} See <a href="/2024/01/rye/">my rye notes</a> for the flour.</p>'
            f"<h2>What you need</h2><ul><li>Rye flour</li><li>Water and salt</li></ul><p>{PROSE}</p>"
        ),
        URL,
    )
    assert "my rye notes for the flour" in article.text
    assert "[" not in article.text and "](" not in article.text and "#" not in article.text
    assert "[my rye notes](https://blog.example/2024/01/rye/)" in article.markdown
    assert "## What you need" in article.markdown and "- Rye flour" in article.markdown


def test_a_link_lands_on_its_own_words_not_inside_a_longer_word():
    article = extract(_page(f'<p>{PROSE} Bread is <a href="/tag/art/">art</a>, not a start.</p>'), URL)
    assert "[art](https://blog.example/tag/art/), not a start" in article.markdown


def test_a_link_whose_words_hold_a_markdown_mark_lands_on_them_as_the_markdown_escapes_them():
    """trafilatura's Markdown writer escapes CommonMark's inline marks in the text (`the\\_config.py`, `\\[draft\\]`):
    a link named with one was looked for as the page writes it and landed nowhere."""
    article = extract(
        _page(
            f'<p>{PROSE} Edit <a href="/files/config/">the_config.py file</a> and read <a href="/drafts/1/">my'
            " [draft] notes</a> first.</p>"
        ),
        URL,
    )
    assert "Edit [the\\_config.py file](https://blog.example/files/config/) and read" in article.markdown
    assert "[my \\[draft\\] notes](https://blog.example/drafts/1/) first." in article.markdown


def test_a_tag_list_the_text_leaves_out_puts_no_link_on_the_posts_own_words():
    """Pelican's Flex prints the post's tags in a `div.tag-cloud` inside its <article>, and a WordPress theme its
    categories in the entry's footer: the text leaves them out, and their links landed on the first "books" and
    "bread" of the post, links its author never wrote. A link in the post's own sentence is set."""
    tags = '<div class="tag-cloud"><p><a href="/tag/books.html">books</a> <a href="/tag/bread.html">bread</a></p></div>'
    article = extract(
        _page(
            f"<p>{PROSE} Summer is for long books.</p><p>Rye <strong>bread</strong> keeps a week. "
            f'<strong>Offer:</strong> <a href="/shop/">bread</a> for a week.</p>{tags}'
        ),
        URL,
    )
    assert "long books." in article.markdown and "Rye **bread** keeps" in article.markdown
    assert "/tag/" not in article.markdown
    assert "**Offer:** [bread](https://blog.example/shop/) for a week" in article.markdown


def test_a_table_of_contents_left_out_of_the_text_puts_no_link_on_the_headings_it_lists():
    """A hand-made table of contents, a list of links to the post's headings by their anchors (WordPress's heading
    block gives each an id): the text leaves the list out as navigation, and each entry's link landed on its
    heading ("## [Anreise](…#anreise)"), a link the heading never had. A heading's own link, or one around it, is
    set."""
    toc = '<ul><li><a href="#anreise">Anreise</a></li><li><a href="#aufstieg">Aufstieg</a></li></ul>'
    article = extract(
        _page(
            f'<p>{PROSE}</p>{toc}<h2 id="anreise">Anreise</h2><p>{PROSE}</p><h2 id="aufstieg">Aufstieg</h2>'
            f'<p>{PROSE}</p><h2><a href="/2024/01/rye/">Rye notes</a></h2><p>{PROSE}</p>'
            f'<a href="/2024/02/oats/"><h2>Oat notes</h2></a><p>{PROSE}</p>'
        ),
        URL,
    )
    headings = [line for line in article.markdown.split("\n") if line.startswith("## ")]
    assert headings == [
        "## Anreise",
        "## Aufstieg",
        "## [Rye notes](https://blog.example/2024/01/rye/)",
        "## [Oat notes](https://blog.example/2024/02/oats/)",
    ]


def test_the_links_to_the_previous_and_next_posts_are_not_the_posts_text_however_short_the_post():
    """Eleventy's base blog lists the previous and next posts in a `ul.links-nextprev` under the post, in its
    <main>; below a one-line post those links are most of the page's text, and chrome that large was kept."""
    nextprev = (
        '<ul class="links-nextprev"><li class="links-nextprev-prev">&larr; Previous<br> <a href="/blog/spelt/">'
        'Spelt in the cellar</a></li><li class="links-nextprev-next">Next &rarr;<br><a href="/blog/oats/">'
        "Oats for breakfast, every day of the winter</a></li></ul>"
    )
    for post in ("<p>The rye rose overnight.</p>", PROSE):
        html = (
            '<html lang="en"><head><title>Rye</title></head><body><header><a href="/">Ann\'s notes</a></header>'
            f'<main id="main"><h1>Rye</h1><ul class="post-metadata"><li><time datetime="2024-03-05">5 March 2024'
            f"</time></li></ul>{post}{nextprev}</main><footer><p>Built with Eleventy</p></footer></body></html>"
        )
        article = extract(html, URL)
        assert not {"Previous", "Spelt", "Oats"} & set(article.markdown.replace("\n", " ").split()), article.markdown


def test_the_neighbours_a_theme_lists_in_a_pagination_block_inside_the_post_are_not_its_text():
    """Hugo's Terminal ends the post's <article> with `div.pagination`: "Read other posts" and the neighbours'
    buttons (8 of 12 posts ended "Read other posts")."""
    pagination = (
        '<div class="pagination"><div class="pagination__title"><span class="pagination__title-h">Read other posts'
        '</span><hr></div><div class="pagination__buttons"><a class="button inline prev" href="/posts/spelt/">'
        "Spelt in the cellar</a></div></div>"
    )
    html = '<html lang="en"><head><title>A post</title></head><body><main><article class="post"><h1>A post</h1>'
    html += f'<div class="post-content"><p>{PROSE}</p></div>{pagination}</article></main></body></html>'
    article = extract(html, URL)
    assert "Read other posts" not in article.text and "Spelt" not in article.text


def test_a_share_bar_inside_the_post_is_not_text():
    share = (
        '<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Teilen mit:</h3>'
        '<ul><li><a href="https://twitter.com/share">Twitter</a></li><li>Facebook</li></ul></div>'
    )
    article = extract(_page(f"<div class='entry-content'><p>{PROSE}</p>{share}</div>"), URL)
    assert PROSE.split(",")[0] in article.text
    assert "Teilen mit" not in article.text and "Twitter" not in article.text


def test_related_posts_and_a_byline_inside_the_post_are_not_text():
    related = (
        '<div class="related"><h3>You may also like</h3><ul><li><a href="/x/">Sourdough for sceptics</a></li>'
        '<li><a href="/y/">The ten best bread knives of the year</a></li></ul></div>'
    )
    byline = '<div class="byline">Written by Jane Holloway on 3 May</div>'
    article = extract(_page(f"{byline}<p>{PROSE}</p><p>{PROSE}</p>{related}"), URL)
    assert "You may also like" not in article.text and "Sourdough for sceptics" not in article.text
    assert "Written by" not in article.text and PROSE.strip()[:40] in article.text


def test_a_post_whose_container_is_named_share_is_kept():
    post = f'<div class="entry themeform share"><p>{PROSE}</p><p>The loaf keeps for three days.</p></div>'
    widgets = "".join(
        f'<div class="widget"><h3>Recent {n}</h3><p>{"Some teaser words. " * 10}</p></div>' for n in range(3)
    )
    article = extract(_page(post, f"<aside>{widgets}</aside>"), URL)
    assert "The loaf keeps for three days." in article.text


def test_a_page_wrapped_in_one_form_keeps_its_body():
    html = (
        f'<html><body><form id="aspnetForm" method="post"><div id="header"><a href="/">Home</a></div>'
        f"<div class='article'><h1>Council votes</h1><p>{PROSE}</p><p>The vote was close.</p></div>"
        "</form></body></html>"
    )
    article = extract(html, "https://news.example/story.aspx?id=12")
    assert "The vote was close." in article.text and article.kind == "article"


def test_a_short_korean_post_keeps_its_structure_and_starts_with_its_prose():
    prose = (
        "좋은 보정은 사진을 바꾸는 것이 아니라 찍을 때 본 느낌을 되살리는 것입니다. 기본적인 순서만 알아도 결과가 "
        "훨씬 자연스러워집니다."
    )
    article = extract(
        _page(
            '<header><h1>사진 보정의 기초</h1><span class="byline">글쓴이 김민지</span> '
            "<time>2024-08-03</time></header>"
            f'<div class="entry-content"><p>{prose}</p><h2>보정 순서</h2><ul><li>수평과 구도를 먼저 맞추기</li>'
            "<li>노출과 화이트 밸런스 조정</li></ul><p>보정 전후를 나란히 비교하면서 과하지 않은지 "
            "확인하는 습관을 들이세요.</p></div>"
            '<div class="author-box"><h4 class="author-name">김민지</h4><p class="author-description">서울에서 사진과 '
            "여행에 대해 글을 쓰는 블로거입니다.</p></div>",
            lang="ko",
        ),
        URL,
    )
    assert article.text.startswith(prose)
    assert "## 보정 순서" in article.markdown and "- 수평과 구도를 먼저 맞추기" in article.markdown
    assert "블로거입니다" not in article.text


def test_text_is_composed_unicode():
    decomposed = "Cafe\u0301 au lait, cre\u0300me bru\u0302le\u0301e. "  # e + combining accents
    article = extract(_page(f"<p>{decomposed * 12}</p>"), URL)
    assert "Café au lait, crème brûlée." in article.text


def test_a_hand_made_table_layout_page_keeps_its_post_without_menu_counter_and_webring():
    story = "Im August waren wir wieder zwei Wochen in Südtirol und sind jeden Tag gewandert. " * 4
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        "<title>Karls Homepage</title></head><body><table><tr><td width=150>"
        '<a href="index.html">Startseite</a><br><a href="gb.html">Gästebuch</a><br>Besucher: 004711</td>'
        f"<td><h1>Mein Urlaub in Südtirol</h1><p>{story}</p><p>{story}</p></td></tr></table>"
        '<center><a href="gb.html">Tragen Sie sich in mein Gästebuch ein!</a><br>[ <a href="http://ring.example/">'
        "Wandern-Webring</a> ] Sie sind Besucher Nr. 004711</center></body></html>"
    ).encode("latin-1")
    article = extract(html, "http://www.karl.example/urlaub.html")
    assert "Im August waren wir" in article.text
    assert "Besucher" not in article.text and "Webring" not in article.text and "Startseite" not in article.text


def test_a_data_table_in_the_post_stays_a_table():
    table = "<table><tr><th>Mehl</th><th>Menge</th></tr><tr><td>Roggen</td><td>500 g</td></tr></table>"
    article = extract(_page(f"<p>{PROSE}</p>{table}<p>{PROSE}</p>"), URL)
    assert "| Roggen | 500 g |" in article.markdown


def test_the_title_heading_the_text_starts_with_is_dropped_but_a_later_one_stays():
    first = extract(_page(f"<p>{PROSE}</p>"), URL)
    assert first.title == "A post" and first.text.startswith(PROSE[:40]) and first.markdown.startswith(PROSE[:40])
    html = f"<html><head><title>A post</title></head><body><article><p>{PROSE}</p><h1>A post</h1><p>{PROSE}</p>"
    later = extract(html + "</article></body></html>", URL)
    assert later.title == "A post" and "\nA post\n" in later.text


def test_a_prism_code_block_is_fenced_with_its_language_and_keeps_its_blank_lines():
    code = '<pre class="language-python"><code class="language-python">import os\n\n\nprint(os.sep)</code></pre>'
    article = extract(_page(f"<p>{PROSE}</p>{code}<p>{PROSE}</p>"), URL)
    assert "```python\nimport os\n\n\nprint(os.sep)\n```" in article.markdown
    assert "import os" in article.text and "print(os.sep)" in article.text


def test_a_code_block_in_a_list_item_keeps_its_lines_and_is_fenced_inside_the_item():
    """A how-to's numbered step holding its command (`<li>Install it:<pre><code class="language-sh">…`, Hexo's and
    Jekyll's highlighted blocks under a list item alike): trafilatura copies such an item's elements by tag and text
    alone, and the block came out run on from the item's words ("1. Install it: ```"), without its language or
    its blank lines, and unindented, which ends the list in CommonMark."""
    code = '<pre><code class="language-sh">apt update\n\n  apt install rye</code></pre>'
    steps = f"<ol><li>Install it:{code}</li><li><p>Then bake.</p></li></ol>"
    article = extract(_page(f"<p>{PROSE}</p>{steps}<p>{PROSE}</p>"), URL)
    assert "1. Install it:\n   ```sh\n   apt update\n\n     apt install rye\n   ```\n2. Then bake." in article.markdown
    assert "Install it:\napt update\n\n  apt install rye\n" in article.text, article.text


def test_a_code_block_in_a_quote_keeps_its_language_and_blank_lines():
    """A quoted note holding a code block: trafilatura copies the quote's elements by tag and text alone, and the
    block lost its language and its blank lines."""
    quote = (
        '<blockquote><p>A note on labels.</p><pre><code class="language-js">foo: {\n\n  break foo;\n}</code></pre>'
        "<p>Rarely needed.</p></blockquote>"
    )
    article = extract(_page(f"<p>{PROSE}</p>{quote}<p>{PROSE}</p>"), URL)
    assert "> ```js\n> foo: {\n>\n>   break foo;\n> }\n> ```" in article.markdown, article.markdown
    assert "foo: {\n\n  break foo;\n}" in article.text


def test_a_pre_of_white_space_alone_is_no_code_block():
    """A CMS's stray `<pre>` holding a line break alone (a news site's, left open before a video's caption) shows
    nothing, and the Markdown had an empty fenced block there."""
    article = extract(_page(f"<p>{PROSE}</p><div><pre>\n  \n</div><p>Second paragraph. {PROSE}</p>"), URL)
    assert "```" not in article.markdown, article.markdown
    assert "Second paragraph." in article.text


def test_inline_code_a_pretty_printer_put_on_a_line_of_its_own_stays_in_its_sentence():
    """BeautifulSoup's prettify (an exported blog's HTML) writes an inline element's text on a line of its own,
    which a browser folds into the sentence; trafilatura took the `<code>` for a block and fenced it mid-sentence."""
    paragraph = "<p>\n  Before the cluster, run\n  <code>\n   prerequisites.yml\n  </code>\n  on each host.\n </p>"
    article = extract(_page(f"<p>{PROSE}</p>{paragraph}<p>{PROSE}</p>"), URL)
    assert "run `prerequisites.yml` on each host." in article.markdown, article.markdown
    assert "run prerequisites.yml on each host." in article.text


def test_a_code_block_with_windows_line_ends_has_line_feeds_alone():
    """A CMS writes a text field saved from a browser's form with `&#xD;` before each line feed (a press office's
    address in a <pre>), which the parser keeps as a character: each line of the fenced block ended with "\\r"."""
    code = "<pre>Press office &#xD;\nMain street 7&#xD;\n&#xD;\n10119 Berlin&#13;Germany</pre>"
    article = extract(_page(f"<p>{PROSE}</p>{code}<p>{PROSE}</p>"), URL)
    assert "```\nPress office \nMain street 7\n\n10119 Berlin\nGermany\n```" in article.markdown, article.markdown
    assert "\r" not in article.text


def test_a_shiki_code_block_is_fenced_with_the_language_its_data_attribute_names():
    """Astro highlights with Shiki: the language is only the <pre>'s `data-language`."""
    code = (
        '<pre class="astro-code github-dark" tabindex="0" data-language="python"><code><span class="line">'
        '<span style="color:#F97583">import</span> os</span>\n<span class="line">print(os.sep)</span></code></pre>'
    )
    article = extract(_page(f"<p>{PROSE}</p>{code}<p>{PROSE}</p>"), URL)
    assert "```python\nimport os\nprint(os.sep)\n```" in article.markdown


def test_a_docutils_code_block_is_fenced_with_the_language_after_its_code_class():
    """A reST post's code (Nikola's `.. code-block:: python`) was fenced without its language: docutils' code
    directive names it in the <pre>'s class after `code` (`code python literal-block`; Nikola's own directive
    `code python`, each line after an empty anchor). Nikola's Markdown compiler prints `code literal-block`: none."""
    rest = (
        '<div class="code"><pre class="code python"><a id="rest_code_1-1" name="rest_code_1-1"'
        ' href="#rest_code_1-1"></a><span class="kn">import</span> <span class="nn">csv</span>\n'
        '<a id="rest_code_1-2" name="rest_code_1-2" href="#rest_code_1-2"></a>print(csv)\n</pre></div>'
    )
    docutils = '<pre class="code shell literal-block"><code>ls -l</code></pre>'
    markdown = '<div class="code"><pre class="code literal-block">make all</pre></div>'
    article = extract(_page(f"<p>{PROSE}</p>{rest}<p>{PROSE}</p>{docutils}<p>{PROSE}</p>{markdown}<p>{PROSE}</p>"), URL)
    assert "```python\nimport csv\nprint(csv)\n```" in article.markdown, article.markdown
    assert "```shell\nls -l\n```" in article.markdown
    assert "```\nmake all\n```" in article.markdown


def test_quartos_code_cells_stand_where_they_are_fenced_with_their_language_and_apart_from_their_output():
    """Quarto (pandoc) prints each code cell as `div.cell` — its code in `pre.sourceCode > code.sourceCode r`, each
    line a span with an empty anchor, its output in a `pre` of its own. trafilatura takes an element of class
    `cell` for the story and put the first cell before the post's first paragraph; the language is the class after
    `sourceCode`; in `text` a code block and the next were one line."""
    cell = (
        '<div class="cell"><div class="sourceCode cell-code" id="cb1"><pre class="sourceCode r code-with-copy">'
        '<code class="sourceCode r"><span id="cb1-1"><a href="#cb1-1" aria-hidden="true" tabindex="-1"></a>'
        'tuesdata <span class="ot">&lt;-</span> <span class="fu">tt_load</span>(2023)</span>\n'
        '<span id="cb1-2"><a href="#cb1-2" aria-hidden="true" tabindex="-1"></a></span>\n'
        '<span id="cb1-3"><a href="#cb1-3" aria-hidden="true" tabindex="-1"></a>house <span class="ot">&lt;-</span>'
        ' tuesdata$house</span></code><button class="code-copy-button"></button></pre></div>'
        '<div class="cell-output cell-output-stdout"><pre><code>Downloading file 1 of 1</code></pre></div></div>'
    )
    html = (
        '<html lang="en"><head><title>A post</title></head><body><main class="content" id="quarto-document-content">'
        f"<h1>A post</h1><p>{PROSE}</p>{cell}<p>The end of it, in a short paragraph.</p></main></body></html>"
    )
    article = extract(html, URL)
    assert article.markdown == (
        f"{PROSE.strip()}\n\n```r\ntuesdata <- tt_load(2023)\n\nhouse <- tuesdata$house\n```\n\n"
        "```\nDownloading file 1 of 1\n```\n\nThe end of it, in a short paragraph."
    )
    assert "house <- tuesdata$house\nDownloading file 1 of 1\n" in article.text


# A body of the length at which trafilatura keeps the line under the title (shorter or longer, it drops it).
_SECTIONS = "".join(
    "<p>Rye has been baked in the north for a thousand years and is still the bread of the cold cellars. Spelt, by"
    f" contrast, came back only in the last decades and focuses entirely on taste.</p><h2>Part {n}</h2><p>Both"
    " want a long, slow proof and a hot oven.</p>"
    for n in range(3)
)


@pytest.mark.parametrize(
    ("header", "body"),
    [
        (  # Docusaurus: the <time> and the reading time in the post's <header>, its body in #__blog-post-container
            '<header><h1 class="title_f1Hy">Rye note</h1><div class="container_mt6G"><time datetime="2024-03-20T08:30'
            ':00.000Z">March 20, 2024</time> · <!-- -->One min read</div></header>',
            '<div id="__blog-post-container" class="markdown">{}</div>',
        ),
        (  # VuePress's theme-hope: the date, the reading time, in div.page-info; its body in #markdown-content
            '<div class="vp-page-title"><h1>Rye note</h1><div class="page-info"><span class="page-date-info">'
            '<span>3/20/24</span><meta property="datePublished" content="2024-03-20T00:00:00.000Z"></span>'
            '<span class="page-reading-time-info"><span>Less than 1 minute</span></span></div><hr></div>',
            '<div vp-content><div id="markdown-content">{}</div></div>',
        ),
        (  # Hydejack: the date with the categories and tags in the <header> of the post's <article>
            '<header><h1 class="post-title">Rye note</h1><div class="post-date"><span><time datetime="2024-03-20T09:'
            '30:00+01:00">20 Mar 2024</time> in <span>Baking</span> on <span>Rye</span>, <a href="/tag-b/">bread</a>'
            "</span></div></header>",
            "{}",
        ),
    ],
)
def test_the_fields_a_theme_prints_between_the_title_and_the_body_are_not_the_first_line(header, body):
    """trafilatura drops the <time> of such a line and keeps the rest ("· One min read", "3/20/24Less than 1
    minute", "in Baking on Rye, Bread") as the post's first line. A lead sentence there stays (the next test)."""
    html = (
        '<html lang="en"><head><title>Rye note</title></head><body><main><article class="post">'
        f"{header}{body.format(_SECTIONS)}</article></main></body></html>"
    )
    article = extract(html, URL)
    assert article.text.startswith("Rye has been") and article.markdown.startswith("Rye has been")


def test_a_lead_sentence_between_the_title_and_the_body_stays():
    html = (
        '<html lang="en"><head><title>Rye note</title></head><body><main><article><header><h1>Rye note</h1>'
        '<div class="lead">Why rye wants a cold cellar.</div></header><div id="__blog-post-container">'
        f"{_SECTIONS}</div></article></main></body></html>"
    )
    assert extract(html, URL).text.startswith("Why rye wants a cold cellar.")


def test_a_heading_that_is_a_link_to_itself_is_a_heading_in_markdown():
    """VuePress links each heading's words to the heading: `## Make`, not `## [Make](…#make)`."""
    html = _page(
        f"<p>{PROSE}</p>"
        '<h2 id="make" tabindex="-1"><a class="header-anchor" href="#make"><span>Make</span></a></h2>'
        f"<p>{PROSE}</p>"
        '<h2 id="경복궁"><a class="header-anchor" href="#%EA%B2%BD%EB%B3%B5%EA%B6%81"><span>경복궁</span></a></h2>'
        f"<p>{PROSE}</p>"
    )
    headings = [line for line in extract(html, URL).markdown.split("\n") if line.startswith("## ")]
    assert headings == ["## Make", "## 경복궁"]


def test_a_player_iframe_is_kept_as_its_address_and_a_like_button_iframe_is_not():
    player = '<iframe src="https://player.vimeo.com/video/1234567" width="640" height="360" allowfullscreen></iframe>'
    like = (
        '<iframe src="https://www.facebook.com/plugins/like.php?href=https%3A%2F%2Fblog.example%2Fvideo%2F"'
        ' style="border:none; width:100px; height:21px"></iframe>'
    )
    article = extract(_page(f"<p>{PROSE}</p>{player}<p>{PROSE}</p>{like}"), URL)
    assert "https://player.vimeo.com/video/1234567" in article.text
    assert "<https://player.vimeo.com/video/1234567>" in article.markdown
    assert "facebook.com" not in article.text and "facebook.com" not in article.markdown


def _menu_page(main: str) -> str:
    """A Hugo-like theme: hidden labels for its scripts, a banner with settings and a menu, a footer menu."""
    return (
        '<html lang="en"><head><title>Brave New World — My Shelf — books, bread and code</title></head><body>'
        '<span style="display: none;" aria-hidden="true">Keep current color theme</span>'
        '<header class="pre-header"><span>Dark mode</span> <span>Font size</span></header>'
        '<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/blog/">Blog</a></li>'
        '<li><a href="/about/">About</a></li></ul></nav></header>'
        f'<section class="content">{main}</section>'
        '<footer><p>More sections on this site</p><ul><li><a href="/reading/">Books</a></li>'
        '<li><a href="/art/">Art</a></li></ul></footer></body></html>'
    )


def test_a_page_whose_post_has_no_text_gets_no_text_not_the_menus():
    """trafilatura, finding no post, falls back on the page's whole text: a title-only entry came out as its theme's
    labels and menus, and was archived as a post of 21 words."""
    article = extract(_menu_page('<main><article class="page-content">\n  </article></main>'), URL)
    assert article.text == "" and article.markdown == ""
    assert article.kind == "other" and article.kind_reason == "no text"


def test_a_post_whose_body_element_is_empty_gets_no_text_not_its_heading_and_menus():
    """A stub for a post published elsewhere: its theme's post-body element is empty; around it the title, the date,
    a share link, and a "top" button outside every landmark."""
    post = (
        '<div id="content"><article><h2 class="post-title">Creating Vue.js component instances</h2>'
        '<div class="post-meta">January 23, 2018</div><div class="post-content"></div>'
        '<div class="share-bar"><a href="https://twitter.com/share">Tweet</a></div></article></div>'
        '<div class="bring-to-top">TOP</div>'
    )
    assert extract(_menu_page(post), URL).text == ""


def test_an_image_only_post_is_not_taken_for_an_empty_page_and_keeps_its_picture():
    """Its main element is its container, not the footer's paragraph, which holds more words."""
    post = (
        '<main><article><time datetime="2024-05-02">2 May</time><figure><img src="/2024/05/fog.jpg">'
        "<figcaption>Fog on the river</figcaption></figure></article></main>"
    )
    article = extract(_menu_page(post), URL)
    assert article.kind == "article"
    fog = ("https://blog.example/2024/05/fog.jpg", "Fog on the river")
    assert [(image.src, image.caption) for image in article.images] == [fog]


def test_a_short_post_beside_the_same_menus_keeps_its_text():
    post = "<main><article><p>Finished it on the train: colder than I remembered, and funnier.</p></article></main>"
    assert "Finished it on the train: colder than I remembered, and funnier." in extract(_menu_page(post), URL).text


def test_a_post_beside_an_empty_main_element_keeps_its_text():
    """A block theme's group block may be a `<main>` with nothing in it, the post in the template beside it."""
    post = '<main class="wp-block-group"></main><div class="entry"><p>' + PROSE + "</p></div>"
    assert PROSE.strip()[:60] in extract(_menu_page(post), URL).text


def test_a_post_in_a_header_inside_the_main_element_is_not_navigation():
    post = "<main><header><p>Finished it on the train: colder than I remembered, and funnier.</p></header></main>"
    assert "colder than I remembered" in extract(_menu_page(post), URL).text


def test_autolinked_addresses_in_a_paragraph_and_a_list_item_are_text_and_links():
    # Markdown's <https://…> autolink: a paragraph that is all link, which trafilatura drops as navigation when
    # the link is over 100 characters or the paragraph under 30.
    address = "https://git.example/kettle/compare/a858f5a1884e332b9fde90327d90b1eb405b40c6..89aae79d10ff10041dd4971b39e"
    previous = "https://blog.example/2024/04/a-post/"
    article = extract(
        _page(
            f"<p>今月の活動です。</p><ul><li>前回 <a href='{previous}'>{previous}</a></li></ul><h2>ケトル言語</h2>"
            f"<p><a href='{address}'>{address}</a></p>"
            "<ul><li>大きな進展はない</li><li>途中で止まっている作業が多い</li></ul>",
            lang="ja",
        ),
        URL,
    )
    assert f"- 前回 {previous}\nケトル言語\n{address}\n- 大きな進展はない" in article.text
    assert f"[{address}]({address})" in article.markdown and f"前回 [{previous}]({previous})" in article.markdown
    assert "About" not in article.text  # the menu's links read as words: still navigation


def test_a_short_autolinked_address_in_an_english_post_is_kept_in_its_place():
    address = "https://rye.example/"
    article = extract(
        _page(f"<p>{PROSE}</p><p>The tables I use:</p><p><a href='{address}'>{address}</a></p><p>{PROSE}</p>"), URL
    )
    assert f"The tables I use:\n{address}\n" in article.text


def test_a_list_of_links_to_other_sites_in_the_post_is_its_reading_list():
    reading = "".join(
        f"<li><a href='https://{host}/items/{n}'>{title}</a></li>"
        for n, (host, title) in enumerate(
            [("notes.example", "Why rye needs a sour start"), ("bakers.example", "Hydration tables for dense loaves")]
        )
    )
    related = (
        "<li><a href='/2024/04/spelt/'>Spelt for beginners</a></li><li><a href='/2024/03/oats/'>Oat rolls</a></li>"
    )
    share = (
        f"<li><a href='https://social.example/share?u={URL}'>Share this on Social</a></li>"
        f"<li><a href='https://chat.example/send?text=A%20post%20{URL}'>Send it to a friend</a></li>"
    )
    article = extract(
        _page(
            f"<p>{PROSE}</p><h2>Further reading</h2><ul>{reading}</ul><p>{PROSE}</p>"
            f"<ul>{share}</ul><h3>More posts</h3><ul>{related}</ul>"
        ),
        URL,
    )
    assert "Further reading\n- Why rye needs a sour start\n- Hydration tables for dense loaves\n" in article.text
    assert "[Why rye needs a sour start](https://notes.example/items/0)" in article.markdown
    assert "Share this on Social" not in article.text and "Send it to a friend" not in article.text
    assert "Spelt for beginners" not in article.text


def _themed_post(title: str, body_element: str, content: str) -> str:
    """A post in a static theme's layout: a site header with its menu, the post's header (title, date), its body in
    `body_element`, a footer with the site's blurb (Jekyll's minima, most Hugo themes, Ghost's Casper)."""
    return (
        f'<html lang="en"><head><title>{title} | Ann\'s notes</title>'
        '<meta property="og:type" content="article">'
        '<meta property="article:published_time" content="2024-03-01T00:00:00+00:00"></head><body>'
        '<header class="site-header"><a class="site-title" href="/">Ann\'s notes</a>'
        '<nav class="site-nav"><a href="/about/">About</a> <a href="/projects/">Projects and other things</a></nav>'
        f'</header><main><article class="post"><header class="post-header"><h1 class="post-title">{title}</h1>'
        '<p class="post-meta"><time datetime="2024-03-01">Mar 1, 2024</time></p></header>'
        f"{body_element.format(content)}</article></main>"
        '<footer class="site-footer"><p>Notes on gardening, code and the rest of life.</p></footer></body></html>'
    )


def test_a_short_post_is_its_post_body_element_on_any_theme():
    """trafilatura calls a body under 250 characters a failure and takes the page's text instead: the menu, the
    title, the date. A post that short (or only a photo) is what the theme's post-body element holds."""
    note = "<p>Moved the garden beds today.</p>"
    photo = '<figure><img src="/beds.jpg" alt="Two beds"></figure>'
    for element in (
        '<div class="post-content e-content" itemprop="articleBody">{}</div>',  # Jekyll's minima
        '<section class="gh-content">{}</section>',  # Ghost
        '<div class="post-body entry-content">{}</div>',  # Blogger
    ):
        article = extract(_themed_post("Quick note", element, note + photo), URL)
        assert (article.kind, article.text) == ("article", "Moved the garden beds today."), element
        assert article.markdown == "Moved the garden beds today.\n\n![Two beds](https://blog.example/beds.jpg)"
        only_photo = extract(_themed_post("Beds", element, photo), URL)
        assert (only_photo.kind, only_photo.text) == ("article", ""), element
        assert only_photo.markdown == "![Two beds](https://blog.example/beds.jpg)"


def test_pictures_stand_in_the_markdown_where_they_stand_in_the_post():
    """After the text before them; a picture that opens its paragraph (Markdown's image line with its caption
    line below it, one <p>) before that paragraph."""
    article = extract(
        _page(
            f"<p>{PROSE}</p><p><img src='/a.jpg' alt='A' width='800'><br><em>The new beds - image 1</em></p>"
            f"<p>{PROSE[:80]} <img src='/b.jpg' alt='B' width='800'> after it.</p>"
        ),
        URL,
    )
    a, b = "![A](https://blog.example/a.jpg)", "![B](https://blog.example/b.jpg)"
    assert f"rye.\n\n{a}\n\nThe new beds - image 1\n\nThe kettle" in article.markdown
    assert article.markdown.endswith(f" after it.\n\n{b}")  # text comes before it in its paragraph


def test_pictures_in_a_post_of_text_runs_and_brs_stand_after_the_run_before_them():
    """Blogger's editor writes a post as text and <br>s in <div>s, each picture in a `div.separator` or a captioned
    `table.tr-caption-container` of its own: the text before a picture is in no <p>, and every picture stood
    together after the last <p>, heading or quote before it (here all three after the quote at the top)."""
    blogger = "https://blogger.googleusercontent.com/img/b/R29vZ2xl"
    pictures = {
        name: f'<a href="{blogger}/s1600/{name}.jpg" imageanchor="1"><img border="0" height="480" width="640"'
        f' src="{blogger}/s640/{name}.jpg" /></a>'
        for name in ("cover", "pages", "stars", "cellar")
    }
    lines = [
        f"The kettle sang while the bread cooled on the rack, and the kitchen smelled of rye {words}."
        for words in (
            "on the day the copy came",
            "on the first evening",
            "on the second day",
            "on the third day",
            "on the last day",
        )
    ]
    body = (
        f"{lines[0]}<br />\n<br />\n<u>Blurb:</u><br />\n<blockquote class='tr_bq'>\n<i>{PROSE}</i></blockquote>\n"
        f'<div class="separator" style="clear: both; text-align: center;">\n{pictures["cover"]}</div>\n<br />\n'
        f"<u>Opinion:</u><br />\n{lines[1]}<br />\n{lines[2]}<br />\n<br />\n"
        f'<div class="separator" style="clear: both; text-align: center;">\n{pictures["pages"]}</div>\n'
        f"{lines[3]}<br />\n<br />\n{lines[4]}<br />\n<br />\n"
        '<table align="center" cellpadding="0" cellspacing="0" class="tr-caption-container"><tbody><tr><td>'
        f'{pictures["stars"]}</td></tr><tr><td class="tr-caption">Five of five stars</td></tr></tbody></table>'
    )
    html = (
        "<html><head><title>A review</title></head><body><div class='post hentry'><h3 class='post-title'>A review"
        f"</h3><div class='post-body entry-content'>{body}</div></div></body></html>"
    )
    markdown = extract(html, "https://rye.blogspot.com/2024/05/a-review.html").markdown
    cover, pages, stars = (f"![]({blogger}/s640/{name}.jpg)" for name in ("cover", "pages", "stars"))
    assert f"{PROSE[-40:].strip()}*\n\n{cover}\n\nOpinion:\n\n" in markdown  # the blurb in italics
    assert f"{lines[2]}\n\n{pages}\n\n{lines[3]}" in markdown
    assert f"{lines[4]}\n\n{stars}\n\nFive of five stars" in markdown
    # each paragraph a <div> of its own, a picture's separator opening the <div> of the text after it
    body = (
        f"<div>{lines[0]}</div><div><br /></div><h3>Blurb</h3><div>{lines[1]}</div><div><br /></div><div>{lines[2]}"
        f'</div><div><br /></div><div><div class="separator">{pictures["cellar"]}</div>{lines[3]}</div>'
        f"<div><br /></div><div>{lines[4]}</div>"
    )
    markdown = extract(html.replace(html[html.index(lines[0]) : html.index("</div></div></body>")], body), URL)
    assert f"{lines[2]}\n\n![]({blogger}/s640/cellar.jpg)\n\n{lines[3]}" in markdown.markdown


def test_a_short_run_the_markdown_leaves_out_does_not_place_a_picture_after_a_line_holding_its_words():
    """A run of a few characters before a picture (a kicker, a counter, a label) stands inside many lines of the
    text: where the Markdown leaves the run out, the picture went after the first line holding its word. A short
    run is looked for as a line of its own."""
    from lxml import html

    from crawler.extraction.article import Image
    from crawler.extraction.markdown_images import with_images

    post = html.fromstring(
        "<div class='post-body'><span class='kicker'>Kansas</span><br />"
        '<div class="separator"><a href="/wheat.jpg"><img src="/wheat-s640.jpg" /></a></div>'
        "The harvest began in Kansas on Monday, a week early.<br /><br />Farmers expect a good year.<br />"
        '<div class="separator"><a href="/combine.jpg"><img src="/combine-s640.jpg" /></a></div>Rye<br /></div>'
    )
    wheat, combine = post.findall(".//img")
    markdown = "The harvest began in Kansas on Monday, a week early.\n\nFarmers expect a good year.\n\nRye"
    images = [(wheat, Image("/wheat.jpg", 1)), (combine, Image("/combine.jpg", 2))]
    assert with_images(markdown, post, images).split("\n\n") == [
        "![](/wheat.jpg)",
        "The harvest began in Kansas on Monday, a week early.",
        "Farmers expect a good year.",
        "![](/combine.jpg)",
        "Rye",
    ]


def test_a_short_post_on_a_theme_of_utility_classes_is_its_paragraphs_not_its_article_in_one_line():
    """Hugo's Ananke marks no post-body element. Under 250 characters of post, trafilatura falls back on the whole
    <article> — title, byline, date, post, tags — as one line; the post is the element with its paragraphs."""
    html = (
        '<html lang="en"><head><title>Rye</title></head><body><header><nav><a href="/">Ann\'s notes</a></nav>'
        '</header><main><article class="flex-l mw8 center"><header class="mt4 w-100"><h1 class="f1">Rye</h1>'
        '<p class="tracked">By <strong>Ann Lee</strong></p><time datetime="2024-03-05">March 5, 2024</time></header>'
        '<div class="lh-copy serif f4 w-two-thirds-l"><p>The rye rose overnight in the cold cellar.</p>'
        "<h2>Baking</h2><p>Forty minutes at two hundred and thirty degrees, then an hour on the rack.</p>"
        '<ul class="pa0"><li><a href="/tags/bread/">bread</a></li></ul></div>'
        '<aside class="w-30-l"><p>Related</p><ul><li><a href="/posts/spelt/">Spelt</a></li></ul></aside>'
        "</article></main></body></html>"
    )
    article = extract(html, URL)
    assert [person.name for person in article.authors] == ["Ann Lee"]
    lines = article.text.split("\n")
    assert lines[0] == "The rye rose overnight in the cold cellar."
    assert lines[-1] == "Forty minutes at two hundred and thirty degrees, then an hour on the rack."
    for other in ("Ann Lee", "March 5", "bread", "Related", "Spelt"):
        assert other not in article.text


def test_a_short_post_with_code_on_a_theme_of_utility_classes_is_its_element_not_the_page_in_one_block():
    """With a code block or a list in it, trafilatura's fallback for a short post on Ananke is every line of the
    page's text in one block — the site's name, the title, the byline, the date —, not the article in one line:
    the post is still the element with its paragraphs, its code fenced and its list a list."""
    html = (
        '<html lang="en"><head><title>Tiny tip</title></head><body><header><nav><a href="/">Ann\'s notes</a></nav>'
        '</header><main><article class="flex-l mw8 center"><header class="mt4 w-100"><h1 class="f1">Tiny tip</h1>'
        '<p class="tracked">By <strong>Ann Lee</strong></p><time datetime="2024-08-02">August 2, 2024</time></header>'
        '<div class="lh-copy serif f4 w-two-thirds-l"><p>List the files:</p>'
        '<div class="highlight"><pre tabindex="0"><code class="language-sh" data-lang="sh">ls -la /tmp\n</code></pre>'
        "</div><ul><li>item one</li><li>item two</li></ul></div></article></main></body></html>"
    )
    article = extract(html, URL)
    assert article.text == "List the files:\nls -la /tmp\n- item one\n- item two"
    assert article.markdown == "List the files:\n\n```sh\nls -la /tmp\n```\n\n- item one\n- item two"


def test_a_short_post_on_ananke_leaves_every_field_line_of_its_header_out():
    """Ananke prints under a post's title its author's line (the bare <strong> where it does not translate "By":
    Korean), the date, the reading time and the word count (" - One minute read ", " - 37 words "). For a short post
    with code trafilatura's fallback kept the header's lines after the title: the author's was left out as a field,
    the reading time's after it stayed the post's first line ("- One minute read - 37 words")."""
    html = (
        '<html lang="ko"><head><title>CSV 읽기 | 노트</title></head><body><header><nav role="navigation">'
        '<a href="/ko/" class="f3 fw2">노트</a><ul class="pl0 mr3"><li class="list"><a href="/posts/">Posts</a></li>'
        '<li class="list"><a href="/about/">About</a></li></ul></nav></header><main class="pb7" role="main">'
        '<article class="flex-l flex-wrap justify-between mw8 center ph3"><header class="mt4 w-100"><aside '
        'class="instapaper_ignoref b helvetica tracked">POSTS</aside><h1 class="f1 athelas mt3 mb1">CSV 읽기</h1>'
        '<p class="tracked">\n<strong>Ann Lee</strong>\n</p><time class="f6 mv4 dib tracked" '
        'datetime="2023-06-03T20:40:00+09:00">6월 3, 2023</time>\n<span class="f6 mv4 dib tracked"> - One minute '
        'read </span>\n<span class="f6 mv4 dib tracked"> - 37 words </span></header><div class="nested-copy-line-'
        'height lh-copy serif f4 nested-links mid-gray pr4-l w-two-thirds-l"><p>큰 CSV 파일을 한 번에 메모리에 올리면 '
        '느려집니다. 한 줄씩 읽으면 메모리를 거의 쓰지 않습니다.</p><div class="highlight"><pre tabindex="0"><code '
        'class="language-python" data-lang="python">import csv\n\nwith open("data.csv") as f:\n'
        "    for row in csv.reader(f):\n        print(row)\n</code></pre></div><p>이 방법은 일정한 메모리만 "
        '사용합니다.</p><ul class="pa0"><li class="list di"><a href="/ko/tags/python" class="link f5">python</a>'
        '</li></ul><div class="mt6 instapaper_ignoref"></div></div><aside class="w-30-l mt6-l"></aside></article>'
        '</main><footer class="bg-black" role="contentinfo"><a href="/">&copy; 노트 2026</a></footer></body></html>'
    )
    article = extract(html, URL)
    assert article.text.startswith("큰 CSV 파일을 한 번에")
    assert "minute" not in article.text and "words" not in article.text and "Ann Lee" not in article.text
    assert "```python\nimport csv" in article.markdown


def test_a_list_of_terms_in_the_posts_header_goes_whole_or_stays_whole():
    """Field lines under the title are left out one after another; a list of the post's categories in its header
    (a date, then `<ul><li>Press release</li><li>Health</li>…`) is one of them, all its items or none: its first
    item alone was left out, the others stayed the post's first lines."""
    header = (
        '<header class="intro"><h1>Rye note</h1><div class="date-cat"><span class="date">10. November 2021</span>'
        '<div class="cat"><ul><li>Press release</li><li> Corona </li><li> Health and care </li><li> Diaconal profile'
        "</li></ul></div></div></header>"
    )
    html = (
        '<html lang="en"><head><title>Rye note</title></head><body><main><article class="post">'
        f'{header}<div id="__blog-post-container" class="markdown">{_SECTIONS}</div></article></main></body></html>'
    )
    article = extract(html, URL)
    assert article.text.startswith("Rye has been")


def test_a_short_post_on_mainroad_leaves_the_author_box_under_it_out():
    """Hugo's Mainroad prints the site author's box (div.authorbox: "About Jane Doe", the bio) after the post's
    <main>, in the same div.primary: for a post of two sentences trafilatura's fallback took the box as the post's
    last lines. The box is still the author's."""
    html = (
        '<html class="no-js" lang="en"><head><title>Tomato season, part 2 - Notes</title></head><body class="body">'
        '\n<div class="container container--outer">\n<div class="wrapper flex">\n<div class="primary">\n<main '
        'class="main" role="main">\n\t<article class="post">\n\t\t<header class="post__header">\n\t\t\t<h1 '
        'class="post__title">Tomato season, part 2</h1>\n\t\t\t<div class="post__meta meta"><div '
        'class="meta__item-author meta__item">\n\t<span class="meta__text">Jane Doe</span>\n</div>\n<div '
        'class="meta__item-datetime meta__item">\n\t<time class="meta__text" datetime="2023-08-02T07:45:00&#43;02:00"'
        '>August 02, 2023</time></div><div class="meta__item-categories meta__item"><span class="meta__text"><a '
        'class="meta__link" href="/categories/kitchen/" rel="category">Kitchen</a>\n\t</span>\n</div></div>\n\t\t'
        '</header>\n\t\t<div class="content post__content clearfix">\n\t\t\t<p>The second week of August brought '
        "more tomatoes than two people can eat, so we made a sauce and froze it in jars.\nRoasting them first for "
        "forty minutes gives the sauce a deeper colour.</p>\n\t\t</div>\n\t</article>\n</main>\n"
        '<div class="authorbox clearfix">\n\t<figure class="authorbox__avatar">\n\t\t<img alt="Jane Doe avatar" '
        'src="/img/jane.png" class="avatar" height="90" width="90">\n\t</figure>\n\t<div class="authorbox__header">'
        '\n\t\t<span class="authorbox__name">About Jane Doe</span>\n\t</div>\n\t<div class="authorbox__description">'
        "\n\t\tJane bakes bread in Hamburg and walks the Elbe on weekends.\n\t</div>\n</div>\n</div>\n</div>\n</div>"
        "\n</body>\n</html>"
    )
    article = extract(html, URL)
    assert article.text.startswith("The second week of August")
    assert "Jane" not in article.text and "Hamburg" not in article.text
    assert (article.author_box.name, article.author_box.bio) == (
        "Jane Doe",
        "Jane bakes bread in Hamburg and walks the Elbe on weekends.",
    )


def test_a_short_post_without_a_post_body_class_leaves_the_sites_tagline_and_sidebar_out():
    """Jekyll's Poole themes (Hyde, Lanyon) print the site's blurb and copyright in a sidebar before the post, and
    Mediumish its tagline in a header, with the post in a `div.post` / `div.article-post` no selector knows: under
    250 characters of post trafilatura's fallback took every paragraph of the page."""
    sidebar = (
        '<div class="sidebar"><div class="sidebar-about"><h1><a href="/">Ann\'s Notebook</a></h1>'
        '<p class="lead">Notes on bread, travel and gardens by Ann Lee.</p></div>'
        '<nav><a href="/">Home</a> <a href="/about/">About</a></nav><p>&copy; 2026. All rights reserved.</p></div>'
    )
    poole = (
        f'<html lang="en"><head><title>Rye note &middot; Ann\'s Notebook</title></head><body>{sidebar}'
        '<div class="content container"><div class="post"><h1 class="post-title">Rye note</h1>'
        '<span class="post-date">05 Mar 2024</span>'
        "<p>The rye rose overnight in the cold cellar, and I baked it at noon.</p></div>"
        '<div class="related"><h2>Related Posts</h2><ul><li><h3><a href="/spelt/">Spelt <small>01 Mar 2024</small>'
        "</a></h3></li></ul></div></div></body></html>"
    )
    mediumish = (
        '<html lang="en"><head><title>Rye note | Ann\'s Notebook</title><meta property="og:title" content="Rye note">'
        '<meta property="og:site_name" content="Ann\'s Notebook"></head><body>'
        '<div class="site-content"><div class="mainheading"><h1 class="sitetitle">Ann\'s Notebook</h1>'
        '<p class="lead">Notes on bread, travel and gardens.</p></div><div class="main-content">'
        '<div class="mainheading"><h1 class="posttitle">Rye note</h1></div><div class="article-post">'
        "<p>The rye rose overnight in the cold cellar, and I baked it at noon.</p></div>"
        '<p><span class="post-date"><time datetime="2024-03-05">05 Mar 2024</time></span></p></div></div>'
        "</body></html>"
    )
    for html in (poole, mediumish):
        article = extract(html, URL)
        assert (article.title, article.published[:10]) == ("Rye note", "2024-03-05")
        assert article.text == article.markdown == "The rye rose overnight in the cold cellar, and I baked it at noon."
    # a short post with subheadings between its paragraphs: the tagline goes, the subheadings stay
    sections = (
        "<p>The rye rose overnight in the cold cellar.</p><h2>The oven</h2><p>I baked it at noon, in the old oven.</p>"
        "<h2>The taste</h2><p>Sour, dark and good.</p>"
    )
    article = extract(
        mediumish.replace("<p>The rye rose overnight in the cold cellar, and I baked it at noon.</p>", sections), URL
    )
    assert article.markdown == (
        "The rye rose overnight in the cold cellar.\n\n## The oven\n\nI baked it at noon, in the old oven.\n\n"
        "## The taste\n\nSour, dark and good."
    )


def test_a_one_line_post_shorter_than_the_sites_footer_is_its_paragraph_not_its_article_in_one_line():
    """Pelican's Flex: the post's paragraph in an unclassed <div> of `article.single`, its header's "Posted on …
    in <category>", a tag cloud and a comment embed's <noscript> beside it, and a footer whose two paragraphs hold
    more text than the post. trafilatura's fallback read the whole <article> into one line."""
    html = (
        '<html lang="en"><head><title>Rye note - Ann\'s notes</title><meta property="og:title" content="Rye note">'
        '</head><body><main><article class="single"><header><h1 id="rye-note">Rye note</h1><p>Posted on Tue 05 March'
        ' 2024 in <a href="/category/notes.html">Notes</a></p></header>'
        "<div><p>The rye rose overnight in the cold cellar.</p></div>"
        '<div class="tag-cloud"><p><a href="/tag/bread.html">bread</a></p></div><div id="disqus_thread"></div>'
        "<noscript>Please enable JavaScript to view comments.</noscript></article></main><footer><p>&copy; 2025 - "
        'This work is licensed under a <a rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/">'
        "Creative Commons Attribution-ShareAlike 4.0 International License</a></p><p>Built with Pelican using "
        "the Flex theme</p></footer></body></html>"
    )
    article = extract(html, URL)
    assert article.text == article.markdown == "The rye rose overnight in the cold cellar."


def test_a_short_post_after_an_admonition_keeps_its_heading_and_paragraph():
    """A short post is read from its post-body element alone, and trafilatura took that element, a <div> of three
    blocks under 100 characters with a link among them, for a links widget and dropped it whole: a theme's
    admonition or callout before the post's heading and a paragraph opening with a link (Hugo FixIt's notice of
    the post's age, a <div> of <div>s) left the notice alone for the text, or nothing."""
    callout = (
        '<div class="details admonition note open"><div class="details-summary admonition-title">Note</div>'
        '<div class="details-content"><div class="admonition-content">Old notes, kept as they were.</div></div></div>'
    )
    post = '<h2 id="beds">Beds</h2><p><a href="https://seeds.example/">Seed shop</a> opens in May.</p>'
    for element in ('<div class="post-content">{}</div>', '<div class="content" id="content">{}</div>'):
        article = extract(_themed_post("Garden links", element, callout + post), URL)
        assert article.text.endswith("Beds\nSeed shop opens in May."), element


def test_a_short_post_above_minimal_mistakes_related_posts_is_the_post():
    """Jekyll's Minimal Mistakes prints its post in `section.page__content` and four teasers with excerpts under
    "You may also enjoy" (`div.page__related`): beside a one-line post they were taken for its text, and the post
    for a listing — and it was not stored."""
    teaser = (
        '<div class="grid__item"><article class="archive__item" itemscope itemtype="https://schema.org/CreativeWork">'
        '<h2 class="archive__item-title"><a href="/notes/{0}/" rel="permalink">The {0} note</a></h2>'
        '<p class="page__meta"><time datetime="2024-02-0{1}">February {1}, 2024</time> less than 1 minute read</p>'
        '<p class="archive__item-excerpt" itemprop="description">What the {0} did in the cellar over the long cold '
        "winter, and what I learned from it about patience and bread.</p></article></div>"
    )
    html = (
        '<html lang="en"><head><title>Coffee note</title></head><body><div id="main" role="main">'
        '<article class="page" itemscope itemtype="https://schema.org/CreativeWork"><div class="page__inner-wrap">'
        '<header><h1 id="page-title" class="page__title" itemprop="headline">Coffee note</h1></header>'
        '<section class="page__content" itemprop="text"><p>A good espresso needs twenty-five seconds.</p></section>'
        '<footer class="page__meta"><p class="page__date"><strong>Updated:</strong> <time datetime="2024-02-03">'
        "February 3, 2024</time></p></footer></div></article></div>"
        '<div class="page__related"><h4 class="page__related-title">You may also enjoy</h4><div class="grid__wrapper">'
        + "".join(teaser.format(name, n) for n, name in enumerate(("rye", "spelt", "oats", "barley"), 1))
        + "</div></div></body></html>"
    )
    article = extract(html, "https://x.example/notes/coffee-note/")
    assert (article.kind, article.text) == ("article", "A good espresso needs twenty-five seconds.")


def test_a_short_posts_lead_between_its_title_and_its_paragraphs_stays():
    """A lead paragraph outside the element with the post's paragraphs, printed after the title, is the post's."""
    html = (
        '<html lang="en"><head><title>Rye note</title></head><body><div class="sidebar"><p class="lead">Notes on '
        'bread by Ann Lee.</p></div><div class="content"><h1>Rye note</h1><p class="lead">A cellar, a night.</p>'
        '<div class="post"><p>The rye rose overnight in the cold cellar.</p><p>It baked well.</p></div></div>'
        "</body></html>"
    )
    assert "A cellar, a night." in extract(html, URL).text


def test_an_html_comment_before_a_picture_is_no_text_before_it():
    """A paragraph that opens with a comment (an editor's block marker, a template's note) and then a picture:
    the comment is no text, and reading it as an element raised (a crawl error for the whole post)."""
    from lxml import html

    from crawler.extraction.markdown_images import _opens

    paragraph = html.fromstring("<p><!-- wp:image --> <span><img src='/a.jpg'></span> Text.</p>")
    assert _opens(paragraph, paragraph.find(".//img"))
    paragraph = html.fromstring("<p>Before <!-- c --><span><img src='/a.jpg'></span></p>")
    assert not _opens(paragraph, paragraph.find(".//img"))


def test_the_sources_indentation_is_no_part_of_the_text_and_code_keeps_its_own():
    """trafilatura keeps the source's line breaks and indentation in a block it builds from an element whose
    children it leaves out (a theme's meta line: a <time>, a separator, a reading time) and in a caption holding a
    <p> (Hugo's figure shortcode): lines of spaces, a caption thirteen spaces in. Code keeps its indentation."""
    html = _page(
        '<div class="meta">\n    \n      <time datetime="2024-05-01">1 May</time><span>&middot;</span>'
        '<span title="Reading time">4 min</span>\n    \n    </div>'
        f"<p>{PROSE}</p>"
        '<figure><img src="/a.jpg" alt="A"><figcaption>\n            <p>The first bed.</p>\n        </figcaption>'
        "</figure>"
        "<pre><code>def f():\n    return 1\n</code></pre>"
    )
    article = extract(html, URL)
    lines = article.text.split("\n")
    assert "The first bed." in lines
    assert "def f():" in lines and "    return 1" in lines
    assert not [line for line in lines if not line.strip()]
    assert not [line for line in lines if line[:1].isspace() and line != "    return 1"]


def test_inline_code_at_a_source_line_break_stays_apart_from_the_next_word():
    """trafilatura marks inline code as it marks a code block: folding the source's line breaks must not read it
    as a line's end and glue it to the next word ("pdftoppmverwandelt" on a Pelican blog)."""
    html = _page(
        f"<p>{PROSE}</p><p>Das Tool <code>pdftoppm</code>\nverwandelt Seiten in Bilder, mit\n    <code>-png</code>"
        "\n    als Option.</p>"
    )
    text = extract(html, URL).text
    words = text.split()
    assert "pdftoppm" in words and "verwandelt" in words and "-png" in words and "als" in words


def test_a_paragraph_holding_inline_code_is_one_line_as_every_other_paragraph():
    """trafilatura trims a paragraph's source line breaks but not around inline code: every Markdown engine's
    wrapped paragraph with a `code` span came out broken mid-sentence, in the text and the Markdown alike."""
    html = _page(
        f"<p>{PROSE}</p><p>Eine Funktion gibt ein <code>Result</code> zurück, und der Aufrufer muss\n"
        "entscheiden, was geschieht.</p><ul><li>An item with <code>code</code> that wraps\nonto a second line</li></ul>"
        "<pre><code>first = 1\nsecond = 2\n</code></pre>"
    )
    article = extract(html, URL)
    assert "und der Aufrufer muss entscheiden, was geschieht." in article.text
    assert "- An item with code that wraps onto a second line" in article.text
    assert "muss entscheiden" in article.markdown and "`code` that wraps onto" in article.markdown
    assert "first = 1\nsecond = 2" in article.text


def test_a_headings_permalink_anchor_is_no_part_of_the_heading():
    """Hugo's Congo prints a "#" link to the heading's own id beside its words, Coder a link whose text a screen
    reader reads ("Link to heading"), Sphinx a "¶". A heading that is one link to itself keeps its words, and a
    link to another place stays."""
    html = _page(
        f"<p>{PROSE}</p>"
        '<h2 id="materials">Choosing Materials <span class="anchor"><a href="#materials" aria-label="Anchor">#</a>'
        "</span></h2>"
        f"<p>{PROSE}</p>"
        '<h2 id="watering">Watering <a class="heading-link" href="#watering"><i title="Link to heading"></i>'
        '<span class="sr-only">Link to heading</span></a></h2>'
        f"<p>{PROSE}</p>"
        '<h2>Soil <a class="headerlink" href="#soil">¶</a></h2>'
        f"<p>{PROSE}</p>"
        '<h2 id="tools"><a href="#tools">Tools</a></h2>'
        f"<p>{PROSE}</p>"
        '<h2 id="costs">Costs, see <a href="#watering">watering</a></h2>'
        f"<p>{PROSE}</p>"
        # Hugo percent-encodes the id of a heading in Korean (or with an umlaut) in the link's address
        '<h2 id="경복궁">경복궁 <a class="heading-link" href="#%ea%b2%bd%eb%b3%b5%ea%b6%81"><i title="Link to heading">'
        '</i><span class="sr-only">Link to heading</span></a></h2>'
        f"<p>{PROSE}</p>"
    )
    article = extract(html, URL)
    headings = [line for line in article.markdown.split("\n") if line.startswith("## ")]
    assert headings[:3] == ["## Choosing Materials", "## Watering", "## Soil"]
    assert "Tools" in headings[3]  # its words, linked or not
    assert headings[4].startswith("## Costs, see") and "watering" in headings[4]
    assert headings[5] == "## 경복궁"
    assert "Link to heading" not in article.text and "Materials #" not in article.text


def test_a_title_the_theme_links_is_not_repeated_as_the_first_line():
    """A theme that links its <h1> to the post (Hugo's Coder) gives a first Markdown line "# [Title](url)": it is
    the title, and goes as the plain title line does."""
    html = _page(f"<p>{PROSE}</p>").replace(
        "<h1>A post</h1>", f'<h1><a class="title-link" href="{URL}">A post</a></h1>'
    )
    article = extract(html, URL)
    assert article.title == "A post"
    assert article.markdown.startswith("The kettle sang")


def test_a_field_printed_above_the_title_goes_with_the_title_line():
    """hello-friend-ng prints the reading time in its <main>, above the post's <article> and its <h1>: trafilatura
    starts the text with "One minute", then the title. A sentence above the title stays."""
    reading_time = '<div class="post-info"><p>One minute</p></div>'
    html = f"<html><head><title>A post</title></head><body><main class='post'>{reading_time}<article><h1>A post"
    html += f"</h1><div class='post-content'><p>{PROSE}</p><p>{PROSE}</p></div></article></main></body></html>"
    article = extract(html, URL)
    assert article.markdown.startswith("The kettle sang") and article.text.startswith("The kettle sang")
    lead = html.replace("One minute", "We moved house last week, and this is the first post from the new desk.")
    assert extract(lead, URL).text.startswith("We moved house")


def test_a_short_post_with_a_plugins_block_in_its_content_is_its_own_text():
    """A related-posts plugin (Contextual Related Posts) puts its block inside WordPress's `.entry-content`: the
    element looked long, and a one-sentence post of Twenty Twenty-One was stored as trafilatura's one-line reading
    of its whole <article>, title and author box included."""
    titles = (  # with the post, the element holds 250 characters or more
        "My Home Office Setup",
        "Build Systems – Make vs. Ninja - A Comparison",
        "A Small Garden Diary",
        "Why Static Sites Still Matter",
        "Reading List for the Summer",
    )
    related = "".join(
        f'<li><a href="/2025/01/{n}/p/" class="crp_link post-{n}"><span class="crp_title">{title}</span></a></li>'
        for n, title in enumerate(titles)
    )
    bio = (
        '<div class="author-bio show-avatars"><div class="author-bio-content"><h2 class="author-title"> By Jane Example'
        ' </h2><p class="author-description"> Jane is a software developer in Freiburg who writes about programming,'
        ' travel and the occasional garden disaster.</p><a class="author-link" href="/author/jane/" rel="author">'
        "View all of Jane Example&#039;s posts.</a></div></div>"
    )
    html = (
        '<html lang="en"><head><title>Rainy Day</title></head><body class="single single-post postid-11"><main>'
        '<article id="post-11" class="post-11 post type-post status-publish format-standard hentry entry"><header '
        'class="entry-header alignwide"><h1 class="entry-title">Rainy Day</h1></header><div class="entry-content">'
        f"<p>{RAIN}</p><div class='crp_related crp-text-only'><h2>Related Posts:</h2><ul>{related}</ul></div></div>"
        f"{bio}</article></main></body></html>"
    )
    assert extract(html, "https://blog.example/2024/09/18/rain/").text == RAIN


def test_related_posts_by_taxonomy_and_kk_star_ratings_in_the_content_are_not_its_text():
    """Related Posts by Taxonomy's shortcode (`div.rpbt_shortcode`: "Related Posts" and links to other posts) and
    kk Star Ratings' widget (`div.kk-star-ratings`: its stars and legend, "4.2 / 5 ( 10 votes )") print into
    WordPress's `.entry-content` (real WordPress 6.1, Twenty Twenty-One): their text ended a short post's, and was
    the whole text of an empty one."""
    ratings = (
        '<div class="kk-star-ratings kksr-valign-top kksr-align-left" data-id="11"><div class="kksr-stars"><div '
        'class="kksr-stars-inactive"><div class="kksr-star" data-star="1"><div class="kksr-icon"></div></div></div>'
        '</div><div class="kksr-legend"><strong class="kksr-score">4.2</strong><span class="kksr-muted">/</span>'
        '<strong>5</strong><span class="kksr-muted">(</span><strong class="kksr-count">10</strong><span '
        'class="kksr-muted">votes</span><span class="kksr-muted">)</span></div></div>'
    )
    titles = ("A Week on the Aran Islands", "Walking the Burren in April", "A Gallery of Stone Walls")
    related = "".join(f'<li><a href="/2024/0{n}/{n}/p/">{title}</a></li>' for n, title in enumerate(titles, 1))
    related = f'<div class="rpbt_shortcode"><h3>Related Posts</h3><ul>{related}</ul></div>'

    def post(prose: str) -> str:
        return (
            '<html lang="en"><head><title>Rainy Day</title></head><body class="single single-post postid-11"><main>'
            '<article id="post-11" class="post-11 post type-post status-publish format-standard hentry entry"><header'
            ' class="entry-header alignwide"><h1 class="entry-title">Rainy Day</h1></header><div class="entry-content">'
            f"{ratings}{prose}{related}</div></article></main></body></html>"
        )

    assert extract(post(f"<p>{RAIN}</p>"), "https://blog.example/2024/09/18/rain/").text == RAIN
    assert extract(post(""), "https://blog.example/2024/09/18/rain/").text == ""


def test_wp_postratings_and_a_content_plugins_list_of_posts_are_not_the_posts_text():
    """WP-PostRatings' widget (`div.post-ratings`: its stars, "(3 votes, average: 4.33 out of 5)", then
    `div.post-ratings-loading`'s "Loading…") opened the text of posts whose owner calls the_ratings() above the
    content, and a short post's text was trafilatura's whole-article fallback, the title and the widget with it;
    WP Show Posts' list (`section.wp-show-posts`, an article.wp-show-posts-single for each post) and Shortcodes
    Ultimate's [su_posts] (`div.su-posts`, a div.su-post each) put other posts' titles and excerpts into the
    text of the post that shows them, as a page builder's posts module on a single post does."""
    stars = "".join(
        f'<img id="rating_11_{n}" src="/wp-content/plugins/wp-postratings/images/stars/rating_on.gif" alt="{n} Star"'
        f' title="{n} Star" onclick="rate_post();" style="cursor: pointer; border: 0px;">'
        for n in range(1, 6)
    )
    ratings = (
        f'<div id="post-ratings-11" class="post-ratings" itemscope itemtype="https://schema.org/Article" '
        f'data-nonce="ab12">{stars} (3 votes, average: 4.33 out of 5)<br><span class="post-ratings-text" '
        'id="ratings_11_text"></span><meta itemprop="headline" content="Rainy Day"></div><div id="post-ratings-11-'
        'loading" class="post-ratings-loading"><img src="/wp-content/plugins/wp-postratings/images/loading.gif" '
        'width="16" height="16" class="post-ratings-image">Loading…</div>'
    )
    others = (("A Week on the Aran Islands", "Inis Mór is small enough to cross on foot in a morning."),)
    show_posts = (
        '<section id="wpsp-9" class=" wp-show-posts-columns wp-show-posts">'
        + "".join(
            f'<article class=" wp-show-posts-single post-3 post type-post status-publish hentry wpsp-col-6"><div class='
            f'"wp-show-posts-inner"><header class="wp-show-posts-entry-header"><h2 class="wp-show-posts-entry-title">'
            f'<a href="/2024/05/01/aran/" rel="bookmark">{title}</a></h2></header><div class="wp-show-posts-entry-'
            f'summary"><p>{excerpt}</p></div></div></article>'
            for title, excerpt in others
        )
        + "</section>"
    )
    su_posts = (
        '<div class="su-posts su-posts-default-loop ">'
        + "".join(
            f'<div id="su-post-3" class="su-post "><h2 class="su-post-title"><a href="/2024/05/01/aran/">{title}</a>'
            f'</h2><div class="su-post-meta">Posted: May 1, 2024</div><div class="su-post-excerpt">{excerpt}</div>'
            "</div>"
            for title, excerpt in others
        )
        + "</div>"
    )

    def post(prose: str, listing: str = "") -> str:
        return (
            '<html lang="en"><head><title>Rainy Day</title></head><body class="post-template-default single '
            'single-post postid-11"><main><article id="post-11" class="post-11 post type-post status-publish hentry '
            'entry"><header class="entry-header alignwide"><h1 class="entry-title">Rainy Day</h1></header><div '
            f'class="entry-content">{ratings}{prose}{listing}</div></article></main></body></html>'
        )

    url = "https://blog.example/2024/09/18/rain/"
    assert extract(post(f"<p>{RAIN}</p>"), url).text == RAIN
    assert extract(post("<p>It rained all day.</p>"), url).text == "It rained all day."
    assert extract(post(""), url).text == ""
    for listing in (show_posts, su_posts):
        assert extract(post(f"<p>{RAIN}</p>", listing), url).text == RAIN


def _twenty_sixteen_post(content: str) -> str:
    """WordPress's Twenty Sixteen: its author box (template-parts/biography.php) inside the post's `.entry-content`."""
    box = (
        '<div class="author-info"><div class="author-avatar"><img alt="" src="https://gravatar.example/avatar/ab?s=42"'
        ' class="avatar avatar-42 photo" height="42" width="42"></div><div class="author-description"><h2 class='
        '"author-title"><span class="author-heading">Author:</span> Anna Schmidt</h2><p class="author-bio">Anna ist'
        " Bibliothekarin in Leipzig und schreibt über Bücher, Radtouren und das Brotbacken. <a class='author-link'"
        " href='/author/anna/' rel='author'>View all posts by Anna Schmidt</a></p></div></div>"
    )
    return (
        '<html lang="en"><head><title>Nothing to Add</title><meta name="generator" content="WordPress 6.1.1"></head>'
        '<body class="single single-post postid-7"><main>'
        '<article id="post-7" class="post-7 post type-post status-publish format-standard hentry"><header class='
        f'"entry-header"><h1 class="entry-title">Nothing to Add</h1></header><div class="entry-content">{content}'
        f'{box}</div><footer class="entry-footer"><span class="byline"><a class="url fn n" href="/author/anna/">Anna'
        " Schmidt</a></span></footer></article></main></body></html>"
    )


@pytest.mark.parametrize("content", ["", '<p><img src="/wp-content/uploads/2024/05/cliffs.jpg" width="1200"></p>'])
def test_an_empty_or_image_only_post_is_not_its_author_box_heading(content):
    """Twenty Sixteen prints the author's box inside the post's content: an empty post's text, and an image-only
    post's, was the box's heading ("Author:\nAnna Schmidt") — the post read alone from its content element kept
    the chrome inside it, which the test of its length had left out."""
    article = extract(_twenty_sixteen_post(content), "https://blog.example/2024/06/01/nothing-to-add/")
    assert article.text == "" and "Anna" not in article.markdown
    assert ("cliffs.jpg" in article.markdown) == bool(content)  # the picture stays the post's


@pytest.mark.parametrize(
    "block",
    [
        '<div class="swp_social_panel swp_horizontal_panel" data-post-id="34"><div class="nc_tweetContainer '
        'swp_share_button swp_twitter"><a class="nc_tweet swp_share_link"><span class="swp_share">Tweet</span></a>'
        '</div><div class="nc_tweetContainer swp_share_button total_shares"><span class="swp_count">0 '
        '<span class="swp_label">Shares</span></span></div></div>',  # Social Warfare
        '<div class="shared-counts-wrap before_content style-classic"><a class="shared-counts-button facebook" '
        'data-social-network="Facebook"><span class="shared-counts-label">Facebook</span></a><a class="shared-counts-'
        'button twitter"><span class="shared-counts-label">Tweet</span></a></div>',  # Shared Counts
        "<div class='code-block code-block-2' style='margin: 8px 0; clear: both;'><div class=\"sample-ad\">"
        "Advertisement: Fresh bread delivered, order at bakery.example.com</div></div>",  # Ad Inserter
    ],
)
def test_share_and_ad_plugins_blocks_in_the_content_are_no_part_of_even_a_one_sentence_post(block):
    """Social Warfare's and Shared Counts' buttons and Ad Inserter's numbered blocks sit inside WordPress's
    `.entry-content`, before, between and after the paragraphs: on a post of a sentence or none they were its
    text ("Tweet Share Pin Share 0 Shares"), and Ad Inserter's ads were in the middle of every post."""
    html = (
        '<html lang="en"><head><title>Rainy Day</title></head><body class="single single-post postid-11"><main>'
        '<article id="post-11" class="post-11 post type-post status-publish format-standard hentry entry"><header '
        'class="entry-header"><h1 class="entry-title">Rainy Day</h1></header><div class="entry-content">'
        f"{block}<p>{RAIN}</p>{block}</div></article></main></body></html>"
    )
    assert extract(html, "https://blog.example/2024/09/18/rain/").text == RAIN
    picture = '<figure class="wp-block-image"><img src="/wp-content/uploads/cliffs.jpg" alt="Cliffs"></figure>'
    for nothing in ("", picture):
        assert extract(html.replace(f"<p>{RAIN}</p>", nothing), "https://blog.example/2024/09/18/rain/").text == ""
    second = "The rain stopped at six, and the street smelled of wet stone and cut grass for an hour. " * 4
    long = html.replace(f"<p>{RAIN}</p>", f"<p>{PROSE}</p>{block}<p>{second}</p>")
    text = extract(long, "https://blog.example/2024/09/18/rain/").text
    assert text == f"{PROSE.strip()}\n{second.strip()}"


RAIN = "It rained all day, so I finally read the novel that had been sitting on my shelf since spring."


def test_a_post_trafilatura_reads_as_the_pages_paragraphs_keeps_its_headings_and_lists():
    """Jekyll's "minimal" (a GitHub Pages default theme): the post is a bare <section> beside a <header> holding
    the site's tagline; trafilatura falls back on the page's paragraphs — every heading and list of the post lost,
    the tagline kept. The post's container, read alone, has them."""
    post = (
        "<small>20 March 2024</small><h1>Build Systems</h1><p class='view'>by Jane Example</p>"
        f"<p>{PROSE}</p><h2>Make</h2><p>Make reads a Makefile and compares timestamps of what it builds.</p>"
        "<ul><li>a text editor you enjoy</li><li>a generator such as Hugo</li></ul><h2>Ninja</h2>"
        "<p>Ninja files are meant to be generated rather than written by hand, by CMake or Meson.</p>"
    )
    header = (
        '<header><h1><a href="/">Jane\'s Blog</a></h1><p>Notes on code, travel and gardens</p><p class="view"><a href='
        '"https://github.com/jane">View My GitHub Profile</a></p><ul class="downloads"><li><a href="/z">Download '
        "<strong>ZIP File</strong></a></li></ul></header>"
    )
    html = f'<html lang="en"><head><title>Build Systems</title></head><body><div class="wrapper">{header}'
    html += f"<section>{post}</section><footer><p>Hosted on GitHub Pages</p></footer></div></body></html>"
    markdown = extract(html, "https://jane.github.io/2024/03/20/build-systems.html").markdown
    assert "\n\n## Make\n\n" in markdown and "- a text editor you enjoy" in markdown
    assert "Notes on code" not in markdown


COFFEE = "Today I learned that a good espresso needs exactly twenty-five seconds of extraction."


def _colormag_post(content: str) -> str:
    """A single post as WordPress's ColorMag prints it: its categories, title, date and author, then the post's
    content in `div.cm-entry-summary`, in the theme's `div.cm-post-content` of the post's <article>."""
    meta = (
        '<div class="cm-entry-header-meta"><div class="cm-post-categories"><a href="/category/notes/" rel="category'
        ' tag">Notes</a></div></div><header class="cm-entry-header"><h1 class="cm-entry-title">Coffee Note</h1>'
        "</header>"
        '<div class="cm-below-entry-meta"><span class="cm-post-date"><a href="/2024/02/03/coffee/"><time class="entry-'
        'date published updated" datetime="2024-02-03T09:30:00+01:00">February 3, 2024</time></a></span><span class='
        '"cm-author cm-vcard"><a class="url fn n" href="/author/jane/">Jane Example</a></span></div>'
    )
    return (
        '<html lang="en"><head><title>Coffee Note</title></head><body class="post-template-default single single-post '
        'postid-7"><header id="cm-masthead"><a class="skip-link" href="#main">Skip to content</a><p class="cm-site-'
        'title"><a href="/">Stone and Bread</a></p><nav><a href="/reading-room/">Reading Room</a></nav></header><main>'
        '<article id="post-7" class="post-7 post type-post hentry category-notes"><div class="cm-post-content">'
        f'{meta}<div class="cm-entry-summary">{content}</div></div></article><ul class="default-wp-page"><li class="'
        'previous"><a href="/2024/01/20/rye/" rel="prev">Rye Bread</a></li></ul></main></body></html>'
    )


@pytest.mark.parametrize(
    ("content", "text"),
    [
        (f"<p>{COFFEE}</p>", COFFEE),
        # An empty post (the theme unit test's "Edge Case: No Content"): the element holding the most paragraph
        # text, how a theme's own content class was found, is none, and the text was the page's — "Skip to
        # content", the site's name and menu, the post's meta, the neighbouring posts' titles.
        ("", ""),
    ],
)
def test_a_short_wordpress_post_in_a_themes_own_content_class_is_its_text(content, text):
    """WordPress's ColorMag prints the post in `div.cm-entry-summary`, no class WordPress's content selectors knew:
    a one-sentence post was stored as the whole <article> in one line — category, title, date and author first."""
    assert extract(_colormag_post(content), "https://blog.example/2024/02/03/coffee/").text == text


def _hemingway_post(content: str) -> str:
    """A single post as Anders Norén's Hemingway prints it: a div.post (no <article>), its header (featured image,
    title, meta), the post's content in div.post-content, then in div.post-meta-bottom its categories and tags and
    the links to the neighbouring posts; the theme's credit in the footer."""
    header = (
        '<div class="post-header"><h1 class="post-title"><a href="/2024/02/03/coffee/">Coffee Note</a></h1><div '
        'class="post-meta"><span class="post-date">February 3, 2024</span> / <span class="post-author"><a href="/'
        'author/jane/">Jane Roe</a></span></div></div>'
    )
    after = (
        '<div class="post-meta-bottom"><p class="post-categories"><a href="/category/notes/" rel="category tag">Notes'
        '</a></p><p class="post-tags"><a href="/tag/coffee/" rel="tag">coffee</a></p><div class="post-nav"><a class='
        '"post-nav-older" href="/2024/01/20/rye/"><h5>Previous post</h5>Rye Bread</a></div></div>'
    )
    return (
        '<html lang="en"><head><title>Coffee Note</title></head><body class="post-template-default single single-post '
        'postid-7"><div class="big-wrapper"><div class="header-cover"><h2 class="blog-title"><a href="/">Stone and '
        'Bread</a></h2></div><div class="wrapper"><div class="content left"><div class="posts"><div id="post-7" '
        f'class="post-7 post type-post hentry category-notes tag-coffee">{header}<div class="post-content">{content}'
        f'</div>{after}</div></div></div></div><div class="credits"><p>© 2024 Stone and Bread</p><p>Theme by <a '
        'href="https://andersnoren.se">Anders Noren</a> — <a class="tothetop" href="#">Up ↑</a></p></div></div>'
        "</body></html>"
    )


@pytest.mark.parametrize(("content", "text"), [(f"<p>{COFFEE}</p>", COFFEE), ("", "")])
def test_a_short_hemingway_post_is_its_post_content_without_its_terms_and_the_themes_credit(content, text):
    """Hemingway prints the post's content in the div.post-content of its div.post: a post too short for
    trafilatura ended with its category, its tags and the theme's credit ("© 2024 Stone and Bread", "Theme by
    Anders Noren — Up ↑"), and an empty post's text was its category."""
    article = extract(_hemingway_post(content), "https://blog.example/2024/02/03/coffee/")
    assert (article.text, article.categories, article.tags) == (text, ["Notes"], ["coffee"])


INTRO = "When the disk fills up, this one-liner finds the culprits quickly. It works on any Linux box with coreutils."


def test_a_short_post_with_numbered_code_lines_is_its_post_body_element():
    """Hugo prints a code block with `lineNos` as a table whose first cell holds the line numbers: the post-body
    element's text has a number between the post's words that trafilatura's text lacks, and a short post was
    left as trafilatura's fallback — title, prose, code and list in one line."""
    code = (
        '<div class="highlight"><div class="chroma"><table class="lntable"><tr><td class="lntd">'
        '<pre class="chroma"><code><span class="lnt">1\n</span></code></pre></td><td class="lntd">'
        '<pre class="chroma"><code class="language-bash" data-lang="bash">du -ah /var | sort -rh\n</code></pre>'
        "</td></tr></table></div></div>"
    )
    html = (
        '<html lang="en"><head><title>Shell tip</title></head><body><nav><a href="/">Notes</a></nav><main>'
        '<article class="main-article"><header>'
        '<h2 class="article-title">Shell tip: finding the largest files on a disk</h2>'
        '<time datetime="2024-05-01">May 1, 2024</time></header>'
        f'<section class="article-content"><p>{INTRO}</p>{code}'
        "<ul><li>Run it as root to avoid permission errors</li><li>Replace /var with any folder you like</li></ul>"
        "</section></article></main></body></html>"
    )
    article = extract(html, URL)
    assert article.text == (
        f"{INTRO}\ndu -ah /var | sort -rh\n- Run it as root to avoid permission errors\n"
        "- Replace /var with any folder you like"
    )
    assert "```bash\ndu -ah /var | sort -rh\n```" in article.markdown


def test_a_posts_table_of_contents_is_no_part_of_its_text():
    """Hugo's PaperMod and Congo print the post's .TableOfContents in a `.toc` <details> ("Table of Contents"
    summary, the headings as links), kramdown a `#markdown-toc` list: navigation, not text."""
    toc = (
        '<div class="toc"><details open><summary>Table of Contents</summary><nav id="TableOfContents"><ul>'
        '<li><a href="#beds">Beds</a></li><li><a href="#soil">Soil</a></li></ul></nav></details></div>'
    )
    kramdown = '<ul id="markdown-toc"><li><a href="#beds">Beds</a></li><li><a href="#soil">Soil</a></li></ul>'
    for contents in (toc, kramdown):
        article = extract(
            _page(f'{contents}<h2 id="beds">Beds</h2><p>{PROSE}</p><h2 id="soil">Soil</h2><p>{PROSE}</p>'), URL
        )
        assert "Table of Contents" not in article.text
        assert article.text.split("\n")[0] == "Beds" and article.text.count("Soil") == 1


def test_a_picture_after_a_code_block_stands_after_the_block():
    """The Markdown holds a code block's lines apart: a picture after a block of several lines was placed at the
    post's top (its anchor, the block's lines joined, stood on no line), and must not go inside the fence."""
    html = _page(
        f"<p>{PROSE}</p><pre><code>rsync -av public/ server:/var/www/\necho deployed\n</code></pre>"
        '<figure><img src="/road.jpg" alt="Road" width="800"><figcaption>A mountain road</figcaption></figure>'
        f"<p>{PROSE[:120]}</p>"
    )
    markdown = extract(html, URL).markdown
    assert "echo deployed\n```\n\n![Road](https://blog.example/road.jpg)\n\nA mountain road" in markdown
    hexo = (  # highlight.js in Hexo: a table of a gutter and the code, each line a span ended by <br>
        '<figure class="highlight bash"><table><tr><td class="gutter"><pre><span class="line">1</span><br>'
        '<span class="line">2</span><br></pre></td><td class="code"><pre><span class="line">rsync -av public/ '
        'server:/var/www/</span><br><span class="line"><span class="built_in">echo</span> deployed</span><br></pre>'
        "</td></tr></table></figure>"
    )
    markdown = extract(html.replace(html[html.index("<pre>") : html.index("</pre>") + 6], hexo), URL).markdown
    assert "echo deployed\n```\n\n![Road](https://blog.example/road.jpg)\n\nA mountain road" in markdown


def test_a_themes_date_line_under_the_title_is_no_part_of_the_text():
    """Jekyll's Hyde prints `<span class="post-date">20 Mar 2024</span>` under the title, and trafilatura keeps it
    as the text's first line: the date is the record's `published`. A sentence that opens with the date, or a line
    with another number in it, stays."""

    def text_of_post(date_line: str) -> str:
        head = '<meta property="article:published_time" content="2024-03-20T08:30:00+00:00">'
        html = _page(f"<p>{date_line}</p><p>{PROSE}</p>").replace("<title>", f"{head}<title>")
        return extract(html, URL).text

    assert text_of_post("20 Mar 2024").startswith("The kettle sang")
    assert text_of_post("Posted on March 20th, 2024").startswith("The kettle sang")
    assert text_of_post("20.03.2024").startswith("The kettle sang")
    kept = "On 20 March 2024 we moved the beds to the south fence, where the sun stays longest."
    assert text_of_post(kept).startswith(kept)
    assert text_of_post("20 Mar 2024 · 4 min read").startswith("20 Mar 2024")


def test_a_date_line_that_names_the_posts_category_is_no_part_of_the_text():
    """Pelican's Flex prints "Posted on Mon 15 January 2024 in <a>Essays</a>" under the title, a WordPress theme
    "20.03.2024 | Baking": the date and the category are fields of their own. Another word stays."""

    def post(date_line: str) -> tuple[str, str]:
        head = (
            '<meta property="article:published_time" content="2024-03-20T08:30:00+00:00">'
            '<meta property="article:section" content="Baking"><title>'
        )
        html = _page(f"<p>{date_line}</p><p>{PROSE}</p>").replace("<title>", head)
        article = extract(html, URL)
        return article.text, article.markdown

    for line in ('Posted on Wed 20 March 2024 in <a href="/category/baking.html">Baking</a>', "20.03.2024 | Baking"):
        assert all(text.startswith("The kettle sang") for text in post(line)), post(line)
    kept = 'Posted on Wed 20 March 2024 in <a href="/category/baking.html">Baking</a> and Brewing'
    assert post(kept)[0].startswith("Posted on")


def test_a_one_line_post_is_not_a_related_posts_teaser_beside_it():
    """Chirpy's "Further Reading" cards hold a teaser's excerpt each; beside a one-line post trafilatura took the
    first excerpt for the post. An excerpt is chrome, the post's element holds the post."""
    cards = "".join(
        f'<article class="col"><a href="/posts/p{n}/" class="post-preview card h-100"><div class="card-body">'
        f'<time data-ts="1" data-df="ll">Jan {n}, 2025</time><h4 class="pt-0 my-2">Post number {n}</h4>'
        '<div class="text-muted"><p>After three years of working from home I finally have a desk setup I am happy '
        "with. It took several iterations and a few bad purchases to get here. "
        f"Number {n} of the set, and more words.</p></div>"
        "</div></a></article>"
        for n in range(1, 4)
    )
    html = (
        '<html lang="en"><head><title>Coffee Note | Ann\'s Notes</title>'
        '<meta property="og:title" content="Coffee Note">'
        '<meta property="article:published_time" content="2024-02-03T09:30:00+01:00"></head><body>'
        '<div id="main-wrapper"><div class="container"><div class="row"><main class="col-12">'
        '<article class="px-1"><header><h1 data-toc-skip>Coffee Note</h1><div class="post-meta text-muted">'
        "<span> Posted "
        '<time data-ts="1">Feb 3, 2024</time></span><div class="d-flex"><span> By <em>Ann Lee</em></span></div></div>'
        '</header><div class="content"><p>Today I learned that a good espresso needs twenty-five seconds.</p></div>'
        '</article></main><aside id="related-posts" aria-labelledby="related-label"><h3 id="related-label">Further '
        f'Reading</h3><nav class="row">{cards}</nav></aside></div></div></div></body></html>'
    )
    article = extract(html, "https://notes.example/posts/coffee-note/")
    assert article.text == "Today I learned that a good espresso needs twenty-five seconds."


def test_chirpys_licence_notice_and_share_bar_under_the_post_are_not_its_text():
    """Jekyll's Chirpy closes every post with `div.post-tail-wrapper`: its categories and tags, "This post is
    licensed under CC BY 4.0 by the author." (`div.license-wrapper`) and a share bar."""
    tail = (
        '<div class="post-tail-wrapper text-muted"><div class="post-meta mb-3"><a href="/categories/notes/">Notes</a>'
        '</div><div class="post-tail-bottom d-flex"><div class="license-wrapper"> This post is licensed under <a '
        'href="https://creativecommons.org/licenses/by/4.0/"> CC BY 4.0 </a> by the author.</div><div class="share-'
        'wrapper"><span class="share-label">Share</span></div></div></div>'
    )
    html = (
        "<html lang='en'><head><title>Rye</title></head><body><main><article class='px-1'><header><h1>Rye</h1></header>"
        f"<div class='content'><p>{PROSE}</p><h2>Baking</h2><p>{PROSE[:200]}</p></div>{tail}</article></main>"
        "</body></html>"
    )
    article = extract(html, URL)
    assert "licensed" not in article.text and "licensed" not in article.markdown
    assert article.categories == ["Notes"]  # the tail's links to its terms are read all the same


def test_chirpy_5s_further_reading_and_trending_tags_beside_a_short_post_are_not_the_posts():
    """Jekyll's Chirpy up to 6.x prints its "Further Reading" cards in a bare `div#related-posts` under the post and
    its "Trending Tags" in a bare `div#panel-wrapper` beside it (from 7.0 on both are <aside>s): a one-line post was
    stored as a listing ("3 entries linking to other pages hold most of its text"), a longer one had the cards'
    excerpts for its text, and every trending tag was one of its tags."""
    cards = "".join(
        f'<div class="card"> <a href="/posts/p{n}/"><div class="card-body"> <em class="small" data-ts="1704700800" '
        f'data-df="ll"> Jan {n}, 2024 </em><h3 class="pt-0 mt-1 mb-3" data-toc-skip>Post number {n}</h3>'
        '<div class="text-muted small"><p> This notebook collects what two friends learn while baking bread, writing '
        "small programs and walking through markets, and both of them post in the language the lesson came in...</p>"
        "</div></div></a></div>"
        for n in range(1, 4)
    )
    trending = "".join(f'<a class="post-tag" href="/tags/{t}/">{t}</a> ' for t in ("meta", "bread", "git", "python"))
    html = (
        '<html lang="en"><head><title>First asparagus | Field Notes</title>'
        '<meta property="og:title" content="First asparagus">'
        '<meta property="article:published_time" content="2024-04-01T07:10:00+02:00"></head><body>'
        '<div id="main-wrapper" class="d-flex justify-content-center"><div id="main" class="container">'
        '<div class="row"><div id="core-wrapper" class="col-12 col-lg-11 col-xl-9">'
        '<div class="post pl-1 pr-1"><h1 data-toc-skip>First asparagus</h1><div class="post-meta text-muted"><span>'
        ' Posted <em data-ts="1711948200" data-df="ll">Apr 1, 2024</em></span><div class="d-flex"><span> By <em>'
        '<a href="https://minji.example.org/">Kim Min-ji</a></em></span></div></div><div class="post-content"><p>The '
        "first bundle of white asparagus of the season arrived at the market this morning, still wet from the "
        'field.</p></div><div class="post-tail-wrapper text-muted"><div class="post-meta mb-3"><a href="/categories/'
        'notes/">notes</a></div><div class="post-tags"><a href="/tags/spring/" class="post-tag no-text-decoration">'
        'spring</a></div></div></div></div><div id="panel-wrapper" class="col-xl-3 pl-2 text-muted"><div '
        'class="access"><div id="access-tags"><div class="panel-heading">Trending Tags</div><div class="d-flex '
        f'flex-wrap mt-3 mb-1 mr-3">{trending}</div></div></div></div></div><div class="row"><div id="tail-wrapper" '
        'class="col-12 col-lg-11 col-xl-9 mt-5"><div id="related-posts" class="mb-2 mb-sm-4"><h3 class="pt-2 mb-4 '
        f'ml-1" data-toc-skip>Further Reading</h3><div class="card-deck mb-4">{cards}</div></div></div></div></div>'
        "</div></body></html>"
    )
    article = extract(html, "https://notes.example/posts/first-asparagus/")
    assert article.kind == "article"
    assert article.text.startswith("The first bundle of white asparagus") and article.text.endswith("from the field.")
    assert "notebook" not in article.text
    assert article.tags == ["spring"]


def test_a_post_in_a_layout_wrapper_named_like_chirpys_panel_keeps_its_tags():
    """Chirpy's side panel is chrome by its blocks (`#access-tags`, `#access-lastmod`), not by `#panel-wrapper`:
    other layouts name their whole page so, and a post inside it lost the tags its footer links."""
    html = (
        '<html lang="en"><head><title>A post</title></head><body><div id="panel-wrapper"><nav><a href="/">Home</a>'
        f'</nav><main><article><h1>A post</h1><p>{PROSE}</p><p class="tags">Tags: <a href="/tags/rye/">rye</a></p>'
        "</article></main></div></body></html>"
    )
    assert extract(html, URL).tags == ["rye"]


def test_code_line_numbers_styled_out_of_a_copy_are_not_code():
    """Hugo's Chroma with noClasses (its default) styles its line numbers user-select:none and gives them no class:
    inline, each before its line, or in a table's first cell."""
    number = '<span style="white-space:pre;-webkit-user-select:none;user-select:none;color:#7f7f7f">{}</span>'
    inline = "".join(
        f'<span style="display:flex;">{number.format(n)}<span>{line}\n</span></span>'
        for n, line in enumerate(("def squares(n):", "    yield n * n"), 1)
    )
    numbers = number.format("1\n") + number.format("2\n")
    table = (
        f'<table style="border-spacing:0;"><tr><td style="vertical-align:top;"><pre><code>{numbers}</code></pre></td>'
        '<td><pre><code class="language-sh">cd /srv\nls\n</code></pre></td></tr></table>'
    )
    for code, expected in (
        (f'<pre tabindex="0"><code class="language-python">{inline}</code></pre>', "def squares(n):\n    yield n * n"),
        (f'<div class="highlight">{table}</div>', "cd /srv\nls"),
    ):
        article = extract(_page(f"<p>{PROSE}</p>{code}<p>{PROSE}</p>"), URL)
        assert expected in article.text and expected in article.markdown, article.markdown


def test_a_one_line_post_in_its_marked_body_beside_a_page_of_chrome_is_that_line():
    """Hexo's Butterfly around a one-line post: menus twice, the sidebar's counts, the post's meta and the
    neighbouring posts' teasers, which trafilatura's fallback reads with the post's line; the post-body element
    holds the post."""
    menu = "".join(f'<div class="menus_item"><a href="/{n}/">{n.title()}</a></div>' for n in ("archives", "tags"))
    sidebar = (
        '<div class="aside-content" id="aside-content"><div class="card-widget card-info"><div class="site-data">'
        '<a href="/archives/"><div class="headline">Articles</div><div class="length-num">12</div></a>'
        '<a href="/tags/"><div class="headline">Tags</div><div class="length-num">14</div></a></div></div></div>'
    )
    teaser = (
        '<div class="pagination-related"><a href="/{0}/"><div class="info-1">{0}</div>'
        '<div class="info-2">{1}</div></a></div>'
    )
    line = "Today I learned that a good espresso needs exactly twenty-five seconds of extraction."
    html = (
        f'<html lang="en"><head><title>Coffee Note | Jane\'s Blog</title></head><body><div id="sidebar"><div '
        f'id="sidebar-menus">{menu}</div></div><header id="page-header"><nav id="nav">{menu}</nav><h1 '
        'class="post-title">Coffee Note</h1><div id="post-meta">Created 2024-02-03 | Updated 2024-02-04</div>'
        f'</header><main class="layout" id="content-inner"><div id="post"><article class="container post-content"'
        f' id="article-container"><p>{line}</p></article><div class="post-copyright">Author: Jane Example</div>'
        f'<nav class="pagination-post" id="pagination">{teaser.format("previous", PROSE)}'
        f'{teaser.format("next", PROSE)}</nav><div class="relatedPosts"><div class="headline"><span>Related '
        f'Articles</span></div><div class="relatedPosts-list">{teaser.format("related", PROSE.upper())}</div></div>'
        f"</div>{sidebar}</main>"
        '<footer id="footer">©2024 By Jane Example</footer></body></html>'
    )
    page = Page.from_html(html, URL)
    assert all(page.in_chrome(e) for e in page.select(".relatedPosts, #aside-content"))  # its related posts, sidebar
    assert extract(html, URL).text == line


LINE = "Today I learned that a good espresso needs exactly twenty-five seconds of extraction."


@pytest.mark.parametrize(
    "layout",
    [
        # Hexo's Fluid: GitHub's .markdown-body inside an article.post-content with the title, meta, licence box and
        # the neighbouring posts, each an <article>
        '<main><article class="post-content mx-auto"><h1 id="seo-header">Coffee Note</h1><div class="markdown-body">'
        '<p>{line}</p></div><hr><div><div class="post-metas"><span class="category-chain"><a href="/categories/n/">'
        'Notes</a></span><a href="/tags/life/">#life</a></div><div class="license-box"><div class="license-title">'
        '<div>Coffee Note</div><div>{url}</div></div><div class="license-meta"><div class="license-meta-item"><div>'
        'Author</div><div>Jane Example</div></div><div class="license-meta-item"><div>Posted on</div><div>February'
        ' 3, 2024</div></div></div></div><div class="post-prevnext"><article class="post-prev"><a href="/older/">'
        '<span class="hidden-mobile">Build Systems</span><span class="visible-mobile">Previous</span></a></article>'
        '<article class="post-next"><a href="/newer/"><span class="hidden-mobile">Why Static Sites Still Matter'
        '</span><span class="visible-mobile">Next</span></a></article></div></div></article></main>',
        # Bear Blog: the post in a <content> element of its <main>, the navigation and tags after it
        "<main><h1>Coffee Note</h1><p><i><time datetime='2024-02-03'>03 Feb, 2024</time></i></p><content>"
        '<p>{line}</p></content><div><p><a href="/older/">&lt;&lt; Previous Post</a></p><p>|</p>'
        '<p><a href="/newer/">Next Post &gt;&gt;</a></p></div><p><a href="/blog/life/">#Life</a></p></main>',
        # WordPress's Hello Elementor: its hAtom entry's .page-content, the post's tags in it
        '<a class="skip-link screen-reader-text" href="#content">Skip to content</a><main id="content" class="site-main'
        ' post-7 post type-post hentry category-notes tag-life"><div class="page-header"><h1 class="entry-title">'
        'Coffee Note</h1></div><div class="page-content"><p>{line}</p><div class="post-tags"><span class="tag-links">'
        'Tagged <a href="/tag/life/" rel="tag">life</a></span></div></div></main>',
    ],
)
def test_a_one_line_post_in_its_platforms_post_body_element_is_that_line(layout):
    wordpress = "single single-post postid-7" if "hentry" in layout else ""
    page = (
        f'<html lang="en"><head><title>Coffee Note - Notes</title></head><body class="{wordpress}"><header>'
        '<a href="/">Notes</a>'
        '<nav><a href="/archives/">Archives</a> <a href="/tags/">Tags</a> <a href="/about/">About</a></nav>'
        f"</header>{layout.format(line=LINE, url=URL)}<footer>© 2024 Jane Example · Powered by a generator</footer>"
        "</body></html>"
    )
    assert extract(page, URL).text == LINE


def test_a_hello_elementor_post_of_one_picture_has_no_text_and_keeps_its_tags():
    """Hello Elementor prints the post's tag line in its .page-content, after the post: a post of a single picture
    had "Tagged ireland , Walking" for its text."""
    page = (
        '<html lang="en"><head><title>Cliffs in the Rain - Stone and Bread</title></head><body class="post-template-'
        'default single single-post postid-35 single-format-standard"><header><a href="/">Stone and Bread</a><nav><a'
        ' href="/reading-room/">Reading Room</a></nav></header><main id="content" class="site-main post-35 post type-'
        'post status-publish hentry category-walking tag-ireland tag-walking"><div class="page-header"><h1 class='
        '"entry-title">Cliffs in the Rain</h1></div><div class="page-content"><figure class="wp-block-image size-'
        'large"><img src="https://stone.example/wp-content/uploads/2023/01/aran-1024x683.jpg" alt="" class="wp-image'
        '-6"></figure><div class="post-tags"><span class="tag-links">Tagged <a href="https://stone.example/tag/ireland'
        '/" rel="tag">ireland</a>, <a href="https://stone.example/tag/walking/" rel="tag">Walking</a></span></div>'
        "</div></main><footer>© 2024 Stone and Bread</footer></body></html>"
    )
    article = extract(page, "https://stone.example/2024/05/20/cliffs-in-the-rain/")
    assert (article.text, article.tags) == ("", ["ireland", "Walking"])
    assert article.markdown == "![](https://stone.example/wp-content/uploads/2023/01/aran-1024x683.jpg)"


def _hueman_post(content: str, pages: str = "") -> str:
    """A single post as WordPress's Hueman prints it: the post's content in the div.entry-inner of its <article>
    (with the links to a split post's pages in a nav.pagination there); the post's tags, the author's box, related
    posts and comments after the <article>, in the theme's main.content; the sidebar's "Follow:" and the
    neighbouring posts beside it."""
    return (
        '<html lang="en"><head><title>Coffee Note - Stone and Bread</title></head><body class="post-template-default '
        'single single-post postid-31 single-format-standard col-3cm full-width"><header id="header"><p class="site-'
        'title"><a href="/">Stone and Bread</a></p><p class="site-description">Stone and Bread</p></header><div class='
        '"main"><main class="content" id="content"><div class="page-title hu-pad group"><ul class="meta-single group">'
        '<li class="category"><a href="/category/notes/" rel="category tag">Notes</a></li></ul></div><div class="hu-'
        'pad group"><article class="post-31 post type-post status-publish format-standard hentry category-notes tag-'
        'life"><div class="post-inner group"><h1 class="post-title entry-title">Coffee Note</h1><p class="post-byline"'
        '>by <span class="vcard author"><span class="fn"><a href="/author/jane/" rel="author">Jane Roe</a></span>'
        '</span> · <time class="published" datetime="2024-08-02T20:15:00+02:00">August 2, 2024</time></p><div class='
        f'"entry themeform"><div class="entry-inner">{content}<nav class="pagination group">{pages}</nav></div></div>'
        '</div></article><p class="post-tags"><span>Tags:</span> <a href="/tag/life/" rel="tag">life</a></p><div '
        'class="author-bio"><p class="bio-name">Jane Roe</p><p class="bio-desc">Baker and walker in Galway.</p></div>'
        '<h4 class="heading">You may also like...</h4><ul class="related-posts group"><li class="related post-hover">'
        '<article class="post-12 post"><h4 class="post-title entry-title"><a href="/rye/">Rye Bread</a></h4></article>'
        '</li></ul></div></main><div class="sidebar s1"><div class="sidebar-top group"><p>Follow:</p></div><ul class='
        '"post-nav group"><li class="next"><strong>Next story</strong><a href="/newer/" rel="next"><span>Newer Post'
        "</span></a></li></ul></div></div><footer>© 2024 Stone and Bread</footer></body></html>"
    )


@pytest.mark.parametrize(
    ("content", "pages", "text"),
    [
        (f"<p>{LINE}</p>", "", LINE),
        ("", "", ""),  # the theme unit test's "Edge Case: No Content"
        (
            "<p>Post Page 1</p>",
            '<div class="post-pages">Pages: <span class="post-page-numbers current">1</span> <a href="/coffee-note/2/"'
            ' class="post-page-numbers">2</a></div>',
            "Post Page 1",
        ),
    ],
)
def test_a_short_hueman_post_is_its_entry_inner_without_the_themes_chrome(content, pages, text):
    """Hueman prints the post's content in a div.entry-inner, no .entry-content: a post too short for trafilatura
    was read from the theme's main.content instead — the site's name twice, the byline, "Tags: life", "Follow:" —
    and a split post's page links ("Pages: 1 2") stood in its text."""
    article = extract(_hueman_post(content, pages), "https://stone.example/2024/08/02/coffee-note/")
    assert (article.text, article.tags, article.categories) == (text, ["life"], ["Notes"])


def _spacious_post(content: str) -> str:
    """A single post as WordPress's Spacious (ThemeGrill) prints it: the post's title in an h1.header-post-title-class
    above it, the site's name in an h3; in the post's .entry-content, after the post, the hidden hAtom title the
    theme appends to the_content and the "Tagged on:" line."""
    return (
        '<html lang="en"><head><title>Coffee Note &#8211; Stone and Bread</title></head><body class="post-template-'
        'default single single-post postid-80 single-format-standard"><header id="masthead"><h3 id="site-title"><a '
        'href="/" rel="home">Stone and Bread</a></h3><nav id="site-navigation"><a href="/about/">About</a></nav><div '
        'class="header-post-title-container"><h1 class="header-post-title-class">Coffee Note</h1></div></header><div '
        'id="main"><div id="primary"><div id="content"><article id="post-80" class="post-80 post type-post status-'
        'publish format-standard hentry category-notes tag-life"><div class="entry-content clearfix">'
        f'{content}<div class="extra-hatom-entry-title"><span class="entry-title">Coffee Note</span></div><div class='
        '"tags">Tagged on: <a href="/tag/life/" rel="tag">life</a></div></div><footer class="entry-meta-bar"><span '
        'class="by-author author vcard"><a class="url fn n" href="/author/jane/">Jane Roe</a></span><span class="date">'
        '<time class="entry-date published" datetime="2024-08-02T20:15:00+02:00">August 2, 2024</time></span><span '
        'class="category"><a href="/category/notes/" rel="category tag">Notes</a></span></footer></article></div></div>'
        "</div><footer>© 2024 Stone and Bread</footer></body></html>"
    )


def test_a_spacious_posts_hidden_hatom_title_and_tag_line_are_not_its_text():
    """ThemeGrill's themes append the post's title to its content in a hidden div.extra-hatom-entry-title, and
    Spacious prints "Tagged on:" and the tags there: the last lines of the post's text were its title and tags."""
    article = extract(_spacious_post(f"<p>{PROSE}</p><p>{LINE}</p>"), "https://stone.example/2024/08/02/coffee-note/")
    assert (article.title, article.tags, article.text.splitlines()[-1]) == ("Coffee Note", ["life"], LINE)
    assert "Coffee Note" not in article.text and "Tagged" not in article.text


def test_a_query_loop_in_a_spacious_post_does_not_title_it():
    """A query loop in the post (the theme unit test's posts of WordPress's blocks) lists other posts' titles, each
    a .wp-block-post-title, before the end of the post's content, where Spacious prints the one title it marks: the
    post was titled with the first of them, "Hello world!"."""
    loop = "".join(
        f'<li class="wp-block-post"><h2 class="wp-block-post-title">Other post {n}</h2></li>' for n in range(14)
    )
    content = f'<p>{PROSE}</p><div class="wp-block-query"><ul class="wp-block-post-template">{loop}</ul></div>'
    article = extract(_spacious_post(content), "https://stone.example/2024/08/02/coffee-note/")
    assert article.title == "Coffee Note"


def _customizr_post(title: str, content: str) -> str:
    """A single post as WordPress's Customizr prints it: its <article> (a header with the post's terms and byline,
    its h1.entry-title where the post has a title), then a section.post-related-articles of other posts' cards, "You
    may also like", each its title an h2.entry-title linking that post."""
    heading = f'<h1 class="entry-title">{title}</h1>' if title else ""
    card = (
        '<article class="grid-item czr-related-post post-{0} post"><div class="entry-meta post-info">Published <a href='
        '"/{1}/" rel="bookmark"><time class="entry-date published" datetime="2009-06-01T10:00:00+02:00">June 1, 2009'
        '</time></a></div><h2 class="entry-title"><a class="czr-title" href="/{1}/" rel="bookmark">{2}</a></h2><div '
        'class="tc-content-inner entry-summary"><div class="czr-wp-the-content"><p>{3}</p></div></div></article>'
    )
    cards = "".join(card.format(n, f"post-{n}", f"Post {n}", f"{PROSE[:120]} […]") for n in range(4))
    return (
        f"<html lang='en'><head><title>{title + ' – ' if title else ''}Stone and Bread</title></head><body class='post-"
        "template-default single single-post postid-95 single-format-standard'><header class='tc-header'><a href='/' "
        "class='navbar-brand-sitename'>Stone and Bread</a></header><div id='main-wrapper'><div id='content'><article "
        "id='post-95' class='post-95 post type-post status-publish format-standard category-classic tag-title czr-"
        "hentry'><header class='entry-header'><div class='tax__container post-info entry-meta'><a class='tax__link' "
        f"href='/category/classic/'>Classic</a></div>{heading}<span class='author-meta'>by <span class='author vcard'>"
        "<a class='url fn n' href='/author/jane/'>Jane Roe</a></span></span></header><div class='post-entry tc-content-"
        f"inner'><section class='post-content entry-content'><div class='czr-wp-the-content'>{content}</div></section>"
        "</div></article><section class='post-related-articles czr-carousel' id='related-posts-section'><header><h3 "
        f"class='related-posts_title'>You may also like</h3></header><div class='row'>{cards}</div></section></div>"
        "</div><footer>© 2024 Stone and Bread</footer></body></html>"
    )


def test_an_untitled_customizr_post_is_not_titled_after_a_related_post():
    """A post without a title (the theme unit test's "Edge Case: No Title") prints no heading and Customizr titles
    its page with the site's name alone: the post was titled after a card of its "You may also like"."""
    article = extract(_customizr_post("", f"<p>{LINE}</p>"), "https://stone.example/2009/09/05/edge-case-no-title/")
    assert (article.title, article.text) == (None, LINE)  # not "Post 0"


def test_a_short_customizr_post_ends_before_its_related_posts():
    """Customizr's "You may also like" cards under a short post (an aside of one quote) were the end of its text."""
    aside = " ".join(PROSE.split()[:50])
    article = extract(_customizr_post("Post Format: Aside", f"<p>{aside}</p>"), "https://stone.example/2010/05/09/a/")
    assert (article.title, article.text) == ("Post Format: Aside", aside)


def test_a_highlighters_header_above_the_code_is_not_code_and_its_label_names_the_language():
    """Hugo's DoIt prints a header in its code block: a button with the language's name, one to toggle the line
    numbers; the <pre> holds the code, its <code> names no language."""
    block = (
        '<div class="code-block highlight is-closed show-line-numbers"><div class="tw:flex"><button class="code-block-'
        'button" aria-hidden="true"><span class="tw:group-[.is-open]:rotate-90"><svg viewBox="0 0 1 1"></svg></span>'
        '<span class="tw:select-none tw:my-1! tw:block">bash</span></button>\n\n<div class="tw:flex"><button class='
        '"line-number-button" title="Toggle line numbers"><svg viewBox="0 0 1 1"></svg></button></div></div>\n\n'
        '<pre class="tw:block"><code class="chroma"><span class="line"><span class="cl">set -e\n</span></span>'
        '<span class="line"><span class="cl">hugo --minify\n</span></span></code></pre></div>'
    )
    article = extract(_page(f"<p>{PROSE}</p>{block}<p>{PROSE}</p>"), URL)
    assert "```bash\nset -e\nhugo --minify\n```" in article.markdown, article.markdown


def test_vitepress_code_blocks_language_label_is_no_line_of_the_text():
    """VitePress wraps each code block in a `div.language-python` holding its copy button, the language's name as a
    label (`<span class="lang">python</span>`) and the <pre>: on a VitePress post page the label was a line "python"
    of the post's text before the code, and the Markdown quoted the code ("> ```python") under it."""
    block = (
        '<div class="language-python vp-adaptive-theme"><button title="Copy Code" class="copy"></button><span class='
        '"lang">python</span><pre class="shiki shiki-themes github-light github-dark vp-code" tabindex="0"><code>'
        '<span class="line"><span style="--shiki-light:#D73A49;">import</span><span> json</span></span>\n<span class='
        '"line"></span>\n<span class="line"><span>print(json.dumps([1]))</span></span></code></pre></div>'
    )
    page = (
        '<html lang="en"><head><title>Dumping JSON | Crumb</title><meta name="generator" content="VitePress v1.6.4">'
        '</head><body><div id="app"><div class="VPDoc"><main class="main"><div class="vp-doc _posts_json"><div><h1 id='
        '"dumping-json" tabindex="-1">Dumping JSON <a class="header-anchor" href="#dumping-json">\u200b</a></h1>'
        "<p>Python's standard library writes JSON without any help, and this paragraph is long enough to be a post of "
        "its own.</p>"
        f"{block}<p>The list comes out as it went in, which is what we wanted from the standard library.</p>"
        "</div></div></main></div></div></body></html>"
    )
    article = extract(page, "https://crumb.example/posts/json.html")
    assert "```python\nimport json\n\nprint(json.dumps([1]))\n```" in article.markdown, article.markdown
    assert "python\nimport json" not in article.text and "> " not in article.markdown


@pytest.mark.parametrize(("classes", "fence"), [("highlight", "```"), ("language-python highlight", "```python")])
def test_a_pymdownx_code_blocks_title_is_no_language(classes, fence):
    """pymdownx.highlight (MkDocs Material's code blocks) prints a block's title (```` ```python title="loaves.py"
    ````) in a span.filename before its <pre>, and names the language in a language-* class only with its
    pygments_lang_class option (Material's docs set it, pymdownx's default is off): the file name was taken for the
    language label a theme prints above a block ("```loaves.py")."""
    block = (
        f'<div class="{classes}"><span class="filename">loaves.py</span><pre><span></span><code>'
        '<span id="__span-0-1"><a id="__codelineno-0-1" name="__codelineno-0-1" href="#__codelineno-0-1"></a>'
        '<span class="kn">import</span><span class="w"> </span><span class="nn">csv</span>\n</span>'
        '<span id="__span-0-2"><a id="__codelineno-0-2" name="__codelineno-0-2" href="#__codelineno-0-2"></a>'
        '<span class="nb">print</span><span class="p">(</span><span class="n">csv</span><span class="p">)</span>'
        "\n</span></code></pre></div>"
    )
    article = extract(_page(f"<p>{PROSE}</p>{block}<p>{PROSE}</p>"), URL)
    assert f"{fence}\nimport csv\nprint(csv)\n```" in article.markdown, article.markdown


@pytest.mark.parametrize(
    "licence",
    [
        # Hexo's Butterfly (and NexT): author, address and licence under the post
        '<div class="post-copyright"><div class="post-copyright__author"><span class="post-copyright-meta">Author: '
        '</span><span class="post-copyright-info"><a href="/">Jane Example</a></span></div><div class="post-copyright'
        '__notice"><span class="post-copyright-meta">Copyright Notice: </span><span class="post-copyright-info">All '
        "articles on this blog are licensed under <a>CC BY-NC-SA 4.0</a> unless otherwise stated.</span></div></div>",
        # Jekyll's TeXt: the previous and next posts, each a label and a link
        '<div class="article__section-navigator clearfix"><div class="previous"><span>PREVIOUS</span><a href="/a/">'
        'Coffee Note</a></div><div class="next"><span>NEXT</span><a href="/b/">Rainy Day</a></div></div>',
        # Hexo's Fluid
        '<div class="license-box"><div class="license-title"><div>A post</div><div>https://blog.example/2024/05/a-'
        'post/</div></div><div class="license-meta"><div class="license-meta-item"><div>Author</div><div>Jane '
        "Example</div></div></div></div>",
        # Hexo's Redefine
        '<div class="post-copyright-info w-full my-8 px-2"><div class="article-copyright-info-container"><ul><li>'
        "<strong>Title:</strong> A post</li><li><strong>Author:</strong> Jane Example</li><li><strong>License:"
        "</strong> This work is licensed under CC BY-NC-SA 4.0.</li></ul></div></div>",
    ],
)
def test_a_licence_box_or_the_links_to_the_next_posts_is_not_the_posts_text(licence):
    body = (
        "<p>Generators produce a sequence of values lazily, one at a time.</p><h2 id='first'><a href='#first' "
        "class='headerlink'></a>A first example</h2><p>The following function yields the squares of the numbers "
        "below n, each only when it is asked for.</p><blockquote><p>Laziness is a virtue.</p></blockquote><p>They "
        "compose nicely with the functions in the itertools module.</p>"
    )
    tags = '<div class="tag_share"><a class="post-meta__tags" href="/tags/python/">python</a></div>'
    post = f'<div id="post"><article class="container post-content" id="article-container">{body}</article>'
    html = (
        f"<html><head><title>A post</title></head><body><main><h1>A post</h1>{post}{licence}{tags}</div></main>"
        "</body></html>"
    )
    page = Page.from_html(html, URL)
    assert page.in_chrome(
        page.select(".post-copyright, .license-box, .article__section-navigator, .post-copyright-info")[0]
    )
    article = extract(html, URL)
    assert article.text.endswith("They compose nicely with the functions in the itertools module."), article.text


def test_hexo_icarus_licence_box_is_no_line_of_the_post_nor_the_authors_box():
    """Icarus prints a licence box after the post's content: its title and address, "Author: Jane Example", and
    the licence's Creative Commons links."""
    paragraphs = "".join(
        f"<p>Paragraph {n} of the post on build systems, on Make and Ninja and the files they read.</p>"
        for n in range(1, 5)
    )
    licence = (
        '<div class="article-licensing box"><div class="licensing-title"><p>Build Systems</p><p><a href="'
        f'{URL}">{URL}</a></p></div><div class="licensing-meta level is-mobile"><div class="level-left"><div '
        'class="level-item is-narrow"><div><h6>Author</h6><p>Jane Example</p></div></div><div class="level-item '
        'is-narrow"><div><h6>Posted on</h6><p>2024-03-20</p></div></div><div class="level-item is-narrow"><div><h6>'
        'Licensed under</h6><p><a class="icons" rel="noopener" target="_blank" title="Creative Commons" href="https://'
        'creativecommons.org/"><i class="icon fab fa-creative-commons"></i></a><a class="icons" title="Attribution" '
        'href="https://creativecommons.org/licenses/by/4.0/"><i class="icon fab fa-creative-commons-by"></i></a>'
        "</p></div></div></div></div></div>"
    )
    page = (
        '<html lang="en"><head><title>Build Systems - Notes</title><meta name="author" content="Jane Example">'
        '<meta name="generator" content="Hexo 7.3.0"></head><body><section class="section"><div class="card">'
        '<article class="card-content article" role="article"><h1 class="title is-3 is-size-4-mobile">Build Systems'
        f'</h1><div class="content">{paragraphs}</div>{licence}</article></div></section></body></html>'
    )
    article = extract(page, URL)
    assert article.text.splitlines()[-1].startswith("Paragraph 4 of the post")
    assert article.author_boxes == []


def test_expressive_codes_block_is_kept_a_line_per_line_without_numbers_or_its_file_name():
    """Expressive Code (Astro's Starlight, Fuwari): the <pre> in a <figure>, a `div.ec-line` per line with its
    number in a gutter, the language in `pre[data-language]`, the file name in the figure's caption."""

    def line(number: int, code: str) -> str:
        return (
            f'<div class="ec-line"><div class="gutter"><div class="ln" aria-hidden="true">{number}</div></div>'
            f'<div class="code">{code}</div></div>'
        )

    code = line(1, "<span>def</span><span> squares(n):</span>") + line(2, '<span class="indent">    </span>yield n')
    code += line(3, "\n") + line(4, "print(list(squares(5)))")
    block = (
        '<div class="expressive-code"><figure class="frame has-title"><figcaption class="header"><span class="title">'
        f'squares.py</span></figcaption><pre data-language="python" class="wrap"><code>{code}</code><div class="copy">'
        '<button title="Copy to clipboard"></button></div></pre></figure></div>'
    )
    prose = "<p>Generators are one of Python's most elegant features, and a generator looks like a function.</p>"
    page = f"<html><head><title>Generators</title></head><body><article><h1>Generators</h1>{prose}{block}{prose}"
    article = extract(page + "</article></body></html>", URL)
    assert "```python\ndef squares(n):\n    yield n\n\nprint(list(squares(5)))\n```" in article.markdown
    assert "squares.py" not in article.text
    picture = '<figure><img src="/images/road.png" alt="Road" width="800" height="500"></figure>'
    article = extract(page.replace(f"{block}{prose}", f"{block}{picture}{prose}") + "</article></body></html>", URL)
    code_end = article.markdown.index("print(list(squares(5)))\n```")
    assert code_end < article.markdown.index("![Road](https://blog.example/images/road.png)")


def test_a_hexo_paragraphs_lines_broken_with_br_stay_one_paragraph_in_the_markdown():
    """hexo-renderer-marked, Hexo's default renderer, writes a <br> for each line of a paragraph of the Markdown
    source (its `breaks` option, on by default): the Markdown had a paragraph per line. Each line now ends in a hard
    break, the paragraph one, its link kept; a blank line of the source is still a new paragraph."""
    paragraph = (
        "<p>Our bakery sales export grew past two gigabytes, and reading it into memory stopped being an<br>"
        '<a href="https://docs.python.org/3/library/csv.html">option for us</a>: the standard library streams, one '
        "row<br>at a time from any iterable of lines, whatever the size of the file.</p>"
    )
    second = "<p>The function keeps one row and the running totals in memory, and finished in forty seconds.</p>"
    page = (
        '<html lang="en"><head><title>Streaming a CSV file | Field Notes</title><meta name="generator" '
        'content="Hexo 8.1.2"></head><body><article class="h-entry article article-type-post"><h1 class="p-name '
        'article-title">Streaming a CSV file</h1><div class="e-content article-entry">'
        f"{paragraph}{second}{paragraph.replace('bakery', 'café')}</div></article></body></html>"
    )
    article = extract(page, URL)
    lines = (
        "Our bakery sales export grew past two gigabytes, and reading it into memory stopped being an\\\n"
        "[option for us](https://docs.python.org/3/library/csv.html): the standard library streams, one row\\\n"
        "at a time from any iterable of lines, whatever the size of the file."
    )
    second_text = "The function keeps one row and the running totals in memory, and finished in forty seconds."
    assert lines + "\n\n" + second_text + "\n\n" + lines.replace("bakery", "café") in article.markdown
    assert article.text.splitlines()[:4] == [  # the text, a line per line, as it was
        "Our bakery sales export grew past two gigabytes, and reading it into memory stopped being an",
        "option for us: the standard library streams, one row",
        "at a time from any iterable of lines, whatever the size of the file.",
        second_text,
    ]


def test_hexo_materys_neighbours_reward_and_reprint_box_are_none_of_the_post():
    """Matery prints, after the post, its reprint notice, the donation QR codes and the previous and next posts'
    cards (their covers, categories and tags); Astro Fuwari its licence box (the title and the address)."""
    neighbours = (
        '<article id="prenext-posts" class="prev-next articles"><div class="row article-row"><div class="article '
        'col s12 m6"><div class="article-badge left-badge text-color">Previous</div><div class="card"><a href="/2024/'
        '11/05/python-generators/"><div class="card-image"><img src="/medias/featureimages/8.jpg" class="responsive'
        '-img" alt="Understanding Python Generators"><span class="card-title">Understanding Python Generators</span>'
        '</div></a><div class="card-content article-content"><span class="publish-author"><a href="/categories/'
        'Programming/" class="post-category">Programming</a></span></div><div class="card-action article-tags"><a '
        'href="/tags/python/"><span class="chip bg-color">python</span></a></div></div></div></div></article>'
    )
    extras = (
        '<div class="reprint" id="reprint-statement"><div class="reprint__author"><span class="reprint-meta">Author: '
        '</span><span class="reprint-info"><a href="/about">Jane Example</a></span></div><div class="reprint__notice">'
        '<span class="reprint-meta">Reprint policy: </span><span class="reprint-info">All articles in this blog are '
        'used except for special statements CC BY 4.0 reprint policy.</span></div></div><div id="reward"><div '
        'id="rewardModal" class="modal"><img src="/medias/reward/alipay.jpg" class="reward-img" alt="QR"></div></div>'
        '<div class="card-base license-container onload-animation"><div class="font-bold">Rainy Day</div>'
        f'<a href="{URL}" class="link">{URL}</a></div>'
    )
    terms = (
        '<div class="article-tag"><a href="/tags/life/"><span class="chip bg-color">life</span></a></div><div class='
        '"post-cate"><a href="/categories/Notes/" class="post-category">Notes</a></div>'
    )
    line = "<p>It rained all day, so I finally read the novel that had been sitting on my shelf since spring.</p>"
    page = (
        '<html lang="en"><head><title>Rainy Day | Notes</title><meta name="generator" content="Hexo 7.3.0"></head>'
        '<body><main class="content"><div id="artDetail"><div class="card"><div class="card-content article-info">'
        f'{terms}</div><div class="card-content article-card-content"><div id="articleContent">{line}</div>{extras}'
        f"</div></div></div>{neighbours}</main></body></html>"
    )
    article = extract(page, URL)
    assert (
        article.text == "It rained all day, so I finally read the novel that had been sitting on my shelf since spring."
    )
    assert (article.categories, article.tags, article.images) == (["Notes"], ["life"], [])


def test_astro_mizukis_last_modified_card_is_none_of_the_post():
    """Mizuki (an Astro theme, Fuwari's descendant) prints under the post's card a card of its own saying when the
    post was last modified — a script fills its `#modifiedtime` — and that "部分信息可能已经过时" (some of it may be
    out of date): the line ended the text of most of a Mizuki blog's posts."""
    lines = [
        "It rained all day, so I finally read the novel that had been sitting on my shelf since spring.",
        "By evening the rain had stopped and the street smelled of wet leaves and bread from the bakery.",
    ]
    notice = (
        '<div class="card-base p-6 mb-4"><div class="flex items-center gap-3"><div class="flex items-center h-12 w-12'
        ' rounded-lg"><svg><use href="#history"></use></svg></div><div class="flex flex-col gap-1"><div id="modified'
        'time" class="text-[1.0rem] leading-tight"></div><p class="text-[0.8rem] leading-tight"> 部分信息可能已经过时 '
        "</p></div></div></div>"
    )
    page = (
        '<html lang="zh-CN"><head><title>Rainy Day - Notes</title><meta name="generator" content="Astro v5.16.14">'
        '</head><body><main id="swup-container"><div id="content-wrapper"><div id="post-container" class="card-base">'
        '<h1>Rainy Day</h1><div class="prose custom-md markdown-content">'
        + "".join(f"<p>{line}</p>" for line in lines)
        + f'</div></div>{notice}<div class="flex"><a href="/posts/older/">Older post</a></div></div></main>'
        "</body></html>"
    )
    assert extract(page, URL).text == "\n".join(lines)


def test_franklins_page_footer_is_none_of_the_post():
    """Franklin.jl's templates end every page's `div.franklin-content` — the element that holds the post — with the
    page's footer, `div.page-foot` ("© Name. Last modified: June 22, 2023. Website built with Franklin.jl."): it
    ended the text of every post of a Franklin blog. A post that names Franklin in its own text keeps it."""
    lines = [
        "This is another post in the series in which I try to learn vector graphics by drawing noise.",
        "Thanks to the authors of the Franklin.jl website builder, and to everyone who commented.",
    ]
    foot = (
        '<div class="page-foot"><div class="copyright">&copy; Jane Example. Last modified: June 22, 2023. Website built'
        ' with <a href="https://github.com/tlienart/Franklin.jl">Franklin.jl</a>.</div></div>'
    )
    page = (
        '<html lang="en"><head><title>Noise</title></head><body><header><div class="blog-name"><a href="/">Jane'
        '\u2019s blog</a></div><nav><ul><li><a href="/">Home</a></li></ul></nav></header><div class="franklin-content">'
        '<h1 id="noise"><a href="#noise" class="header-anchor">Noise</a></h1>'
        + "".join(f"<p>{line}</p>" for line in lines)
        + f"{foot}</div><!-- CONTENT ENDS HERE --></body></html>"
    )
    assert extract(page, "https://jane.example/pages/2018-10-11-noise/").text == "\n".join(lines)


def test_highlight_jss_bare_class_names_a_code_blocks_language_and_another_class_does_not():
    """HTMLy and older themes print highlight.js's class without its `language-` prefix: `<code class="bash">`."""
    prose = "<p>A paragraph of the post, long enough to make its container the post's body, and more words.</p>"

    def markdown(code_class: str) -> str:
        block = f'<pre><code class="{code_class}">make all\nmake install</code></pre>'
        page = f"<html><head><title>T</title></head><body><article><h1>T</h1>{prose}{block}{prose}</article></body>"
        return extract(page + "</html>", URL).markdown

    assert "```bash\nmake all\nmake install\n```" in markdown("bash")
    assert "```\nmake all\nmake install\n```" in markdown("hljs")


def test_django_contrib_comments_form_under_a_short_post_is_not_its_text():
    """django-contrib-comments' form (Puput's, any Django blog's `{% render_comment_form %}`) puts each field's
    label in a <p>: under a one-line post those paragraphs held the most text, and "Name: Email address: URL:
    Comment: If you enter anything in this field your comment will be treated as spam:" was the post's text."""
    fields = [("name", "Name:"), ("email", "Email address:"), ("url", "URL:"), ("comment", "Comment:")]
    form = (
        '<form action="/comments/post/" method="post"><div><input type="hidden" name="security_hash" value="8f"></div>'
        + "".join(f'<p><label for="id_{n}">{label}</label> <input name="{n}" id="id_{n}"></p>' for n, label in fields)
        + '<p style="display:none;"><label for="id_honeypot">If you enter anything in this field your comment will'
        ' be treated as spam:</label> <input name="honeypot" id="id_honeypot"></p><p class="submit"><input '
        'type="submit" name="post" value="Post"></p></form>'
    )
    html = (
        '<html lang="en"><head><title>Hello</title></head><body><nav><a href="/">Home</a></nav><div class="row"><div '
        'class="col-md-9"><article class="box page-content"><header><h2 class="post_title"><a href="/blog/hello/">'
        'Hello</a></h2></header><section><div class="rich-text"><p>Hello world, this blog is open.</p></div></section>'
        f'<div><h3>Comments:</h3><dl id="comments">\n</dl>{form}</div></article></div><div class="col-md-3"><ul '
        'class="sidebar"><h4>Last Entries</h4><li><a href="/blog/a/">A walk</a></li></ul></div></div>'
        "<footer>© Blog Example</footer></body></html>"
    )
    assert extract(html, URL).text == "Hello world, this blog is open."


def test_chyrp_lites_comments_article_under_a_short_post_is_not_taken_for_the_post():
    """Chyrp Lite prints a post's comments and its comment form in an `<article class="commentary">` after the
    post's own <article>: below a one-sentence post it was the first <article> with enough text, taken for the
    post's container, and the post's text became the page's menus and archive links around the sentence."""
    categories = "".join(f'<li><a href="/category/{c}/">{c}</a></li>' for c in ("Baking", "Notes", "Walking"))
    months = "".join(f'<li><a href="/archive/2024/0{m}/"><time>{m} 2024</time></a></li>' for m in (1, 2, 3))
    comments = (
        '<li id="comment_1"><section class="comment"><h4><a href="https://maire.example.net/">Máire</a> said:</h4><p>'
        "We were there the same week. The path near Hag's Head was closed, and the rain came sideways off the sea "
        "all afternoon, so we sat in the visitor centre with a pot of tea and watched it.</p></section><div class="
        '"metadata"><a href="/comment/1/" class="permalink"><time datetime="2024-03-10T08:00:00+01:00">10 March 2024'
        '</time></a></div></li><li class="comment_form"><form id="add_comment" method="post"><label for="b">Your '
        'comment</label><textarea name="body" id="b"></textarea><button type="submit">Speak</button></form></li>'
    )
    html = (
        '<html lang="en"><head><title>Cliffs</title></head><body><div id="sidebar"><h1><a href="/">Stone and Bread</a>'
        f'</h1><h2>Categories</h2><ul class="navigation">{categories}</ul><h2>Archive</h2><ul class="navigation">'
        f'{months}</ul></div><div id="main" role="main"><div role="navigation" class="prev traversal"><a rel="prev" '
        'href="/2024/04/01/nothing/">Next post</a></div><article class="post text" id="post_9"><h2 class="post_title">'
        '<a href="/2024/03/09/cliffs/" rel="bookmark">Cliffs</a></h2><section class="body"><p>Heute nur ein Satz: der '
        'Sauerteig lebt wieder.</p></section><footer><div class="metadata"><time datetime="2024-03-09T11:11:00+01:00">'
        '9 March 2024</time></div></footer></article><h3 id="comments">Comments</h3><article class="commentary" '
        f'aria-labelledby="comments"><ol class="comments">{comments}</ol></article></div></body></html>'
    )
    article = extract(html, URL)
    assert article.text == "Heute nur ein Satz: der Sauerteig lebt wieder."
    assert [comment.author for comment in article.comments] == ["Máire"]


HIKE = (
    "We left the car at the edge of the village before sunrise, and the path climbed steadily through the pines "
    "towards the ridge, where the wind had already cleared the last of the night's cloud away from the summit."
)
SUMMIT = "At the top there was soup in the hut and a view of exactly twenty metres, then the long way back down."
# What a GitHub Pages theme's post carries that is no post: pages-themes/minimal's and hacker's post layout prints
# the date, the title and "by AUTHOR" above it and "tags: <em>a</em> - <em>b</em>" after it.
GITHUB_PAGES_STRUCTURES = {
    "a lone subheading": ("<h3 id='on-the-way'>On the way</h3>", "### On the way"),
    "a code block": (
        "<div class='language-plaintext highlighter-rouge'><div class='highlight'><pre class='highlight'><code>"
        "ssh hut@summit.example\nuptime\n</code></pre></div></div>",
        "```\nssh hut@summit.example\nuptime\n```",
    ),
    "a table": (
        "<table><thead><tr><th>Stage</th><th>Hours</th></tr></thead><tbody><tr><td>Forest</td><td>2</td></tr>"
        "<tr><td>Ridge</td><td>1</td></tr></tbody></table>",
        "| Stage | Hours |",
    ),
}


@pytest.mark.parametrize("structure", GITHUB_PAGES_STRUCTURES)
def test_a_github_pages_post_with_one_subheading_code_block_or_table_is_read_from_its_section(structure):
    """GitHub Pages themes (pages-themes/minimal; hacker prints the same post layout): the post is a bare <section>
    beside a <header> of the site's tagline, and trafilatura reads the page's paragraphs. A post whose structure was
    one subheading, one code block or one table began with the tagline and the byline ("by Jane Example") and
    lost its subheading — the rule that reads the <section> alone asked for two headings or list items — and
    every post ended with its layout's "tags: hiking - alps" line."""
    block, markdown_block = GITHUB_PAGES_STRUCTURES[structure]
    post = (
        "<small>23 September 2023</small>\n<h1>Up the ridge</h1>\n<p class='view'>by Jane Example</p>\n"
        f"<p>{HIKE}</p>\n{block}\n<p>{SUMMIT}</p>\n\n  <small>tags: <em>hiking</em> - <em>alps</em></small>\n"
    )
    html = (
        '<html lang="en"><head><title>Up the ridge | Field Notes</title><meta property="article:published_time" '
        'content="2023-09-23T18:10:00+02:00"><meta name="author" content="Jane Example"></head><body><div '
        'class="wrapper"><header><h1><a href="https://jane.github.io/">Field Notes</a></h1><p>Bread, walks and code.'
        f"</p></header><section>{post}</section><footer><p><small>Hosted on GitHub Pages &mdash; Theme by <a href="
        '"https://github.com/orderedlist">orderedlist</a></small></p></footer></div></body></html>'
    )
    article = extract(html, "https://jane.github.io/walks/2023/09/23/up-the-ridge.html")
    lines = article.text.splitlines()
    assert (lines[0], lines[-1]) == (HIKE, SUMMIT)
    assert "Bread, walks" not in article.text and "Jane Example" not in article.text
    assert "tags:" not in article.markdown and "hiking" not in article.markdown
    assert f"\n\n{markdown_block}" in article.markdown


def test_a_short_posts_code_block_trafilatura_folded_into_a_paragraph_is_read_from_its_container():
    """Lektor's quickstart blog prints a post in a bare div.blog-post: its title an <h2>, "written by Jane on
    2025-02-03" in a p.meta, then the body. A short post (a sentence, a code block, a sentence) is below the size
    trafilatura's main extraction keeps, and its fallback folded the code into one paragraph ("import csv with
    open(…) as f: for row in …"), unfenced; the container read alone keeps its lines."""
    code = (
        '<pre><code class="lang-python">import csv\n\nwith open(&quot;bakes.csv&quot;) as f:\n    for row in'
        " csv.DictReader(f):\n        print(row[&quot;date&quot;], row[&quot;flour&quot;])\n</code></pre>"
    )
    html = (
        '<!doctype html>\n<meta charset="utf-8">\n<title>Reading a baking log — Brot und Bytes</title>\n<body><header>'
        '<h1>Brot und Bytes</h1><nav><ul class="nav navbar-nav"><li><a href="../../">Welcome</a></li>'
        '<li class="active"><a href="../">Blog</a></li><li><a href="../../about/">About</a></li></ul></nav></header>'
        '<div class="page">'
        '<div class="blog-post"><h2>Reading a baking log</h2><p class="meta">written by Jonas Klein on 2025-02-03</p>'
        f"<p>The log is a plain CSV file with one row per bake.</p>\n{code}\n<p>Nothing fancy, but it answers the"
        " question of which flour we used most.</p></div></div><footer>&copy; Copyright 2026 by Brot und Bytes."
        "</footer></body>"
    )
    article = extract(html, "https://bread.example/blog/reading-a-baking-log/")
    fenced = (
        'import csv\n\nwith open("bakes.csv") as f:\n    for row in csv.DictReader(f):\n'
        '        print(row["date"], row["flour"])'
    )
    assert f"\n\n```python\n{fenced}\n```\n\n" in article.markdown, article.markdown
    assert article.text.startswith("The log is") and article.text.endswith("flour we used most.")


def test_jekyll_nows_written_on_date_after_the_entry_is_no_line_of_the_text():
    """Jekyll Now prints the post in `article.post > div.entry` and "Written on March 4, 2023" in a `div.date`
    after it: that line ended the text and the Markdown of every post trafilatura read whole. A date the post's
    own last line gives stays."""

    def page(last: str) -> str:
        return (
            '<html lang="en"><head><title>Up the ridge</title></head><body><div class="wrapper-masthead"><header '
            'class="masthead"><div class="site-info"><h1 class="site-name"><a href="/">Field Notes</a></h1><p class='
            '"site-description">Bread, walks and code.</p></div><nav><a href="/">Blog</a><a href="/about">About</a>'
            '</nav></header></div><div id="main" role="main" class="container"><article class="post"><h1>Up the ridge'
            f'</h1><div class="entry"><p>{HIKE}</p><h3>On the way</h3><p>{SUMMIT}</p>{last}</div><div '
            'class="date">Written on September 23, 2023</div></article></div></body></html>'
        )

    url = "https://jane.github.io/2023/09/23/up-the-ridge/"
    article = extract(page(""), url)
    assert article.published.startswith("2023-09-23")
    assert article.text.endswith(SUMMIT) and article.markdown.endswith(SUMMIT)
    assert extract(page("<p>Written on September 23, 2023</p>"), url).text.endswith("Written on September 23, 2023")


def test_minimal_mistakes_staticman_comments_and_form_are_no_part_of_the_text():
    """Minimal Mistakes prints Staticman's comments and its comment form in `.page__comments` ("Comments", each
    comment an `article.js-comment` with schema.org Comment microdata, then "Leave a Comment", "Your email address
    will not be published. Required fields are marked *" and `form.js-form`); Beautiful Jekyll and many Jekyll
    themes copy it. The form's heading and notice ended the text of every post; the comments stay comments."""

    def comment(number: int, name: str, day: str, words: str) -> str:
        return (
            f'<article id="comment{number}" class="js-comment comment" itemprop="comment" itemscope itemtype="https://'
            'schema.org/Comment"><div class="comment__avatar-wrapper"><img class="comment__avatar" src="https://www.'
            f'gravatar.com/avatar/0c8?d=mm&s=80" alt="{name}"></div><div class="comment__content-wrapper"><h4 class='
            '"comment__author" itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">'
            f'{name}</span></h4><p class="comment__date"><a href="#comment{number}" itemprop="url"><time datetime="'
            f'{day}T08:12:00+02:00" itemprop="datePublished">{day}</time></a></p><div itemprop="text"><p>{words}</p>'
            "</div></div></article>"
        )

    comments = (
        '<div class="staticman-comments"><div class="page__comments"><div class="js-comments"><h3 class="page__'
        'comments-title">Comments</h3>'
        + comment(1, "Carol Nguyen", "2023-06-19", "What a light! Which lens did you use for this one?")
        + comment(2, "Bob Okafor", "2023-06-20", "Thanks Carol, a plain 35 mm at f/2.")
        + '</div><div class="page__comments-form"><h3 class="page__comments-title">Leave a Comment</h3><p class='
        '"small">Your email address will not be published. Required fields are marked <span class="required">*'
        "</span></p>"
        '<form id="new_comment" class="page__comments-form js-form form" method="post"><div class="form-group"><label '
        'for="m">Comment <small class="required">*</small></label><textarea id="m" name="fields[message]"></textarea>'
        '</div><div class="form-group"><label for="n">Name <small class="required">*</small></label><input id="n" '
        'name="fields[name]"></div><p class="d-none js-notice alert"><strong class="js-notice-text-success d-none">'
        "Thanks for your comment! It will show on the site once it has been approved.</strong></p><button type="
        '"submit" class="btn btn-primary btn-lg">Submit Comment</button></form></div></div></div>'
    )
    for post in (f"<p>{HIKE}</p><p>{SUMMIT}</p>", f"<p>{SUMMIT}</p>"):
        html = (
            '<html lang="en"><head><title>Up the ridge</title></head><body><nav class="navbar"><a class="navbar-brand"'
            ' href="/">Field Notes</a></nav><header class="header-section"><div class="post-heading"><h1>Up the ridge'
            '</h1><span class="post-meta">Posted on June 18, 2023</span></div></header><main class="container-md">'
            f'<div class="row"><div class="col-xl-8"><div class="blog-post">{post}</div><div class="blog-tags"><span>'
            f'Tags:</span><a href="/tags#alps">alps</a></div>{comments}</div></div></main><footer><p class="copyright">'
            "Field Notes team</p></footer></body></html>"
        )
        article = extract(html, "https://jane.github.io/2023-06-18-up-the-ridge/")
        assert article.text.splitlines()[-1] == SUMMIT
        assert "Comment" not in article.markdown and "email address" not in article.markdown
        assert [(c.author, c.text) for c in article.comments] == [
            ("Carol Nguyen", "What a light! Which lens did you use for this one?"),
            ("Bob Okafor", "Thanks Carol, a plain 35 mm at f/2."),
        ]


@pytest.mark.parametrize("tag", ["div", "article"])
def test_a_short_beautiful_jekyll_post_is_its_blog_post_element(tag):
    """Beautiful Jekyll prints the post in `div.blog-post` (LizardByte's fork; daattali's `article.blog-post
    role=main`) and after it what its layout adds below every post — a page's `after-content` includes, the fork's
    affiliate disclaimer, the tags: under a one-paragraph post trafilatura's fallback took them for its text."""
    after = (
        '<div class="after-content"><small><em>Field Notes is written by three friends who walk, bake and write code.'
        "</em></small></div>"
    )
    html = (
        '<html lang="en"><head><title>A quiet week</title></head><body><nav class="navbar"><a class="navbar-brand" '
        'href="/">Field Notes</a></nav><header class="header-section"><div class="post-heading"><h1>A quiet week</h1>'
        '<span class="post-meta">Posted on July 9, 2023</span></div></header><main class="container-md"><div class='
        f'"row"><div class="col-xl-8"><{tag} class="blog-post"><p>{SUMMIT}</p></{tag}>{after}<div class="blog-tags">'
        '<span>Tags:</span><a href="/tags#notes">notes</a></div></div></div></main><footer><p class="copyright">Field '
        "Notes team</p></footer></body></html>"
    )
    assert extract(html, "https://jane.github.io/2023-07-09-a-quiet-week/").text == SUMMIT


def test_a_hidden_data_holder_is_not_the_text_of_a_short_post():
    """A page may keep data for its scripts as text in an element it hides (display:none, `hidden`): below a
    one-line post too short for trafilatura's own extraction, its fallback took the hidden JSON for the post."""
    data = '{"title":"A quiet week","source":"https://blog.example/2024/05/a-post/","logNo":221236891086,' * 3
    html = (
        '<html lang="en"><head><title>A quiet week</title></head><body><div class="post"><h2>A quiet week</h2>'
        '<span class="when">2024-05-02</span><div class="story"><p>Nothing much happened.</p></div></div>'
        f'<div class="share-data" style="display: none">{data}</div><div hidden>{data}</div></body></html>'
    )
    article = extract(html, URL)
    assert "logNo" not in article.text and "Nothing much happened." in article.text


_NAVER_MOBILE = (
    '<html lang="ko"><head><title>3월 25일 일요일 : 네이버 블로그</title><meta property="og:type" content="article">'
    '</head><body><div id="ct" class="end" role="main">{body}</div><div class="social_plugin_property" '
    'style="display:none">{{"title":"3월 25일 일요일","source":'
    '"https://blog.naver.com/mym0404/221236891086","blogName":"와 이게 에..","domainIdOrBlogId":"mym0404",'
    '"nicknameOrBlogId":"MJ Studio","logNo":221236891086,"smartEditorVersion":3,"outsideDisplay":true}}</div>'
    '<div id="_div_categorylist" class="lyr_category_lst1" style="display:none;"><ul><li><a href="/PostList.naver?'
    'blogId=mym0404&amp;categoryNo=18">- Daily</a></li></ul></div></body></html>'
)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(  # SmartEditor 3: the header (category, title, writer) and the body, each a component area
            '<div class="post_ct se3_view" id="viewTypeSelector"><div class="se_doc_viewer se_body_wrap"><div '
            'class="se_component_wrap"><div class="se_component '
            'se_documentTitle"><div class="blog_category"><a href="/PostList.naver?blogId=mym0404&amp;categoryNo=18">'
            '- Daily</a></div><h3 class="se_textarea">3월 25일 일요일</h3><div class="blog_authorArea"><strong>MJ '
            'Studio</strong><p class="blog_date">2018. 3. 25. 14:38</p></div></div></div><div class="se_component_'
            'wrap sect_dsc __se_component_area"><div class="se_component se_paragraph default"><p class="se_textarea'
            '">오늘은 비가 와서 산책을 미루고 집에서 책을 읽었다.</p></div></div></div></div>',
            id="se3",
        ),
        pytest.param(  # the oldest editor (SE2): the header above, the post's HTML as written in div.post_ct
            '<div class="_postView"><div class="post_tit_area"><strong class="tit_category"><a href="/PostList.'
            'naver?blogId=mym0404&amp;categoryNo=18">- Daily</a></strong><h3 class="tit_h3">3월 25일 일요일</h3><div '
            'class="author_area"><strong class="ell">MJ Studio</strong><p class="se_date">2018. 3. 25. 14:38</p>'
            '</div></div><div class="post_ct" id="viewTypeSelector"><p>오늘은 비가 와서 산책을 미루고 집에서 책을 '
            "읽었다.</p></div></div>",
            id="se2",
        ),
    ],
)
def test_a_short_naver_blog_post_on_the_mobile_page_is_its_editors_body_not_its_hidden_share_data(body):
    """Naver Blog's mobile post page keeps the post's share data as JSON in a hidden div.social_plugin_property;
    under a one-line post (SmartEditor 3's, the oldest editor's) that JSON was the post's text."""
    article = extract(_NAVER_MOBILE.format(body=body), "https://m.blog.naver.com/mym0404/221236891086")
    assert article.text == "오늘은 비가 와서 산책을 미루고 집에서 책을 읽었다."


def test_a_quote_inside_a_list_item_or_a_div_of_text_is_quoted_and_leaves_no_marks():
    """A forum's post in a list item quoting another ("Zitat von Yves" <blockquote>…</blockquote>), a <div> of text
    holding a quote: trafilatura writes the quote into the line of the words around it, and the Markdown kept the
    marks that set a quote's lines apart ("blogarchivequotestartx Das war …") as words of the post."""
    item = "<ol><li><div>Zitat von Yves</div><blockquote>Das war nur die Vorbereitung.</blockquote>Gesendet</li></ol>"
    listed = extract(_page(f"<p>{PROSE}</p>{item}<p>{PROSE}</p>"), URL)
    assert "1. Zitat von Yves\n> Das war nur die Vorbereitung.\nGesendet" in listed.markdown, listed.markdown
    div = extract(_page(f"<div>{PROSE}<blockquote>Das war nur die Vorbereitung.</blockquote>Gesendet</div>"), URL)
    assert "\n> Das war nur die Vorbereitung.\n" in div.markdown, div.markdown
    cell = "<table><tr><td>Zitat <blockquote>Das war nur die Vorbereitung.</blockquote></td></tr></table>"
    tabled = extract(_page(f"<p>{PROSE}</p>{cell}<p>{PROSE}</p>"), URL)
    assert "| Zitat Das war nur die Vorbereitung. |" in tabled.markdown, tabled.markdown
    assert all("blogarchive" not in a.markdown for a in (listed, div, tabled))


def test_an_ad_slots_label_is_no_line_of_the_text_and_a_bloggers_own_disclosure_stays():
    """An ad slot after each section of a post printed its label over the ad (a <span>Werbung</span> in a
    div.section-ad, "Ad" in a div.AdContainer): the ad, a script's frame, leaves no text, and each label stood as a
    line of the post's text. The same word as the blogger's own disclosure over a sponsored post is the post's."""

    def section(words: str, slot: str) -> str:
        text = f'<div class="section-container"><div class="section-text">{words}</div></div>'
        return f'<section class="body">{text}<div class="after-section-content">{slot}</div></section>'

    werbung = '<div class="section-ad"><span>Werbung</span><div class="ad" data-ad-size="728x90"></div></div>'
    ad = '<div class="AdContainer--standalone AdContainer"><div class="AdLoader"><span>Ad</span></div></div>'
    sections = section(PROSE, werbung) + section(f"{PROSE} The crust stayed crisp.", ad) + section(PROSE, werbung)
    article = extract(_page(sections, lang="de"), URL)
    assert "The crust stayed crisp." in article.text
    assert not {"Werbung", "Ad"} & set(article.text.splitlines()) and "Werbung" not in article.markdown
    inline = '<span id="content_ad_1" class="float-start"><div class="adunit-label"><small>Anzeige</small></div></span>'
    within = extract(_page(f"<p>{PROSE} Das Kompetenzzentrum{inline} wurde erweitert.</p>{sections}", lang="de"), URL)
    assert "Das Kompetenzzentrum wurde erweitert." in within.text and "Anzeige" not in within.text
    disclosed = extract(_page(f"<p><strong>Werbung</strong></p>{sections}", lang="de"), URL)
    assert disclosed.text.splitlines()[0] == "Werbung" and disclosed.text.count("Werbung") == 1


def test_a_paragraph_written_as_a_div_beside_the_posts_paragraphs_is_kept_whatever_the_page_holds():
    """A Hugo shortcode's column writes a paragraph straight into a <div> beside a picture; trafilatura reads a
    <div>'s text only where the whole page's <p>s hold little text, so the paragraph was lost on a page whose author
    box and sidebar hold paragraphs enough, and kept on the same post without them. A post written in <div>s alone
    keeps every one."""
    column = (
        '<section class="side-by-side"><div class="left w-60">Over the weekend I built a settings panel for this'
        " site, so that you can choose how wide the text runs and how the colours change.</div>"
        '<div class="right w-40"><figure><img src="/img/panel.png" alt="The panel"><figcaption>The new panel'
        "</figcaption></figure></div></section>"
    )
    post = f"{column}<p>{PROSE}</p><p>{PROSE} Next I want a dark mode, and larger type for those who like it.</p>"
    author = '<section class="author"><div class="right">' + f"<p>{PROSE}</p>" * 3 + "</div></section>"
    for around in ("", author):
        text = extract(_page(post, around), URL).text
        assert text.startswith("Over the weekend I built a settings panel"), around[:20]
    divs = "".join(f'<div class="paragraph">{PROSE} Part {n}:</div>' for n in range(4))
    alone = extract(_page(f"<div class='content'>{divs}</div>"), URL).text
    assert all(f"Part {n}:" in alone for n in range(4))


def test_tistorys_editor_lines_written_as_divs_are_the_posts_paragraphs():
    """Tistory's older editor writes each line of a post as <div><span>…</span></div> in the post's
    div.tt_article_useless_p_margin, short and often without a sentence's end; on a page whose <p>s hold text enough
    (a paragraph of the newer editor's, a sidebar's) trafilatura read none of them, and the post lost those lines."""
    lines = [
        "[설정 정리]",
        "이제 앞에서 설정했던 내용들을 사용해볼 시간입니다.",
        "만들었던 프로젝트로 들어간 뒤,",
        "하단의 Project Administration을 클릭합니다.",
        "좌측에 많이 본 듯한 메뉴가 존재합니다.",
    ]
    body = "".join(f"<div><span>{line}</span></div><div><br></div>" for line in lines)
    later = f"<p>{PROSE}</p>" * 2  # a paragraph the newer editor wrote, when the post was edited
    post = f'<div class="area_view"><div class="tt_article_useless_p_margin">{body}{later}</div></div>'
    text = extract(_page(post, lang="ko"), URL).text
    assert all(line in text.splitlines() for line in lines[1:]), text


def test_php_error_messages_printed_into_the_page_are_no_lines_of_the_text():
    """An old WordPress on a newer PHP prints PHP's errors into the page as display_errors writes them
    ("<b>Deprecated</b>:  … in <b>/www/htdocs/…/wp-settings.php</b> on line <b>520</b><br />"), dozens above and
    inside the post: they stood as lines of its text. A post that quotes such an error in its own words keeps it."""
    error = (
        "<br />\n<b>Deprecated</b>:  Assigning the return value of new by reference is deprecated in "
        "<b>/www/htdocs/w00a2ebd/wp-settings.php</b> on line <b>520</b><br />\n"
    )
    quoted = "<p>The log said: Deprecated: create_function() is deprecated in /var/www/x.php on line 3.</p>"
    post = f"<p>{PROSE}</p><p>{error * 3}Then we sliced it thin and ate it with butter and a little salt.</p>{quoted}"
    article = extract(_page(f"{error * 5}{post}"), URL)
    assert "wp-settings.php" not in article.text and "Assigning the return value" not in article.markdown
    assert "Then we sliced it thin and ate it with butter and a little salt." in article.text
    assert "The log said: Deprecated: create_function() is deprecated in /var/www/x.php on line 3." in article.text


def test_docusaurus_tab_labels_stand_before_their_panels():
    """Docusaurus's <Tabs> prints its labels as a `ul[role=tablist]` above the panels (`div[role=tabpanel]`, all in
    the static HTML, the unselected ones `hidden`): the labels came out as a list of their own ("- Linux\\n-
    macOS") and neither code block said which tab it was."""

    def code(language: str, line: str) -> str:
        return (
            f'<div class="language-{language} codeBlockContainer_Ckt0 theme-code-block"><div class="codeBlockContent_'
            f'QJqH"><pre tabindex="0" class="prism-code language-{language} codeBlock_bY9V"><code class="codeBlockLines'
            f'_e6Vv"><div class="token-line"><span class="token plain">{line}</span><br></div></code></pre></div></div>'
        )

    tabs = (
        '<div class="theme-tabs-container tabs-container tabList__CuJ"><ul role="tablist" aria-orientation='
        '"horizontal" class="tabs"><li role="tab" tabindex="0" aria-selected="true" class="tabs__item tabItem_LNqP '
        'tabs__item--active">Linux</li><li role="tab" tabindex="-1" aria-selected="false" class="tabs__item '
        'tabItem_LNqP">macOS</li></ul><div class="margin-top--md">'
        f'<div role="tabpanel" class="tabItem_Ymn6">{code("bash", "du -xh --max-depth=1 /var")}</div>'
        f'<div role="tabpanel" class="tabItem_Ymn6" hidden="">{code("bash", "du -h -d 1 /usr/local")}</div></div></div>'
    )
    html = _page(f'<div id="__blog-post-container" class="markdown"><p>{PROSE}</p>{tabs}<p>{PROSE}</p></div>')
    article = extract(html, URL)
    assert "- Linux" not in article.markdown and "- macOS" not in article.markdown
    assert "Linux\n\n```bash\ndu -xh --max-depth=1 /var\n```\n\nmacOS\n\n```bash\ndu -h -d 1 /usr/local\n```" in (
        article.markdown
    )
    assert "Linux\ndu -xh --max-depth=1 /var\nmacOS\ndu -h -d 1 /usr/local" in article.text


def test_shortcodes_ultimate_spoilers_and_tabs_are_read_each_under_its_label():
    """Shortcodes Ultimate's [su_spoiler] (`div.su-spoiler`, a title and a content div, closed or open) has a class
    naming its icon, `su-spoiler-icon-plus`, which trafilatura discards as chrome: every question and answer of a
    post's accordion was missing; its [su_tabs] print their labels together in `div.su-tabs-nav`, which came out
    as one line ("Flour tabWater tab") above the panels."""
    spoilers = "".join(
        f'<div class="su-spoiler su-spoiler-style-default su-spoiler-icon-plus{closed}" data-scroll-offset="0">'
        f'<div class="su-spoiler-title" tabindex="0" role="button"><span class="su-spoiler-icon"></span>{title}</div>'
        f'<div class="su-spoiler-content su-u-clearfix su-u-trim">{answer}</div></div>'
        for closed, title, answer in (
            (" su-spoiler-closed", "How long does the dough rest?", "Overnight, in a cool room, under a cloth."),
            ("", "Which flour works best?", "A light rye, sifted twice."),
        )
    )
    tabs = (
        '<div class="su-tabs su-tabs-style-default" data-active="1"><div class="su-tabs-nav"><span class="" '
        'tabindex="0" role="button">Summer</span><span class="" tabindex="0" role="button">Winter</span></div>'
        '<div class="su-tabs-panes"><div class="su-tabs-pane su-u-clearfix su-u-trim" data-title="Summer">Bake early '
        'in the morning.</div><div class="su-tabs-pane su-u-clearfix su-u-trim" data-title="Winter">Let the oven '
        "heat the kitchen.</div></div></div>"
    )
    html = _page(f'<div class="entry-content"><p>{PROSE}</p><div class="su-accordion">{spoilers}</div>{tabs}</div>')
    text = extract(html, URL).text
    assert (
        "How long does the dough rest?\nOvernight, in a cool room, under a cloth.\nWhich flour works best?\nA light "
        "rye, sifted twice.\nSummer\nBake early in the morning.\nWinter\nLet the oven heat the kitchen."
    ) in text


def test_shortcodes_ultimate_expand_is_read_whole_without_its_links():
    """Shortcodes Ultimate's [su_expand] cuts its text to a few lines (`div.su-expand-content`, styled max-height
    and overflow:hidden) until its "Show more" link: trafilatura discarded the text for its classes ("expand") and
    its style ("hidden"), and kept the links; [su_divider]'s "Go to top" link ended a paragraph."""
    expand = (
        '<div class="su-expand su-expand-collapsed su-expand-link-style-default" data-height="40"><div class="su-'
        'expand-content su-u-trim" style="color:#333333;max-height:40px;overflow:hidden"><p>The long part: soak the '
        'linen, flour it with rice flour and let it dry before the first loaf.</p></div><div class="su-expand-link '
        'su-expand-link-more"><a href="javascript:;"><span>Show more</span></a></div><div class="su-expand-link su-'
        'expand-link-less"><a href="javascript:;"><span>Show less</span></a></div></div>'
    )
    divider = '<div class="su-divider su-divider-style-default"><a href="#">Go to top</a></div>'
    html = _page(f'<div class="entry-content"><p>How to care for a proofing basket.</p>{expand}{divider}</div>')
    assert extract(html, URL).text == (
        "How to care for a proofing basket.\nThe long part: soak the linen, flour it with rice flour and let it dry "
        "before the first loaf."
    )
    html = _page(f'<div class="entry-content"><p>{PROSE}</p>{expand}{divider}<p>{PROSE}</p></div>')
    text = extract(html, URL).text
    assert "The long part: soak the linen" in text
    assert "Show more" not in text and "Go to top" not in text


def test_pickplugins_accordions_and_tabs_are_read_in_a_short_post():
    """Accordions by PickPlugins hides its items in a `div.items` styled display:none until its script has laid
    them out, and prints its tabs' labels as a list of links to the panels: a short post kept only its own two
    lines, none of the questions, answers or tabs."""
    head = (
        '<span class="accordion-icons"><span class="accordion-icon-active"><i class="fas fa-chevron-up"></i></span>'
        "</span>"
    )
    accordion = (
        '<div id="accordions-7" class="accordions-7 accordions"><div id="accordions-lazy-7" class="accordions-lazy">'
        '</div><div class="items" style="display:none">'
        f'<div id="header-0" class="accordions-head head0">{head}<span class="accordions-head-title">Is rye '
        'healthy?</span></div><div class="accordion-content content0"><p>Rye keeps you full for long.</p></div></div>'
        "</div>"
    )
    tabs = (
        '<div id="accordions-tabs-9" class="accordions-tabs-9 accordions-tabs accordions"><ul>'
        + "".join(
            f'<li id="header-{i}" class="tabs-nav head{i}"><a class="accordions-tab-head" href="#tabs-{i}">{head}'
            f'<span id="header-text-{i}" class="accordions-head-title">{label}</span></a></li>'
            for i, label in enumerate(("Rye", "Wheat"))
        )
        + '</ul><div class="tabs-content tabs-content0" id="tabs-0"><p>Dense and sour.</p></div><div class="tabs-'
        'content tabs-content1" id="tabs-1"><p>Light and airy.</p></div></div>'
    )
    html = _page(f'<div class="entry-content"><p>Questions first.</p>{accordion}{tabs}<p>That is all.</p></div>')
    text = extract(html, URL).text
    assert text == (
        "Questions first.\nIs rye healthy?\nRye keeps you full for long.\nRye\nDense and sour.\nWheat\nLight and "
        "airy.\nThat is all."
    )


def test_spectras_faq_and_tabs_are_read_each_answer_under_its_question_and_each_panel_under_its_label():
    """Spectra's FAQ block (uagb/faq) has classes naming an icon, an "expand" setting and a button, which
    trafilatura discards: every question and answer was missing, and its questions stand in a
    `div.uagb-faq-questions-button`; its tabs block prints its labels as a list of links above the panels, and the
    panels were read without them."""
    icon = '<span class="uagb-icon uagb-faq-icon-wrap"><svg viewBox="0 0 448 512"><path d="M4"></path></svg></span>'
    items = "".join(
        f'<div class="wp-block-uagb-faq-child uagb-faq-child__outer-wrap uagb-block-f{n}"><div class="uagb-faq-child__'
        f'wrapper"><div class="uagb-faq-item" role="tab" tabindex="0"><div class="uagb-faq-questions-button uagb-faq-'
        f'questions">{icon}<span class="uagb-question">{question}</span></div><div class="uagb-faq-content"><span><p>'
        f"{answer}</p></span></div></div></div></div>"
        for n, (question, answer) in enumerate(
            (("How long does rye rest?", "Twelve hours, in a cool room."), ("Which oven?", "A stone oven."))
        )
    )
    faq = (
        '<div class="wp-block-uagb-faq uagb-faq__outer-wrap uagb-block-faq1 uagb-faq-icon-row uagb-faq-layout-'
        'accordion uagb-faq-expand-first-true uagb-faq-inactive-other-true" data-faqtoggle="true" role="tablist">'
        f'<div class="uagb-faq__wrap uagb-buttons-layout-wrap">{items}</div></div>'
    )
    labels = "".join(
        f'<li class="uagb-tab"><a href="#uagb-tabs__tab{n}" class="uagb-tabs-list uagb-tabs__icon-position-left" '
        f'data-tab="{n}"><span>{label}</span></a></li>'
        for n, label in enumerate(("Rye", "Spelt"))
    )
    panels = "".join(
        f'<div class="uagb-tabs__body-container uagb-tabs__inner-tab uagb-inner-tab-{n}"><div class="wp-block-uagb-'
        f'tabs-child uagb-blocks__t{n} uagb-tabs__body" aria-labelledby="uagb-tabs__tab{n}"><p>{words}</p></div></div>'
        for n, words in enumerate(("Dense and sour.", "Nutty and light."))
    )
    tabs = (
        '<div class="wp-block-uagb-tabs uagb-block-tab1 uagb-tabs__wrap uagb-tabs__hstyle1-desktop" data-tab-active='
        f'"0"><ul class="uagb-tabs__panel uagb-tabs__align-left">{labels}</ul><div class="uagb-tabs__body-wrap">'
        f"{panels}</div></div>"
    )
    html = _page(f'<div class="entry-content"><p>Questions first.</p>{faq}{tabs}<p>That is all.</p></div>')
    assert extract(html, URL).text == (
        "Questions first.\nHow long does rye rest?\nTwelve hours, in a cool room.\nWhich oven?\nA stone oven.\nRye\n"
        "Dense and sour.\nSpelt\nNutty and light.\nThat is all."
    )


def _stellar_post(title: str, body: str) -> str:
    """A post as Hexo's Stellar (1.x) prints it: the left bar (avatar, site title, "Recent Update"), the banner
    (breadcrumbs, dates, title), the post's article.md-text, its tags, its div.article-footer (licence, share
    buttons) and its div.related-wrap#read-next (the newer and older posts)."""
    leftbar = (
        '<aside class="l_left leftbar-card"><header class="header"><div class="logo-wrap"><a class="avatar" href='
        '"/about/"><img class="avatar" src="/images/jane.svg"></a><a class="title" href="/"><div class="main">Field '
        'Notes</div><div class="sub cap">Bread, code and walks</div></a></div></header><div class="widgets"><widget '
        'class="widget-wrapper recent-widget"><div class="widget-header"><span class="name">Recent Update</span>'
        '</div><div class="widget-body"><a class="ui-collection__item" href="/2023/05/20/harz/" title="A walk in the '
        'Harz"><span class="ui-collection__title">A walk in the Harz</span></a></div></widget></div></aside>'
    )
    banner = (
        '<div class="article-banner-wrap"><div class="article banner top"><div class="content"><div class="top '
        'bread-nav footnote"><div class="top-row"><div class="left" id="breadcrumb"><a class="cap breadcrumb" href="/">'
        'Home</a><span class="sep"></span><a class="cap breadcrumb" href="/">Blog</a><span class="sep"></span><a '
        'class="cap breadcrumb-link" href="/categories/Travel/">Travel</a></div></div><div class="meta-row"><div '
        'class="flex-row" id="post-meta"><span class="text created">Posted on: <time datetime="2023-08-14T22:20:00'
        '.000Z">2023-08-14</time></span><span class="text updated">Updated on: <time datetime="2024-02-01T10:00:00'
        f'.000Z">2024-02-01</time></span></div></div></div><div class="bottom only-title"><div class="text-area"><h1 '
        f'class="text title"><span>{title}</span></h1></div></div></div></div></div>'
    )
    share = "".join(
        f'<a class="social share-item {name}"{link}><img class="lazy" src="" data-src="https://gcore.jsdelivr.net/gh/'
        f'cdn-x/placeholder@1.0.12/social/{name}.svg" /></a>'
        for name, link in (
            ("wechat", ' onclick="util.toggle(&quot;qrcode-wechat&quot;)"'),
            (
                "weibo",
                ' target="_blank" href="https://service.weibo.com/share/share.php?url=https%3A%2F%2Fblog.example'
                '%2F2024%2F05%2Fa-post%2F&title=A%20post%20-%20Field%20Notes"',
            ),
            (
                "email",
                ' href="mailto:?subject=A%20post%20-%20Field%20Notes&amp;body=https%3A%2F%2Fblog.example%2F2024'
                '%2F05%2Fa-post%2F"',
            ),
            ("link", ' onclick="util.copy(&quot;copy-link&quot;, &quot;Copied!&quot;)"'),
        )
    )
    footer = (  # indented as Stellar's template prints it: trafilatura reads the indentation as text
        '<div class="article-tags"><a class="tag" href="/tags/sea/">sea</a></div><div class="article-footer">\n    '
        '<section id="license">\n      <div class="header"><span>License</span></div>\n      <div class="body"><p>This '
        'post is licensed under <a target="_blank" rel="noopener" href="https://creativecommons.org/licenses/by-nc-sa/'
        '4.0/">CC BY-NC-SA 4.0</a>.</p>\n</div>\n    </section>\n    \n\n\n    <section id="share">\n      <div '
        'class="header"><span>Share</span></div>\n      <div class="body">\n        <div class="link"><input class="'
        f'copy-area" readonly="true" id="copy-link" value="{URL}" /></div>\n        <div class="social-wrap dis-'
        f'select">{share}</div>\n        \n        <div class="qrcode" id="qrcode-wechat" style="opacity:0;height:0">'
        "\n          "
        '<img class="lazy" src="" data-src="https://api.qrserver.com/v1/create-qr-code/?size=256x256&data=https%3A%2F'
        '%2Fblog.example%2F2024%2F05%2Fa-post%2F"/>\n        </div>\n        \n      </div>\n    </section>\n    </div>'
        '\n<div class="related-wrap" id="read-next"><section class="body"><div class="item" id="prev"></div><div class='
        '"item" id="next"><div class="note">Older</div><a href="/2023/05/20/harz/">A walk in the Harz</a></div>'
        "</section></div>"
    )
    return (
        f'<html lang="en"><head><title>{title} - Field Notes</title><meta name="generator" content="Hexo 8.1.2"></head>'
        f'<body><div class="l_body content" id="start" layout="post">{leftbar}<div class="l_main" id="main">{banner}'
        f'<article class="md-text content">{body}</article>{footer}<footer class="page-footer footnote"><hr><div '
        'class="text"><p>Built with Stellar.</p></div></footer></div></div></body></html>'
    )


def test_hexo_stellars_licence_share_buttons_and_next_posts_are_not_a_one_line_posts_text():
    """Stellar prints the licence and share buttons in div.article-footer and the newer and older posts in
    div.related-wrap#read-next under the post: a post of one sentence ended in "License / This post is licensed
    under CC BY-NC-SA 4.0. / Share / Older / A walk in the Harz"."""
    line = "Nothing baked, nothing written, nothing broken, and the starter survived on rye and neglect."
    article = extract(_stellar_post("A quiet week", f"<p>{line}</p>"), URL)
    assert article.text == line


def test_hexo_stellars_post_body_is_a_photo_posts_text_not_its_banner():
    """A photo post of a line and a picture was read from Stellar's whole page: its breadcrumbs ("Home / Blog /
    Travel"), "Posted on: 2023-08-14 / Updated on: …" and title before the line — Stellar's article.md-text, the
    post's body, was none that a post's body is read from."""
    line = "아침 일찍 협재 해변에서 찍은 사진입니다."
    body = f'<p>{line}</p><p><img src="/images/jeju-coast.svg" alt="협재 해변의 아침"></p>'
    article = extract(_stellar_post("제주 바다", body), URL)
    assert article.text == line
    assert [image.src for image in article.images] == ["https://blog.example/images/jeju-coast.svg"]


def test_quartos_title_block_byline_is_not_a_short_posts_text():
    """Quarto's banner title block (header#title-block-header, outside the post's <main>) prints the post's author
    and date in div.quarto-title-meta; trafilatura added both to a short post's text ("Tristan O'Malley",
    "June 14, 2025"). They stay the post's author and date."""
    html = (
        '<html lang="en"><head><meta name="generator" content="quarto-1.7.32">'
        '<meta name="author" content="Alice Schmidt"><meta name="dcterms.date" content="2025-06-14">'
        "<title>Welcome – Crumbs</title></head>"
        '<body class="nav-fixed fullcontent"><header id="quarto-header"><nav class="navbar"><a '
        'class="navbar-brand" href="../../index.html"><span class="navbar-title">Crumbs</span></a></nav></header>'
        '<header id="title-block-header" class="quarto-title-block default page-columns page-full">'
        '<div class="quarto-title-banner page-columns page-full"><div class="quarto-title column-body">'
        '<h1 class="title">Welcome</h1></div></div><div class="quarto-title-meta"><div>'
        '<div class="quarto-title-meta-heading">Author</div><div class="quarto-title-meta-contents">'
        '<p>Alice Schmidt </p></div></div><div><div class="quarto-title-meta-heading">Published</div>'
        '<div class="quarto-title-meta-contents"><p class="date">June 14, 2025</p></div></div></div></header>'
        '<div id="quarto-content"><main class="content quarto-banner-title-block" id="quarto-document-content">'
        "<p>This is the first post of the blog. Welcome!</p><p>Since this post has no image, the first image will be "
        "used.</p></main></div></body></html>"
    )
    article = extract(html, "https://crumbs.example/posts/welcome/")
    assert article.text == (
        "This is the first post of the blog. Welcome!\nSince this post has no image, the first image will be used."
    )
    assert article.author == "Alice Schmidt"
    assert article.published[:10] == "2025-06-14"


def test_a_templates_inert_content_is_no_part_of_the_text_a_declarative_shadow_roots_is():
    """HTML's <template> is never rendered — a script copies it — but parsed as any element its content was text:
    AMP's list of a recipe's steps, `<template type="amp-mustache">{{#steps}}…{{/steps}}</template>`, gave the
    recipe lines of Mustache tags and the placeholder "There are no steps yet". A declarative shadow root
    (`<template shadowrootmode="open">`) is rendered where it stands, and its text stays."""
    steps = (
        '<amp-list src="/steps.json" layout="responsive" width="4" height="3"><template type="amp-mustache">'
        "{{#steps}}<h3>{{{title}}}</h3><p>{{{text}}}</p>{{/steps}}{{^steps}}<p>There are no steps yet. Write the "
        "first!</p>{{/steps}}</template></amp-list>"
    )
    shadow = '<div><template shadowrootmode="open"><p>Rye keeps for a week in a linen bag.</p></template></div>'
    after = "<p>The oven cooled slowly overnight, and in the morning the loaves were ready to slice.</p>"
    article = extract(_page(f"<p>{PROSE}</p>{steps}{after}{shadow}"), URL)
    assert "{{" not in article.text and "no steps yet" not in article.text, article.text
    assert "{{" not in article.markdown
    assert "the loaves were ready to slice." in article.text and "Rye keeps for a week in a linen bag." in article.text


def test_amps_push_notification_box_consent_and_menu_drawer_are_not_the_posts_text():
    """An AMP page's own components of chrome — `amp-web-push-widget` ("Want More? … Would Like To Send You Push
    Notifications."), `amp-user-notification` (a cookie notice), `amp-sidebar` (the menu drawer) — ended an AMP
    story's text; they are chrome on any AMP page."""
    push = (
        '<amp-web-push-widget visibility="unsubscribed" layout="fixed" width="375" height="225">'
        "<div><h3>Want More?</h3><p>Kitchen Notes Would Like To Send You Push Notifications.</p>"
        '<button on="tap:amp-web-push.subscribe">Allow Notifications</button></div></amp-web-push-widget>'
    )
    notice = (
        '<amp-user-notification id="cookies" layout="nodisplay"><p>This site uses cookies to remember what you read '
        "and for statistics.</p><button>I accept</button></amp-user-notification>"
    )
    drawer = (
        '<amp-sidebar id="menu" layout="nodisplay"><ul><li><a href="/recipes/">All our recipes</a></li></ul>'
        "</amp-sidebar>"
    )
    html = _page(f"<p>{PROSE}</p><p>Rye wants a long, cool rise overnight.</p>{push}", around=notice).replace(
        "<body>", f"<body>{drawer}"
    )
    article = extract(html, URL)
    assert "Rye wants a long, cool rise overnight." in article.text
    for chrome in ("Push Notifications", "Want More?", "uses cookies", "All our recipes"):
        assert chrome not in article.text and chrome not in article.markdown, chrome


def test_hugo_fixits_donation_qr_codes_in_the_posts_content_are_none_of_the_post():
    """FixIt prints its reward box (`div.post-reward`: a "赞赏" button, the Alipay and WeChat QR codes, each an <img>
    over its name) at the end of the post's own div#content: every post's text ended "支付宝 微信", and the two
    QR codes were stored as the post's images."""
    reward = (
        '<div class="post-reward"><div class="comment"></div><input type="checkbox" class="reward-input" '
        'id="fi-reward" hidden /><label class="reward-button" for="fi-reward">赞赏</label><div class="reward-ways" '
        'data-mode="static"><div><img loading="lazy" src="/images/reward/alipay.png" alt="王芳 支付宝"/>'
        '<span data-animation>支付宝</span></div><div><img loading="lazy" src="/images/reward/wechat.png" '
        'alt="王芳 微信"/><span data-animation>微信</span></div></div></div>'
    )
    line = "<p>今天整理了一下 tmux 的配置文件，把常用的快捷键都重新映射了一遍，用起来顺手多了。</p>"
    page = (
        '<html lang="zh-CN"><head><title>tmux 配置 - 王芳</title><meta name="generator" content="Hugo 0.123.8">'
        '<meta name="theme" content="FixIt v0.3.2"></head><body><main class="container"><article class="page single">'
        '<div class="header"><h1 class="single-title">tmux 配置</h1></div><div class="content" id="content">'
        f"{line}{reward}</div></article></main></body></html>"
    )
    article = extract(page, "https://wangfang.example/2023-05-28-tmux/")
    assert article.text == "今天整理了一下 tmux 的配置文件，把常用的快捷键都重新映射了一遍，用起来顺手多了。"
    assert article.images == []


def test_hydes_date_line_with_a_reading_time_and_a_translations_link_is_not_the_first_paragraphs_start():
    """Poole's Hyde (a Zola blog's copy) prints the date line as a bare span after the title, the first paragraph
    beside it in the same element: with a reading time and a link to the post's translation added to it, the line
    ran into the first paragraph ("2021-04-10 | 5 min read | Leer en español So it turns out …"); the date stays."""
    html = (
        '<!doctype html><html lang="en"><head><title>Easy mode | Devlog</title></head><body><div class="sidebar">'
        '<a href="/"><h1>Devlog</h1></a></div><div class="content container"><div class="post">'
        '<h1 class="post-title">Easy mode</h1><span class="post-date">2021-04-10 | 5 min read | '
        '<a href="/es/tools/easy-mode/"> Leer en español </a> </span><p>So it turns out the editor has an easy mode. '
        + "It lets anyone insert and edit text right away, as in any other editor. " * 6
        + "<h2>How does it work?</h2><p>"
        + "A few options in a file of its own switch it on, and a flag on the command line reads it. " * 6
        + "</div></div></body></html>"
    )
    article = extract(html, "https://blog.example/tools/easy-mode/")
    assert article.text.startswith("So it turns out the editor has an easy mode.")
    assert article.published == "2021-04-10"


def test_lanyons_sidebar_drawer_is_no_part_of_a_short_post_and_the_tags_beside_its_title_are_read():
    """Lanyon (Poole's, in its Jekyll, Hugo and Zola ports: Zola's codinfox-lanyon) prints the blog's sidebar as a
    drawer a checkbox opens, `input#sidebar-checkbox` then `div#sidebar.sidebar` — bio, "Follow me", menu, copyright,
    "Powered by" — before the page's content; codinfox-lanyon prints each tag as a bare `a.post-tag` between the
    title's date line and the post's <article>. A two-line Korean post's text took in the sidebar, and its language
    came out English; its tags were not read."""
    sidebar = (
        '<input type="checkbox" class="sidebar-checkbox" id="sidebar-checkbox"><div class="sidebar" id="sidebar">'
        '<div class="sidebar-item"><p>Graduate student who enjoys physics, mathematics and programming.</p>'
        '<p>Follow me: <br><a href="https://github.com/kim">GitHub</a> | <a href="mailto:kim@mail.example">Mail</a>'
        '</p></div><nav class="sidebar-nav"><a class="sidebar-nav-item" href="/ko/">Home</a>'
        '<a class="sidebar-nav-item" href="/ko/blog/">Blog</a></nav><div class="sidebar-item"><p>&copy; 2021 Kim. '
        'This work is licensed under <a href="https://creativecommons.org/licenses/by-nc/4.0/">CC BY-NC 4.0</a>.</p>'
        '</div><div class="sidebar-item"><p>Powered by <a href="https://www.getzola.org">Zola</a></p></div></div>'
    )
    tags = "".join(
        f'<a href="/ko/tags/{slug}/" class="post-tag">{name}</a>'
        for slug, name in [
            ("mle", "mle"),
            ("statistics", "statistics"),
            ("julia", "julia"),
            ("high-school", "high school"),
        ]
    )
    html = (
        '<!DOCTYPE html><html lang="en-us"><head><title>최대우도추정 &middot; Kim\'s Blog</title></head><body>'
        f'{sidebar}<div class="wrap"><div class="masthead"><h3 class="masthead-title"><a href="/ko/">Kim\'s Blog</a>'
        '</h3></div><div class="container content"><div class="post"><h1 class="post-title">최대우도추정</h1>'
        f'<span class="post-date">2021-03-09</span> | {tags}<article><p>고등학교 수학으로 최대우도추정을 이해해 봅니다.'
        "</p><p>$$x^2 + 2x + 1 = (x + 1)^2$$</p></article></div></div></div></body></html>"
    )
    article = extract(html, "https://kim.example/ko/blog/mle/")
    assert article.text == "고등학교 수학으로 최대우도추정을 이해해 봅니다.\n$$x^2 + 2x + 1 = (x + 1)^2$$"
    assert article.language == "ko"
    assert article.tags == ["mle", "statistics", "julia", "high school"]
    assert article.published == "2021-03-09"


def test_a_loveit_familys_post_of_a_picture_alone_is_its_content_element_not_the_page():
    """Hugo's LoveIt and its forks (DoIt, FixIt) print the post's body in `div#content.content`, in the page's
    `.page.single` after its title and meta, before its related posts: a post with no paragraph in it (a picture, a
    notice alone) had the whole page's text, its byline, reading time and related posts' titles, for its own."""
    html = (
        '<html lang="en"><head><title>Harbour at dawn - Ann</title></head><body><header class="desktop">'
        '<a href="/">Ann</a><a class="menu-item" href="/posts/">Posts</a><a class="menu-item" href="/tags/">Tags</a>'
        '</header><main class="container"><article class="page single"><h1 class="single-title">Harbour at dawn</h1>'
        '<div class="post-meta"><span class="post-author"><a href="/" rel="author">Ann</a></span> '
        '<span>included in <a href="/categories/photos/">Photos</a></span> <time datetime="2024-03-01">2024-03-01'
        "</time> <span>About 10 words</span> <span>One minute</span></div>"
        '<div class="content" id="content"><figure><img src="/harbour.jpg" alt="The harbour"></figure></div>'
        '<div class="related-container"><h2 class="related-title">Related</h2><ul><li><a href="/posts/boats/">'
        'Boats in the fog</a></li><li><a href="/posts/gulls/">Gulls over the pier</a></li></ul></div>'
        '<div class="post-footer" id="post-footer"><div class="post-tags"><a href="/tags/sea/">sea</a></div>'
        "</div></article></main><footer>Powered by Hugo</footer></body></html>"
    )
    article = extract(html, "https://ann.example/posts/harbour/")
    assert (article.kind, article.text) == ("article", "")
    assert [image.src for image in article.images] == ["https://ann.example/harbour.jpg"]


def test_octopress_code_figures_are_kept_without_their_line_numbers_or_title():
    """Octopress 2 prints a fenced or `codeblock` block as a `figure.code` around Pygments' line-number table
    (`td.gutter`, `td.code`), its title in a <figcaption>: trafilatura drops every <figure>, and the code was lost."""

    def block(title: str, lines: list[str]) -> str:
        numbers = "".join(f"<span class='line-number'>{n}</span>\n" for n in range(1, len(lines) + 1))
        code = "".join(f"<span class='line'>{line}\n</span>" for line in lines)
        return (
            f"<figure class='code'><figcaption><span>{title}</span></figcaption><div class=\"highlight\"><table><tr>"
            f'<td class="gutter"><pre class="line-numbers">{numbers}</pre></td>'
            f"<td class='code'><pre><code class='bash'>{code}</code></pre></td></tr></table></div></figure>"
        )

    steps = (
        f"<p>{PROSE}</p><h3>Add the user</h3>{block('', ['adduser deploy', 'su deploy'])}"
        "<p>Then update the packages, as every server needs before it is used.</p>"
        f"<h3>Update</h3>{block('update.sh', ['sudo apt-get update'])}<p>That is all: the server is ready.</p>"
    )
    article = extract(_page(steps), URL)
    assert "### Add the user\n\n```bash\nadduser deploy\nsu deploy\n```\n\nThen update" in article.markdown
    assert "### Update\n\n```bash\nsudo apt-get update\n```\n\nThat is all" in article.markdown
    assert "update.sh" not in article.text


def test_r_distills_description_and_appendix_are_no_lines_of_the_posts_text():
    """R's distill prints the front matter's `description` under the title and categories in its title block
    (div.d-title > p), and after the post its appendix (div.appendix-bottom: "Updates and corrections", "Reuse",
    a citation and its BibTeX): the post's text began with the one and ended with the other; nor is the heading of
    its table of contents. The title and the categories the title block prints are still read."""
    title = (
        '<div class="d-title"><h1>faviconPlease</h1><div class="dt-tags"><a href="../../index.html#category:R" '
        'class="dt-tag">R</a></div><p></p><p>A favicon-grabber for R</p></div>'
        '<div class="d-byline"><a href="https://x.example" class="uri">https://x.example</a>, 2022-03-25</div>'
    )
    toc = '<h3 class="d-toc-header">Table of Contents</h3><nav class="d-toc" id="TOC"><ul><li><a href="#m">Motivation'
    article = f'<div class="d-article">{toc}</a></li></ul></nav><p>{PROSE}</p><h2>Motivation</h2><p>{PROSE}</p>'
    article += '</div><div class="d-appendix">'
    appendix = (
        '</div><div class="appendix-bottom"><h3>Reuse</h3><p>Text and figures are licensed under Creative Commons '
        "Attribution CC BY 4.0.</p><h3>Citation</h3><p>For attribution, please cite this work as</p><pre "
        'class="citation-appendix long">@misc{doe2022faviconplease, title = {faviconPlease}}</pre></div>'
    )
    head = '<meta name="generator" content="distill"><title>Notes: faviconPlease</title>'
    html = f"<html><head>{head}</head><body>{title}{article}{appendix}</body></html>"
    post = extract(html, "https://x.example/posts/faviconplease/")
    assert post.text.startswith("The kettle sang"), post.text[:80]
    assert "Motivation" in post.text and "Creative Commons" not in post.text and "@misc" not in post.text
    assert (post.title, post.categories) == ("faviconPlease", ["R"])


def test_vuepress_theme_recos_page_info_is_no_line_of_the_pages_text():
    """vuepress-theme-reco 1.x prints the page's title block, div.page-title, above its content: the <h1>, a rule and
    the page info (the author in i.reco-account, the date in i.reco-date, the tags in i.reco-tag, each where the
    page has one): a page's text began "Heshiyu / Stylelint规范". Its title, date and tags are still read."""
    author = '<i class="iconfont reco-account"><span>Heshiyu</span></i>'
    dated = '<i class="iconfont reco-date"><span>2020-03-01</span></i> '
    dated += '<i class="iconfont reco-tag tags"><span class="tag-item">工程规范</span></i>'
    prose = "<blockquote><p>" + "先安装代码检查工具及其插件，然后在项目根目录写好配置文件。" * 3 + "</p></blockquote>"
    code = '<div class="language-js"><pre class="language-js"><code>module.exports = { extends: [] }</code></pre></div>'
    content = (
        '<div class="theme-reco-content content__default" style="display:none;"><h1 id="s"> Stylelint规范</h1>'
        f"<h2> 1、安装Stylelint及插件</h2>{prose}{code}<h2>2、配置规则</h2>{prose}</div>"
    )

    def page(info: str) -> str:
        title = f'<div class="page-title" style="display:none;"><h1>Stylelint规范</h1> <hr> <div>{info}</div></div>'
        head = "<title>Stylelint规范 | Heshiyu's Blog</title>"
        return f'<html><head>{head}</head><body><main class="page">{title}{content}</main></body></html>'

    url = "https://x.example/output/standard/stylelint/"
    for info in (f"{author} <!----> <!----> <!---->", f"{author} {dated}"):
        post = extract(page(info), url)
        assert "Heshiyu" not in post.text, post.text[:60]
        assert post.title == "Stylelint规范"
    assert (post.published[:10], post.tags) == ("2020-03-01", ["工程规范"])


def test_a_summary_kramdown_left_open_is_closed_where_the_writer_closed_it_and_the_post_before_it_kept():
    """kramdown reads a raw `<details><summary>Label</summary>`'s content as Markdown and prints the writer's closing
    tag as text, `<summary><p>Label&lt;/summary&gt;</p>`, the rest of the details in the summary: an al-folio blog's
    Chinese post whose details closed at its end held most of its text in a summary, which trafilatura reads as a
    heading, and it kept that part alone (its first 12,000 characters lost). The summary is now closed after its
    label: the whole post is read, the label a line without the stray tag."""
    intro = "".join(
        f"<p>第{n}段：KL 估计器不能只看数值估得准不准，还要看它在损失写法下究竟优化了谁。</p>" for n in range(1, 6)
    )
    sections = "".join(
        f"<h2>{n}. 小节</h2><p>{'在标准正则性条件下对参数做小扰动，则二阶展开相同。' * 6}</p>" for n in range(2, 26)
    )
    details = (
        f"<details>\n<summary>\n<p>技术注记：为什么二阶行为相同？&lt;/summary&gt;</p>\n{sections}</summary>\n</details>"
    )
    head = '<meta property="og:type" content="article"><meta property="article:published_time" content="2025-12-01">'
    body = f'<article class="post-content"><h2>1. 引言</h2>{intro}{details}</article>'
    article = extract(f"<html><head><title>KL 估计器</title>{head}</head><body><main>{body}</main></body></html>", URL)
    assert "第1段" in article.text and "25. 小节" in article.text
    assert "技术注记：为什么二阶行为相同？\n2. 小节" in article.text


def test_a_list_of_links_in_a_post_a_cache_plugin_minified_is_kept_as_on_the_page_unminified():
    """Cache plugins minify the page (Autoptimize, LiteSpeed Cache): `</li><li>` with no white space between. The
    items' words ran together in the list's text as lxml reads it ("RyeSpeltOats"), and WordPress's Categories
    block inside a post, kept on the same site unminified, fell under trafilatura's link-density length and was
    dropped. Each plugin leaves its mark: Autoptimize's folder of minified scripts, LiteSpeed's closing comment."""
    grains = ["Rye", "Spelt", "Oats", "Barley", "Millet", "Durum", "Emmer", "Einkorn", "Teff", "Sorghum", "Buckwheat"]
    grains += ["Quinoa", "Amaranth", "Kamut", "Triticale", "Fonio"]
    items = "".join(
        f'<li class="cat-item cat-item-{i}"><a href="/category/{g.lower()}/">{g}</a></li>' for i, g in enumerate(grains)
    )
    post = (
        f'<p>{PROSE}</p><p>The grains I bake with:</p><ul class="wp-block-categories-list wp-block-categories">'
        f"{items}</ul><p>{PROSE}</p>"
    )
    autoptimize = '<script defer src="/wp-content/cache/autoptimize/js/autoptimize_8f2a.js"></script>'
    litespeed = "<!-- Page optimized by LiteSpeed Cache @2024-10-05 09:15:00 -->"
    for mark in (autoptimize, litespeed):
        article = extract(_page(post, around=mark), URL)
        assert [g for g in grains if g not in article.text] == []


def test_a_wordpress_headings_line_break_keeps_its_words_in_the_heading_of_the_markdown():
    """WordPress's heading block (and the classic editor) keeps a heading's Shift+Enter as a <br>: the Markdown
    ended the heading at the break, the words after it a paragraph under it. A Markdown heading is one line: the
    break is a space in it, the heading's code kept; the text keeps the break, a line as shown."""
    intro = "<p>We walked the coast road from Doolin to Fanore over three days, sleeping in the villages.</p>"
    first = "<p>The first day was the longest, along the cliffs and down into the village by evening.</p>"
    second = "<p>On the second day the rain came in from the sea and we stayed in the pub until noon.</p>"
    page = (
        '<html lang="en"><head><title>The coast road – Stone and Bread</title><meta name="generator" '
        'content="WordPress 7.1"></head><body class="single single-post"><main><article class="post type-post">'
        '<h1 class="wp-block-post-title">The coast road</h1><div class="entry-content wp-block-post-content">'
        f'{intro}<h2 class="wp-block-heading">Day one:<br>Doolin to the cliffs</h2>{first}'
        '<h3 class="wp-block-heading">Day two: <code>rain()</code><br>\nand the pub</h3>'
        f"{second}</div></article></main></body></html>"
    )
    article = extract(page, URL)
    assert "## Day one: Doolin to the cliffs\n\nThe first day" in article.markdown
    assert "### Day two: `rain()` and the pub\n\nOn the second day" in article.markdown
    assert "Day one:\nDoolin to the cliffs\nThe first day" in article.text


def test_a_title_heading_broken_from_its_kicker_is_still_read_off_the_markdown():
    """A theme's <h1> that breaks the post's title from a kicker above it (`<small>Workout of the week</small><br>
    Title`) is the title, not a heading of the post: the heading's lines are joined only once the title and the
    fields before the text are read off them."""
    paragraphs = "".join(
        f"<p>{words} The set is swum at an easy pace, with ten seconds of rest after each length.</p>"
        for words in ("Today's session is a medley pyramid of a thousand metres.", "Then come eight kicks.")
    )
    page = (
        '<html lang="en"><head><title>Medley pyramid – Swim blog</title><meta property="og:title" '
        'content="Medley pyramid"><meta name="generator" content="WordPress 6.4"></head><body class="single '
        'single-post"><article class="post type-post"><div class="entry-content"><h1 class="single-post-title">'
        '<span class="post-title"><small>Workout of the week</small><br>Medley '
        f"pyramid</span></h1>{paragraphs}</div></article></body></html>"
    )
    article = extract(page, URL)
    assert article.title == "Medley pyramid"
    assert article.markdown.startswith("Today's session is a medley pyramid")


def test_tailwind_typographys_prose_is_the_posts_body_not_the_author_card_before_it():
    """HTMLy's default theme (tailwind, after timlrx's tailwind-nextjs-starter-blog) prints the post in Tailwind
    Typography's `div.prose`, inside an <article> that also holds its date line, an author card — a <dl> of
    screen-reader labels, "Author", "User", the name, "Posts by this author" — and its related posts (a second,
    shorter `div.prose`): the card's lines were the first of the post's text."""
    paragraphs = "".join(
        f"<p>Step {n}: open a TCP listener, accept connections one by one and answer each of them with a small "
        "response written by hand, then close the connection and wait for the next client to arrive at the port.</p>"
        for n in range(1, 7)
    )
    header = (
        '<header class="pt-6"><div class="space-y-1 text-center"><dl class="space-y-10"><div><dt class="sr-only">'
        'Posted on</dt><dd class="text-base"><time>05 October 2024</time> • <span class="text-primary-500">'
        '<a href="/category/tech">Tech</a></span></dd></div></dl><div><h1 class="text-3xl">A Tiny Web Server</h1>'
        "</div></div></header>"
    )
    card = (
        '<dl class="pb-10 pt-6"><dt class="sr-only">Author</dt><dd><ul class="flex flex-wrap"><li class="flex">'
        '<img src="/logo-small.png" width="40" height="40"><dl class="text-sm"><dt class="sr-only">User</dt>'
        '<dd class="text-gray-900">anna</dd><dt class="sr-only">Posts by this author</dt><dd>'
        '<a class="text-primary-500" href="/author/anna">Posts by this author</a></dd></dl></li></ul></dd></dl>'
    )
    related = (
        '<div class="prose max-w-none pb-6 pt-6 related-posts"><h2 class="text-xl">Related posts</h2>'
        '<ul><li><a href="/2024/03/php-habits">Ten Small PHP Habits</a></li></ul></div>'
    )
    page = (
        '<html lang="en"><head><meta name="generator" content="HTMLy v3.1.1"><meta name="author" content="anna">'
        "<title>A Tiny Web Server</title></head>"
        f'<body><main><article><div class="xl:divide-y">{header}<div class="pb-8 xl:grid">{card}'
        f'<div class="xl:col-span-3"><div class="prose max-w-none pb-8 pt-10">{paragraphs}</div>{related}</div>'
        '<footer><div class="pt-4"><a href="/">← Back to Homepage</a></div></footer></div></div></article></main>'
        "</body></html>"
    )
    article = extract(page, "https://blog.example/2024/10/rust-server")
    assert article.text.startswith("Step 1: open a TCP listener")
    assert "Posts by this author" not in article.text and "Step 6: open" in article.text


def test_a_quotes_attribution_in_its_own_footer_stays_with_the_quote():
    """Kirby's quote block prints its citation in a <footer> inside the <blockquote> (as Bootstrap 3's blockquotes
    do), linked to the source: trafilatura drops every <footer> and a paragraph that is one link, and the chrome
    filter every footer's text, and the quote lost who said it — the page's own <footer> still goes."""
    source = "https://en.wikipedia.org/wiki/Anthony_Oettinger"
    for citation, markdown in [
        ("<cite>Anthony Oettinger</cite>", "> Anthony Oettinger"),
        (f'<a href="{source}" rel="noopener">Anthony Oettinger</a>', f"> [Anthony Oettinger]({source})"),
    ]:
        quote = f"<blockquote>\n  Time flies like an arrow.    <footer>\n    {citation}  </footer>\n</blockquote>"
        article = extract(_page(f"<p>{PROSE}</p>{quote}<p>{PROSE}</p>"), URL)
        assert "Time flies like an arrow.\nAnthony Oettinger\n" in article.text
        assert markdown in article.markdown
        assert "Blog Example" not in article.text


def test_a_short_blocksy_post_is_its_entry_content_not_its_comments():
    """Blocksy prints each comment's text in a `div.ct-comment-content.entry-content` of its `ol.ct-comment-list`:
    with two .entry-content on the page the post's own was not told, and a post of one sentence ("Hello world!")
    was stored with the post navigation's teaser ("By admin", "On Dec 7, 2026", "In Uncategorized") and its comment's
    text."""
    comment = (
        '<li id="comment-1" class="comment even thread-even depth-1"><div class="ct-comment-inner"><div class="ct-'
        'comment-info"><section><div class="ct-comment-author"><a href="https://wordpress.org/" class="url">A '
        'WordPress Commenter</a></div><div class="ct-comment-meta"><a href="/2024/02/03/coffee/#comment-1">Feb 4, '
        '2024 / 6:58 pm</a></div></section></div><div class="ct-comment-content entry-content"><p>Hi, this is a '
        "comment. To get started with moderating, editing, and deleting comments, visit the dashboard.</p></div></div>"
        "</li>"
    )
    header = (
        '<div class="hero-section" data-type="type-1"><header class="entry-header"><h1 class="page-title">Coffee '
        'Note</h1><ul class="entry-meta"><li class="meta-author"><a href="/author/jane/">By Jane Roe</a></li><li '
        'class="meta-date"><time class="ct-meta-element-date" datetime="2024-02-03T09:30:00+01:00">Feb 3, 2024</time>'
        '</li><li class="meta-categories"><a href="/category/notes/" rel="tag">Notes</a></li></ul></header></div>'
    )
    navigation = (
        '<nav class="post-navigation"><a href="/2024/01/20/rye/" class="nav-item-prev"><div class="item-content"><span '
        'class="item-label">Previous Post</span><h4 class="item-title">Rye Bread</h4></div></a></nav>'
    )
    html = (
        '<html lang="en"><head><title>Coffee Note</title></head><body class="post-template-default single single-post '
        'postid-7"><main id="main" class="site-main"><div class="ct-container"><section><article id="post-7" class="'
        f'post-7 post type-post hentry category-notes">{header}<div class="entry-content"><p>{COFFEE}</p></div>'
        f'{navigation}</article></section></div><div class="ct-comments-container"><div class="ct-comments" id="ct-'
        f'comments"><h2 class="ct-comments-title">One comment</h2><ol class="ct-comment-list">{comment}</ol></div>'
        "</div></main></body></html>"
    )
    assert extract(html, "https://blog.example/2024/02/03/coffee/").text == COFFEE


_PROFILE_SIDEBAR = (
    '<div class="sidebar section"><div class="widget Profile"><h2>About Me</h2><p>Before starting this blog I '
    "worked as an equity analyst at three brokerage firms and wrote an investment newsletter devoted to companies "
    "with proprietary technology in a range of industries. My work has appeared in several financial magazines, "
    'weekly digests and daily newspapers over the last twenty years.</p></div><div class="widget Text"><h2>Praise'
    "</h2><p>This blog was named a must-read money blog by a personal finance magazine in two different years, a best "
    "financial blog by a business weekly, a smart stop by an accounting journal, and one of the top fifty money "
    "blogs by a currency trading site.</p><p>It was also nominated for a business law blog award, and its posts have "
    "been quoted by newspapers on three continents, often within a day of a filing being published.</p></div>"
    '<div class="widget Text"><h2>Disclaimer</h2><p>Nothing on this blog is investment advice. The author may hold '
    "positions in the companies discussed, and readers should do their own research before buying or selling any "
    "security mentioned here, or consult a licensed adviser who knows their situation.</p></div>"
    '<div class="widget PopularPosts"><h2>Popular Posts</h2><ul><li><a href="/2024/02/reserves.html">Warranty '
    "reserves</a><div class='item-snippet'>Three makers of dishwashers cut their warranty reserves in the same "
    "quarter, and each said its products had grown more reliable. The repair data say otherwise.</div></li><li><a "
    "href='/2024/01/depreciation.html'>Longer lives</a><div class='item-snippet'>When a trucking firm stretches the "
    "useful life of its fleet by two years, earnings rise without a single extra load being hauled.</div></li></ul>"
    "</div>"
    '<div class="widget BlogArchive"><h2>Blog Archive</h2><ul><li><a href="/2024/03/">March</a> (4)</li><li><a '
    'href="/2024/02/">February</a> (7)</li></ul></div></div>'
)


@pytest.mark.parametrize(
    ("head", "entry"),
    [
        ("", 'class="post hentry"'),  # Blogger's and many 2010s themes' hAtom entry
        ("", 'class="post" itemscope itemtype="http://schema.org/BlogPosting"'),
        (
            '<script type="application/ld+json">{"@type": "BlogPosting", "headline": "Quarterly filings, briefly"}'
            "</script>",
            'class="post"',
        ),
    ],
)
def test_a_short_marked_up_post_beside_a_long_sidebar_is_not_read_again_with_the_sidebar(head, entry):
    """trafilatura 2.3 reads a page again in recall mode when what it extracted is short beside the page's text, and
    keeps that reading when it is longer: on a page marking its post up, a short post's text came with the
    sidebar's profile and text widgets (a Blogger post of two paragraphs beside an About Me and a Praise widget)."""
    html = (
        f"<html><head><title>Ledger Notes: Quarterly filings, briefly</title>{head}</head><body>"
        '<div class="header"><h1>Ledger Notes</h1><p class="description">We read the quarterly filings so that you do '
        "not have to, looking for the soft spots in depreciation policies, warranty reserves and restructuring charges"
        f'.</p></div><div class="main"><h2 class="date-header">Monday, March 4, 2024</h2><div {entry}>'
        '<h3 class="post-title entry-title">Quarterly filings, briefly</h3><div class="post-body entry-content">'
        "<p>The mill reported its quarterly numbers on Friday, and the inventory line grew faster than sales for the "
        "third quarter running. That is worth watching: the company says the stock is seasonal, yet the same build "
        "showed up last spring and was written down in the summer.</p><p>We will look again when the annual report "
        'is out.</p></div><div class="post-footer">Posted by <span class="fn">Ada Ledger</span> at <abbr class='
        f'"published" title="2024-03-04T09:00:00Z">9:00 AM</abbr></div></div></div>{_PROFILE_SIDEBAR}'
        '<div class="footer"><p>Powered by Blogger.</p></div></body></html>'
    )
    article = extract(html, "https://ledger.example/2024/03/quarterly-filings-briefly.html")
    assert article.text.startswith("The mill reported its quarterly numbers on Friday")
    assert article.text.endswith("We will look again when the annual report is out.")
    assert "equity analyst" not in article.text and "must-read" not in article.text
    assert "investment advice" not in article.text


_FERRY_STORY = (
    "<p>The county council voted on Tuesday to close the old ferry landing at the end of the month, after an "
    "inspection found the pilings under the ramp rotted through in three places.</p>"
    "<p>Commuters who crossed the river each morning will be carried by a shuttle bus over the north bridge until a "
    "new landing opens downstream, which the council expects in the spring.</p>"
    "<p>The ferry's operator said the boats would stay in service for school trips and for the summer market, "
    "when they can tie up at the marina instead.</p>"
)
_OTHER_STORIES = [
    (
        "Library hours grow",
        "The central library will open on Sunday afternoons from next month, the first change to "
        "its hours in a decade, after a survey of readers asked for weekend time above all else.",
    ),
    (
        "Harbour wall repaired",
        "Masons finished the repair of the harbour wall a week ahead of the schedule set last "
        "winter, and the fishing boats that had moored in the bay since the storm are back at their berths.",
    ),
    (
        "New stop for the night bus",
        "The night bus that runs from the station to the hospital will stop at the new "
        "housing estate from Monday, answering a petition signed by residents who work late shifts.",
    ),
    (
        "School roof funded",
        "The primary school on Mill Lane will have its roof replaced over the summer holidays, "
        "after buckets in the corridors became a familiar sight during every heavy rain of the past two years.",
    ),
    (
        "Market moves indoors",
        "The Saturday market moves into the old corn exchange for the winter months, with forty "
        "stalls on two floors, heating for the first time, and a café run by the students of the catering college.",
    ),
    (
        "Bridge lights restored",
        "The lamps along the north bridge are lit again after a month in the dark, once "
        "thieves who had stripped the copper cable from the ducts under the footway were caught.",
    ),
    (
        "Allotments waiting list",
        "The waiting list for an allotment in the town has passed three hundred names, and "
        "the council is looking at the old railway sidings and a corner of the cemetery field for new plots.",
    ),
    (
        "Cycle lane consultation",
        "Residents have until the end of next month to comment on plans for a cycle lane "
        "along the river road, which would take away one lane of parking but link the two bridges.",
    ),
]


def _news_page(between: str = "") -> str:
    """A news site's article page of 2012, marked up only by og:type article: the headline, a byline, the story in a
    div of no post class, the comment rules, and the teasers of the site's other stories."""
    teasers = "".join(
        f'<div class="teaser"><h3><a href="/news/{n}/">{title}</a></h3><p>{text} Read the full story and the '
        "reactions of readers on our news pages, updated through the day.</p></div>"
        for n, (title, text) in enumerate(_OTHER_STORIES)
    )
    return (
        '<html><head><title>Ferry landing to close - Riverside Gazette</title><meta property="og:type" '
        'content="article"></head><body><div id="masthead"><a href="/">Riverside Gazette</a><ul><li><a href="/news/">'
        'News</a></li><li><a href="/sport/">Sport</a></li></ul></div><div id="main"><div class="story"><h1>Ferry '
        f'landing to close</h1><p class="byline">By Ann Reed, Riverside Gazette</p>{between}<div class="storyText">'
        f'{_FERRY_STORY}</div><div class="comment-policy"><p>Comments are moderated before they appear. Please keep to '
        "the subject of the article, be civil to other readers, and do not post advertisements or personal details; "
        'comments that break these rules are removed without notice.</p></div></div><div class="more"><h2>More news'
        f'</h2>{teasers}</div></div><div id="footer"><p>Copyright 2012 Riverside Gazette. All rights reserved.</p>'
        "</div></body></html>"
    )


def test_a_short_news_article_under_its_headline_is_not_read_again_with_the_other_stories():
    """A news article marked up by og:type article alone, its story a few paragraphs in a div of no post class right
    under its headline and byline: trafilatura 2.3 read the page again (its recall escalation, jusText's reading)
    because the story is short beside the teasers of the site's other stories, and kept that reading — the story
    and every teaser, which made the page a listing."""
    article = extract(_news_page(), "https://gazette.example/news/2012/10/ferry-landing-to-close/")
    assert article.kind == "article"
    assert article.text.startswith("The county council voted on Tuesday")
    assert article.text.endswith("when they can tie up at the marina instead.")
    assert "library" not in article.text and "Read the full story" not in article.text


def test_a_container_under_other_paragraphs_below_the_headline_is_not_headed_by_it():
    """og:type article alone is printed by templates on landing pages too, whose densest paragraphs are one section
    of many under the page's <h1>: such a container is not under the headline, and the page is read as trafilatura
    reads it. A byline between the headline and the container is no such section."""
    intro = (
        '<div class="intro"><p>Every month the Gazette sums up what the council decided, what it spent and what it put '
        "off, with the minutes and the votes of each member, so that readers can see how the town is run.</p><p>This "
        "page gathers the month's stories on the river crossings, the ferry, the bridges and the buses.</p></div>"
    )
    for between, headed in (("", True), (intro, False)):
        page = Page.from_html(_news_page(between), "https://gazette.example/news/2012/10/ferry-landing-to-close/")
        root = find_content_root(page)
        assert root is not None and root.get("class") == "storyText"
        assert headed_by_headline(root) is headed
