"""Titles as the author wrote them: a dash is part of a title, only the site's own name is cut, and neither a
layout's site name nor a heading inside the body is the post's title."""

from __future__ import annotations

import pytest

from crawler.extraction.extract import extract
from tests.material_blog import material_post

URL = "https://blog.example/2024/01/post/"
BODY = "<p>" + "A paragraph of the post with words enough to be prose. " * 20 + "</p>"


def _title(head: str, body: str, url: str = URL) -> str | None:
    return extract(f"<html><head>{head}</head><body>{body}</body></html>", url).title


@pytest.mark.parametrize(
    "title",
    ["Hugo 입문 - 개요", "phack - An R Function for P-Hacking", "Undead Yes ─ UnRAID No", "2014 - Year in review"],
)
def test_a_dash_in_a_title_is_the_authors(title):
    assert _title(f"<title>{title}</title>", f"<article>{BODY}</article>") == title


def test_a_trailing_site_name_is_cut_when_the_layout_names_the_site():
    header = '<header><a href="/" rel="home">Daily Planet</a></header>'
    article = extract(
        f"<html><head><title>Long read | Daily Planet</title></head><body>{header}<article>{BODY}</article>"
        "</body></html>",
        URL,
    )
    assert article.title == "Long read" and article.sitename == "Daily Planet"


def test_a_leading_site_name_stated_by_og_site_name_is_cut_and_a_host_is_never_the_sitename():
    head = '<title>Daily Planet :: Long read</title><meta property="og:site_name" content="Daily Planet">'
    assert _title(head, f"<article>{BODY}</article>") == "Long read"
    article = extract(f'<html><head><meta property="og:site_name" content="blog.example"></head><body>{BODY}', URL)
    assert article.sitename is None


def test_a_title_part_spelling_the_host_is_the_sites_name():
    assert _title("<title>Long read - Example.com</title>", BODY, "https://www.example.com/long-read/") == "Long read"


def test_the_posts_heading_wins_over_the_layouts_site_name_h1():
    layout = '<header><a href="/"><h1>Jane Roe</h1></a><h2>Tinkerer</h2></header>'
    post = f'<article><h2 class="post-title">Build a CPU - Part 1</h2>{BODY}</article>'
    assert _title("<title>Build a CPU - Part 1 - Jane Roe- Tinkerer</title>", layout + post) == "Build a CPU - Part 1"


def test_a_heading_inside_the_body_never_beats_the_document_title():
    body = f"<article>{BODY}<h1>apt install krita -y</h1>{BODY}</article>"
    header = '<header><a href="/" title="Applied Magic">AM</a></header>'
    assert _title("<title>Upgrade Ubuntu 22.04 to 24.04 - Applied Magic</title>", header + body) == (
        "Upgrade Ubuntu 22.04 to 24.04"
    )


def test_the_first_h1_before_the_body_is_the_title_when_the_document_title_is_only_the_site():
    body = f'<header><a href="/">Daily Planet</a></header><article><h1>Long read</h1>{BODY}</article>'
    assert _title("<title>Daily Planet</title>", body) == "Long read"


def test_a_heading_linking_to_the_page_itself_is_the_title():
    body = f'<h2><a href="/">Site</a></h2><h3><a href="{URL}">bottle - dynamisches Routing</a></h3>{BODY}'
    assert _title("<title>ignored when a permalink heading says it</title>", body) == "bottle - dynamisches Routing"


def test_a_stated_title_with_a_tagline_gives_way_to_the_heading_it_starts_with():
    head = '<meta property="og:title" content="Lemon cake - Recipe by Bakers Corner">'
    assert _title(head, f"<article><h1>Lemon cake</h1>{BODY}</article>") == "Lemon cake"


def test_a_brunchbook_episodes_number_is_no_part_of_its_title():
    """Kakao Brunch states a brunchbook episode's og:title and <title> as its number and its title ("3화 서울의
    골목을 걷다") and prints the post's title alone in its h1.cover_title: the title began with the number. A
    title whose first word is such a number, with no heading printing the rest, keeps it."""
    head = '<title>3화 서울의 골목을 걷다</title><meta property="og:title" content="3화 서울의 골목을 걷다">'
    cover = (
        '<div class="wrap_cover"><span class="num_episode">3화</span><h1 class="cover_title">서울의 골목을 걷다</h1>'
    )
    body = f'{cover}</div><div class="wrap_body">{BODY}</div>'
    assert _title(head, body, "https://brunch.co.kr/@walker/31") == "서울의 골목을 걷다"
    head = '<meta property="og:title" content="10화 안에 끝내는 파이썬">'
    assert _title(head, f"<h1>파이썬 강좌</h1>{BODY}") == "10화 안에 끝내는 파이썬"


