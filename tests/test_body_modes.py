"""The body modes: the best of three extractions chosen by the shipped model on a page without a current
template's markup and trafilatura's extraction on every other page (auto, the default), trafilatura's alone
(BLOGARCHIVE_BODY=trafilatura), or the best of three on every page (best-of-three); a wrong mode is refused in one
line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from crawler.errors import BodyModeError
from crawler.extraction import body as body_module
from crawler.extraction import upstream
from crawler.extraction.body import body_candidates
from crawler.extraction.content import find_content_root
from crawler.extraction.extract import extract
from crawler.extraction.page import Page, parse_html
from crawler.extraction.selection import (
    AUTO,
    BEST_OF_THREE,
    CANDIDATES,
    MODE_VARIABLE,
    TRAFILATURA,
    Candidate,
    Model,
    feature_names,
    features,
    mode,
    model,
)
from tests.conftest import REPO

PARAGRAPHS = [  # over 150 characters each: jusText calls shorter paragraphs boilerplate unless their neighbours are not
    "The river had risen overnight, and by morning the lower fields were under a hand's depth of brown water that"
    " smelled of mud and diesel, and the ducks were the only ones who seemed pleased about it.",
    "We walked the dyke at seven, counting the sheep that had found the high ground on their own, and wrote down"
    " the number of every gate that had been pushed open by the water during the night.",
    "By noon the pumps were running again, and the farmer said this was the third flood since the spring, which"
    " was more than he remembered in any year since his father had built the new barn.",
    "In the evening the water began to fall, leaving a line of reeds and plastic along every fence post, and the"
    " children went out with buckets to see what the river had left behind in the ditches.",
]
MENU = '<nav><ul><li><a href="/">Home</a></li><li><a href="/about">About</a></li></ul></nav>'
SIDEBAR = '<div class="sidebar"><h3>Links</h3><ul><li><a href="/a">A friend\'s blog</a></li></ul></div>'

PAGE = f"""<html><head><title>After the flood</title></head><body>
{MENU}
<div class="content"><h1>After the flood</h1>{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}</div>
{SIDEBAR}
<footer>Copyright the author</footer></body></html>"""


def _candidates(html: str = PAGE) -> list[Candidate]:
    page = Page(parse_html(html), "https://blog.example/flood/")
    return body_candidates(page, find_content_root(page), alternatives=True)[0]


def test_the_mode_is_auto_unless_the_environment_names_another(monkeypatch):
    monkeypatch.delenv(MODE_VARIABLE, raising=False)
    assert mode() == AUTO
    monkeypatch.setenv(MODE_VARIABLE, " Best-Of-Three ")
    assert mode() == BEST_OF_THREE
    monkeypatch.setenv(MODE_VARIABLE, "trafilatura")
    assert mode() == TRAFILATURA
    monkeypatch.setenv(MODE_VARIABLE, "fastest")
    with pytest.raises(BodyModeError, match="no such body mode; set one of auto, trafilatura, best-of-three"):
        mode()


def test_a_wrong_mode_is_one_line_before_any_command_runs():
    result = subprocess.run(
        [sys.executable, "-m", "crawler", "extract", "--help"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**__import__("os").environ, MODE_VARIABLE: "fastest"},
        timeout=60,
    )
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "BLOGARCHIVE_BODY='fastest'" in lines[0], result.stderr


# The same post on a page of the 2000s: tables and <div>s, no HTML5 element, no post markup.
OLD_PAGE = f"""<html><head><title>After the flood</title></head><body>
<table><tr><td class="menu"><a href="/">Home</a><br><a href="/about">About</a></td>
<td class="main"><h1>After the flood</h1>{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}</td></tr></table>
<div class="footer">Copyright the author</div></body></html>"""
TODAYS_PAGES = {
    "HTML5 sectioning": PAGE,
    "schema.org post": OLD_PAGE.replace(
        "</head>", '<script type="application/ld+json">{"@type": "BlogPosting", "headline": "After"}</script></head>'
    ),
    "hAtom": OLD_PAGE.replace('<td class="main">', '<td class="main hentry">'),
    # a page Gatsby or Next.js prerendered, <div>s alone (gatsby-starter-lumen's CSS modules): the best of three kept
    # one item of a post's list on ten posts of a Korean blog
    "Gatsby's div#___gatsby": OLD_PAGE.replace("<body>", '<body><div id="___gatsby">').replace(
        "</body>", "</div></body>"
    ),
    "Next.js's div#__next": OLD_PAGE.replace("<body>", '<body><div id="__next">').replace("</body>", "</div></body>"),
}


def _counting_alternatives(monkeypatch) -> list[str]:
    ran: list[str] = []
    real = {"readability": body_module.readability_body, "justext": body_module.justext_body}

    def counted(name):
        def call(*args, **kwargs):
            ran.append(name)
            return real[name](*args, **kwargs)

        return call

    monkeypatch.setattr(body_module, "readability_body", counted("readability"))
    monkeypatch.setattr(body_module, "justext_body", counted("justext"))
    return ran


@pytest.mark.parametrize("kind", TODAYS_PAGES)
def test_auto_keeps_trafilatura_on_a_page_of_a_current_template(monkeypatch, kind):
    monkeypatch.delenv(MODE_VARIABLE, raising=False)
    ran = _counting_alternatives(monkeypatch)
    article = extract(TODAYS_PAGES[kind], "https://blog.example/flood/")
    assert ran == []
    assert all(p in article.text for p in PARAGRAPHS)


def test_auto_reads_a_page_without_current_markup_three_ways(monkeypatch):
    monkeypatch.delenv(MODE_VARIABLE, raising=False)
    ran = _counting_alternatives(monkeypatch)
    article = extract(OLD_PAGE, "https://blog.example/flood/")
    assert ran == ["readability", "justext"]
    assert all(p in article.text for p in PARAGRAPHS) and "About" not in article.text


# ikiwiki's default page template (Debian's ikiwiki, html5 off): <div>s alone, the post in div#content role=main.
IKIWIKI_POST = """<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>제주 바다 산책</title>
<meta name="author" content="Alice Schmidt" /></head><body><div class="page">
<div class="pageheader"><div class="header"><span><span class="parentlinks"><a href="../../">Lowland Notes</a>/
<a href="../">posts</a>/ </span><span class="title">제주 바다 산책</span></span></div></div>
<div id="pagebody"><div id="content" role="main">
<p>자정이 지나서 협재 해변을 걸었습니다. 바다는 조용했고 현무암 해안은 아직 젖어 있었습니다.</p>
<h2>걷기 좋은 길</h2>
<ul><li>협재 해변에서 금능 해변까지</li><li>한림항 방파제</li></ul>
<p>아침에는 고기국수를 먹었습니다.</p>
</div></div>
<div id="footer" class="pagefooter" role="contentinfo"><div id="pageinfo">
<div class="tags">Tags: <a href="../../tags/photo/" rel="tag">사진</a></div>
<div class="pagedate">Last edited <span class="date">Sun Dec  6 17:34:56 2026</span>
<!-- Created <span class="date">Mon Aug 14 17:40:00 2023</span> --></div></div>
<!-- from Lowland Notes --></div></div></body></html>"""


def test_auto_keeps_trafilatura_on_ikiwikis_page_template_and_a_short_list_with_it(monkeypatch):
    """A Korean ikiwiki post's list of two short items was lost: ikiwiki's page template has no HTML5 element, so
    the model chose readability's extraction, which drops the list. Its page template is one of today's: its
    content is div#pagebody > div#content role=main."""
    monkeypatch.delenv(MODE_VARIABLE, raising=False)
    ran = _counting_alternatives(monkeypatch)
    article = extract(IKIWIKI_POST, "https://blog.example/posts/jeju-sea/")
    assert ran == []
    assert "- 협재 해변에서 금능 해변까지\n- 한림항 방파제\n" in article.text


