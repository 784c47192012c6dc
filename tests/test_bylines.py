"""Bylines as static-site and WordPress themes print them: the author's name and profile URL, never a link
label such as "View all of X's posts." as a second author."""

from __future__ import annotations

import pytest

from crawler.extraction.article import Article, Person
from crawler.extraction.extract import extract
from tests.material_blog import Author, material_post

URL = "https://blog.example/2024/01/post/"
BODY = "<p>" + "A paragraph of the post with words enough to be prose. " * 20 + "</p>"


def _authors(head: str, header: str, footer: str = "") -> list[Person]:
    html = f'<html lang="en"><head><title>T</title>{head}</head><body><article><header><h1>T</h1>{header}</header>'
    return extract(f"{html}{BODY}{footer}</article></body></html>", URL).authors


@pytest.mark.parametrize(
    "meta_line",
    [
        # Hugo themes (hello-friend, terminal): the author's span beside the date
        '<div class="post-meta"><time class="post-date">2024-01-02</time>'
        '<span class="post-author">Ana Lima</span></div>',
        # Jekyll Chirpy: "by <span class=author>"
        '<div class="post-meta"><div><span>Jan 2, 2024</span> by <span class="author">Ana Lima</span></div></div>',
        # Jekyll minima: an h-card inside p.post-meta
        '<p class="post-meta"><time>Jan 2, 2024</time> • <span itemprop="author" itemscope '
        'itemtype="http://schema.org/Person"><span class="p-author h-card" itemprop="name">Ana Lima</span></span></p>',
        # Hexo NexT: the author as microdata <meta> only
        '<span hidden itemprop="author" itemscope itemtype="http://schema.org/Person">'
        '<meta itemprop="name" content="Ana Lima"></span>',
        # Mainroad-style BEM meta items
        '<div class="post__meta meta"><div class="meta__item-author meta__item"><span class="meta__text">Ana Lima'
        "</span></div></div>",
    ],
)
def test_a_themes_byline_names_the_author(meta_line):
    assert [p.name for p in _authors("", meta_line)] == ["Ana Lima"]


def test_a_name_in_bold_after_written_by_is_the_author_and_the_rest_of_the_line_is_no_name():
    """Gatsby's starter blog ends each post with its bio: "Written by <strong>Name</strong> who lives and works in
    San Francisco building useful things. You should follow them on Twitter"."""
    bio = (
        '<footer><div class="bio"><p>Written by <strong>Ana Lima</strong> who lives and works in Lisbon building '
        'useful things. <a href="https://twitter.example/ana">You should follow them on Twitter</a></p></div></footer>'
    )
    assert [p.name for p in _authors("", "", footer=bio)] == ["Ana Lima"]
    sentence = "<p>Written by <strong>hand</strong>, every line of it, in the cold cellar.</p>"
    assert _authors("", "", footer=sentence) == []


def test_a_byline_link_in_the_meta_line_is_the_authors_name_and_url():
    meta_line = '<span class="author-link">| <b>Author:</b> <a href="/author/ana/">Ana Lima</a></span>'
    assert _authors("", f'<small class="post-meta">{meta_line}</small>') == [
        Person("Ana Lima", "https://blog.example/author/ana/")
    ]


def test_a_rel_author_link_gives_its_url_to_the_name_meta_tags_state():
    byline = '<span class="byline">By <a href="/author/ana/" rel="author">Ana Lima</a></span>'
    assert _authors('<meta name="author" content="Ana Lima">', byline) == [
        Person("Ana Lima", "https://blog.example/author/ana/")
    ]


def test_brunchs_and_velogs_byline_link_is_the_authors_url():
    """Kakao Brunch prints "by <a href=/@name>Name</a>" in its cover's span.text_author and Velog its writer in the
    header's div.information > span.username as a link to /@name/posts, no rel and no /author/ page: the author,
    named by Brunch's og:article:author or Velog's byline, had no URL. A commenter's link is not the author's."""
    brunch = (
        '<span class="cover_info"><span class="f_l text_author #author"><span class="ico_by">by</span> '
        '<a href="/@haneul" class="#author">김하늘</a></span><span class="f_l date">Mar 14. 2023</span></span>'
    )
    assert _authors('<meta property="og:article:author" content="김하늘">', brunch) == [
        Person("김하늘", "https://blog.example/@haneul")
    ]
    velog = (
        '<div class="sc-hxaKAp"><div class="information"><span class="username"><a href="/@devkim/posts">김개발</a>'
        '</span><span class="separator">·</span><span>2023년 5월 3일</span></div></div>'
    )
    comment = (
        '<div class="comment"><div class="profile"><div class="comment-info"><div class="username"><a href="/@kim">'
        "김개발</a></div></div></div><p>좋은 글이네요.</p></div>"
    )
    assert _authors('<meta name="author" content="김개발">', velog, footer=comment) == [
        Person("김개발", "https://blog.example/@devkim/posts")
    ]


def test_naver_blogs_nickname_meta_is_the_author_not_its_blog_name_meta():
    """Naver Blog's post page states its writer in `<meta property="naverblog:nickname">`, and its
    `og:article:author` is the blog's name and "| 블로그" ("blog"): the author was "블로그", or the blog's name and
    "블로그" split at the bar."""
    head = (
        '<meta property="og:type" content="article"><meta property="og:article:author" content="부엌일기 | 블로그">'
        '<meta property="og:site_name" content="네이버 블로그 | 부엌일기">'
        '<meta property="naverblog:nickname" content="소주하우스, 서울">'
    )
    assert [p.name for p in _authors(head, "")] == ["소주하우스, 서울"]


