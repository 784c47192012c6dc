"""Post metadata from small pages written here: bylines without their labels, no link texts as authors."""

from __future__ import annotations

import pytest

from crawler.extraction.content import find_content_root
from crawler.extraction.extract import extract
from crawler.extraction.page import Page
from crawler.extraction.term_links import linked_terms
from tests.material_blog import material_post

URL = "https://blog.example/blog/2024/rain/"
BODY = "<p>" + "A paragraph of the post with words enough to be prose. " * 20 + "</p>"


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        ("Post author By Mara Lindqvist", "Mara Lindqvist"),
        ("Vom Bücherwurm", "Bücherwurm"),
        ("Zeige alle Beiträge von Jane Doe", "Jane Doe"),
        ("Nora Feld - http://nora-feld.example", "Nora Feld"),
    ],
)
def test_an_author_link_is_the_name_without_its_label(byline, name):
    html = f'<html><body><article><h1>T</h1><a rel="author" href="/a/x/">{byline}</a>{BODY}</article></body></html>'
    assert extract(html, "https://blog.example/2024/01/post/").author == name


def test_link_texts_are_not_authors():
    html = (
        f'<html><body><article><h1>T</h1><a rel="author" href="/a/b/">Bob Fischer</a>'
        f'<a rel="author" href="/a/b/">weiter</a><a rel="author" href="/a/b/">Weitere Artikel</a>{BODY}'
        "</article></body></html>"
    )
    assert extract(html, "https://blog.example/2024/01/post/").author == "Bob Fischer"


GERMAN = (
    "<p>"
    + "Wir haben im Frühjahr die Bohnen am Südzaun gepflanzt und aufgeschrieben, was die Schnecken übrig ließen. " * 4
    + "</p>"
)


def test_a_posts_text_overrules_the_sites_declared_language():
    """WordPress prints the site's locale on every post: a German post on a site set to English declares 'en'."""
    page = f"<html lang='en-US'><body><article><h1>Bohnen</h1>{GERMAN}</article></body></html>"
    assert extract(page, "https://blog.example/bohnen/").language == "de"


def _language(lang: str, body: str) -> str | None:
    html = f"<html{lang}><body><article><h1>B</h1>{body}</article></body></html>"
    return extract(html, "https://blog.example/b/").language


def test_a_short_text_or_a_matching_one_keeps_the_declared_language():
    assert _language(" lang='en'", "<p>Bohnen am Zaun, endlich.</p>") == "en"
    assert _language(" lang='de-DE'", GERMAN) == "de"
    assert _language("", GERMAN) == "de"


def test_a_short_text_in_a_script_of_one_language_is_in_that_language_whatever_the_page_declares():
    """A one-sentence Korean post on a blog whose pages declare `en` kept `en` (too short for py3langid to
    overrule): Hangul is Korean's alone, as Kana is Japanese's. A Korean word in an English sentence is not."""
    assert _language(" lang='en'", "<p>경주의 가을은 짧다. 은행잎이 하루 만에 다 떨어졌다.</p>") == "ko"
    assert _language(" lang='en-US'", "<p>今日は雨でした。</p>") == "ja"
    assert _language(" lang='en'", "<p>We ate kimchi jjigae (김치찌개) at the market.</p>") == "en"


def test_a_text_mostly_in_han_without_kana_is_chinese_whatever_the_page_declares_and_however_long():
    """Eleventy's base blog declares `<html lang="en">` on every page unless its author changes it: a Chinese post
    with English terms and code in it, 1,121 characters, three quarters of its letters Han, kept `en` — py3langid
    read Chinese at 0.98, under the certainty that overrules a declaration. Japanese writes Kana in every sentence:
    a Japanese text mostly in kanji is no Chinese."""
    chinese = (
        "<p>操作資料庫裏面有一個很重要的東西叫做 transaction。簡單說，就是一連串必須要一起進行的操作，"
        "如果一個操作失敗，所以已經執行的操作都必須取消。</p><pre><code>BEGIN; UPDATE account SET money = money - 100 "
        "WHERE id = 'A'; UPDATE account SET money = money + 100 WHERE id = 'B'; COMMIT;</code></pre>"
        "<p>如果第一步沒有完成而第二步完成了，那麼整個銀行就會憑空多出一百元；反過來就會憑空少一百元。"
        "這麼嚴重的事情我們當然不能容忍，所以處理這種 transaction 的時候必須特別注意四件事：ACID。</p>"
    )
    assert _language(" lang='en'", chinese) == "zh"
    line = "const ref = useRef(null); useEffect(() => { ref.current.focus(); }, []);\n"
    code = f"<pre><code>{line * 6}</code></pre>"
    assert _language(" lang='en'", chinese + code) == "zh"  # under half its letters Han, read by py3langid as Chinese
    assert _language(" lang='ja'", "<p>謹賀新年</p>") == "ja"
    japanese = "<p>東京都議会議員選挙投票率過去最低水準更新。" + "今回の選挙では投票所の数も減った。" + "</p>"
    assert _language(" lang='ja'", japanese) == "ja"


def test_a_short_posts_language_is_its_own_texts_not_the_pages_it_was_first_read_from():
    """Eleventy's base blog prints a post in `<main>` with no <article>: trafilatura reads a one-paragraph post as
    the whole page, menus and all, and the short-post rescue narrows it to the post afterwards — but the language
    had been read from that first reading: a Hangul post on an English-declared site was stored `en`."""
    nav = "".join(f'<li class="nav-item"><a href="/{n.lower()}/">{n}</a></li>' for n in ("Home", "Archive", "About"))
    html = (
        '<html lang="en"><head><title>제주 바다</title></head><body><a href="#skip">Skip to main content</a><header>'
        f'<a href="/" class="home-link">Field Notes</a><nav><ul class="nav">{nav}</ul></nav></header><main id="skip">'
        '<heading-anchors><h1>제주 바다</h1><ul class="post-metadata"><li><time datetime="2023-08-14">14 August 2023'
        '</time></li><li><a href="/tags/photo/" class="post-tag">photo</a></li></ul><p>아침 일찍 협재 해변에서 찍은'
        ' 사진입니다. 물이 맑았습니다.</p><figure><img src="/img/sea.png" alt="Sea"><figcaption>협재 해변의 아침'
        '</figcaption></figure><ul class="links-nextprev"><li>← Previous<br><a'
        ' href="/blog/harz/">A walk in the Harz mountains</a></li></ul></heading-anchors></main><footer><p><em>Built'
        ' with <a href="https://www.11ty.dev/">Eleventy</a></em></p></footer></body></html>'
    )
    article = extract(html, "https://blog.example/blog/jeju-sea/")
    assert article.text.startswith("아침 일찍") and "Archive" not in article.text
    assert article.language == "ko"


def _article(head: str = "", byline: str = "", url: str = "https://blog.example/2024/01/post/"):
    html = f"<html><head>{head}</head><body><article><h1>T</h1>{byline}{BODY}</article></body></html>"
    return extract(html, url)


def test_the_sites_name_is_no_author_when_the_theme_names_a_person():
    head = '<meta property="og:site_name" content="Daily Planet"><meta name="author" content="Daily Planet">'
    byline = (
        '<div class="entry-meta"><span class="author vcard"><a class="url fn n" href="/a/">Lois Lane</a></span></div>'
    )
    assert _article(head, byline).author == "Lois Lane"


def test_a_desk_is_the_author_only_when_nobody_else_is_named():
    assert _article('<meta name="author" content="Redaktion">').author == "Redaktion"
    byline = '<span class="byline"><span class="author"><a href="/a/">Clark Kent</a></span></span>'
    assert _article('<meta name="author" content="Redaktion">', byline).author == "Clark Kent"


@pytest.mark.parametrize(
    ("name", "clean"),
    [
        ("Jane Doe →", "Jane Doe"),
        ("Jane Doe, 12.03.2021", "Jane Doe"),
        ("Daily Planet - Jane Doe", "Jane Doe"),
    ],
)
def test_a_bylines_arrow_label_date_and_site_are_dropped(name, clean):
    head = '<meta property="og:site_name" content="Daily Planet">'
    assert _article(head, f'<a rel="author" href="/a/">{name}</a>').author == clean


def test_an_author_link_in_the_comments_is_not_the_posts_author():
    byline = '<div class="comment-list"><a rel="author" href="/a/">A Commenter</a></div>'
    assert _article("", byline).author is None


def test_a_utc_date_keeps_the_pages_own_day_and_offset():
    head = '<meta property="article:published_time" content="2018-12-31T23:11:59+00:00">'
    byline = '<time datetime="2019-01-01T00:11:59+01:00">1. Januar 2019</time>'
    assert _article(head, byline).published == "2019-01-01T00:11:59+01:00"


def test_a_json_ld_author_given_by_reference_is_read_from_the_graph():
    graph = (
        '{"@context": "https://schema.org", "@graph": [{"@type": "BlogPosting", "headline": "T", '
        '"author": {"@id": "https://blog.example/#/person/1"}}, {"@type": "Person", '
        '"@id": "https://blog.example/#/person/1", "name": "Ines Okoro"}]}'
    )
    assert _article(f'<script type="application/ld+json">{graph}</script>').author == "Ines Okoro"


def test_author_meta_tags_of_other_names_are_read_but_not_handles():
    assert _article('<meta name="dc.creator" content="Ada Lovelace">').author == "Ada Lovelace"
    assert _article('<meta name="twitter:creator" content="@ada"><meta name="creator" content="@ada">').author is None