@pytest.mark.parametrize(("chosen", "runs"), [(TRAFILATURA, False), (BEST_OF_THREE, True)])
def test_the_other_modes_read_every_page_one_way_or_three(monkeypatch, chosen, runs):
    monkeypatch.setenv(MODE_VARIABLE, chosen)
    ran = _counting_alternatives(monkeypatch)
    for html in (PAGE, OLD_PAGE):
        ran.clear()
        extract(html, "https://blog.example/flood/")
        assert bool(ran) is runs


def test_the_three_extractions_each_find_the_post_and_leave_the_menu():
    found = _candidates()
    assert [c.name for c in found] == list(CANDIDATES)
    for candidate in found:
        assert candidate.body is not None, candidate.name
        assert PARAGRAPHS[1] in candidate.text, candidate.name
        assert "A friend's blog" not in candidate.text, candidate.name


def test_best_of_three_keeps_one_of_the_three_text_and_markdown_alike(monkeypatch):
    monkeypatch.setenv(MODE_VARIABLE, BEST_OF_THREE)
    article = extract(PAGE, "https://blog.example/flood/")
    texts = {c.text for c in _candidates()}
    assert article.text in texts or any(article.text in t for t in texts)
    assert all(p in article.markdown for p in PARAGRAPHS)


# A post's code block with a blank line, indentation and a comment of words, between two of the old page's paragraphs.
CODE = (
    "import socket\n\ndef fetch(host, port=80):\n    # wait for the answer, and give up after five seconds\n"
    "    return socket.create_connection((host, port), timeout=5.0)"
)
CODE_PAGE = OLD_PAGE.replace(f"<p>{PARAGRAPHS[2]}", f"<pre><code>{CODE}</code></pre><p>{PARAGRAPHS[2]}").replace(
    f"<p>{PARAGRAPHS[3]}", f"<pre></pre><p>{PARAGRAPHS[3]}"
)  # and an empty one, which is no line of the text