def test_flatpress_comments_page_is_titled_as_its_post():
    """FlatPress prints each post whole again on its own comments page, titled "Post : comments" (og:title and
    <title>) over the post's `.entry-title`: stored with that title, it was a second post beside the one its
    canonical names. A spaced colon in a title whose first part is not the printed heading stays (French style)."""
    head = (
        '<title>Cliffs in the Rain : comments &laquo; Stone and Bread</title><meta property="og:site_name" content='
        '"Stone and Bread"><meta property="og:title" content="Cliffs in the Rain : comments - Stone and Bread">'
    )
    body = (
        '<div id="head"><h1><a href="/">Stone and Bread</a></h1></div><div itemscope'
        ' itemtype="http://schema.org/BlogPosting" class="entry"><h2 itemprop="name" class="entry-title">'
        f'<a href="{URL}comments/">Cliffs in the Rain</a></h2><div itemprop="articleBody">{BODY}</div></div>'
    )
    assert _title(head, body, URL + "comments/") == "Cliffs in the Rain"
    korean = URL.replace("post/", "%EA%B0%80%EC%9D%84/")  # the crawl's address; FlatPress links %ea%b0%80…
    lowercase = body.replace(f"{URL}comments/", "https://blog.example/2024/01/%ea%b0%80%ec%9d%84/comments/")
    assert _title(head, lowercase, korean + "comments/") == "Cliffs in the Rain"
    french = '<meta property="og:title" content="Le pain : une histoire">'
    assert _title(french, f"<article><h1>Le pain : une histoire</h1>{BODY}</article>") == "Le pain : une histoire"


def test_entities_escaped_twice_in_og_title_are_decoded():
    head = '<meta property="og:title" content="Lemon &amp;#8222;cake&amp;#8220; &amp;#038; tea">'
    assert _title(head, BODY) == "Lemon „cake“ & tea"


def test_a_headings_permalink_is_no_part_of_the_title():
    """Python-Markdown's `toc` permalink (MkDocs Material's blog, Pelican) ends every heading, the post's <h1> too,
    with `<a class="headerlink" href="#id">¶</a>`; a theme's marked title may carry one as well."""
    body = "<p>" + "Today I learned that a good espresso needs twenty-five seconds. " * 5 + "</p>"
    mkdocs = (
        "<html><head><title>Coffee Note - Jane's Notes</title></head><body><article class='md-content__inner'>"
        '<h1 id="coffee-note">Coffee Note<a class="headerlink" href="#coffee-note" title="Permanent link">&para;</a>'
        f"</h1>{body}</article></body></html>"
    )
    assert extract(mkdocs, "https://notes.example/blog/2024/02/03/coffee-note/").title == "Coffee Note"
    marked = mkdocs.replace('<h1 id="coffee-note">', '<h1 id="coffee-note" class="entry-title">').replace(
        "<title>Coffee Note - Jane's Notes</title>", "<title>Jane's Notes</title>"
    )
    assert extract(marked, "https://notes.example/blog/2024/02/03/coffee-note/").title == "Coffee Note"


@pytest.mark.parametrize(
    ("section", "title"),
    [("Blog", "Understanding generators"), ("Blog", "Blogging tips for a rainy day"), ("News", "Weekly notes")],
)
def test_a_section_header_marked_as_a_headline_loses_to_the_title_the_document_names(section, title):
    """A theme that marks the section's header above the post (OceanWP's `h1.page-header-title`) as it marks the
    post's own title: the one the <title> names, as words, is the post's."""
    header = f'<header class="page-header"><h1 class="page-header-title" itemprop="headline">{section}</h1></header>'
    post = f'<article><header><h2 class="entry-title" itemprop="headline">{title}</h2></header>{BODY}</article>'
    assert _title(f"<title>{title} – Stone and Bread</title>", f"<main>{header}{post}</main>") == title