def test_an_author_card_linked_home_names_a_person_not_the_site():
    """Jekyll's Minimal Mistakes: a guest's post names him in its author meta tag and in the sidebar's h-card, whose
    name links home (he has no page of his own); the site owner is the site's JSON-LD Person. The card's home link
    is no site name, so the guest is the author."""
    head = '<meta name="author" content="Max Muster"><meta property="og:site_name" content="Jane\'s Notebook">'
    head += '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Person",'
    head += ' "name": "Jane Example", "url": "https://blog.example/"}</script>'
    card = '<div class="sidebar"><div itemscope itemtype="https://schema.org/Person" class="h-card">'
    card += '<h3 class="author__name p-name" itemprop="name"><a class="u-url" rel="me" href="https://blog.example/">'
    card += "Max Muster</a></h3></div></div>"
    html = f'<html lang="en"><head><title>T</title>{head}</head><body>{card}<article><h1>T</h1>{BODY}</article>'
    article = extract(f"{html}</body></html>", URL)
    assert (article.authors, article.sitename) == ([Person("Max Muster")], "Jane's Notebook")


def test_the_copyright_holder_linked_home_in_the_footer_is_the_owner_not_the_sites_name():
    """Hexo's and Hugo's themes print the `author` setting in the footer's copyright line, linked home: the author
    meta tag's person, not a spelling of the site's name (Hexo Redefine's "© 2022 - 2026 ♥ Jane Example"), so the
    name is not passed over for the byline's text with the badge beside it."""
    head = '<meta name="author" content="Ana Lima"><meta property="og:site_name" content="Ana\'s Notebook">'
    footer = '<footer><div class="info">&copy; <span>2022</span> - 2026 <a href="/">Ana Lima</a></div></footer>'
    header = '<div class="author"><span class="name">Ana Lima</span> <span class="author-label">Lv2</span></div>'
    html = f'<html lang="en"><head><title>T</title>{head}</head><body><article><h1>T</h1>{header}{BODY}</article>'
    article = extract(f"{html}{footer}</body></html>", URL)
    assert (article.authors, article.sitename) == ([Person("Ana Lima")], "Ana's Notebook")


@pytest.mark.parametrize(
    "label", ["View all of Ana Lima&#8217;s posts.", "Alle Beiträge von Ana Lima anzeigen", "Ana Lima의 모든 글 보기"]
)
def test_a_themes_view_all_posts_label_is_not_an_author(label):
    byline = '<span class="byline">By <a href="/author/ana/" rel="author">Ana Lima</a></span>'
    bio = f'<div class="author-bio"><a class="author-link" href="/author/ana/" rel="author">{label}</a></div>'
    assert [p.name for p in _authors("", byline, bio)] == ["Ana Lima"]
    assert [p.name for p in _authors("", "", bio)] == ["Ana Lima"]


def test_a_link_around_the_authors_name_is_the_authors_url():
    block = '<a id="post-author" href="/authors/ana/"><p id="author-name">Ana Lima</p></a>'
    assert _authors("", "", block) == [Person("Ana Lima", "https://blog.example/authors/ana/")]


def _minima_person(name: str) -> str:
    slug = name.lower().replace(" ", "-")
    return (
        '<span itemprop="author" itemscope itemtype="http://schema.org/Person"><a class="p-author h-card" rel="author"'
        f' itemprop="url" href="/authors/{slug}/"><span itemprop="name">{name}</span></a></span>'
    )


def test_a_byline_naming_several_authors_gives_each_however_deep_each_name_is_wrapped():
    """Jekyll minima with several authors: a microdata Person around a link around each name, in one meta line."""
    names = ["Ana Lima", "Tomás Reyes", "Yuna Seo"]
    line = '<p class="post-meta"><time>Jan 2, 2024</time> • ' + ", ".join(map(_minima_person, names)) + "</p>"
    assert _authors("", line) == [
        Person(n, f"https://blog.example/authors/{n.lower().replace(' ', '-')}/") for n in names
    ]


def test_bylines_of_other_posts_on_the_page_are_not_the_posts_authors():
    """Related posts' teasers print their own microdata bylines: not in the post's byline line."""
    teasers = "".join(
        f"<div class='teaser'><h3>Another post {n}</h3><p>{'A teaser sentence of some length. ' * 8}</p>"
        f"{_minima_person(name)}</div>"
        for n, name in enumerate(["Ben Okafor", "Clara Diaz"])
    )
    assert [p.name for p in _authors("", f'<p class="post-meta">{_minima_person("Ana Lima")}</p>', teasers)] == [
        "Ana Lima"
    ]


def test_stated_data_naming_the_first_author_only_is_completed_by_the_visible_byline():
    """jekyll-seo-tag writes the first of a post's authors into JSON-LD and <meta name=author>; minima prints all."""
    names = ["Ana Lima", "Tomás Reyes"]
    head = (
        '<meta name="author" content="Ana Lima"><script type="application/ld+json">{"@type": "BlogPosting",'
        ' "author": {"@type": "Person", "name": "Ana Lima"}}</script>'
    )
    line = '<p class="post-meta">' + ", ".join(map(_minima_person, names)) + "</p>"
    assert [person.name for person in _authors(head, line)] == names
    # A byline that does not name the stated author is not taken for them.
    other = '<p class="post-meta">' + ", ".join(map(_minima_person, ["Tomás Reyes", "Yuna Seo"])) + "</p>"
    assert [person.name for person in _authors(head, other)] == ["Ana Lima"]