def test_the_author_box_names_the_author_when_no_byline_does():
    box = (
        '<div class="author-box"><h4 class="author-name">Lea Brandt</h4>'
        '<p class="author-description">Lea writes about bicycles and their repair.</p></div>'
    )
    assert _article("", box).author == "Lea Brandt"


def test_a_byline_in_an_article_whose_classes_mention_a_sidebar_is_the_authors():
    html = (
        f'<html><body><article class="post sticky-sidebar-parent"><h1>T</h1>'
        f'<span class="byline">By <a href="/writers/ruth/">Ruth Abebe</a></span>{BODY}</article>'
        '<aside class="sidebar"><div class="byline"><a href="/w/">Desk staff</a></div></aside></body></html>'
    )
    assert extract(html, "https://news.example/2024/01/story/").author == "Ruth Abebe"


def test_a_bylines_written_out_date_and_comment_signatures_are_not_names():
    assert _article("", '<a rel="author" href="/a/">JONAS WEBER am 21. April 2020</a>').author == "JONAS WEBER"
    comment = '<div class="reply"><span class="byline author">Anna sagt:</span></div>'
    assert _article("", comment).author is None


def test_a_sidebars_date_does_not_beat_the_posts_own():
    sidebar = (
        '<aside><ul><li><time class="entry-date" datetime="2020-12-03">3.12.2020</time> Older post</li></ul></aside>'
    )
    html = (
        f"<html><head></head><body><article><h1>T</h1><p>Posted 31 October 2023</p>{BODY}</article>"
        f"{sidebar}</body></html>"
    )
    assert extract(html, "https://blog.example/2023/10/31/post/").published[:10] == "2023-10-31"


def test_hugos_content_section_is_no_category_and_a_news_sites_section_is_one():
    """Hugo prints the post's content section ("posts", the folder its URL starts with) as article:section: on a
    page Hugo generated that is no category. A news site's section is its URL's first folder too, and stays."""
    prose = "<p>" + "The beds went in along the south fence before the frost. " * 12 + "</p>"

    def page(generator: str, section: str) -> str:
        return (
            f'<html><head><title>Beds</title>{generator}<meta property="article:section" content="{section}">'
            '<meta property="og:type" content="article"><meta property="article:published_time" content="2024-03-01">'
            f"</head><body><article><h1>Beds</h1>{prose}"
            '<a rel="category" href="/categories/garden/">Garden</a></article></body></html>'
        )

    hugo = extract(page('<meta name="generator" content="Hugo 0.111.3">', "posts"), "https://x.example/posts/beds/")
    assert hugo.categories == ["Garden"]
    news = extract(page("", "Politik"), "https://news.example/politik/beds-123.html")
    assert news.categories == ["Politik", "Garden"]


def test_a_stated_section_the_posts_category_links_do_not_name_is_no_category():
    """Hugo themes that print no generator state Hugo's content section as article:section all the same (Coder's
    "posts"; Stack's "Post", at /p/slug/) and link the post's real categories in a labelled block: the section none
    of those links names is no category. A section one of them names stays."""
    prose = "<p>" + "The beds went in along the south fence before the frost. " * 12 + "</p>"

    def page(section: str) -> str:
        return (
            f'<html><head><title>Beds</title><meta property="article:section" content="{section}">'
            '<meta property="og:type" content="article"><meta property="article:published_time" content="2024-03-01">'
            f'</head><body><article><h1>Beds</h1><div class="post-meta"><div class="categories">In '
            '<a href="/categories/garden/">Garden</a></div></div>'
            f"{prose}</article></body></html>"
        )

    assert extract(page("Post"), "https://x.example/p/beds/").categories == ["Garden"]
    assert extract(page("posts"), "https://x.example/posts/beds/").categories == ["Garden"]
    assert extract(page("garden"), "https://x.example/posts/beds/").categories == ["garden"]


def test_a_hugo_sites_content_section_is_no_category_of_a_post_that_links_none():
    """Hugo Stack prints the post's section title-cased as article:section ("Post" at /p/slug/, "Page" for a page
    of content/page/) and no generator tag on a post; the assets Hugo Pipes fingerprinted say Hugo built it. A post
    of no category had the category "Post"; elsewhere a stated "Blog" is the post's category."""
    fingerprint = "0f" * 32

    def page(section: str, assets: str) -> str:
        head = f'<meta property="article:section" content="{section}"><meta property="og:type" content="article">'
        return f"<html><head><title>Beds</title>{head}{assets}</head><body><article><h1>Beds</h1>{BODY}</article>"

    stack = f'<link rel="stylesheet" href="/scss/style.min.{fingerprint}.css">'
    assert extract(page("Post", stack), "https://x.example/p/beds/").categories == []
    assert extract(page("Page", stack), "https://x.example/archives/").categories == []
    assert extract(page("Blog", '<link rel="stylesheet" href="/style.css">'), "https://x.example/beds/").categories == [
        "Blog"
    ]


def test_hugos_content_folder_stated_as_section_is_no_category_whatever_its_name():
    """Hugo's built-in opengraph template prints `.Section`, the post's content folder, as article:section: Bilberry's
    posts in content/code/ and content/book/, at /2018-08-12-rbac-firestore/ by the site's permalinks, had the
    categories "code" and "book" (22 and 2 of 31 posts; their front matter names none). A category page the post
    links so named makes it a category still, and a name spelt as its author spelt it ("Travel") stays."""

    def page(section: str, terms: str = "") -> str:
        head = f'<meta name="generator" content="Hugo 0.160.1"><meta property="article:section" content="{section}">'
        return f"<html><head><title>RBAC</title>{head}</head><body><article><h1>RBAC</h1>{terms}{BODY}</article>"

    url = "https://x.example/2018-08-12-rbac-firestore/"
    assert extract(page("code"), url).categories == []
    linked = '<div class="meta">In <a href="/categories/code/">code</a></div>'
    assert extract(page("code", linked), url).categories == ["code"]
    assert extract(page("Travel"), url).categories == ["Travel"]


def test_a_stated_section_that_names_the_posts_folder_is_no_category_whatever_links_the_theme_prints():
    """hello-friend-ng: Hugo's "posts" as article:section beside the theme's own category, no generator tag, and
    no category link in the post's <article> (they stand outside it): 11 of 12 posts had the category "posts"."""
    head = '<meta property="article:section" content="posts"><meta property="article:section" content="Garden">'
    html = f"<html><head><title>Beds</title>{head}</head><body><article><h1>Beds</h1>{BODY}</article></body></html>"
    assert extract(html, "https://x.example/posts/2024/03/beds/").categories == ["Garden"]


def test_hugos_content_section_is_no_category_where_the_post_names_none_nor_after_a_language_folder():
    """Hugo's built-in opengraph template prints `<meta property="article:section" content="posts">` (Archie): the
    section went out as the URL's first folder, and came back from trafilatura's guesses, which read the same meta;
    on a multilingual site's /de/posts/… the first folder is the language. Every post had the category "posts"."""
    html = (
        '<html><head><title>Beds</title><meta property="article:section" content="posts"></head>'
        f"<body><article><h1>Beds</h1>{BODY}</article></body></html>"
    )
    assert extract(html, "https://x.example/posts/beds/").categories == []
    assert extract(html, "https://x.example/de/posts/beete/").categories == []
    assert extract(html, "https://x.example/ko/posts/beds/").categories == []
    news = html.replace('content="posts"', 'content="Politik"')
    assert extract(news, "https://news.example/de/politik/beds-123.html").categories == ["Politik"]


def test_hugos_content_section_is_no_category_where_the_posts_url_does_not_start_with_its_folder():
    """Hugo prints `.Section` as article:section whatever URL the post is given (a `url` in its front matter, the
    site's permalinks): Archie's Korean post at /ko/jeju-bada-sajin/ states "posts", its URL names no such folder,
    Archie prints no generator and no category link, and the post had the category "posts". A category so named
    by the post's link, or spelt as a category's name is ("Posts"), stays."""
    html = (
        '<html><head><title>Sea</title><meta property="article:section" content="posts"></head>'
        f"<body><article><h1>Sea</h1>{BODY}</article></body></html>"
    )
    assert extract(html, "https://x.example/ko/jeju-bada-sajin/").categories == []
    assert extract(html, "https://x.example/2024/08/sea/").categories == []
    linked = html.replace("</article>", '<p>Filed in <a href="/category/posts/">posts</a></p></article>')
    assert extract(linked, "https://x.example/2024/08/sea/").categories == ["posts"]
    named = html.replace('content="posts"', 'content="Posts"')
    assert extract(named, "https://x.example/2024/08/sea/").categories == ["Posts"]


def test_rel_tag_links_to_category_pages_name_categories_not_tags():
    """Jekyll's Minimal Mistakes marks its "Categories:" links rel=tag, as its "Tags:" links are: categories."""
    prose = "<p>" + "The beds went in along the south fence before the frost. " * 12 + "</p>"
    html = (
        '<html><head><title>Beds</title></head><body><article><h1>Beds</h1><time datetime="2024-03-01">1 March'
        f'</time>{prose}<footer class="page__meta"><p class="page__taxonomy"><strong>Tags: </strong>'
        '<a href="/tags/#soil" class="page__taxonomy-item" rel="tag">soil</a>, <a href="/tags/#beds" '
        'class="page__taxonomy-item" rel="tag">beds</a></p><p class="page__taxonomy"><strong>Categories: </strong>'
        '<a href="/categories/#garden" class="page__taxonomy-item" rel="tag">Garden</a></p></footer>'
        "</article></body></html>"
    )
    article = extract(html, "https://x.example/garden/beds/")
    assert (article.tags, article.categories) == (["soil", "beds"], ["Garden"])