def test_a_home_link_that_prints_the_posts_title_names_no_site():
    """Hexo's Butterfly links the post's title home in its nav ("… Back to Home"): its parts around a dash are no
    spellings of the site's name, to be cut off the title."""
    title = "Build Systems – Make vs. Ninja - A Comparison"
    nav = (
        '<nav id="nav"><a class="nav-site-title" href="/"><span class="site-name">Jane\'s Blog</span></a>'
        f'<a class="nav-page-title" href="/"><span class="site-name">{title}</span><span> Back to Home</span></a></nav>'
    )
    body = f'{nav}<article><h1 class="post-title">{title}</h1>{BODY}</article>'
    head = f'<title>{title} | Jane\'s Blog</title><meta property="og:title" content="{title}">'
    article = extract(f"<html><head>{head}</head><body>{body}</body></html>", URL)
    assert (article.title, article.sitename) == (title, "Jane's Blog")
    assert not article.markdown.startswith("#")


def test_lektors_blog_post_the_site_its_h1_the_post_its_h2_and_written_by_line():
    """Lektor's quickstart blog (and many hand-made layouts): `<h1>` the site's name on every page, the post's
    title its `<h2>`, then "written by Jane Example on 2024-01-15" in a `<p class="meta">` — the post's title,
    author and its headings and lists, the byline no line of the text."""
    post = (
        "<!doctype html><meta charset='utf-8'><title>A Small Garden Diary — Jane's Notes</title><body><header>"
        "<h1>Jane's Notes</h1><nav><ul><li><a href='../../'>Welcome</a></li><li><a href='../'>Blog</a></li></ul>"
        "</nav></header><div class='page'><div class='blog-post'><h2>A Small Garden Diary</h2><p class='meta'>"
        "written by Jane Example on 2025-05-21</p><p>This spring I planted tomatoes, basil and a row of sunflowers"
        " on the balcony. Most of them survived, which already counts as a success.</p><h2>What worked</h2><ol>"
        "<li>Watering early in the morning</li><li>Using large pots with good drainage</li></ol><h2>What did not"
        "</h2><p>The strawberries were eaten by birds before a single one turned red. Next year they get a net.</p>"
        "</div></div><footer>&copy; Copyright 2025 by Jane Example.</footer></body>"
    )
    article = extract(post, "https://notes.example/blog/garden-diary/")
    assert (article.title, article.author) == ("A Small Garden Diary", "Jane Example")
    assert article.markdown.split("\n\n")[:3] == [
        "This spring I planted tomatoes, basil and a row of sunflowers on the balcony. Most of them survived, which "
        "already counts as a success.",
        "## What worked",
        "1. Watering early in the morning\n2. Using large pots with good drainage",
    ]


def test_the_feed_links_title_names_the_site_at_an_end_of_the_title():
    """Nanoc's `create-site` layout titles every page "Site - Title" and names the site nowhere else but in the
    head's feed link (`<link rel="alternate" type="application/atom+xml" title="Site">`, as jekyll-feed and
    Hugo title theirs, WordPress "Site » Feed"): the site's name was none and a page without an `<h1>` (an About
    page) kept "Feldnotizen - About this blog" as its title. A feed title that is no end of the <title>, the
    <title> itself or a part of the post's heading names nothing."""
    feed = '<link rel="alternate" type="application/atom+xml" title="{}" href="/feed.xml">'
    body = f'<div id="main">{BODY}</div><div id="sidebar"><ul><li><a href="/">Home</a></li></ul></div>'
    page = "<html><head><title>Feldnotizen - About this blog</title>{}</head><body>{}</body></html>"
    article = extract(page.format(feed.format("Feldnotizen"), body), "https://notes.example/about/")
    assert (article.title, article.sitename) == ("About this blog", "Feldnotizen")
    article = extract(page.format(feed.format("Feldnotizen » Feed"), body), "https://notes.example/about/")
    assert (article.title, article.sitename) == ("About this blog", "Feldnotizen")
    article = extract(page.format(feed.format("Recent posts"), body), "https://notes.example/about/")
    assert (article.title, article.sitename) == ("Feldnotizen - About this blog", None)
    # a feed link titled as the page itself (a CMS repeating the <title>, Drupal's feed of the term the page is)
    post = "<html><head><title>Long read – Part two - Planet</title>{}</head><body><h1>Long read – Part two</h1>{}"
    for named in ("Long read – Part two - Planet", "Long read"):
        article = extract(post.format(feed.format(named), f"<article>{BODY}</article>"), URL)
        assert (article.title, article.sitename) == ("Long read – Part two", None)