def test_chirpys_by_line_completes_the_first_author_jekyll_seo_tag_states_each_with_their_own_link():
    """Jekyll's Chirpy prints a post's `authors: [minji, alice]` as "By <em><a>Kim Min-ji</a></em>, <em><a>Alice
    Schmidt</a></em>" (each name linked to her `url` of _data/authors.yml) in a bare `div.post-meta`; jekyll-seo-tag
    states the first of them only. The post was Kim Min-ji's alone; and the line's names all took its first link."""
    head = (
        '<meta name="author" content="Kim Min-ji"><script type="application/ld+json">{"@type": "BlogPosting",'
        ' "author": {"@type": "Person", "name": "Kim Min-ji", "url": "https://minji.example.org/"}}</script>'
    )
    header = (
        '<div class="post-meta text-muted"><span> Posted <em data-ts="1720342800" data-df="ll"> Jul 7, 2024 </em>'
        '</span><div class="d-flex justify-content-between"><span> By <em> <a href="https://minji.example.org/">Kim '
        'Min-ji</a> </em>, <em> <a href="https://alice.example.org/">Alice Schmidt</a> </em> </span><div><span '
        'class="readtime" title="58 words"><em>1 min</em> read</span></div></div></div>'
    )
    both = [Person("Kim Min-ji", "https://minji.example.org/"), Person("Alice Schmidt", "https://alice.example.org/")]
    assert _authors(head, header) == both
    assert _authors("", header) == both  # the line alone: Alice Schmidt's link was Kim Min-ji's
    # A plain line of a name, its team and its company names no more people than the stated one.
    stated = head.replace("Kim Min-ji", "Alex Durán")
    plain = "<p><em>Posted by Alex Durán, AMP Project Marketing, Google</em></p>"
    assert [person.name for person in _authors(stated, plain)] == ["Alex Durán"]


def _minima_post(site_author: str | None, byline: str = "") -> list[Person]:
    """A post as Jekyll's minima prints it: the site title linked rel=author to the home page, the home page's h-card
    in the footer (its p-name `site.author`, else the site's title), a byline only when the post names an author."""
    footer_name = site_author or "Ann's notes"
    html = (
        '<html lang="en"><head><title>T | Ann\'s notes</title></head><body><header class="site-header">'
        '<a class="site-title" rel="author" href="/">Ann\'s notes</a></header><main><article class="post h-entry">'
        f'<header class="post-header"><h1 class="post-title p-name">T</h1><p class="post-meta">{byline}</p></header>'
        f'<div class="post-content e-content">{BODY}</div></article>'
        '<div class="comments"><div class="h-cite"><span class="h-card"><a class="u-url p-name" href="/">Bo</a>'
        "</span></div></div></main>"
        '<footer class="site-footer h-card"><data class="u-url" href="/"></data><h2>Ann\'s notes</h2>'
        f'<ul class="contact-list"><li class="p-name">{footer_name}</li></ul></footer></body></html>'
    )
    return extract(html, URL).authors


def test_a_post_without_a_byline_is_by_the_person_its_rel_author_link_leads_to():
    assert _minima_post("Ann Lee") == [Person("Ann Lee", "https://blog.example/")]
    assert [p.name for p in _minima_post(None)] == ["Ann's notes"]  # no person named: the site's name, as before
    byline = '<span class="p-author h-card" itemprop="name">Cy Roe</span>'
    assert [p.name for p in _minima_post("Ann Lee", byline)] == ["Cy Roe"]  # the post's own byline first


def _headed_post(line: str) -> Article:
    """A post as Hugo's Ananke prints it: the title, a line under it, the date, then the post."""
    return extract(
        '<html lang="en"><head><title>T</title></head><body><main><article><header><h1>A post</h1>'
        f'<p class="tracked">{line}</p><time datetime="2024-03-05">March 5, 2024</time></header>'
        f"<div class='f4'>{BODY}</div></article></main></body></html>",
        URL,
    )


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By <strong>Heiko Braun</strong>", ["Heiko Braun"]),
        ("Von Lisa Petrich und Jan Lukas Strozyk | 12.03.2024", ["Lisa Petrich", "Jan Lukas Strozyk"]),
        ("Par Kab Niang Le 12 avril 2024", ["Kab Niang"]),
        ("by marianne1", ["marianne1"]),
        # a dateline after a break is no part of the last name
        (
            "Von <strong>Jana Roe</strong> und <strong>Tom Berg</strong><br><span></span><br> Kakuma/Kenia",
            ["Jana Roe", "Tom Berg"],
        ),
    ],
)
def test_a_by_line_under_the_heading_names_the_authors_and_leaves_the_text(line, names):
    article = _headed_post(line)
    assert [person.name for person in article.authors] == names
    assert article.text.startswith("A paragraph of the post")


@pytest.mark.parametrize(
    "line",
    ["By the time we got home, the bread had cooled.", "Von Wertpapieren des öffentlichen Sektors (PSPP, 2015)"],
)
def test_a_sentence_that_starts_with_by_names_nobody(line):
    assert _headed_post(line).authors == []