def test_rel_tag_links_a_theme_classes_as_tags_are_tags_whatever_page_they_link():
    """Nikola's default TAG_PATH is "categories": its tags link /categories/harbour/, rel=tag in a `ul.tags`, and
    every tag was stored as a category too."""
    tags = (
        '<ul itemprop="keywords" class="tags"><li><a class="tag p-category" href="../../categories/harbour/" rel="tag">'
        'harbour</a></li><li><a class="tag p-category" href="../../categories/photo/" rel="tag">photo</a></li></ul>'
    )
    html = f"<html><head><title>Dusk</title></head><body><article><h1>Dusk</h1>{BODY}{tags}</article></body></html>"
    article = extract(html, "https://x.example/posts/harbour-at-dusk/")
    assert (article.tags, article.categories) == (["harbour", "photo"], [])


def test_tags_one_article_tag_joins_with_commas_are_each_a_tag():
    """Docusaurus writes every tag of the post into one article:tag, "web,hugo"."""
    html = (
        '<html><head><title>Beds</title><meta property="article:tag" content="soil,beds"><meta property="article:tag"'
        ' content="Prices (Fares, Fees and Rates)"></head><body><article>'
        f"<h1>Beds</h1>{BODY}</article></body></html>"
    )
    assert extract(html, "https://x.example/beds/").tags == ["soil", "beds", "Prices (Fares, Fees and Rates)"]


def test_json_ld_keywords_joined_with_commas_in_one_entry_are_each_a_tag():
    """Beautiful Hugo writes a post's tags into its JSON-LD as one entry of a list, `"keywords": ["privacy, matomo,
    website"]`, and prints no tag link on the post: one tag "privacy, matomo, website" was stored. schema.org's
    keywords are delimited by commas, in a list of one entry as in a Text; an entry of a longer list is one keyword
    (a news site's "Kohl, Helmut")."""
    jsonld = (
        '<script type="application/ld+json">{"@type": "Article", "headline": "No tracking", "keywords": ["privacy, '
        'matomo, website"]}</script>'
    )
    html = f"<html><head><title>No tracking</title>{jsonld}</head><body><article><h1>No tracking</h1>{BODY}"
    assert extract(html + "</article></body></html>", "https://x.example/post/no-tracking/").tags == [
        "privacy",
        "matomo",
        "website",
    ]
    names = jsonld.replace('["privacy, matomo, website"]', '["Kohl, Helmut", "Bonn"]')
    html = f"<html><head><title>No tracking</title>{names}</head><body><article><h1>No tracking</h1>{BODY}"
    assert extract(html + "</article></body></html>", "https://x.example/post/kohl/").tags == ["Kohl, Helmut", "Bonn"]


def test_a_tag_stated_in_two_cases_or_printed_as_a_hashtag_is_one_tag():
    """Hugo themes (Congo, LoveIt) state a tag's title in article:tag and its name in JSON-LD keywords; Hexo's NexT
    links each tag as "# web"."""
    jsonld = '<script type="application/ld+json">{"@type": "BlogPosting", "keywords": ["web", "hugo"]}</script>'
    tags = '<div class="post-tags"><a href="/tags/web/" rel="tag"># web</a><a href="/tags/go/" rel="tag">#go</a></div>'
    html = (
        f'<html><head><title>Beds</title><meta property="article:tag" content="Web"><meta property="article:tag"'
        f' content="Hugo">{jsonld}</head><body><article><h1>Beds</h1>{BODY}{tags}</article></body></html>'
    )
    assert extract(html, "https://x.example/beds/").tags == ["Web", "Hugo", "go"]


def test_a_logo_link_with_the_sites_tagline_names_the_site_as_its_title_does():
    """Hugo's Mainroad links its logo home with the site's title and tagline in it and states no site name: the
    name is the part of the page's <title> the label opens with."""
    prose = "<p>" + "The beds went in along the south fence before the frost. " * 12 + "</p>"
    html = (
        "<html><head><title>Why static sites - Jane's Notebook</title></head><body><header>"
        '<a class="logo__link" href="/" rel="home"><div class="logo__title">Jane\'s Notebook</div>'
        '<div class="logo__tagline">Notes on programming and travel</div></a></header>'
        f"<article><h1>Why static sites</h1>{prose}</article></body></html>"
    )
    assert extract(html, "https://x.example/post/why-static-sites/").sitename == "Jane's Notebook"


@pytest.mark.parametrize(
    ("title", "nav"),
    [
        # Ananke: the name linked home from the header's <nav>, utility classes only
        (
            "Why static sites | Jane's Notebook",
            '<nav class="pv3 ph3 ph4-ns" role="navigation"><div class="flex-l justify-between items-center center">'
            '<a href="/" class="f3 fw2 hover-white no-underline white-90 dib">\n  Jane\'s Notebook\n</a><ul><li>'
            '<a href="/about/" title="About page">About</a></li></ul></div></nav>',
        ),
        # Coder: a.navigation-title; Congo: its breadcrumbs' first link (its header's link home is rel=me: a
        # person's, no name of the site)
        (
            "Why static sites · Jane's Notebook",
            '<nav class="navigation"><a class="navigation-title" href="/">Jane\'s Notebook</a></nav>',
        ),
        (
            "Why static sites · Jane's Notebook",
            '<nav class="flex"><div><a class="decoration-primary-500" rel="me" href="/">Jane\'s Notebook</a></div>'
            '</nav><ol class="text-sm"><li class="inline hidden"><a class="hover:underline" href="/">Jane\'s Notebook'
            '</a><span>/</span></li><li class="inline"><a class="hover:underline" href="/posts/">Posts</a></li></ol>',
        ),
    ],
)
def test_a_home_link_labelled_as_an_end_of_the_title_names_the_site(title, nav):
    """Hugo's Ananke, Coder and Congo title a post "Post | Site" ("Post · Site"), link the site's name home from the
    header's <nav> — no heading, no site-title class, no rel=home — and state no og:site_name (Debian's Hugo 0.111,
    whose internal OpenGraph template writes none): a post had no site name. A home link labelled otherwise names
    none ("Home"), nor one the rest of the <title> is not the post's heading beside."""
    html = (
        f"<html><head><title>{title}</title></head><body><header>{nav}</header>"
        f"<main><article><h1>Why static sites</h1>{BODY}</article></main></body></html>"
    )
    assert extract(html, "https://x.example/posts/why-static-sites/").sitename == "Jane's Notebook"
    home = html.replace(">\n  Jane's Notebook\n</a>", ">Home</a>").replace(">Jane's Notebook</a>", ">Home</a>")
    assert extract(home, "https://x.example/posts/why-static-sites/").sitename is None
    # a menu's label that opens a <title> of other words ("News - Site update - Love Hina"): no name of the site
    other = html.replace(f"<title>{title}</title>", "<title>Jane's Notebook - Site update - Love Hina</title>")
    assert extract(other, "https://x.example/posts/why-static-sites/").sitename is None


def test_a_link_to_a_languages_root_without_its_slash_is_its_home_link():
    """Hugo's Coder links the site's name home from a language's pages as `href="/ko"` — its relLangURL of "/"
    drops the slash — and only "/ko/" counted as that language's home: its Korean and German posts had no site
    name. A link to the folder a page is not under, or to a section's folder (not the page's language), is still
    no home link."""
    nav = '<nav class="navigation"><a class="navigation-title" href="/ko">\n  Trail &amp; Crumb\n</a></nav>'
    html = (
        '<html lang="ko"><head><title>Why static sites · Trail &amp; Crumb</title></head><body>'
        f"<header>{nav}</header>"
        f"<main><article><h1>Why static sites</h1>{BODY}</article></main></body></html>"
    )
    assert extract(html, "https://x.example/ko/posts/why-static-sites/").sitename == "Trail & Crumb"
    assert extract(html, "https://x.example/de/posts/why-static-sites/").sitename is None
    section = html.replace('href="/ko"', 'href="/news"')
    assert extract(section, "https://x.example/news/posts/why-static-sites/").sitename is None


def test_ikiwikis_parent_links_name_the_site_by_their_first_link():
    """ikiwiki's page template states the blog's name nowhere but in its header's parent links, the first the
    wiki's root, named by its wikiname ("Lowland Notes/ posts/ Title"): a post had no site name."""
    prose = "<p>" + "The first frost came last night and the dahlias are black this morning. " * 8 + "</p>"
    html = (
        '<html><head><title>First frost</title></head><body><div class="page"><div class="pageheader">'
        '<div class="header"><span><span class="parentlinks"><a href="../../">Lowland Notes</a>/ <a href="../">'
        'posts</a>/ </span><span class="title">First frost</span></span></div></div><div id="pagebody">'
        f'<div id="content" role="main">{prose}</div></div></div></body></html>'
    )
    assert extract(html, "https://x.example/posts/first-frost/").sitename == "Lowland Notes"


