"""Code blocks as WordPress's syntax-highlighting plugins print them in a post: each block's code in the text as it
was written (its lines, indentation and blank lines; no line numbers, button labels or language badges) and fenced
in the Markdown with the language the plugin's markup names."""

from __future__ import annotations

import html

from crawler.extraction.extract import extract

URL = "https://code.example/2024/03/12/notes-on-a-tool/"
BEFORE = "Here is how I set the tool up on a fresh machine, and what each step of it does for the build. " * 3
AFTER = "That is all there is to it; the next step comes in a later post about the deployment."
PYTHON = (
    'def greet(name):\n    # 인사말을 출력한다\n    if name:\n        print(f"Hallo, {name}!")  # Grüße\n\n'
    "    return name.upper()\n\n\nclass Box:\n\tdef __init__(self, items):\n\t\tself.items = items"
)
MARKUP = '<div class="box">\n  <a href="/search?q=a&amp;b=c">Fish &amp; Chips</a>\n</div>'


def _post(content: str) -> str:
    """A post page of a WordPress theme: the plugin's blocks between two paragraphs, in its .entry-content."""
    return (
        '<html lang="en"><head><title>Notes on a tool – Build Notes</title>'
        '<meta name="generator" content="WordPress 6.8"></head>'
        '<body class="post-template-default single single-post postid-9"><header id="masthead">'
        '<p class="site-title"><a href="/">Build Notes</a></p><nav><a href="/">Home</a> '
        '<a href="/about/">About</a></nav></header><main id="main"><article class="post-9 post type-post">'
        '<header class="entry-header"><h1 class="entry-title">Notes on a tool</h1></header>'
        f'<div class="entry-content"><p>{BEFORE}</p>\n{content}\n<p>{AFTER}</p></div></article></main>'
        '<footer id="colophon"><p>Proudly powered by WordPress</p></footer></body></html>'
    )


def _fenced(code: str, language: str) -> str:
    return f"```{language}\n{code}\n```"


def test_syntaxhighlighter_evolved_blocks_are_fenced_in_their_brush_language():
    """SyntaxHighlighter Evolved names the language only as a "brush" in its <pre>'s class, for its script."""
    blocks = (
        f'<pre class="brush: python; title: ; notranslate" title="">{html.escape(PYTHON, quote=False)}</pre>\n'
        f'<p>And the page:</p>\n<pre class="brush: xml; title: ; notranslate" title="">{html.escape(MARKUP)}</pre>'
    )
    article = extract(_post(blocks), URL)
    assert _fenced(PYTHON, "python") in article.markdown
    assert _fenced(MARKUP, "xml") in article.markdown
    assert PYTHON in article.text and MARKUP in article.text


def test_enlighter_blocks_are_fenced_in_the_language_of_their_data_attribute():
    """Enlighter saves a raw <pre> its script highlights, the language in `data-enlighter-language`."""
    block = (
        '<pre class="EnlighterJSRAW" data-enlighter-language="python" data-enlighter-theme=""'
        f' data-enlighter-linenumbers="" data-enlighter-title="">{html.escape(PYTHON, quote=False)}</pre>'
    )
    article = extract(_post(block), URL)
    assert _fenced(PYTHON, "python") in article.markdown
    assert PYTHON in article.text