def test_an_author_boxs_description_is_no_authors_name():
    """Jekyll's Mediumish prints the author's description in `span.author-description` above the post: read as
    a byline it made "Jane Roe is a software developer living in Freiburg." the post's author. A name that ends
    with an abbreviation ("e.V.", "Jr.") is still a name."""
    description = '<span class="author-description">Jane Roe is a software developer living in Freiburg.</span>'
    assert [p.name for p in _authors("", description)] == []
    assert [p.name for p in _authors("", '<span class="author">By John Smith Jr.</span>')] == ["John Smith Jr."]


def test_the_posts_links_to_its_authors_pages_name_them_over_a_site_wide_author_meta():
    """Hugo's Coder prints the site owner as <meta name="author"> on every page and the post's authors only as
    links to their pages of the `authors` taxonomy: every post was the owner's, a co-author lost; Wagtail's Puput
    links the author's page and marks up nothing, and its posts had no author at all."""
    byline = '<div class="authors"><i class="fa fa-user"></i> <a href="/authors/bob-okafor/">Bob Okafor</a>{}</div>'
    site_owner = '<meta name="author" content="Alice Schmidt">'
    assert [p.name for p in _authors(site_owner, byline.format(""))] == ["Bob Okafor"]
    both = byline.format('<span class="separator">•</span><a href="/authors/alice-schmidt/">Alice Schmidt</a>')
    assert _authors(site_owner, both) == [
        Person("Bob Okafor", "https://blog.example/authors/bob-okafor/"),
        Person("Alice Schmidt", "https://blog.example/authors/alice-schmidt/"),
    ]
    assert [p.name for p in _authors(site_owner, '<a href="/authors/alice-schmidt/">Alice Schmidt</a>')] == [
        "Alice Schmidt"
    ]
    puput = '<ul class="links"><li><i class="fa fa-user"></i><a href="/blog/author/daniel/">daniel</a></li></ul>'
    assert _authors("", puput) == [Person("daniel", "https://blog.example/blog/author/daniel/")]
    related = '<aside class="widget"><a href="/author/carol/">Carol Nguyen</a></aside>'
    assert _authors(site_owner, "", related) == [Person("Alice Schmidt", None)]


def test_a_bylines_plain_text_listing_several_names_is_each_of_them():
    """Hugo's Terminal prints a post's authors joined with commas in one span, no link: one person "Alice Schmidt,
    Bob Okafor" was stored. A byline whose one link holds a comma is still one name."""
    terminal = (
        '<div class="post-meta"><time class="post-date">2024-05-04</time><span class="post-author">{}</span></div>'
    )
    assert _authors("", terminal.format("Alice Schmidt, Bob Okafor")) == [Person("Alice Schmidt"), Person("Bob Okafor")]
    assert [p.name for p in _authors("", terminal.format("Ana Lima"))] == ["Ana Lima"]
    sentence = terminal.format("Ana Lima, who writes about rivers")
    assert [p.name for p in _authors("", sentence)] != ["Ana Lima", "who writes about rivers"]


def test_a_co_author_who_owns_the_site_is_still_an_author():
    """A post by the site's owner and a guest lost the owner: hello-friend-ng prints the owner in the footer as
    `<span>© 2024</span><span><a href="/">Alice Schmidt</a></span>` (the © in a sibling, not the link's line), and
    DoIt names the owner as the JSON-LD publisher Organization — both read as the site's name, which no author is.
    DoIt also lists the post's authors under "authors", not schema.org's "author"."""
    footer = (
        '<footer><div class="copyright"><span>© 2024</span><span><a href="/">Alice Schmidt</a></span></div></footer>'
    )
    html = (
        '<html lang="en"><head><title>River cleanup</title><meta name="author" content="Alice Schmidt, Bob Okafor">'
        f"</head><body><article><h1>River cleanup</h1>{BODY}</article>{footer}</body></html>"
    )
    assert [p.name for p in extract(html, URL).authors] == ["Alice Schmidt", "Bob Okafor"]
    jsonld = (
        '{"@context": "http://schema.org", "@type": "BlogPosting", "headline": "River cleanup", "publisher": {"@type":'
        ' "Organization", "name": "Alice Schmidt"}, "authors": [{"@type": "Person", "name": "Alice Schmidt"}, '
        '{"@type": "Person", "name": "Bob Okafor"}]}'
    )
    doit = (
        f'<html lang="en"><head><title>River cleanup</title><script type="application/ld+json">{jsonld}</script>'
        f"</head><body><article><h1>River cleanup</h1>{BODY}</article></body></html>"
    )
    assert [p.name for p in extract(doit, URL).authors] == ["Alice Schmidt", "Bob Okafor"]


def test_a_json_ld_author_that_is_the_publishers_name_loses_to_the_byline_in_its_spelling():
    """Hugo's Tania writes its site-wide name as every post's JSON-LD author, the publisher Organization's name too
    ("Field Notes Team"), and the post's author in <meta name="author"> through `humanize` ("Alice schmidt") and in
    the byline ("By Alice Schmidt | <time>"): every post was the team's. Where nothing else names anyone, the
    JSON-LD's author stands."""
    jsonld = (
        '<script type="application/ld+json">{"@context": "http://schema.org", "@type": "Article", "headline": "T",'
        ' "author": {"@type": "Person", "name": "Field Notes Team"}, "publisher": {"@type": "Organization", "name":'
        ' "Field Notes Team"}}</script>'
    )
    meta = '<meta name="author" content="Alice schmidt">'
    byline = '<div class="post-meta"><div>By Alice Schmidt | <time>May 20, 2024</time> | 1 minutes</div></div>'
    assert _authors(jsonld + meta, byline) == [Person("Alice Schmidt")]
    assert _authors(meta, byline) == [Person("Alice Schmidt")]
    assert _authors(jsonld + meta, "") == [Person("Alice schmidt")]
    assert _authors(jsonld, byline) == [Person("Alice Schmidt")]
    assert _authors(jsonld, "") == [Person("Field Notes Team")]