@pytest.mark.parametrize("name", CANDIDATES)
def test_a_code_block_is_fenced_and_verbatim_whichever_extraction_is_kept(monkeypatch, name):
    """A hand-made page's code block (a chronicle blog's `<pre><code>`, read three ways in auto mode) was a `> `
    quote in the Markdown, its blank line gone, when readability's extraction was kept (trafilatura's tag
    conversion alone makes a `<pre>` a quote), and jusText's had it as a paragraph, indentation and blank line
    gone; trafilatura's plain text dropped the blank line whichever was kept."""
    monkeypatch.delenv(MODE_VARIABLE, raising=False)
    page = Page(parse_html(CODE_PAGE), "https://blog.example/flood/")
    assert all(c.body is not None for c in body_candidates(page, find_content_root(page), alternatives=True)[0])
    monkeypatch.setattr(body_module, "model", lambda: _model_preferring(name))
    article = extract(CODE_PAGE, "https://blog.example/flood/")
    assert f"{PARAGRAPHS[1]}\n\n```\n{CODE}\n```\n\n{PARAGRAPHS[2]}" in article.markdown, article.markdown
    assert f"{PARAGRAPHS[1]}\n{CODE}\n{PARAGRAPHS[2]}" in article.text, article.text
    assert f"{PARAGRAPHS[2]}\n{PARAGRAPHS[3]}" in article.text, article.text


def test_features_measure_length_lines_and_agreement():
    same = "\n".join(PARAGRAPHS)
    values = dict(zip(feature_names(), features([same, same, ""]), strict=True))
    assert values["in_trafilatura_readability"] == 1.0
    assert values["in_trafilatura_justext"] == 0.0
    assert values["in_justext_trafilatura"] == 0.0  # an empty extraction holds nothing and agrees with nothing
    assert values["sentences_trafilatura"] == 1.0
    assert values["short_trafilatura"] == 0.0
    assert values["tokens_justext"] == 0.0
    menu = "Home\nAbout\nArchive\nContact"
    assert dict(zip(feature_names(), features([menu, same, same]), strict=True))["short_trafilatura"] == 1.0


def _model_preferring(name: str) -> Model:
    width = len(feature_names())
    weights = {c: [0.0] * (width + 1) for c in CANDIDATES}
    weights[name][0] = 1.0
    return Model([0.0] * width, [1.0] * width, weights)


@pytest.mark.parametrize("name", CANDIDATES)
def test_the_model_keeps_the_extraction_it_scores_highest(name):
    candidates = [Candidate(c, object(), f"text of {c}") for c in CANDIDATES]
    assert _model_preferring(name).choose(candidates).name == name


def test_trafilatura_is_kept_when_the_others_found_nothing_or_on_a_tie():
    lonely = [Candidate(CANDIDATES[0], object(), "only this")] + [Candidate(c, None, "") for c in CANDIDATES[1:]]
    assert _model_preferring(CANDIDATES[1]).choose(lonely).name == CANDIDATES[0]
    width = len(feature_names())
    even = Model([0.0] * width, [1.0] * width, {c: [0.5] + [0.0] * width for c in CANDIDATES})
    assert even.choose([Candidate(c, object(), c) for c in CANDIDATES]).name == CANDIDATES[0]


def test_the_shipped_model_reads_the_features_this_code_computes():
    shipped = model()
    assert set(shipped.weights) == set(CANDIDATES)
    assert all(len(w) == len(feature_names()) + 1 for w in shipped.weights.values())
    assert "train split" in shipped.trained_on


def test_the_trainer_fits_a_score_that_ranks_like_the_truth():
    pytest.importorskip("numpy")
    from bench.train_body_model import fit

    width = len(feature_names())
    rows = [[float((i * 7 + j * 3) % 11) for j in range(width)] for i in range(60)]
    targets = {c: [row[n] / 10 for row in rows] for n, c in enumerate(CANDIDATES)}
    fitted = fit(rows, targets, alpha=0.01, trained_on="made-up rows")
    for row in rows[:10]:
        x = [(v - m) / s for v, m, s in zip(row, fitted.means, fitted.scales, strict=True)]
        predicted = {c: w[0] + sum(a * b for a, b in zip(w[1:], x, strict=True)) for c, w in fitted.weights.items()}
        assert max(predicted, key=predicted.get) == max(CANDIDATES, key=lambda c: targets[c][rows.index(row)])


def test_the_trainers_cross_validation_keeps_a_site_in_one_fold():
    from bench.train_body_model import host_fold
    from crawler.evaluation.cleaning_sets import CleaningPage

    def page(page_id: str, url: str) -> CleaningPage:
        return CleaningPage("dragnet", page_id, "train", url, b"", "")

    site = [page(str(n), f"https://news.example/2012/story-{n}.html") for n in range(20)]
    assert len({host_fold(p, 5) for p in site}) == 1
    # pages without a URL are sites of their own: they spread over the folds
    alone = [page(f"R{n}", "") for n in range(40)]
    assert len({host_fold(p, 5) for p in alone}) == 5


def test_a_failing_readability_or_justext_costs_only_its_candidate(monkeypatch):
    import trafilatura.external

    def breaks(*args, **kwargs):
        raise ValueError("broken")

    monkeypatch.setattr(trafilatura.external, "try_readability", breaks)
    monkeypatch.setattr(trafilatura.external, "justext_rescue", breaks)
    tree = parse_html(PAGE)
    assert upstream.readability_body(tree, "https://blog.example/") is None
    assert upstream.justext_body(tree, "https://blog.example/") is None