_SIDEBAR = '<div id="sidebar"><h2>Field Notes</h2><ul><li><a href="/">Home</a></li></ul><h2>Tags</h2></div>'
_FOOTER = '<div id="footer"><h3>Field Notes</h3><p>A blog about walking and baking, since 2019.</p></div>'


@pytest.mark.parametrize(
    ("post", "beside"),
    [
        ('<article class="post">{}</article>', _SIDEBAR),
        ('<article class="post">{}</article>', _FOOTER),
        ("{}", _SIDEBAR),
    ],
)
def test_the_posts_h1_wins_over_a_widget_heading_spelling_the_site(post, beside):
    """Nanoc's `create-site` layout: `<title>Site - Item's title</title>`, the item's `<h1>` in `div#main` and
    headed widgets in `div#sidebar`. With a widget (or a footer block) headed by the site's name, the rule for
    Lektor's layout (the `<h1>` the site's name, the post's title an `<h2>`) read the post's `<h1>` as the site
    and stored the widget's heading, "Field Notes", as every post's title. An `<h1>` inside the post's
    `<article>` is its own, and a sidebar's heading is no post's title."""
    item = f'<h1>Streaming large CSV files</h1><p class="meta">Posted on August 14, 2023</p>{BODY}'
    body = f'<div id="main">{post.format(item)}</div>{beside}'
    assert _title("<title>Field Notes - Streaming large CSV files</title>", body) == "Streaming large CSV files"


def test_a_title_of_only_the_site_after_a_separator_is_no_title():
    """Nuxt's titleTemplate "%s · Field Notes" with an empty %s: a single-page app's shell that no script has
    rendered prints `<title>· Field Notes</title>`, stored as the title "· Field Notes". The site's part of a
    template is no title; a title the template filled keeps its own words."""
    shell = '<div id="__nuxt"></div><script>window.__NUXT__={};</script>'
    assert _title("<title>· Field Notes</title>", shell) is None
    assert _title("<title>| Daily Planet</title>", f"<article>{BODY}</article>") is None
    assert _title("<title>Sourdough basics · Field Notes</title>", shell) == "Sourdough basics · Field Notes"


def test_blosxoms_entry_page_is_titled_by_the_heading_anchored_at_its_file_name():
    """blosxom's stock html flavour: the entry's page (`$path/$fn.html`) has the blog's title alone as <title> and
    <h1>, the day's date as <h2> and the entry's title as `<h3><a name="$fn">…</a></h3>`: the post was titled by
    the blog ("Plain Files"). A heading anchored at another name (a day's page lists several) is no title."""
    page = (
        '<html><head><title>Plain Files   </title></head><body><div align="center"><h1>Plain Files</h1><p>  </p>'
        '</div><h2>Tue, 02 Apr 2024</h2><div><h3><a name="python-csv">Reading CSV Files in Python</a></h3><div>'
        + BODY
        + '</div><p>posted at: 08:15 | path: <a href="https://blog.example/tech">/tech</a> | <a href="https://'
        'blog.example/2024/04/02#python-csv">permanent link to this entry</a></p></div></body></html>'
    )
    assert extract(page, "https://blog.example/tech/python-csv.html").title == "Reading CSV Files in Python"
    assert extract(page, "https://blog.example/tech/editors.html").title != "Reading CSV Files in Python"