def test_a_header_line_of_name_date_and_reading_time_is_the_byline():
    """Hugo's Poison prints "Alice Schmidt - <time>May 20, 2024</time> - 1 min read" under the post's heading, no
    "By", no class naming an author: the post had no author, and its text began "Alice Schmidt - - 1 min read". A
    line of other words beside the date, or without the reading time, names nobody."""
    line = (
        '<div class="headline"><div><span>{} - </span><time datetime=" 2024-05-20T20:00:00&#43;0200" '
        'class="post-date">May 20, 2024</time><span> - </span><span class="reading-time"><span>{}</span></span>'
        "</div></div>"
    )
    post = (
        '<html lang="en"><head><title>A quiet week</title></head><body><div class="post"><div class="info">'
        '<h1 class="post-title"><a href="/posts/a-quiet-week/">A quiet week</a></h1>{}</div>'
        "<p>Nothing happened this week, and that was fine.</p></div></body></html>"
    )
    article = extract(post.format(line.format("Alice Schmidt", "1 min read")), URL)
    assert (article.authors, article.text) == (
        [Person("Alice Schmidt")],
        "Nothing happened this week, and that was fine.",
    )
    assert extract(post.format(line.format("Updated twice since then", "1 min read")), URL).authors == []
    assert extract(post.format(line.format("Alice Schmidt", "Notes")), URL).authors == []


def test_a_name_after_the_posts_time_and_a_by_word_is_the_byline():
    """A layout of a hand-made or Jekyll/Hugo theme prints "Posted on <time>March 3, 2024</time> by Jonas Weber ·
    Tags: …" under the heading, the name in no classed element: the post had no author. The name's link is the
    author's, not the date's permalink, and the line is not the text's; words after the <time> that are no name
    name nobody."""
    post = (
        '<html lang="en"><head><title>Night walk</title></head><body><div class="post"><h1>Night walk</h1>'
        '<p class="meta">Posted on <a href="/posts/night-walk/"><time datetime="2024-03-03">March 3, 2024</time></a>'
        " {} · Tags: <a href='/tags/walks/'>walks</a></p>"
        "<p>We walked along the river until the lights of the harbour came on, one by one.</p></div></body></html>"
    )
    named = extract(post.format('by <a href="/about/">Jonas Weber</a>'), URL)
    assert named.authors == [Person("Jonas Weber", "https://blog.example/about/")]
    assert named.text == "We walked along the river until the lights of the harbour came on, one by one."
    assert extract(post.format("von Anna Berg und Jonas Weber"), URL).authors == [
        Person("Anna Berg"),
        Person("Jonas Weber"),
    ]
    assert extract(post.format("by the sea, mostly"), URL).authors == []


def test_an_author_label_line_and_a_byline_ending_at_its_date_or_time_name_the_author():
    """A hand-made layout prints "Author: Jane Roe" (a Korean skin "작성자: 홍길동") under the heading, an old one
    "Written by Jane Roe on March 3, 2024" or "Posted by Jane Roe at 10:00 AM": the label was no byline, and the
    name ran on into the date ("Jane Roe on March 3, 2024", no name), so each post had no author. The line is a
    field, not the text's."""
    post = (
        '<html lang="{}"><head><title>Night walk</title></head><body><div class="post"><h1>Night walk</h1>{}'
        "<p>We walked along the river until the lights of the harbour came on, one by one.</p></div></body></html>"
    )
    for lang, line, name in [
        ("en", "<p>Author: Jane Roe</p>", "Jane Roe"),
        ("de", "<p>Autorin: Jane Roe</p>", "Jane Roe"),
        ("ko", "<p>작성자: 홍길동</p>", "홍길동"),
        ("en", "<p>Written by Jane Roe on March 3, 2024</p>", "Jane Roe"),
        ("en", "<p>Posted by Jane Roe at 10:00 AM</p>", "Jane Roe"),
    ]:
        article = extract(post.format(lang, line), URL)
        assert (article.authors, article.text) == (
            [Person(name)],
            "We walked along the river until the lights of the harbour came on, one by one.",
        ), line
    assert extract(post.format("en", "<p>Author: the whole team of the harbour office</p>"), URL).authors == []


def test_an_author_label_among_a_books_facts_is_not_the_posts_author():
    """A book blog's review lists the book's facts in lines of their own — "Titel: …", "Autorin: …", "Verlag: …" —
    in the post: "Autorin: Alys Moreau" there is the book's author, not the post's."""
    facts = "".join(
        f"<div>{line}</div>"
        for line in (
            "<u>Titel:</u> The Lantern Girls",
            "<u>Seiten:</u> 400",
            "<u>Autorin:</u> Alys Moreau",
            "Verlag: X",
        )
    )
    post = (
        '<html lang="de"><head><title>Lesemonat Juni</title></head><body><div class="post"><h1>Lesemonat Juni</h1>'
        f"<div><div>Diesen Monat lese ich etwas aus dem Jugendbuch-Regal, das mir eine Freundin empfohlen hat.</div>"
        f"{facts}<div>Ich bin gespannt, wie es mir gefällt, und berichte am Ende des Monats.</div></div>"
        "</div></body></html>"
    )
    assert extract(post, URL).authors == []