def test_the_links_a_theme_prints_to_a_posts_category_and_tag_pages_name_them():
    """Pelican's notmyidea prints "In <a>Notes</a>. tags: <a>life</a>" in the post's <footer>, Eleventy's base blog
    a list of /tags/x/ links under the title: no rel, no meta names them. A link to a tag page inside a sentence is
    the post's text, and a menu of a site's every category is no post's."""
    footer = (
        '<footer class="post-info"><abbr class="published">Sat 03 February 2024</abbr><address>By <a href="/author/ann'
        '.html">Ann Lee</a></address><p>In <a href="/category/notes.html">Notes</a>.</p><p>tags: <a href="/tag/bread'
        '.html">bread</a>, <a href="/tag/rye.html">rye</a></p></footer>'
    )
    html = f"<html><body><article><h1>Rye</h1>{footer}{BODY}</article></body></html>"
    article = extract(html, "https://blog.example/rye.html")
    assert (article.categories, article.tags) == (["Notes"], ["bread", "rye"])
    eleventy = (
        '<html><body><main><h1>Rye</h1><ul class="post-metadata"><li><time datetime="2024-03-05">5 March 2024</time>'
        '</li><li><a href="/tags/bread/" class="post-tag">bread</a>, </li></ul>'
        f'{BODY}<p>More on <a href="/tags/spelt/">spelt and other grains</a> in an earlier post.</p>'
        "</main></body></html>"
    )
    assert extract(eleventy, "https://blog.example/blog/rye/").tags == ["bread"]
    mkdocs = (  # MkDocs Material: a nav of the post's tags, each a link to the one tags page at its anchor
        '<html><body><article class="md-content__inner"><nav class="md-tags"><a href="../../tags/#tag:bread" '
        f'class="md-tag">bread</a> <a href="../../tags/#tag:rye" class="md-tag">rye</a></nav><h1>Rye</h1>{BODY}'
        "</article></body></html>"
    )
    assert extract(mkdocs, "https://blog.example/blog/2024/rye/").tags == ["bread", "rye"]
    short = Page.from_html(mkdocs.replace("<article", "<main><article").replace("</article>", "</article></main>"), URL)
    main = short.tree.find(".//main")  # a short post's container: the <main> around its <article>
    assert linked_terms(short, main) == ([], ["bread", "rye"])
    beautiful_jekyll = (  # the tags in the block right after the post's <article>, each the tags page's anchor
        f'<html><body><div class="container"><article class="blog-post"><h1>Rye</h1>{BODY}</article>'
        '<div class="blog-tags"><span>Tags:</span> <a href="/tags#bread">bread</a> <a href="/tags#rye">rye</a>'
        "</div></div></body></html>"
    )
    assert extract(beautiful_jekyll, "https://blog.example/2024-03-05-rye/").tags == ["bread", "rye"]
    astropaper = (  # AstroPaper: the tags in a list after the <article>, an <hr> between them
        f'<html><body><main><article id="article"><h1>Rye</h1>{BODY}</article><hr><ul><li><a href="/tags/bread/">'
        "<svg></svg>&nbsp;<span>bread</span></a></li><li><a href='/tags/rye/'><span>rye</span></a></li></ul>"
        "</main></body></html>"
    )
    assert extract(astropaper, "https://blog.example/posts/rye/").tags == ["bread", "rye"]
    menu = "".join(f'<div class="item"><a href="/category/c{n}/">Topic {n}</a></div>' for n in range(14))
    html = f"<html><body><article><h1>Rye</h1><div class='menu'>{menu}</div>{BODY}</article></body></html>"
    assert extract(html, "https://blog.example/rye.html").categories == []


def test_a_chinese_sentence_linking_another_sites_category_page_names_no_category_of_the_post():
    """A sentence is no label of a term link however few its spaces: a Hexo Fluid post's sentence ending "…, see
    <a>…</a>." in Chinese, linking another blog's category page (`/someone/category/123.html`), was read as a
    label and the link's text stored as the post's category — Chinese and Japanese put no spaces between words. A
    label, 分类：, still is one."""
    sentence = (
        "<p>3：接口的设计要先考虑调用它的页面需要什么数据，这是 REST 服务设计的一条老规矩，细节不在这里展开，"
        '可以参考 <a href="https://other.example/someone/category/123.html">接口设计</a>。</p>'
    )
    prose = "<p>" + "这篇笔记整理了前端项目里的几条开发约定，以及团队怎样执行它们。" * 8 + "</p>"
    meta = '<div class="post-meta">分类：<a href="/categories/Notes/">Notes</a></div>'
    html = f"<html lang='zh-CN'><body><article><h1>开发约定</h1>{meta}{prose}{sentence}</article></body></html>"
    assert extract(html, "https://blog.example/posts/a6cb3820/").categories == ["Notes"]


def test_pelican_simples_post_info_before_the_posts_content_names_its_category_and_tags():
    """Pelican's simple theme prints the post's footer.post-info ("Category: <a>…</a>", "Tags: <a>…</a>") before its
    div.entry-content, both in section#content, no <article> around them: the page named no category (a crawl
    took the feed's) and its tags were trafilatura's guess. The site's menu of its categories is none of them."""
    menu = "".join(f'<li><a href="/category/{c.lower()}/">{c}</a></li>' for c in ("Baking", "Notes", "Photography"))
    info = (
        '<footer class="post-info"><time class="published" datetime="2023-09-21T20:40:00+02:00">Thu 21 September 2023'
        '</time><address class="vcard author">By <a class="url fn" href="/author/dan/">Dan Roe</a></address>'
        '<div class="category">Category: <a href="/category/photography/">Photography</a></div><div class="tags">'
        'Tags: <a href="/tag/galway/">galway</a> <a href="/tag/photography/">photography</a></div></footer>'
    )
    html = (
        f'<html><body><header id="banner"><h1><a href="/">Field Notes</a></h1></header><nav id="menu"><ul>{menu}'
        '</ul></nav><section id="content" class="body"><header><h2 class="entry-title"><a href="/posts/harbour/" '
        f'rel="bookmark">Harbour</a></h2></header>{info}<div class="entry-content">{BODY}</div></section>'
        '<footer id="contentinfo" class="body">Proudly powered by <a href="https://getpelican.com/">Pelican</a>'
        "</footer></body></html>"
    )
    article = extract(html, "https://blog.example/posts/harbour/")
    assert (article.categories, article.tags) == (["Photography"], ["galway", "photography"])


def _blowfish_card(slug: str, title: str, category: str) -> str:
    """Hugo Blowfish's card: an empty link stretched over it, named by its aria-label, the title in a <div>."""
    return (
        f'<div class="group-hover-card"><a href="/posts/{slug}/" class="absolute inset-0" aria-label="{title}"></a>'
        f'<div class="group-hover-card-title">{title}</div><div><time datetime="2024-01-15">15 January 2024</time>'
        f'</div><div><a href="/categories/{category.lower()}/"><span>{category}</span></a></div></div>'
    )


def test_the_categories_of_related_posts_printed_in_the_posts_article_are_not_the_posts():
    """Hugo Blowfish prints related posts inside the post's <article>, each card with its categories: the post's
    categories are those of its own header (9 of 12 posts had another's too)."""
    header = '<header><h1>Coffee Note</h1><time datetime="2024-02-03">3 Feb</time>'
    header += '<div><a href="/categories/notes/"><span>Notes</span></a></div></header>'
    related = "".join(_blowfish_card(f"p{n}", f"Another post {n}", c) for n, c in enumerate(("Essays", "Reisen")))
    html = f"<html><body><article>{header}{BODY}<h2>Related</h2><section>{related}</section></article></body></html>"
    assert extract(html, "https://blog.example/posts/coffee/").categories == ["Notes"]
    cards = "".join(_blowfish_card(f"p{n}", f"Another post {n}", "Notes") for n in range(5))  # the list of posts
    listing = extract(
        f"<html><body><main><h1>Blog</h1><section>{cards}</section></main></body></html>", "https://blog.example/posts/"
    )
    assert listing.kind == "listing"


def test_terms_printed_as_badges_a_script_opens_are_the_posts():
    """Hugo Blowfish has printed a post's categories as badges with no link, each a <span> whose onclick opens the
    term's page (`window.open("/categories/frontend/","_self")`); a button opening another page is no term."""
    badges = "".join(
        f'<span class=mr-2 onclick=\'window.open("/categories/{slug}/","_self")\'><span class=flex>'
        f'<span class="rounded-md border">{slug}</span></span></span>'
        for slug in ("frontend", "design")
    )
    share = "<button onclick='window.open(\"https://share.example/?u=x\")'>Share</button>"
    header = f'<header><h1>Headless</h1><div><time datetime="2023-02-03">3 Feb</time></div><div>{badges}</div></header>'
    html = f"<html><body><article>{header}{BODY}{share}</article></body></html>"
    assert extract(html, "https://blog.example/posts/headless/").categories == ["frontend", "design"]


def test_a_template_value_in_json_ld_is_no_author_and_html_in_its_description_is_text():
    """Hugo's Clarity prints its author table into its JSON-LD as Go prints a map ("map[name:Jane Doe]"), and the
    post's summary as HTML ("<p>It rained all day.</p>")."""
    ld = '{"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Rain", "author": {"@type": "Person",'
    ld += ' "name": "map[name:Jane Doe]"}, "description": "\\u003cp\\u003eIt rained all day.\\u003c/p\\u003e"}'
    html = f'<html><head><script type="application/ld+json">{ld}</script></head><body><article><h1>Rain</h1>{BODY}'
    article = extract(html + "</article></body></html>", "https://x.example/post/rain/")
    assert (article.authors, article.description) == ([], "It rained all day.")