@pytest.mark.parametrize(
    ("document", "entry"),
    [
        # default, leftbar, blog.steve.org.uk: "<blog_title>: <title>", the title the entry's first div.title
        ("Field Notes: Sourdough: flour", '<div class="entry"><div class="title">{}</div>{}<div class="body">{}</div>'),
        # blocky: "Blog: <title>", the title the legend of the entry's <fieldset>
        ("Blog: Sourdough: flour", '<fieldset><legend>{}</legend><div class="body">{}</div>{}</fieldset>'),
        # copyrighteous: "copyrighteous: <title>", the title its blosxom-style span.blosxomTitle
        (
            "copyrighteous: Sourdough: flour",
            '{1}<div class="storybox"><span class="blosxomTitle">{0}</span><div class="story">{2}</div></div>',
        ),
    ],
)
def test_chronicles_entry_page_is_titled_by_the_entrys_title_not_the_blogs_prefix(document, entry):
    """chronicle's stock themes (4.6) title an entry's page "<blog's title>: <entry's title>" and print the entry's
    title alone, in markup of their own (no heading, no title class), under the blog's <h1>: the post was titled by
    the whole <title> ("Field Notes: Sourdough: flour"; the colon no separator, titles have colons)."""
    layout = '<div class="title"><h1><a href="https://blog.example/">Field Notes</a></h1></div>'
    date = '<div class="date">2nd May 2024</div>'
    body = layout + entry.format("Sourdough: flour", date, BODY)
    url = "https://blog.example/Sourdough__flour.html"
    assert _title(f"<title>{document}</title>", body, url) == "Sourdough: flour"


def test_elementor_pros_post_title_widget_is_the_title_not_the_headers_site_title_heading():
    """Elementor Pro's theme builder prints a post's title with its Post Title widget, an .elementor-heading-title
    <h1> as every Heading widget's, the header's site title among them (an <h2> linking home). Without og:title
    the page was titled by the site's name: its <h1> is one end of the <title>, read as a layout's site name, and
    the header's heading the other."""

    def widget(kind: str, inner: str) -> str:
        return f'<div class="elementor-element elementor-widget elementor-widget-{kind}">{inner}</div>'

    header = widget(
        "theme-site-title", '<h2 class="elementor-heading-title"><a href="https://blog.example">Field Notes</a></h2>'
    )
    title = widget("theme-post-title", '<h1 class="elementor-heading-title">Walking the Cotswold Way</h1>')
    content = widget("theme-post-content", BODY)
    body = (
        f'<div data-elementor-type="header" class="elementor elementor-location-header">{header}</div>'
        f'<div data-elementor-type="single-post" class="elementor elementor-location-single">{title}{content}</div>'
    )
    assert _title("<title>Walking the Cotswold Way &#8211; Field Notes</title>", body) == "Walking the Cotswold Way"


def test_docusaurus_navbar_title_is_the_site_name():
    """Docusaurus writes no og:site_name, no WebSite JSON-LD; its navbar prints the site's name
    (themeConfig.navbar.title) as Infima's `b.navbar__title` in the `a.navbar__brand` linking home, and titles the
    page "Post | Site". The sitename was None: the brand link is no heading and has no rel=home."""
    head = (
        '<meta name="generator" content="Docusaurus v3.10.2"><title data-rh="true">Hello, Field Notes | Field Notes'
        '</title><meta data-rh="true" property="og:title" content="Hello, Field Notes | Field Notes">'
    )
    navbar = (
        '<nav aria-label="Main" class="theme-layout-navbar navbar navbar--fixed-top"><div class="navbar__inner">'
        '<div class="theme-layout-navbar-left navbar__items"><a class="navbar__brand" href="/">'
        '<b class="navbar__title text--truncate">Field Notes</b></a><a class="navbar__item navbar__link" '
        'href="/blog">Blog</a></div></div></nav>'
    )
    post = (
        '<main class="col col--7"><article><header><h1 class="title_f1Hy">Hello, Field Notes</h1></header>'
        f'<div id="__blog-post-container" class="markdown">{BODY}</div></article></main>'
    )
    article = extract(f"<html><head>{head}</head><body>{navbar}{post}</body></html>", URL)
    assert (article.title, article.sitename) == ("Hello, Field Notes", "Field Notes")


def test_mkdocs_materials_header_topic_is_the_site_name():
    """Material for MkDocs writes no og:site_name and titles a page "Post - Site"; its header prints site_name in
    the first of its two topics (the page's title in the second) and the logo's link home is titled with it, no
    heading and no rel=home: the sitename was None."""
    article = extract(material_post(title="Cold proofing", site="Crumb Notes"), URL)
    assert (article.title, article.sitename) == ("Cold proofing", "Crumb Notes")