def _walk(lang: str, header: str, before: str = "") -> Article:
    """A hand-made post: its heading, `header` lines under it, then its text (`before` it, a paragraph of prose)."""
    return extract(
        f'<html lang="{lang}"><head><title>Night walk</title></head><body><div class="post"><h1>Night walk</h1>'
        f"{before}{header}<p>We walked along the river until the lights of the harbour came on, one by one.</p>"
        "</div></body></html>",
        URL,
    )


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "March 3, 2024 by Jonas Weber"),
        ("de", "3. März 2024 von Jonas Weber"),
        ("en", "2024-03-03 by Jonas Weber | 3 comments"),
        ("en", 'Sunday, 3rd March 2024 by <a href="/about/">Jonas Weber</a>'),
    ],
)
def test_a_name_after_a_date_printed_as_text_and_a_by_word_is_the_byline(lang, line):
    """Jekyll and Hugo themes print `{{ date | date: "%B %-d, %Y" }} by {{ author }}` under the heading, the date as
    plain text, no <time>, as many hand-made blogs do: the post had no author."""
    article = _walk(lang, f'<p class="meta">{line}</p>')
    assert [person.name for person in article.authors] == ["Jonas Weber"]
    assert article.text == "We walked along the river until the lights of the harbour came on, one by one."


@pytest.mark.parametrize(
    "line",
    [
        "March 3, 2024 by the way, nothing new",
        "March 3, 2024 by 2030, they say",
        "3. März 2024 von 10 Uhr bis 12 Uhr",
        'March 3, 2024 by <a href="/category/travel-notes/">Travel Notes</a>',
        "3. März 2024 – 5. März 2024",
        "2024-03-03 – Updated",
        '<time datetime="2024-03-03">3 March 2024</time> — <a href="/tag/river-walks/">River Walks</a>',
    ],
)
def test_words_after_a_date_that_are_no_name_name_nobody(line):
    assert _walk("en", f"<p>{line}</p>").authors == []


def test_a_date_line_in_the_posts_text_names_nobody():
    """Only the post's header (before a paragraph of its text) is read for the date line: a list of talks or a
    changelog further down names other people and things."""
    prose = "<p>" + "We walked along the river until the lights of the harbour came on, one by one. " * 3 + "</p>"
    assert _walk("en", "<ul><li>March 3, 2024 by Jonas Weber</li></ul>", before=prose).authors == []


@pytest.mark.parametrize("dash", ["—", "–"])
def test_a_name_after_the_posts_time_and_a_dash_is_the_byline(dash):
    """PaperMod-like Hugo themes and hand-made layouts print "<time>3 March 2024</time> — Jonas Weber" under the
    heading: the post had no author, and its text began "— Jonas Weber" (the <time> dropped from it)."""
    article = _walk("en", f'<p class="meta"><time datetime="2024-03-03">3 March 2024</time> {dash} Jonas Weber</p>')
    assert (article.authors, article.text) == (
        [Person("Jonas Weber")],
        "We walked along the river until the lights of the harbour came on, one by one.",
    )


@pytest.mark.parametrize(
    "line",
    [
        "<p>글쓴이 홍길동</p>",
        "<p>작성자 | 홍길동</p>",
        "<p><span>글쓴이</span><span>홍길동</span></p>",
        "<div><span>작성자</span> <span>홍길동</span> <span>2024. 3. 3. 10:00</span></div>",
    ],
)
def test_a_korean_author_label_without_a_colon_names_the_author(line):
    """Tistory's and Korean hand-made skins print the label "글쓴이" or "작성자" and the name in two spans, or apart
    by a space or a bar, without a colon: the post had no author, and its text began "글쓴이홍길동"."""
    article = _walk("ko", line)
    assert (article.authors, article.text) == (
        [Person("홍길동")],
        "We walked along the river until the lights of the harbour came on, one by one.",
    )


@pytest.mark.parametrize("line", ["<p>작성자 본인만 볼 수 있는 글입니다</p>", "<p>작성자가 직접 쓴 글</p>"])
def test_a_korean_sentence_that_starts_with_the_label_names_nobody(line):
    assert _walk("ko", line).authors == []


def test_an_author_label_among_the_posts_header_fields_names_the_author():
    """A hand-made header prints "Datum: …", "Autor: …", "Kategorie: …", "Lesezeit: …" in lines of their own: the
    author's line was taken for a line of a data sheet (a book's facts) and refused. A sheet of other labels is
    still one."""
    header = "<p>Datum: 3. März 2024</p><p>Autor: Jonas Weber</p><p>Kategorie: Reisen</p><p>Lesezeit: 3 Minuten</p>"
    assert _walk("de", header).authors == [Person("Jonas Weber")]
    sheet = "<div>Zubereitungszeit: 20 Minuten</div><div>Autor: Jonas Weber</div><div>Portionen: 4</div>"
    assert _walk("de", sheet).authors == []