def test_a_link_to_the_page_of_all_categories_names_none():
    """Hexo's Butterfly links its counts ("Categories 4") to /categories/: that page lists the terms, it is none."""
    counts = '<a href="/categories/"><div class="headline">Categories</div><div class="length-num">4</div></a>'
    terms = '<div class="post-meta">In <a href="/categories/notes/">Notes</a></div>'
    article = f"<article><h1>Beds</h1>{terms}{BODY}<div>{counts}</div></article>"
    html = f"<html><head><title>Beds</title></head><body>{article}</body></html>"
    assert extract(html, "https://x.example/beds/").categories == ["Notes"]


def test_a_count_printed_inside_a_terms_link_is_no_part_of_its_name():
    """Pelican's Elegant prints how many posts each tag has inside its link: `python <span>1</span>`."""
    tags = (
        '<h4>Tags</h4><ul class="list-of-tags tags-in-article"><li><a href="/tags.html#python-ref">python <span '
        'class="superscript">1</span></a></li><li><a href="/tags.html#life-ref">life <span class="superscript">3'
        "</span></a></li></ul>"
    )
    html = f"<html><head><title>Beds</title></head><body><article><h1>Beds</h1>{BODY}{tags}</article></body></html>"
    assert extract(html, "https://x.example/beds.html").tags == ["python", "life"]


def test_links_to_a_list_of_posts_filtered_by_a_term_name_the_posts_terms():
    """Jekyll's TeXt links each tag of the post to its archive filtered by the tag: `/archive.html?tag=tools`."""
    tags = (
        '<div class="article__info"><ul class="left-col menu"><li><a class="button button--pill" href="/archive.html?'
        'tag=tools">tools</a></li><li><a class="button button--pill" href="/archive.html?tag=build">build</a></li>'
        "</ul></div>"
    )
    shop = '<p><a href="https://shop.example/dp/B01?tag=blog-21">Zum Angebot</a></p>'  # an affiliate's tag= elsewhere
    html = (
        f"<html><head><title>Make</title></head><body><article><h1>Make</h1>{tags}{BODY}{shop}</article></body></html>"
    )
    assert extract(html, "https://x.example/2024/03/20/make.html").tags == ["tools", "build"]


def test_a_sidebars_list_of_the_sites_tags_is_not_the_posts():
    """Hexo's landscape marks its sidebar's list of every tag of the site rel=tag, as it marks the post's own in the
    article's footer; a theme that prints the post's tags in an <aside> of the post prints none elsewhere."""
    own = (
        '<footer class="article-footer"><ul class="article-tag-list"><li><a href="/tags/rye/" rel="tag">rye</a></li>'
        "</ul></footer>"
    )
    every = "".join(f'<li><a class="tag-list-link" href="/tags/t{n}/" rel="tag">t{n}</a></li>' for n in range(9))
    sidebar = (
        f'<aside id="sidebar"><div class="widget-wrap"><h3>Tags</h3><div class="widget"><ul>{every}</ul></div></div>'
        "</aside>"
    )
    html = f"<html><body><article><h1>Rye</h1>{BODY}{own}</article>{sidebar}</body></html>"
    assert extract(html, "https://blog.example/2024/05/rye/").tags == ["rye"]
    aside = '<footer class="meta"><aside class="tags"><a href="/tag/rye/" rel="tag">rye</a></aside></footer>'
    html = f"<html><body><section class='post'><article><h1>Rye</h1>{BODY}</article>{aside}</section></body></html>"
    assert extract(html, "https://blog.example/2024/05/rye/").tags == ["rye"]


def test_a_list_of_every_category_with_its_count_of_posts_is_not_the_posts():
    """Mezzanine's default theme prints the site's categories, each with its count of posts, in a plain Bootstrap
    column beside every post, inside the `div.row` that trafilatura's category search reads: every post had all of
    them. A post's own categories carry no counts."""
    every = "".join(f'<li><a href="/blog/category/{c.lower()}/">{c}</a> ({n})</li>' for n, c in enumerate("ABC", 1))
    column = f'<div class="col-md-3 right"><div class="panel"><h3>Categories</h3><ul>{every}</ul></div></div>'
    tags = '<ul class="list-inline tags"><li>Tags:</li><li><a href="/blog/tag/rye/">rye</a></li></ul>'
    html = (
        f'<html><body><div class="row"><div class="col-md-7 middle"><h1>Rye</h1>{BODY}{tags}</div>{column}</div>'
        "</body></html>"
    )
    assert extract(html, "https://x.example/blog/rye/").categories == []
    own = '<div class="entry-meta">In <a href="/blog/category/bread/">Bread</a></div>'
    html = html.replace("<h1>Rye</h1>", f"<h1>Rye</h1>{own}")
    assert extract(html, "https://x.example/blog/rye/").categories == ["Bread"]


def test_json_ld_with_a_templates_trailing_commas_is_read():
    """Hugo's Tranquilpeak leaves a comma before `}` where an optional field is empty: the post's date with its
    offset and its author are the JSON-LD's, not the offset-less `article:published_time` beside it."""
    jsonld = (
        '{"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Rye", '
        '"datePublished": "2024-01-15T09:30:00+01:00", "author": {"@type": "Person", "name": "Ana Lima", }, '
        '"keywords": ["bread", "rye", ], }'
    )
    html = (
        '<html><head><title>Rye</title><meta property="article:published_time" content="2024-01-15T09:30:00">'
        f'<script type="application/ld+json">{jsonld}</script></head><body><article><h1>Rye</h1><p>'
        + "Rye bread needs a sour starter and a long, slow rise in a warm kitchen. " * 5
        + "</p></article></body></html>"
    )
    article = extract(html, "https://bread.example/2024/01/rye/")
    assert (article.published, article.author) == ("2024-01-15T09:30:00+01:00", "Ana Lima")


def test_the_block_right_after_a_short_posts_container_names_its_terms_but_a_sidebars_column_does_not():
    """Hugo Anatole: a one-line post's container is `.post__content`, its category and tag links in the
    `.post__footer` right after it; Hugo states the content section "post" as article:section. A sidebar column
    right after a post's container, under a heading of its own, lists every category of the site."""
    head = '<title>Coffee Note</title><meta property="article:section" content="post">'
    post = (
        '<main class="wrapper__main"><div class="post"><div class="post__content"><h1>Coffee Note</h1><ul class='
        '"post__meta"><li class="post__meta-item"><span class="post__meta-text">2024-02-03</span></li></ul><p>Today '
        "I learned that a good espresso needs exactly twenty-five seconds of extraction.</p></div>{after}</div></main>"
    )
    footer = (
        '<div class="post__footer"><span><a class="category" href="/categories/notes/">Notes</a></span>'
        '<span><a class="tag" href="/tags/life/">life</a></span></div>'
    )
    html = f"<html><head>{head}</head><body>{post.format(after=footer)}</body></html>"
    article = extract(html, "https://notes.example/2024/02/one-sentence-coffee/")
    assert (article.categories, article.tags) == (["Notes"], ["life"])
    column = (
        '<div class="column"><div id="side_categories"><h3>Kategorien</h3><ul><li><a href="/category/hotels/">'
        'Hotels</a></li><li><a href="/category/urlaub/">Urlaub</a></li></ul></div></div>'
    )
    html = f"<html><head><title>Coffee Note</title></head><body>{post.format(after=column)}</body></html>"
    assert extract(html, "https://notes.example/2024/02/one-sentence-coffee/").categories == []


def test_all_in_one_seos_article_section_of_the_posts_terms_is_its_category_and_its_site_name_has_no_separator():
    """All in One SEO writes articleSection as the post's category and tags in one text ("Walking, ireland,
    limestone, spring": one category so named was stored) and og:site_name as "name, separator, tagline" with the
    separator left where the tagline is empty ("Stone and Bread -")."""
    jsonld = (
        '{"@context": "https://schema.org", "@graph": [{"@type": "BlogPosting", "headline": "Walking the Burren",'
        ' "articleSection": "Walking, ireland, limestone, spring"}]}'
    )
    html = (
        '<html lang="en"><head><title>Walking the Burren - Stone and Bread</title>'
        '<meta property="og:site_name" content="Stone and Bread -">'
        f'<script type="application/ld+json">{jsonld}</script></head><body><article><h1>Walking the Burren</h1>'
        f'{BODY}<footer><a href="/category/walking/" rel="category tag">Walking</a> <a href="/tag/ireland/" '
        'rel="tag">ireland</a> <a href="/tag/limestone/" rel="tag">limestone</a> <a href="/tag/spring/" rel="tag">'
        "spring</a></footer></article></body></html>"
    )
    article = extract(html, "https://blog.example/2023/04/12/walking-the-burren/")
    assert article.categories == ["Walking"]
    assert article.tags == ["ireland", "limestone", "spring"]
    assert article.sitename == "Stone and Bread"
    section = html.replace("Walking, ireland, limestone, spring", "Arts, Culture and Ideas")
    assert extract(section, "https://blog.example/2023/04/12/walking-the-burren/").categories[0] == (
        "Arts, Culture and Ideas"
    )


