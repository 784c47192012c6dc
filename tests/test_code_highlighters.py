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


def _code_block_pro(code: str, header: str, button: str, footer: str) -> str:
    """Code Block Pro's block as it saves it: Shiki's <pre> (a span per line and per token) between the header bar,
    the copy button and the footer bar it is set to."""
    lines = "\n".join(
        f'<span class="line"><span style="color: #F97583">{html.escape(line[:1], quote=False)}</span>'
        f'<span style="color: #E1E4E8">{html.escape(line[1:], quote=False)}</span></span>'
        for line in code.split("\n")
    )
    return (
        '<div class="wp-block-kevinbatdorf-code-block-pro cbp-has-line-numbers"'
        ' data-code-block-pro-font-family="Code-Pro-JetBrains-Mono" style="font-size:.875rem">'
        f'<span style="display:flex;align-items:center;padding:10px 0px 10px 16px">{header}</span>{button}'
        f'<pre class="shiki github-dark" style="background-color: #24292e" tabindex="0"><code>{lines}</code></pre>'
        f"{footer}</div>"
    )


def test_code_block_pro_blocks_are_their_code_alone_fenced_in_their_headers_language():
    """Code Block Pro prints the language's name in a header or footer bar around Shiki's <pre>, and a copy button
    holding the code again (in a <textarea> of a <pre> of its own where so set): the bars' words were lines of the
    post's text around its code, which the Markdown quoted."""
    textarea = (
        '<span role="button" tabindex="0" style="display:none" aria-label="Copy" class="code-block-pro-copy-button">'
        '<pre class="code-block-pro-copy-button-pre" aria-hidden="true"><textarea readonly>'
        f"{html.escape(PYTHON, quote=False)}</textarea></pre><svg></svg></span>"
    )
    text_button = (
        f'<span role="button" tabindex="0" data-code="{html.escape(MARKUP)}" style="display:none" aria-label="Copy"'
        ' data-copied-text="Copied!" class="code-block-pro-copy-button"><span class="cbp-btn-text">Copy</span></span>'
    )
    footer = '<span style="display:flex;justify-content:flex-end;font-size:12px">Python</span>'
    see_more = (
        '<div class="cbp-see-more-container"><span role="button" class="cbp-see-more-simple-btn">Expand</span></div>'
    )
    blocks = (
        _code_block_pro(PYTHON, "Python", textarea, footer)
        + "\n<p>And the page:</p>\n"
        + _code_block_pro(MARKUP, "<span></span><span></span>", text_button, see_more)
    )
    article = extract(_post(blocks), URL)
    assert _fenced(PYTHON, "python") in article.markdown
    assert _fenced(MARKUP, "") in article.markdown
    assert article.text.count(PYTHON) == 1
    assert f"{BEFORE.strip()}\n{PYTHON}\nAnd the page:\n{MARKUP}\n{AFTER}" in article.text


def _syntax_highlighting_code_block(code: str, line_numbers: bool) -> str:
    """A core code block as Syntax-highlighting Code Block renders it on the server: highlight.php's spans, a span
    per line where it shows line numbers (numbered by CSS), and its language badge inside the <pre>."""
    escaped = html.escape(code, quote=False)
    if line_numbers:
        escaped = "".join(f"<span class='shcb-loc'><span>{line}\n</span></span>" for line in escaped.split("\n"))
    table = " shcb-code-table shcb-line-numbers" if line_numbers else ""
    return (
        '<pre class="wp-block-code" aria-describedby="shcb-language-1" data-shcb-language-name="Python"'
        f' data-shcb-language-slug="python"><span><code class="hljs language-python{table}">{escaped}</code></span>'
        '<small class="shcb-language" id="shcb-language-1"><span class="shcb-language__label">Code language:</span>'
        ' <span class="shcb-language__name">Python</span> <span class="shcb-language__paren">(</span>'
        '<span class="shcb-language__slug">python</span><span class="shcb-language__paren">)</span></small></pre>'
    )


def test_syntax_highlighting_code_blocks_language_badge_is_no_line_of_the_code():
    """Syntax-highlighting Code Block prints "Code language: Python (python)" inside the code's <pre>: it ran into
    the code's last line, or stood as a last line of its own under line numbers."""
    blocks = (
        _syntax_highlighting_code_block(PYTHON, line_numbers=True)
        + "\n<p>And without line numbers:</p>\n"
        + _syntax_highlighting_code_block(PYTHON, line_numbers=False)
    )
    article = extract(_post(blocks), URL)
    assert "Code language" not in article.text and "Code language" not in article.markdown
    assert article.markdown.count(_fenced(PYTHON, "python")) == 2
    assert f"{PYTHON}\nAnd without line numbers:\n{PYTHON}\n{AFTER}" in article.text


def _fv_code_highlighter(code: str, language: str) -> str:
    """FV Code Highlighter's block as it renders it on the server: a table of a row per line, the line's number in
    a data attribute, its code in a <pre> of its own ending in a <br>, under the plugin's (icon-only) toolbox."""
    rows = "".join(
        f'<tr><td class="fvch-line-number" data-line-number="{number}"></td>\n<td class="fvch-line-code">\n'
        f"<pre>{html.escape(line, quote=False)}<br></pre>\n</td>\n</tr>\n"
        for number, line in enumerate(code.split("\n"), 1)
    )
    return (
        '<div class="fvch-codeblock"><div class="fvch-hide-if-no-js fvch-toolbox"><svg class="fvch-toolbox-icon">'
        f'</svg></div>\n<table class="fvch-code {language}">\n{rows}</table></div>'
    )


def test_fv_code_highlighters_table_of_lines_is_one_block():
    """FV Code Highlighter prints each line of a block in a <pre> of its own, in a table's rows: each line was a
    block (the Markdown a table of code cells, the indentation out of the code, the blank lines gone)."""
    shell = "$ pip install requests\n\n$ python -m requests"
    blocks = _fv_code_highlighter(PYTHON.replace("\t", "    "), "python") + _fv_code_highlighter(shell, "")
    article = extract(_post(blocks), URL)
    assert _fenced(PYTHON.replace("\t", "    "), "python") in article.markdown
    assert _fenced(shell, "") in article.markdown
    assert f"{PYTHON.replace(chr(9), '    ')}\n{shell}\n{AFTER}" in article.text