def test_a_mkdocs_material_posts_authors_are_its_sidebars_profiles_not_the_sites_author_meta():
    """Material's <meta name="author"> is the site's site_author on every page; the blog plugin names the post's
    authors in the post's sidebar, a profile each from .authors.yml (the name in a <strong> linked to the author's
    url or author page): a post by Bob was Alice's, the site's owner, and a post by two had one author."""
    alice = Author("Alice Schmidt", "Writes Python.", "../../../../../images/alice.svg", "../../../../author/alice/")
    bob = Author("Bob Okafor", "Bakes on weekends.", "../../../../../images/bob.svg", "https://bob.example.org/")
    url = "https://docs.example/blog/2024/03/05/cold-proofing/"
    by_bob = extract(material_post(authors=(bob,), site_author="Alice Schmidt"), url)
    assert by_bob.authors == [Person("Bob Okafor", "https://bob.example.org/")]
    by_both = extract(material_post(authors=(alice, bob), site_author="Alice Schmidt"), url)
    assert by_both.authors == [
        Person("Alice Schmidt", "https://docs.example/blog/author/alice/"),
        Person("Bob Okafor", "https://bob.example.org/"),
    ]


@pytest.mark.parametrize("by", ["By ", ""])
def test_ananke_names_the_authors_in_the_strong_of_the_line_under_the_title_without_by(by):
    """Hugo's Ananke prints the author as `<p class="tracked">By <strong>Jane</strong></p>` under the title, but
    translates "By" only for a few languages (de, en, es, fr, it, no, pt): a Korean post printed the bare <strong>
    and had no author; two authors are one <strong>, "Ana Lima, Ben Roe"."""
    html = (
        '<html lang="ko"><head><title>T</title></head><body><main><article class="flex-l mw8 center ph3">'
        '<header class="mt4 w-100"><h1 class="f1 athelas mt3 mb1">파이썬으로 CSV 읽기</h1>'
        f'<p class="tracked">\n        {by}<strong>Ana Lima, Ben Roe</strong>\n      </p>'
        '<time class="f6 mv4 dib tracked" datetime="2023-06-03T20:40:00+09:00">6월 3, 2023</time>'
        f'</header><div class="nested-copy-line-height lh-copy serif f4 nested-links mid-gray pr4-l w-two-thirds-l">'
        f"{BODY}</div></article></main></body></html>"
    )
    article = extract(html, URL)
    assert [person.name for person in article.authors] == ["Ana Lima", "Ben Roe"]
    assert "Ana Lima" not in article.text


def test_nextjs_blog_starters_avatar_names_the_author_and_its_name_leaves_the_text():
    """Next.js's blog starter prints the post's author as its Avatar only — an <img> whose alt is the name and the
    name beside it, no "By", twice (one for wide screens, one for narrow) between the title and the <time>: the
    post had no author, its text began with the name twice and its first image was the avatar. An image beside a
    caption of other words, or an avatar alone, names nobody."""

    def post(avatar: str) -> Article:
        html = (
            '<html lang="en"><head><title>Harz | Next.js Blog Example</title></head><body><main><article>'
            '<h1 class="text-5xl">Eine Wanderung im Harz</h1>'
            f'<div class="hidden md:block md:mb-12">{avatar}</div>'
            '<div class="sm:mx-0"><img alt="Cover Image for Eine Wanderung im Harz" src="/assets/cover.jpg"></div>'
            f'<div class="max-w-2xl mx-auto"><div class="block md:hidden mb-6">{avatar}</div>'
            '<div class="mb-6 text-lg"><time datetime="2023-10-01T08:00:00.000Z">October 1, 2023</time></div></div>'
            f'<div class="max-w-2xl mx-auto"><div class="markdown">{BODY}</div></div></article></main></body></html>'
        )
        return extract(html, URL)

    named = post(
        '<div class="flex items-center"><img src="/assets/blog/authors/anna.png" class="w-12 h-12 rounded-full"'
        ' alt="Anna Schmidt"><div class="text-xl font-bold">Anna Schmidt</div></div>'
    )
    assert [person.name for person in named.authors] == ["Anna Schmidt"]
    assert named.text.startswith("A paragraph of the post")
    assert [(image.src, image.position) for image in named.images] == [("https://blog.example/assets/cover.jpg", 1)]
    captioned = post('<div><img src="/a.png" alt="Anna Schmidt"><div>Anna Schmidt at the Brocken</div></div>')
    assert captioned.authors == []
    assert post('<div><img src="/a.png" alt="Anna Schmidt"></div>').authors == []


def test_a_figures_caption_repeating_its_alt_names_nobody_and_the_image_stays():
    """Bludit's editor writes a captioned picture as <figure><img alt=…><figcaption>…</figcaption></figure>, and
    a writer often gives both the same words; after a Korean post's short first paragraph such a caption read as
    an avatar's name beside it: the caption became the post's author and the picture was dropped as the avatar.
    A <figure>'s words are its caption, never a byline."""
    caption = "성수동 로스터리의 창가 자리"
    html = (
        '<html lang="ko"><head><title>서울의 작은 카페 탐방기</title></head><body>'
        '<article class="page" itemscope itemtype="https://schema.org/Article"><header class="page-header">'
        '<h1 class="title" itemprop="headline">서울의 작은 카페 탐방기</h1></header>'
        '<div class="page-content" itemprop="articleBody"><p>지난 주말에 성수동의 작은 카페들을 돌아다녔다.</p>'
        f'<figure><img src="/uploads/cafe.png" alt="{caption}"><figcaption>{caption}</figcaption></figure>'
        "<p>가장 기억에 남는 곳은 직접 원두를 볶는 작은 로스터리였다. 주인은 커피 이야기를 한참 들려주었다.</p>"
        "<p>다음에는 연남동에 가 볼 생각이다.</p></div></article></body></html>"
    )
    article = extract(html, URL)
    assert article.authors == []
    assert [(image.src, image.caption) for image in article.images] == [
        ("https://blog.example/uploads/cafe.png", caption)
    ]