def test_all_in_one_seos_article_section_of_a_post_with_a_tag_and_no_category_is_no_category():
    """All in One SEO's articleSection of a post in no category is its tags alone; one tag was stored as the post's
    category (WordPress's theme unit test data: "Keyboard navigation", tagged "Codex", in no category)."""
    jsonld = (
        '{"@context": "https://schema.org", "@graph": [{"@type": "BlogPosting", "headline": "Keyboard navigation",'
        ' "articleSection": "Codex"}]}'
    )
    html = (
        '<html lang="en"><head><title>Keyboard navigation - Stone and Bread</title>'
        f'<script type="application/ld+json" class="aioseo-schema">{jsonld}</script></head><body><article><h1>'
        f'Keyboard navigation</h1>{BODY}<footer><a href="/tag/codex/" rel="tag">Codex</a></footer></article>'
        "</body></html>"
    )
    article = extract(html, "https://blog.example/2018/10/20/keyboard-navigation/")
    assert (article.categories, article.tags) == ([], ["Codex"])
    # another's articleSection is the post's section, though its posts are tagged so too (a news site's city)
    other = html.replace(' class="aioseo-schema"', "")
    assert extract(other, "https://blog.example/2018/10/20/keyboard-navigation/").categories == ["Codex"]


def test_a_tag_whose_slug_the_engine_emptied_is_named_by_its_link():
    """PluXml makes a tag's slug of its Latin letters only: a Korean tag links to the page of all tags, `/tag/`,
    named by its text and title alike — the post's Korean tags were lost; and the commas between three tags counted
    as words, past a label's, so none of them was read. A link naming that page itself is none."""
    tags = (
        '<span class="tags">Tags : <a class="noactive" href="/tag/" title="경주">경주</a>, <a class="noactive"'
        ' href="/tag/" title="가을">가을</a>, <a href="/tag/rain" title="rain">rain</a>, <a href="/tag/"'
        ' title="Tags">Tags</a></span>'
    )
    html = f"<html><head><title>Beds</title></head><body><article><header><h2>Beds</h2>{tags}</header>{BODY}</article>"
    assert extract(html + "</body></html>", "https://x.example/article8/beds").tags == ["경주", "가을", "rain"]


def test_a_tag_linked_to_the_page_of_all_tags_by_a_query_is_named_by_its_link():
    """gatsby-starter-hoodie links each of a post's tags to its one page of all tags, filtered by a script by the
    query: `/tags/?q=Java` — the posts of a Korean blog on it had no tags; it prints a name's spaces as hyphens, the
    query holds the name. A link to a later page of all tags, or one whose query names another word than its text,
    names no tag."""
    tags = (
        '<div class="TagList__TagListWrapper-sc-s1uz5f-0"><a href="/tags/?q=Java"><div class="TagList__TagLink">'
        'Java</div></a><a href="/tags/?q=Spring Boot"><div>Spring-Boot</div></a></div>'
    )
    header = f'<div class="Header__Wrapper"><h1>페이징</h1><div>October 24, 2024</div>{tags}<hr/></div>'
    html = f'<html><head><title>페이징</title></head><body><article>{header}<div id="article-body">{BODY}</div>'
    url = "https://x.example/spring-data-jpa-paging/"
    assert extract(html + "</article></body></html>", url).tags == ["Java", "Spring Boot"]
    other = html.replace("/tags/?q=Java", "/tags/?page=2").replace("?q=Spring Boot", "?q=spring")
    assert extract(other + "</article></body></html>", url).tags == []


def test_tags_in_the_footer_after_the_wrapper_of_the_posts_title_and_body_are_the_posts():
    """gatsby-starter-lumen prints the post's title and body in one <div>, in a wrapper of its own, and its date and
    list of tags in a footer after that wrapper, no <article> around them: a Korean blog's posts had no tags. A
    body that shares its <div> with more than the title has no footer of its own there."""
    footer = (
        '<div class="Post-module--post__footer"><div><p>Published 27 Jun 2022</p></div><div class="Tags-module--tags">'
        '<ul><li><a href="/tag/cloud/">Cloud</a></li><li><a href="/tag/docker/">Docker</a></li></ul></div></div>'
    )
    post = (
        f'<div><div class="Content-module--content"><h1>VM vs Container</h1><div class="body">{BODY}</div></div></div>'
    )
    html = f"<html><head><title>VM vs Container</title></head><body><div>{post}{footer}</div></body></html>"
    assert extract(html, "https://x.example/cloud/vm-vs-container/").tags == ["Cloud", "Docker"]
    shared = html.replace("</h1>", "</h1><p>A teaser of another post.</p>")
    assert extract(shared, "https://x.example/cloud/vm-vs-container/").tags == []


def test_a_post_written_as_loose_lists_is_its_lists_container_and_keeps_the_tags_after_it():
    """A lumen post written as numbered lists, each item a <p> and a sub-list (Markdown's loose list): the densest
    item was taken for the post's container, and the tags after the post's wrapper were lost with the rest."""
    item = "<li><p>{0}: a step of the method, told in a sentence of its own.</p><ul><li>a detail</li></ul></li>"
    lists = "".join(
        f"<h2>Part {n}</h2><ol>{item.format('Step one')}{item.format('The longest step of them all, at length')}</ol>"
        for n in range(1, 5)
    )
    footer = (
        '<div class="Post-module--post__footer"><div class="Tags-module--tags">'
        '<ul><li><a href="/tag/ml/">ML</a></li></ul></div></div>'
    )
    post = f'<div><div class="Content-module--content"><h1>ML</h1><div class="body">{lists}</div></div></div>'
    html = f"<html><head><title>ML</title></head><body><div>{post}{footer}</div></body></html>"
    page = Page.from_html(html, "https://x.example/ml/introduction/")
    assert find_content_root(page).get("class") == "body"
    assert extract(html, "https://x.example/ml/introduction/").tags == ["ML"]


def test_a_hashtag_printed_in_a_link_to_a_tags_page_is_no_part_of_the_tag():
    """A Nuxt theme links each tag as "#brot" without rel=tag: the tags were stored "#brot" where a rel=tag link's
    were stored "brot"."""
    tags = '<p class="post-tags">Tags: <a href="/tags/brot" class="tag">#brot</a><a href="/tags/Roggen">#Roggen</a></p>'
    html = f"<html><body><article><h1>Brot</h1>{BODY}<footer>{tags}</footer></article></body></html>"
    assert extract(html, "https://x.example/posts/brot").tags == ["brot", "Roggen"]


def test_a_term_link_right_after_its_label_in_a_longer_byline_line_names_the_term():
    """A hand-made byline "26 February 2023 · by Bob · in Küche · 1 min read": the line has more words than a label,
    and the category was lost; a link so placed in a sentence of the post is none."""
    meta = (
        '<p class="post-meta"><time datetime="2023-02-26T10:30:00+01:00">26 February 2023</time> · by <a href="/authors'
        '/bob">Bob Okafor</a> · in <a href="/categories/kueche">Küche</a>, <a href="/categories/brot">Brot</a> · 1 min'
        " read </p>"
    )
    html = f"<html><body><article><header><h1>Sauerteig</h1>{meta}</header>{BODY}</article></body></html>"
    assert extract(html, "https://x.example/posts/sauerteig").categories == ["Küche", "Brot"]
    sentence = '<p>We wrote more of it <em>later</em> in <a href="/categories/kueche">Küche</a>, see there.</p>'
    html = f"<html><body><article><h1>Sauerteig</h1>{BODY}{sentence}</article></body></html>"
    assert extract(html, "https://x.example/posts/sauerteig").categories == []


def _nikola_post(url_path: str, translated: bool, generator: str = "Nikola (getnikola.com)") -> str:
    """A Nikola post page at `url_path` (its own rel=canonical, every language's translation in its <head>, as
    Nikola prints them for every post), its header's list of translations where `translated`."""
    slug = "/posts/walking-the-burren/"
    translations = (
        '<div class="metadata posttranslations translations"><h3 class="posttranslations-intro">Also available in:'
        f'</h3><p><a href="/de{slug}" rel="alternate" hreflang="de">Deutsch</a></p></div>'
    )
    return (
        f'<html lang="de"><head><meta name="generator" content="{generator}"><title>Walking the Burren</title>'
        f'<link rel="alternate" type="application/rss+xml" hreflang="en" href="/rss.xml">'
        f'<link rel="canonical" href="https://blog.example{url_path}">'
        f'<link rel="alternate" hreflang="en" href="{slug}"><link rel="alternate" hreflang="ko" href="/ko{slug}">'
        '</head><body><article class="post-text h-entry hentry postpage"><header><h1 class="p-name entry-title">'
        'Walking the Burren</h1><time class="published dt-published" datetime="2023-04-12T09:30:00+02:00">'
        f"2023-04-12</time>{translations if translated else ''}</header>"
        f'<div class="e-content entry-content">{BODY}</div></article></body></html>'
    )


def test_a_nikola_post_nobody_translated_is_one_post_under_every_languages_folder():
    """Nikola publishes a post nobody translated under every language's folder as well (SHOW_UNTRANSLATED_POSTS,
    on by default): /de/posts/walking-the-burren/ and /ko/posts/… in German and Korean chrome, the same English
    post, each its own rel=canonical; the crawl stored three posts. Nikola lists a post's translations in its header
    only where it has some: a copy's address is the default language's, the same path without the folder."""
    for folder in ("/de", "/ko"):
        page = f"https://blog.example{folder}/posts/walking-the-burren/"
        copy = extract(_nikola_post(f"{folder}/posts/walking-the-burren/", translated=False), page)
        assert copy.canonical_url == "https://blog.example/posts/walking-the-burren/", folder
    url = "https://blog.example/de/posts/walking-the-burren/"
    # a translation (its header lists the others), the default language's own page, another generator: themselves
    assert extract(_nikola_post("/de/posts/walking-the-burren/", translated=True), url).canonical_url == url
    assert extract(_nikola_post("/de/posts/walking-the-burren/", False, "Hugo 0.111.3"), url).canonical_url == url
    default = "https://blog.example/posts/walking-the-burren/"
    assert extract(_nikola_post("/posts/walking-the-burren/", translated=False), default).canonical_url == default