def test_an_application_name_that_names_the_pages_theme_is_not_the_site_name():
    """Hugo FixIt (as LoveIt, which it forks) writes its `params.app.title` as application-name, and the theme's own
    configuration, which blogs copy, sets it to "FixIt": every post of a blog named "Wang Fang" (its <title>'s end,
    its JSON-LD WebSite) had "FixIt" for its site name. The theme credits itself in its footer with a link to its
    repository titled "FixIt v0.3.2", and on the home page in `<meta name="theme">`."""
    jsonld = '{"@context": "http://schema.org", "@type": "WebSite", "name": "Wang Fang"}'
    head = (
        '<meta name="generator" content="Hugo 0.123.8"><title>tmux 配置 - Wang Fang</title>'
        f'<meta name="application-name" content="FixIt"><script type="application/ld+json">{jsonld}</script>'
    )
    credit = (
        '<footer class="footer"><div class="footer-line powered">由 <a href="https://gohugo.io/" title="Hugo 0.123.8">'
        'Hugo</a> 强力驱动 | 主题 - <a href="https://github.com/hugo-fixit/FixIt" title="FixIt v0.3.2">FixIt</a>'
        "</div></footer>"
    )
    article = extract(f"<html><head>{head}</head><body><article>{BODY}</article>{credit}</body></html>", URL)
    assert (article.title, article.sitename) == ("tmux 配置", "Wang Fang")
    home = head + '<meta name="theme" content="FixIt v0.3.2">'
    assert extract(f"<html><head>{home}</head><body><article>{BODY}</article></body></html>", URL).sitename == (
        "Wang Fang"
    )
    named = head.replace('content="FixIt">', 'content="Notes of Wang Fang">')
    page = f"<html><head>{named}</head><body><article>{BODY}</article>{credit}</body></html>"
    assert extract(page, URL).sitename == "Notes of Wang Fang"


def test_a_section_heading_linking_to_its_own_id_is_not_the_title():
    """Nuxt Content prints each heading of a post's Markdown as a link to the heading's own id, the page's path
    before the fragment (`<h2 id="about-me"><a href="/articles/post#about-me">About me</a></h2>`), and its stock
    blog themes print no <h1>: the post's first section heading was its title, where the <title> names the post."""
    url = "https://blog.example/articles/first-post"
    body = (
        '<div id="__nuxt"><article><a href="/articles" class="back">Back</a><div class="prose">'
        '<h2 id="hello-there"><a aria-current="page" href="/articles/first-post#hello-there">Hello there</a></h2>'
        f'{BODY}<h3 id="about-me"><a href="/articles/first-post#about-me">About me</a></h3>{BODY}</div></article></div>'
    )
    assert _title("<title>A first post</title>", body, url) == "A first post"
    own = body.replace('href="/articles/first-post#hello-there"', 'href="/articles/first-post"')
    assert _title("<title>ignored when a permalink heading says it</title>", own, url) == "Hello there"


def _distill_post(site: str, title: str, categories: str = "") -> str:
    """A post as R's distill writes it: every stated title "<site>: <post>", the post's own <h1> in div.d-title."""
    stated, name = f"{site}: {title}".replace("'", "&#39;"), site.replace("'", "&#39;")
    head = (
        f'<meta name="generator" content="distill"/><title>{site}: {title}</title>'
        f'<meta property="og:title" content="{stated}"/><meta property="og:site_name" content="{name}"/>'
        f'<meta property="twitter:title" content="{stated}"/><meta name="citation_title" content="{stated}"/>'
    )
    body = (
        f'<header class="header"><nav class="distill-site-nav"><a href="../../index.html" class="title">{site}</a>'
        f'</nav></header><div class="d-title"><h1>{title}</h1>{categories}<p>A note on it</p></div>'
        f'<div class="d-byline">Jo Rivers<br/>2022-03-25</div><div class="d-article">{BODY}</div>'
    )
    return f"<html><head>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize("title", ["favicons, fetched", "CircleCI for R: Workflows, caches, and more"])
def test_a_leading_site_name_and_colon_is_cut_from_a_distill_posts_title(title):
    """R's distill titles every post "<site's title>: <post's title>" in its <title>, og:title, twitter:title and
    citation_title, og:site_name naming the site: every post of a distill blog kept the site's name and the colon.
    A colon of the post's own title stays."""
    page = _distill_post("Jo Rivers's blog", title)
    assert extract(page, "https://blog.example/posts/favicons/").title == title