def _gh(*handles: str) -> list[str]:
    return [f'<a href="https://github.com/{handle}">@{handle}</a>' for handle in handles]


@pytest.mark.parametrize(
    ("line", "handles"),
    [
        # a Zola site of a code project: "Written by" its writers' GitHub accounts, a serial comma before the last
        (
            '<span class="post-authors post-date">Written by {}, {}, and {}<br>Published on '
            '<time datetime="2024-01-02">Jan 02, 2024</time></span>',
            ["ana-lima", "bo1984", "cy"],
        ),
        # more than four, each linked: the people of a newsletter, not a sentence
        (
            '<span class="post-authors">Written by {}, {}, {}, {}, {}, and {}<br>Published on '
            '<time datetime="2024-01-02">Jan 02, 2024</time></span>',
            ["ana-lima", "bo1984", "cy", "dee", "eve", "fay"],
        ),
        # the newsletter's editors in parentheses after the date
        (
            '<span class="post-authors post-date">Published on <time datetime="2024-01-02">Jan 02, 2024</time>'
            "(edited by {} and {})</span>",
            ["ana-lima", "bo1984"],
        ),
    ],
)
def test_github_accounts_written_as_mentions_in_a_byline_are_its_authors(line, handles):
    authors = _authors("", line.format(*_gh(*handles)))
    assert authors == [Person(f"@{handle}", f"https://github.com/{handle}") for handle in handles]


@pytest.mark.parametrize("line", ["<p>Por ejemplo, esto.</p>", "<p>Por ejemplo.</p>", "<p>By now, everyone.</p>"])
def test_a_sentence_of_the_posts_text_after_a_by_word_names_nobody(line):
    """Spanish "Por ejemplo, esto." ("for example, this.") is no byline of "ejemplo" and "esto.": an account's
    name ends in a letter or a digit, a word and a full stop end a sentence."""
    assert _authors("", "", line + BODY) == []


def test_an_hcard_byline_names_the_author_over_a_site_wide_author_meta():
    """Octopress prints the site's `author` setting as <meta name="author"> on every page and the post's own author
    in the hCard of its footer, "Posted by <span class="fn">": every post was the site owner's."""
    site_owner = '<meta name="author" content="Example Lab Ltd.">'
    hcard = '<p class="meta"><span class="byline author vcard">Posted by <span class="fn">{}</span></span></p>'
    assert _authors(site_owner, "", f"<footer>{hcard.format('Jin Qian')}</footer>") == [Person("Jin Qian")]
    assert _authors(site_owner, "", f"<footer>{hcard.format('Example Lab Ltd.')}</footer>") == [
        Person("Example Lab Ltd.")
    ]
    assert _authors('<meta name="author" content="Jin Qian">', "", "") == [Person("Jin Qian")]


@pytest.mark.parametrize(
    "label",
    [
        "SHOW ALL ARTICLES OF<br>Ana Lima",
        "Alle Artikel von Ana Lima",
        "View all posts by Ana Lima",
        "More articles by Ana Lima",
    ],
)
def test_an_author_archive_links_label_is_no_part_of_the_name(label):
    """The post's one byline is the link to the writer's archive under the post, labelled as themes and author box
    plugins label it: the name inside the label is the author's, the label is not."""
    footer = f'<div class="author-link"><a href="/author/ana-lima/" rel="author">{label}</a></div>'
    assert _authors("", "", footer) == [Person("Ana Lima", "https://blog.example/author/ana-lima/")]


@pytest.mark.parametrize("label", ["veröffentlicht von", "publié par"])
def test_a_published_by_label_is_no_part_of_the_name(label):
    """A theme's "published by" line before the author's name, in German and French, as "Posted by" is in English."""
    meta_line = f'<div class="entry-meta"><div class="entry-author">{label} Ana</div></div>'
    assert [person.name for person in _authors("", meta_line)] == ["Ana"]


def test_an_author_box_bio_without_a_full_stop_names_nobody():
    """gatsby-starter-lumen prints the author's bio under the post in its CSS module's `div.Author-module--author`;
    a Korean blog's bio, "I believe software engineers can change the world", no full stop after it, was every
    post's author (trafilatura's byline search reads a class naming an author). A line of most words in small
    letters is a description; a name with particles is still a name."""
    bio = '<div class="Author-module--author--2Yefr"><p>I believe software engineers can change the world</p></div>'
    page = f'<html><head><title>T</title></head><body><div class="Content-module--content"><h1>T</h1>{BODY}</div>'
    footer = f'<div class="Post-module--post__footer"><p class="Meta-module--meta__date">Published 27 Jun 2022</p>{bio}'
    assert extract(f"{page}{footer}</div></body></html>", URL).authors == []
    named = footer.replace("I believe software engineers can change the world", "Ludwig van der Rohe")
    assert [p.name for p in extract(f"{page}{named}</div></body></html>", URL).authors] == ["Ludwig van der Rohe"]