def test_a_naver_blog_posts_category_and_tags_are_the_ones_its_desktop_page_prints():
    """Naver Blog's desktop post page prints the post's category in its header as a link to the blog's list of it
    (div.blog2_series > a.pcol2, /PostList.naver?…&categoryNo=15) and its tags under the body (div.wrap_tag, each an
    a.itemTagfont to /PostListByTagName.naver… printing "#" and the tag), no rel nor meta: neither was read."""
    prose = "<p class='se-text-paragraph'>" + "아침 일찍 가면 사람이 적어서 사진 찍기 좋습니다. " * 12 + "</p>"
    html = (
        '<html><head><title>교토 여행기 : 네이버 블로그</title><meta property="og:type" content="article"></head>'
        '<body><div id="post-view223329011505" class="post-view"><div class="se-viewer se-theme-default">'
        '<div class="se-component se-documentTitle"><div class="se-component-content"><div class="se-section '
        'se-section-documentTitle"><div class="blog2_series"><a class="pcol2" href="/PostList.naver?blogId=travelcat'
        '&amp;categoryNo=15&amp;from=postList">여행/일본</a></div><div class="pcol1"><div class="se-module se-module-'
        'text se-title-text"><p class="se-text-paragraph">교토 여행기</p></div></div></div></div></div>'
        f'<div class="se-main-container">{prose}</div></div></div><div class="wrap_tag"><div id="tagList_223329011505"'
        '><strong class="blind">태그</strong><a href="/PostListByTagName.naver?blogId=travelcat&amp;tagName=교토" '
        'class="item pcol2 itemTagfont _setTop"><span class="ell">#교토</span></a><a href="/PostListByTagName.naver?'
        'blogId=travelcat&amp;tagName=여행" class="item pcol2 itemTagfont _setTop"><span class="ell">#여행</span></a>'
        "</div></div></body></html>"
    )
    article = extract(html, "https://blog.naver.com/travelcat/223329011505")
    assert (article.categories, article.tags) == (["여행/일본"], ["교토", "여행"])


def test_a_naver_blog_posts_category_is_the_one_its_mobile_page_prints_in_its_header():
    """The mobile page prints the category in the post's header too: SmartEditor 3's and ONE's div.blog_category,
    the oldest editor's strong.tit_category; the closed layer of the blog's categories is not the post's."""
    prose = "<p>" + "아침 일찍 가면 사람이 적어서 사진 찍기 좋습니다. " * 12 + "</p>"
    for header in (
        '<div class="blog_category"><a href="/PostList.naver?blogId=travelcat&amp;categoryNo=80">▶ 방방곡곡</a></div>',
        '<strong class="tit_category"><a href="/PostList.naver?blogId=travelcat&amp;categoryNo=80">▶ 방방곡곡</a>'
        "</strong>",
    ):
        html = (
            '<html><head><title>교토 여행기 : 네이버 블로그</title><meta property="og:type" content="article"></head>'
            f'<body><div class="post_tit_area">{header}<h3 class="tit_h3">교토 여행기</h3></div><div class="post_ct" '
            f'id="viewTypeSelector">{prose}</div><div id="_div_categorylist" class="lyr_category_lst1" style="display:'
            'none;"><ul><li><a href="/PostList.naver?blogId=travelcat&amp;categoryNo=3">일상</a></li></ul></div>'
            "</body></html>"
        )
        assert extract(html, "https://m.blog.naver.com/travelcat/223329011505").categories == ["▶ 방방곡곡"]


def test_a_brunch_posts_keywords_are_its_tags():
    """Kakao Brunch prints a post's keywords under its body in ul.list_keyword, each an a.link_keyword to the
    keyword's page (/keyword/…), no rel nor meta: the post had no tags."""
    prose = "<p class='wrap_item item_type_text'>" + "알람 없이 눈을 떴다. 창밖은 이미 환했다. " * 12 + "</p>"
    html = (
        '<html><head><title>퇴사 후 첫 번째 아침</title><meta property="og:type" content="article"></head><body>'
        '<div class="wrap_cover"><h1 class="cover_title">퇴사 후 첫 번째 아침</h1></div>'
        f'<div class="wrap_body text_align_left finish_txt">{prose}</div><div class="wrap_body_info">'
        '<div class="wrap_keyword"><ul class="list_keyword"><li><a href="/keyword/%ED%87%B4%EC%82%AC" '
        'class="link_keyword #keyword">퇴사</a></li><li><a href="/keyword/%EC%97%90%EC%84%B8%EC%9D%B4" '
        'class="link_keyword #keyword">에세이</a></li></ul></div></div></body></html>'
    )
    assert extract(html, "https://brunch.co.kr/@haneul/12").tags == ["퇴사", "에세이"]


def test_a_velog_posts_tags_are_the_tag_pages_its_header_links():
    """Velog prints a post's tags in its header (div.head-wrapper, beside the byline's div.information), each a
    link to /tags/<name> with styled-components' hashed classes, no rel nor meta: the post had no tags. A tag
    link elsewhere on the page (a comment's) is not the post's."""
    prose = "<p>" + "React 18부터는 상태 업데이트를 한 번에 묶어서 렌더링합니다. " * 12 + "</p>"
    html = (
        '<html><head><title>React 18의 자동 배칭</title><meta property="og:type" content="article"></head><body>'
        '<div id="root"><div class="sc-eGRUor jZKtkU"><div class="head-wrapper"><h1>React 18의 자동 배칭</h1>'
        '<div class="sc-hxaKAp"><div class="information"><span class="username"><a href="/@devkim/posts">김개발</a>'
        '</span><span class="separator">·</span><span>2023년 5월 3일</span></div></div><div class="sc-jWUzzU">'
        '<a class="sc-dmRaPn kBPqFn" href="/tags/React">React</a><a class="sc-dmRaPn kBPqFn" '
        'href="/tags/%ED%94%84%EB%A1%A0%ED%8A%B8%EC%97%94%EB%93%9C">프론트엔드</a></div></div></div>'
        f'<div class="sc-dvQaRk"><div class="sc-kgflAQ lbRXIp atom-one">{prose}</div></div>'
        '<div class="comment"><p>See <a href="/tags/Vue">Vue</a> too.</p></div></div></body></html>'
    )
    assert extract(html, "https://velog.io/@devkim/react18-batching").tags == ["React", "프론트엔드"]


def test_a_tistory_posts_category_is_the_category_page_its_header_links():
    """A Tistory skin prints the post's category ([##_article_rep_category_##], "parent/child") as a link to its
    page ([##_article_rep_category_link_##], /category/parent/child) above the body Tistory's editor wraps in
    div.tt_article_useless_p_margin, no rel nor class a reader knows, and states it in no meta: the post had no
    category. The blog's menu linking another category before it, and the sidebar's category list with its counts,
    are not the post's."""
    prose = "<p>" + "아침 일찍 가면 사람이 적어서 사진 찍기 좋습니다. " * 12 + "</p>"
    html = (
        '<html><head><title>교토 여행기</title><meta property="og:type" content="article"></head><body>'
        '<header><ul class="menu"><li><a href="/category/%EC%9D%BC%EC%83%81">일상</a></li></ul></header>'
        '<div class="article"><h2>교토 여행기</h2><div class="info">'
        '<a href="/category/%EC%97%AC%ED%96%89/%EC%9D%BC%EB%B3%B8">여행/일본</a> <span class="date">2016.07.24 15:02'
        f'</span></div><div class="desc"><div class="tt_article_useless_p_margin">{prose}</div></div></div>'
        '<div class="sidebar"><ul class="tt_category"><li><a href="/category/%EC%97%AC%ED%96%89" class="link_item">'
        '여행 <span class="c_cnt">(24)</span></a></li></ul></div></body></html>'
    )
    assert extract(html, "https://travel-cat.tistory.com/88").categories == ["여행/일본"]


def test_a_mkdocs_material_posts_categories_are_those_of_its_sidebars_metadata():
    """Material's blog plugin prints the post's categories in the post's own sidebar, outside its <article> ("in
    <a href=../category/bread/>Bread</a>, <a …>Baking</a>" in .md-post__meta, under the dates), and the site's
    navigation lists every category in another sidebar: the post had no category."""
    html = material_post(categories=(("Bread", "bread"), ("Slow food", "slow-food")), tags=("rye",))
    article = extract(html, "https://docs.example/blog/2024/03/05/cold-proofing/")
    assert (article.categories, article.tags) == (["Bread", "Slow food"], ["rye"])


def _quarto_post(title_block: str, listing: str = "") -> str:
    """A post of Quarto's blog template, its title block (header#title-block-header) `title_block`."""
    return (
        '<html lang="en"><head><meta name="generator" content="quarto-1.7.32"><title>Rye Bread – Crumbs</title>'
        '</head><body class="nav-fixed fullcontent"><header id="quarto-header"><nav class="navbar"><a '
        'class="navbar-brand" href="../../index.html"><span class="navbar-title">Crumbs</span></a></nav></header>'
        f'{title_block}<div id="quarto-content"><main class="content" id="quarto-document-content">'
        "<p>Rye needs a sour dough and a long, cool proof; the crumb stays dense and moist for days.</p>"
        f"{listing}</main></div></body></html>"
    )


def test_a_quarto_posts_categories_are_those_its_title_block_prints():
    """Quarto prints a post's front-matter `categories` in its title block as plain <div>s (div.quarto-categories >
    div.quarto-category), no link, rel nor meta to any: the post had no categories where the site has no feed. A
    listing's cards' categories (another post's) are not the post's."""
    block = (
        '<header id="title-block-header" class="quarto-title-block default page-columns page-full">'
        '<div class="quarto-title-banner page-columns page-full"><div class="quarto-title column-body">'
        '<h1 class="title">Rye Bread</h1><div class="quarto-categories"><div class="quarto-category">baking</div>'
        '<div class="quarto-category">sourdough</div></div></div></div><div class="quarto-title-meta"><div>'
        '<div class="quarto-title-meta-heading">Published</div><div class="quarto-title-meta-contents">'
        '<p class="date">March 4, 2025</p></div></div></div></header>'
    )
    cards = (
        '<div class="quarto-listing"><div class="quarto-post"><h3 class="listing-title">Spelt</h3>'
        '<div class="listing-categories"><div class="listing-category">grains</div></div></div></div>'
    )
    article = extract(_quarto_post(block, cards), "https://crumbs.example/posts/rye/")
    assert article.categories == ["baking", "sourdough"]
    assert article.tags == []


def test_the_tags_between_a_posts_heading_and_its_container_that_is_no_article_are_its_tags():
    """Hugo's Terminal theme before 3.0: `div.post` holds the post's `h1.post-title`, its `div.post-meta` and its
    tags as "#<a href=/tags/rust/>rust</a>" in a `span.post-tags`, then the `div.post-content` — no <article>, no
    rel=tag: the post had no tags. The site's menu before the content, in the <body> itself, names none."""
    post = (
        '<div class="post"><h1 class="post-title"><a href="/post/bread/">Sourdough Notes</a></h1><div class='
        '"post-meta"><span class="post-date">2021-01-24</span><span> - 3 minute read</span></div><span class='
        '"post-tags">#<a href="/tags/baking/">baking</a>&nbsp;#<a href="/tags/rye/">rye</a>&nbsp;</span>'
        f'<div class="post-content"><div>{BODY}</div></div></div>'
    )
    html = f"<html><head><title>Sourdough Notes</title></head><body><div class='content'>{post}</div></body></html>"
    article = extract(html, "https://bread.example/post/bread/")
    assert (article.categories, article.tags) == ([], ["baking", "rye"])
    menu = '<h1>Bread Notes</h1><p>#<a href="/tags/baking/">baking</a> #<a href="/tags/rye/">rye</a></p>'
    html = f"<html><head><title>Sourdough Notes</title></head><body>{menu}<div>{BODY}</div></body></html>"
    assert extract(html, "https://bread.example/post/bread/").tags == []


def test_quartz_notes_tags_in_the_header_before_its_article_are_its_tags_nested_ones_whole():
    """Quartz prints a note's title, date and `ul.tags` in a `div.page-header` before the note's <article>, each tag
    linking `./tags/x`, and an Obsidian tag nested with "/" (`bread/rye`) at the folders it spells — a folder named
    "search" among them —: the note had no tags. A link of the header that is no tag (the breadcrumbs to folders)
    names none."""
    header = (
        '<div class="page-header"><div class="popover-hint"><nav class="breadcrumb-container"><a href="../">Home</a>'
        '<a href="./baking/">baking</a></nav><h1 class="article-title">Rye Starter</h1><p class="content-meta"><time'
        ' datetime="2024-03-20T03:06:00.000Z">Mar 19, 2024</time><span>5 min read</span></p><ul class="tags"><li>'
        '<a href="./tags/bread/rye" class="internal tag-link">bread/rye</a></li><li><a href="./tags/kitchen" class='
        '"internal tag-link">kitchen</a></li><li><a href="./tags/tools/search/sieve" class="internal tag-link">'
        "tools/search/sieve</a></li></ul></div></div>"
    )
    note = f'<div class="center">{header}<article class="popover-hint"><h2>Feeding</h2>{BODY}</article></div>'
    html = f'<html><head><title>Rye Starter</title><meta name="generator" content="Quartz"></head><body>{note}'
    article = extract(html + "</body></html>", "https://notes.example/garden/Rye-Starter")
    assert (article.categories, article.tags) == ([], ["bread/rye", "kitchen", "tools/search/sieve"])
    sentence = '<p>My notes on baking keep <a href="/tags/bread/rye">bread/rye</a> apart from the wheat loaves.</p>'
    html = f"<html><head><title>Rye</title></head><body><article><h1>Rye</h1>{BODY}{sentence}</article></body></html>"
    assert extract(html, "https://notes.example/garden/Rye").tags == []


def test_a_distill_posts_categories_are_those_its_title_block_links():
    """R's distill prints a post's front-matter `categories` in its title block (div.d-title > div.dt-tags), each an
    a.dt-tag to the blog's listing at a fragment (index.html#category:R), no rel, term path nor meta: the post had
    no categories. A listing card's div.dt-tags (another post's) are not the post's."""
    tags = (
        '<div class="dt-tags"><a href="../../index.html#category:R" class="dt-tag">R</a>'
        '<a href="../../index.html#category:Software_Development" class="dt-tag">Software Development</a></div>'
    )
    card = f'<div class="posts-list"><a href="../other/"><h2>Another</h2><div class="dt-tags">{tags}</div></a></div>'
    html = (
        '<html><head><meta name="generator" content="distill"/><title>Blog: Rye</title></head><body>'
        f'<div class="d-title"><h1>Rye</h1>{tags}<p>On rye</p></div><div class="d-article">{BODY}</div>{card}'
        "</body></html>"
    )
    article = extract(html, "https://blog.example/posts/rye/")
    assert (article.categories, article.tags) == (["R", "Software Development"], [])


def test_a_vuepress_reco_pages_tags_are_those_its_page_info_prints():
    """vuepress-theme-reco 1.x prints a page's front-matter `tags` in the page info under its title (div.page-title:
    i.reco-account, i.reco-date, i.reco-tag), each a span.tag-item a script makes clickable — no link, rel nor meta:
    the page had no tags. A listing card's tags, outside a page's title block, are not its tags."""
    info = (
        '<div class="page-title"><h1>Rye</h1><hr><div><i class="iconfont reco-account"><span>Mei</span></i>'
        '<i class="iconfont reco-date"><span>2020-03-14</span></i><i class="iconfont reco-tag tags">'
        '<span class="tag-item">baking</span><span class="tag-item">rye</span></i></div></div>'
    )
    card = '<div class="abstract-item"><i class="iconfont reco-tag tags"><span class="tag-item">oats</span></i></div>'
    html = (
        '<html><head><meta name="generator" content="VuePress 1.9.7"><title>Rye | Mei</title></head><body>'
        f'<main class="page">{info}<div class="theme-reco-content content__default">{BODY}</div></main>{card}'
        "</body></html>"
    )
    article = extract(html, "https://mei.example/baking/rye/")
    assert (article.categories, article.tags) == ([], ["baking", "rye"])


def test_a_posts_pagefind_tag_filters_are_its_tags():
    """Pagefind files a page under the values its theme marks `data-pagefind-filter="tag"` (the element's text) or
    `"tag:value"`: a Lume blog prints each tag of a post so, as a <div> above its title, no link, rel nor meta to
    any, and its 119 posts had no tags. A filter of another name (an author) is no tag."""
    meta = (
        '<div class="post-date">2024-02-26</div><div class="post-tag" data-pagefind-filter="tag">日常</div>'
        '<span data-pagefind-filter="tags:メガネ, author:kbaba"></span><span data-pagefind-filter="author">kbaba</span>'
    )
    prose = "<p>" + "六角形がベンゼンみたいで可愛いなと思ったので購入した。今度の誕生日で免許を更新する。" * 4 + "</p>"
    body = f'<main><div class="post"><div>{meta}</div><h1 class="post-title">メガネ</h1><div class="post-main">{prose}'
    html = f'<html lang="ja"><head><title>メガネ</title></head><body>{body}</div></div></main></body></html>'
    article = extract(html, "https://hacker.example/posts/2024022503_glasses/")
    assert article.tags == ["日常", "メガネ"]
    assert article.categories == []


def test_a_link_in_the_posts_text_to_another_sites_category_is_no_category():
    """trafilatura takes a link to a `/category/` page in any `div.row` for the post's category, and Docusaurus lays
    its pages out in Infima's `div.row`: a Korean post listing shops, "<a>라쿠텐</a> : 일본 최대 규모의 온라인
    쇼핑몰", had the shop's wine category for its own. A link to the site's own category page there still is one."""
    shops = (
        '<ul><li><a href="https://www.shop.example/category/wine/">라쿠텐</a> : 일본 최대 규모의 온라인 쇼핑몰</li>'
        '<li><a href="https://wine.example/">ELEVIN</a> : 와인 전문 온라인 쇼핑몰</li></ul>'
    )
    html = (
        '<html lang="ko"><head><title>와인</title><meta name="generator" content="Docusaurus v2.4.1"></head><body>'
        f'<div class="container"><div class="row"><main class="col"><article><h1>와인</h1>{BODY}{shops}</article>'
        "</main></div></div></body></html>"
    )
    url = "https://wan.example/daily/2023-05-11-japan-wine"
    assert extract(html, url).categories == []
    own = html.replace("https://www.shop.example/category/wine/", "https://wan.example/category/wine/")
    assert extract(own, url).categories == ["라쿠텐"]
