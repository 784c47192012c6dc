"""Author boxes and images from small snippets: the counts, the labels, the avatars, the traps."""

from __future__ import annotations

import pytest

from crawler.extraction.article import Person
from crawler.extraction.authorbox import parse_article_count
from crawler.extraction.avatars import normalised
from crawler.extraction.boxes import author_page_person, find_author_boxes
from crawler.extraction.content import find_content_root
from crawler.extraction.extract import extract
from crawler.extraction.images import find_images, parse_srcset
from crawler.extraction.page import Page, parse_html

BIO = "Writes about soil, compost and the garden year."


def _boxes(html: str, jsonld: list | None = None, authors: list[Person] | None = None):
    return find_author_boxes(Page(parse_html(html), "https://a.org/p/"), jsonld or [], authors or [])


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Artikel: 1367", 1367),
        ("1.367 Beiträge", 1367),
        ("글 152개", 152),
        ("42 posts", 42),
        ("Posts: 12", 12),
        ("1,204 articles", 1204),
        ("記事数 30", 30),
        ("글 1367개", 1367),
        ("1367 posts", 1367),
        ("1,367 articles", 1367),
        ("Beiträge: 1.367", 1367),
        ("Co-founded in 2009", None),
        ("", None),
    ],
)
def test_article_count_as_the_box_shows_it(text, count):
    assert parse_article_count(text) == count


def test_a_byline_is_not_an_author_box():
    assert _boxes('<article><p class="byline">By <a rel="author" href="/a/jane">Jane</a></p></article>') == []


def test_json_ld_person_with_description_is_a_box_when_the_markup_has_none():
    person = {
        "@type": "Person",
        "name": "Ann",
        "description": "Writes about soil.",
        "sameAs": ["https://x.com/ann"],
        "image": {"url": "/ann.png"},
        "url": "/author/ann/",
    }
    [box] = _boxes("<p>post</p>", [person])
    assert (box.name, box.avatar_url, box.url, box.links) == (
        "Ann",
        "https://a.org/ann.png",
        "https://a.org/author/ann/",
        ["https://x.com/ann"],
    )


@pytest.mark.parametrize(
    "label",
    [
        "Author: ",
        "Written by ",
        "Von ",
        "Post author By ",
        "Zeige alle Beiträge von ",
        "글쓴이 ",
        "About ",
        "Author Archives: ",
    ],
)
def test_the_name_comes_without_its_label(label):
    html = f'<div class="author-box"><span class="author-name">{label}Martin Oakes</span><p>{BIO}</p></div>'
    assert [b.name for b in _boxes(html)] == ["Martin Oakes"]


def test_a_name_starting_like_a_label_keeps_it():
    html = f'<div class="author-box"><span class="author-name">Byron Vonnegut</span><p>{BIO}</p></div>'
    assert [b.name for b in _boxes(html)] == ["Byron Vonnegut"]


@pytest.mark.parametrize(
    "html",
    [
        # Ghost (Source theme)
        f'<section class="gh-author-box"><h4 class="gh-author-name">Jane Doe</h4><p class="gh-author-bio">{BIO}</p>'
        "</section>",
        # Ghost (Casper)
        f'<section class="author-card"><h4 class="author-card-name">Jane Doe</h4><p>{BIO}</p></section>',
        # Blogger (post footer)
        '<div class="author-profile"><img class="author-image" src="/jane.jpg"><a class="g-profile">Jane Doe</a>'
        f'<div class="author-description">{BIO}</div></div>',
        # Blogger / WordPress themes' .post-author
        f'<div class="post-author"><span class="post-author-name">Jane Doe</span><div class="post-author-bio">{BIO}'
        "</div></div>",
        # Wix
        f'<div data-hook="author-card"><span data-hook="author-name">Jane Doe</span><p>{BIO}</p></div>',
        # Medium
        f'<div class="pw-author"><h2 class="pw-author-name">Written by Jane Doe</h2><p>{BIO}</p></div>',
        # Substack
        f'<div class="profile-hover-card"><a class="author-name">Jane Doe</a><div class="bio">{BIO}</div></div>',
        # WordPress's OceanWP: a box by its id, the name a heading beside the description
        '<section id="author-bio" class="clr"><div id="author-bio-inner"><div class="author-bio-avatar"><a href='
        '"/author/jane/" rel="author"><img class="avatar" src="/jane.jpg" alt=""></a></div><div class="author-bio-'
        'content clr"><h3 class="author-bio-title"><a href="/author/jane/">Jane Doe</a></h3><div class="author-bio-'
        f'description clr">{BIO}</div></div></div></section>',
        # WordPress's Twenty Twenty: a link to the author's archive after the bio's paragraph, in its element
        '<div class="author-bio"><div class="author-title-wrapper"><h2 class="author-title heading-size-4">Jane Doe'
        f'</h2></div><div class="author-description"><p>{BIO}</p><a class="author-link" href="/author/jane/" rel='
        '"author">View Archive <span aria-hidden="true">&rarr;</span></a></div></div>',
        # MkDocs Material's blog: the name in <strong> at the head of the description element
        '<div class="md-profile md-post__profile"><span class="md-author"><img src="/a.png" alt="Jane Doe"></span>'
        f'<span class="md-profile__description"><strong><a href="https://jane.example/">Jane Doe</a></strong><br>{BIO}'
        "</span></div>",
        # WordPress's Twenty Ten (Twenty Eleven's #author-info alike): ids, and the bio a bare text after the <h2>
        '<div id="entry-author-info"><div id="author-avatar"><img class="avatar avatar-60 photo" src="/jane.jpg"'
        f' alt=""></div><div id="author-description"><h2>About Jane Doe</h2>{BIO}<div id="author-link"><a href='
        '"/author/jane/" rel="author">View all posts by Jane Doe <span class="meta-nav">&rarr;</span></a></div>'
        "</div></div>",
    ],
    ids=[
        "ghost-source",
        "ghost-casper",
        "blogger",
        "post-author",
        "wix",
        "medium",
        "substack",
        "oceanwp",
        "tt20",
        "mkdocs-material",
        "twentyten",
    ],
)
def test_platform_author_boxes_are_found(html):
    [box] = _boxes(f"<article><p>Post.</p>{html}</article>")
    assert (box.name, box.bio) == ("Jane Doe", BIO)


def test_a_byline_line_with_a_short_date_is_no_bio_once_its_archive_link_is_left_out():
    """A bio element's link to the person's archive is no part of the bio (so it no longer counts against a short
    bio's words): a translator's line, "Übersetzung <a href=/author/…>Jane Doe</a>, 12.12.22", less that link, is a
    label and a date, no bio."""
    html = (
        '<article><p>Post.</p><div class="author"><img class="avatar" src="/jane.jpg" alt=""><p class="author-bio">'
        'Übersetzung <span><a href="/author/jane/">Jane Doe</a></span>, <span class="date">12.12.22</span></p></div>'
        "</article>"
    )
    boxes = _boxes(html, authors=[Person("Jane Doe", "https://a.org/author/jane/")])
    assert [box.bio for box in boxes] in ([], [None])


def _profile_widget(name: str) -> str:
    """Blogger's Profile widget as its default themes print it in the sidebar."""
    return (
        '<aside><div class="widget Profile"><a href="https://www.blogger.com/profile/42"><img class="profile-img"'
        f' src="//blogger.googleusercontent.com/img/b/me.jpg"></a><dl class="profile-datablock"><dt'
        f' class="profile-data"><a class="profile-name-link g-profile" href="https://www.blogger.com/profile/42">{name}'
        f'</a></dt><dd class="profile-textblock">{BIO}</dd></dl></div></aside>'
    )


def test_blogger_sidebar_profile_of_someone_else_is_not_the_posts_author_box():
    assert _boxes(_profile_widget("Blog Owner"), authors=[Person("Jane Doe")]) == []


def test_blogger_sidebar_profile_of_the_posts_author_is_their_box():
    [box] = _boxes(_profile_widget("Jane Doe"), authors=[Person("Jane Doe")])
    assert (box.bio, box.url, box.avatar_url) == (
        BIO,
        "https://www.blogger.com/profile/42",
        "https://blogger.googleusercontent.com/img/b/me.jpg",
    )


def _icarus_profile(name: str) -> str:
    """Hexo Icarus's profile widget (layout/widget/profile.jsx) in its left column."""
    return (
        '<div class="column column-left"><div class="card widget" data-type="profile"><div class="card-content">'
        '<nav class="level"><div class="level-item has-text-centered flex-shrink-1"><div><figure class="image '
        f'is-128x128 mx-auto mb-2"><img class="avatar" src="/images/me.svg" alt="{name}"></figure><p class="title '
        f'is-size-4 is-block">{name}</p><p class="is-size-6 is-block">Baker and Python developer</p><p class="is-size-6'
        ' is-flex justify-content-center"><i class="fas fa-map-marker-alt mr-1"></i><span>Hamburg</span></p></div>'
        '</div></nav><nav class="level is-mobile"><div class="level-item has-text-centered is-marginless"><div><p '
        'class="heading">Posts</p><a href="/archives/"><p class="title">10</p></a></div></div></nav><div class="level">'
        '<a class="level-item button is-primary is-rounded" href="https://github.com/me" rel="me noopener">Follow</a>'
        '</div><div class="level is-mobile is-multiline"><a class="level-item button is-transparent is-marginless" '
        'rel="me noopener" title="Github" href="https://github.com/me"><i class="fab fa-github"></i></a></div></div>'
        "</div></div>"
    )


def test_icarus_profile_widget_of_the_posts_author_is_their_box():
    """Hexo Icarus prints the site owner's name, title and avatar in its profile widget inside a Bulma
    `nav.level`, a layout, and every place naming the author inside a <nav> was a menu's: the post had no author
    box. It is the box of the post's author where it names them, and no box of a post by someone else."""
    post = "<article><h1>Hydration</h1><p>Post.</p></article>"
    [box] = _boxes(f"<main>{post}</main>{_icarus_profile('Jane Doe')}", authors=[Person("Jane Doe")])
    assert (box.name, box.bio, box.avatar_url, box.links) == (
        "Jane Doe",
        "Baker and Python developer",
        "https://a.org/images/me.svg",
        ["https://github.com/me"],
    )
    assert _boxes(f"<main>{post}</main>{_icarus_profile('Blog Owner')}", authors=[Person("Jane Doe")]) == []
    # a menu's <nav> elsewhere is still no box
    menu = _icarus_profile("Jane Doe").replace('data-type="profile"', 'data-type="menu"')
    assert _boxes(f"<main>{post}</main>{menu}", authors=[Person("Jane Doe")]) == []


def test_a_bio_in_the_line_after_the_name_of_a_card_of_utility_classes():
    """Hugo's Congo and Blowfish: a label, the name and the bio, each a <div> of utility classes, beside the
    picture and the profile links: no element says which is the bio (it was lost)."""
    card = (
        '<div class="flex author"><img class="rounded-full" width="96" height="96" src="/img/jane.png" alt="Jane">'
        '<div class="place-self-center"><div class="text-[0.6rem] uppercase">Author</div><div class="font-semibold">'
        f'Jane Doe</div><div class="text-sm text-neutral-700">{BIO}</div><div class="text-2xl"><div class="flex">'
        '<a href="mailto:jane@example.org" aria-label="Email" rel="me noopener"></a><a href="https://jane.example.org/"'
        ' aria-label="Link" rel="me noopener"></a></div></div></div></div>'
    )
    [box] = _boxes(f"<article><p>Post.</p>{card}</article>", authors=[Person("Jane Doe")])
    assert (box.name, box.bio) == ("Jane Doe", BIO)


def test_a_box_without_any_known_class_is_found_by_what_it_holds():
    html = (
        '<article><div class="entry"><p>Post text.</p></div><div class="x9f"><div class="x9f-l">'
        '<img src="data:image/gif;base64,R0l" data-src="/u/jane.jpg" class="lazy"></div><div class="x9f-r">'
        "<h3>Jane Doe</h3><p>Jane grows beans and writes about it every week.</p><p>1.367 Beiträge</p>"
        '<a href="/autoren/jane-doe/">Alle Beiträge</a> <a rel="me" href="https://social.example/@jane">Fediverse</a>'
        "</div></div></article>"
    )
    [box] = _boxes(html, authors=[Person("Jane Doe")])
    assert (box.bio, box.avatar_url, box.url, box.article_count, box.links) == (
        "Jane grows beans and writes about it every week.",
        "https://a.org/u/jane.jpg",
        "https://a.org/autoren/jane-doe/",
        1367,
        ["https://social.example/@jane"],
    )


def test_a_commenters_card_is_never_the_authors_box():
    html = (
        '<div class="comments"><div class="c"><img src="/jane.jpg"><b>Jane Doe</b><p>Thanks for all the comments!'
        "</p></div></div>"
    )
    assert _boxes(html, authors=[Person("Jane Doe")]) == []


def test_wordpress_post_author_biography_block_group():
    html = (
        '<div class="wp-block-group"><img class="avatar avatar-96 photo wp-block-avatar__image"'
        ' src="https://secure.gravatar.com/avatar/1f3870be274f6c49b3e31a0c6728957f?s=96&d=mm&r=g"'
        ' srcset="https://secure.gravatar.com/avatar/1f3870be274f6c49b3e31a0c6728957f?s=192&d=mm&r=g 2x">'
        '<div class="wp-block-post-author-name"><a href="https://a.org/author/jane/" target="_self">Jane Doe</a>'
        f'</div><div class="wp-block-post-author-biography">{BIO}</div></div>'
    )
    [box] = _boxes(html, authors=[Person("Jane Doe")])
    assert (box.bio, box.url, box.avatar_url) == (
        BIO,
        "https://a.org/author/jane/",
        "https://secure.gravatar.com/avatar/1f3870be274f6c49b3e31a0c6728957f?d=mm&r=g",
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://secure.gravatar.com/avatar/1f38?s=96&d=mm&r=g", "https://secure.gravatar.com/avatar/1f38?d=mm&r=g"),
        ("https://secure.gravatar.com/avatar/?s=96&d=mm&r=g", None),
        ("https://secure.gravatar.com/avatar/1f38?s=96&d=mm&f=y", None),
        ("https://secure.gravatar.com/avatar/d41d8cd98f00b204e9800998ecf8427e?s=96", None),
        ("https://a.org/wp-content/uploads/", None),
        ("https://a.org/img/default-avatar.png", None),
        ("https://resources.blogblog.com/img/anon36.png", None),
        (
            "https://g.example/content/images/size/w100/2023/11/ines.jpg",
            "https://g.example/content/images/2023/11/ines.jpg",
        ),
        (
            "https://static.wixstatic.com/media/a.jpg/v1/fill/w_32,h_32/a.jpg",
            "https://static.wixstatic.com/media/a.jpg",
        ),
    ],
)
def test_avatar_urls_are_normalised_and_placeholders_refused(url, expected):
    assert normalised(url) == expected


def test_an_avatar_in_noscript_beside_a_scripted_placeholder():
    html = (
        '<div class="author-box"><img src="data:image/svg+xml,%3Csvg%3E" class="lazyload"><noscript>'
        f'<img src="/jane.jpg"></noscript><span class="author-name">Jane Doe</span><p>{BIO}</p></div>'
    )
    assert _boxes(html)[0].avatar_url == "https://a.org/jane.jpg"


def test_a_one_pixel_image_is_no_avatar():
    html = f'<div class="author-box"><img src="/t.gif" width="1" height="1"><strong>Jane Doe</strong><p>{BIO}</p></div>'
    assert _boxes(html)[0].avatar_url is None


def test_rel_me_links_of_an_h_card_naming_the_author_join_the_box():
    html = (
        f'<div class="author-box"><span class="author-name">Jane Doe</span><p>{BIO}</p></div>'
        '<div class="h-card"><a class="p-name u-url" href="/">Jane Doe</a>'
        '<a rel="me" href="https://github.com/janedoe">GitHub</a></div>'
    )
    assert _boxes(html, authors=[Person("Jane Doe")])[0].links == ["https://github.com/janedoe"]


def test_an_author_page_gives_its_person():
    html = (
        '<main><header class="page-header"><h1 class="page-title">Author: <span class="vcard">Jane Doe</span></h1>'
        f'<div class="archive-description"><p>{BIO}</p></div></header>'
        '<article><h2><a href="/p/1/">Beans</a></h2><p>Beans, again.</p></article></main>'
        '<footer class="site-footer"><a rel="me" href="https://x.com/jane">X</a></footer>'
    )
    person = author_page_person(Page(parse_html(html), "https://a.org/author/jane/"), [])
    assert (person.name, person.bio, person.url) == ("Jane Doe", BIO, "https://a.org/author/jane/")


@pytest.mark.parametrize(
    "header",
    [
        # Astra: the name's heading inside the bio element
        '<section class="ast-author-box ast-archive-description"><div class="ast-author-bio"><h1 class="page-title'
        f' ast-archive-title">Jane Doe</h1><p>{BIO}</p></div><div class="ast-author-avatar"><img class="avatar'
        ' avatar-120 photo" src="/jane.jpg" alt=""></div></section>',
        # GeneratePress: the bio as the text of a <div> under the heading
        '<header class="page-header"><h1 class="page-title"><span class="vcard">Jane Doe</span></h1>'
        f'<div class="author-info">{BIO}</div></header>',
        # Hello Elementor: the heading is an entry-title
        '<div class="page-header"><h1 class="entry-title">Author: <span>Jane Doe</span></h1>'
        f'<p class="archive-description">{BIO}</p></div>',
        # Neve: WordPress's own archive title, "<span class=vcard>", in a bare <h1>; the bio a <p> beside it
        f'<div class="nv-page-title"><h1><span class="vcard">Jane Doe</span></h1><p>{BIO}</p></div>',
        # Blocksy: the bio in .page-description, a meta line that counts the person's comments under it
        '<header class="entry-header"><div class="ct-author-name"><h1 class="page-title">Jane Doe</h1></div><div'
        f' class="page-description">{BIO}</div><ul class="entry-meta"><li class="meta-articles">Articles: 12</li>'
        '<li class="meta-comments">Comments: 1</li></ul></header>',
        # Twenty Ten: the same box as under its posts, by ids, the bio a bare text after the <h2>
        '<h1 class="page-title author">Author Archives: <span class="vcard"><a class="url fn n" href="/author/jane/"'
        ' rel="me">Jane Doe</a></span></h1><div id="entry-author-info"><div id="author-avatar"><img class="avatar"'
        f' src="/jane.jpg" alt=""></div><div id="author-description"><h2>About Jane Doe</h2>{BIO}</div></div>',
    ],
    ids=["astra", "generatepress", "hello-elementor", "neve", "blocksy", "twentyten"],
)
def test_wordpress_themes_author_pages_give_their_person_and_bio(header):
    html = f'<main>{header}<article><h2><a href="/p/1/">Beans</a></h2><p>Beans, again.</p></article></main>'
    person = author_page_person(Page(parse_html(html), "https://a.org/author/jane/"), [])
    assert (person.name, person.bio) == ("Jane Doe", BIO)


@pytest.mark.parametrize(
    "heading",
    [
        # Twenty Nineteen
        '<h1 class="page-title">Author Archives: <span class="page-description">Jane Doe</span></h1>',
        # Twenty Ten (Twenty Eleven and Twelve alike): the name an h-card's link
        '<h1 class="page-title author">Author Archives: <span class="vcard"><a class="url fn n" href='
        '"/author/jane/" title="Jane Doe" rel="me">Jane Doe</a></span></h1>',
    ],
    ids=["twentynineteen", "twentyten"],
)
def test_wordpress_classic_themes_author_archives_heading_names_the_person(heading):
    """WordPress's default themes head an author page "Author Archives: Jane Doe": the person was stored as
    "Archives: Jane Doe" (only "Author" was known as a label)."""
    html = f'<main><header class="page-header">{heading}</header><article><h2><a href="/p/1/">Beans</a></h2>'
    html += "<p>Beans, again.</p></article></main>"
    person = author_page_person(Page(parse_html(html), "https://a.org/author/jane/"), [])
    assert (person.name, person.url) == ("Jane Doe", "https://a.org/author/jane/")


def test_nikolas_author_page_gives_its_person_and_bio_and_its_own_address_not_the_feeds():
    """Nikola's author.tmpl heads an author page "Posts by Jane Doe" in a bare <h1> of `article.authorpage`, her
    AUTHOR_PAGES_DESCRIPTIONS entry the <p> after it and a link to her RSS at /authors/jane-doe.xml under it: the
    person was not found (no heading known); her author page was then that feed, an address at an author's path."""
    html = (
        '<div id="content"><article class="authorpage"><header><h1>Posts by Jane Doe</h1>'
        f'<p>{BIO}</p><div class="metadata"><p class="feedlink"><a href="../jane-doe.xml" hreflang="en"'
        ' type="application/rss+xml">RSS feed</a></p></div></header><ul class="postlist"><li><time class="listdate"'
        ' datetime="2024-03-05T09:30:00+01:00">2024-03-05 09:30</time> <a href="../../posts/beans/"'
        ' class="listtitle">Beans</a></li></ul></article></div>'
    )
    person = author_page_person(Page(parse_html(html), "https://a.org/authors/jane-doe/"), [])
    assert (person.name, person.bio, person.url) == ("Jane Doe", BIO, "https://a.org/authors/jane-doe/")
    feed_untyped = html.replace(' type="application/rss+xml"', "")
    person = author_page_person(Page(parse_html(feed_untyped), "https://a.org/authors/jane-doe/"), [])
    assert person.url == "https://a.org/authors/jane-doe/"


def test_a_short_bio_naming_a_korean_given_name_min_is_a_bio_a_reading_time_is_not():
    """A short line that says "min" is taken for a reading time ("4 min read"), no bio: Kim Min-ji's bio on her
    Nikola author page, "Min-ji cooks Korean food in Berlin.", was dropped for her romanised given name."""
    html = (
        '<article class="authorpage"><header><h1>Posts by Kim Min-ji</h1><p>{}</p></header><ul class="postlist">'
        '<li><a href="/posts/kimchi/" class="listtitle">Kimchi</a></li></ul></article>'
    )
    bio = "Min-ji cooks Korean food in Berlin."
    person = author_page_person(Page(parse_html(html.format(bio)), "https://a.org/authors/kim-min-ji/"), [])
    assert (person.name, person.bio) == ("Kim Min-ji", bio)
    spaced = "Kim Min Ji"
    page = Page(parse_html(html.format("Min Ji cooks Korean food in Berlin.").replace("Kim Min-ji", spaced)), "")
    assert author_page_person(page, []).bio == "Min Ji cooks Korean food in Berlin."
    timed = Page(parse_html(html.format("Kim Min-ji · March 2024 · 4 min read")), "https://a.org/authors/kim-min-ji/")
    assert author_page_person(timed, []).bio is None


def test_a_date_written_with_its_year_character_beside_the_bylines_name_is_no_bio():
    """Hexo's Volantis prints the author (avatar and name, a schema.org Person) and then the date, "发布于：" and a
    day such as 2022年8月20日, as the items of the post's header: a Chinese, Japanese or Korean date writes its
    year with 年 or 년, which runs into the digits (no word boundary), and the date was stored as the author's
    bio."""
    prose = "<p>" + "博客换了新的主机，顺便整理了旧文章的分类和标签，以后再详细介绍。" * 6 + "</p>"
    html = (
        "<html lang='zh-CN'><body><article itemscope itemtype='http://schema.org/Article' class='article post'>"
        "<div class='article-meta'><h1 class='title' itemprop='name headline'>换了主机</h1>"
        "<div class='new-meta-box'><div class='new-meta-item author' itemprop='author' itemscope"
        " itemtype='http://schema.org/Person'><a itemprop='url' class='author' href='/' rel='nofollow'>"
        "<img itemprop='image' src='/img/avatar/wolf.png'><p itemprop='name'>Wolf</p></a></div>"
        "<div class='new-meta-item date'><a class='notlink'><p>{}</p></a></div></div></div>"
        f"<div id='post-body' itemprop='articleBody'>{prose}</div></article></body></html>"
    )
    for date in ("发布于：2023年10月25日", "投稿日：2023年10月25日", "작성일: 2023년 10월 25일"):
        box = extract(html.format(date), "https://blog.example/posts/1508771690.html").author_box
        assert box is not None and (box.name, box.bio) == ("Wolf", None), date


def test_an_author_page_that_prints_only_the_name_gives_the_person_and_their_page():
    """Twenty Twenty-Two's author page: "Author: <span>Jane Doe</span>" over the posts, nothing else of her; the
    byline of its posts links nowhere, so this page is the only address the person has."""
    html = (
        '<h1 class="wp-block-query-title">Author: <span>Jane Doe</span></h1><main><ul class="wp-block-post-template">'
    )
    html += '<li><h2><a href="/p/1/">Beans</a></h2></li></ul></main>'
    person = author_page_person(Page(parse_html(html), "https://a.org/author/jane/"), [])
    assert (person.name, person.url, person.bio) == ("Jane Doe", "https://a.org/author/jane/", None)


def test_an_author_page_without_a_bio_takes_none_from_the_posts_it_lists():
    """Pelican's Attila names the person in each listed post's meta line, beside the post's excerpt."""
    teaser = (
        '<article class="post"><div class="inner"><div class="box post-box"><h2 class="post-title"><a href="/{0}.html">'
        '{0}</a></h2><span class="post-meta">By <a class="post-meta-tag" href="/author/jane.html">Jane Doe</a> in <a '
        'href="/category/notes.html">Notes</a></span><p class="post-excerpt">{1}</p></div></div></article>'
    )
    html = (
        '<header class="blog-header"><div class="inner"><div class="archive archive-author box archive-box"><span '
        'class="archive-info"><span class="archive-type">Author</span><span class="archive-count">12 posts</span>'
        '</span><h2 class="archive-title">Jane Doe</h2></div></div></header><main class="content">'
        + teaser.format("beans", "Beans, again, and the trellis they climb all summer long.")
        + teaser.format("rye", "Rye bread needs a long, cool rise and a sour starter.")
        + "</main>"
    )
    person = author_page_person(Page(parse_html(html), "https://a.org/author/jane.html"), [])
    assert (person.name, person.bio, person.article_count) == ("Jane Doe", None, 12)


def test_the_avatar_is_the_box_picture_not_a_share_icon_or_logo():
    html = (
        '<div class="author-box"><a href="https://twitter.com/intent/tweet"><img src="/img/social/twitter.png"></a>'
        '<img class="site-logo" src="/logo.png"><img src="/icons/rss.png" width="16" height="16">'
        f'<img class="avatar" src="/jane.jpg"><span class="author-name">Jane Doe</span><p>{BIO}</p></div>'
    )
    [box] = _boxes(html)
    assert box.avatar_url == "https://a.org/jane.jpg"


def test_the_avatar_prefers_the_lazy_loaded_source_over_the_placeholder():
    html = (
        '<div class="author-box"><img src="/wp-content/plugins/lazy/placeholder.gif" data-lazy-src="/jane.jpg">'
        f'<span class="author-name">Jane Doe</span><p>{BIO}</p></div>'
    )
    assert _boxes(html)[0].avatar_url == "https://a.org/jane.jpg"


def test_a_box_with_only_a_share_icon_beside_the_name_is_no_box():
    html = (
        '<div class="author-box"><span class="author-name">jd</span><img src="/img/social/facebook-medium.png"></div>'
    )
    assert _boxes(html) == []


def test_one_author_shown_twice_is_one_box_completed_from_both_and_from_json_ld():
    person = {"@type": "Person", "name": "Jane Doe", "description": BIO, "sameAs": ["https://x.com/jane", "Jane"]}
    html = (
        '<div class="author-box"><img class="avatar" src="/jane.jpg"><span class="author-name">Jane Doe</span></div>'
        '<div class="about-author"><span class="author-name">Jane Doe</span><p>42 posts</p></div>'
    )
    [box] = _boxes(html, [person])
    assert (box.avatar_url, box.article_count, box.bio, box.links) == (
        "https://a.org/jane.jpg",
        42,
        BIO,
        ["https://x.com/jane"],
    )


def test_srcset_largest_candidate_and_lazy_noscript_twin_counted_once():
    html = (
        """<article><div class="entry-content"><p>"""
        + "Text of the post. " * 20
        + """</p>
      <img src="data:image/gif;base64,R0l" data-src="/a.jpg" data-srcset="/a-300.jpg 300w, /a-1200.jpg 1200w"
           alt="A" width="300" height="200"><noscript><img src="/a-1200.jpg" alt="A"></noscript>
      <img src="/pixel.gif" width="1" height="1"><img class="avatar" src="/me.png">
      <div class="jp-relatedposts"><img src="/related.jpg"></div></div></article>"""
    )
    page = Page(parse_html(html), "https://a.org/p/")
    images = find_images(page, find_content_root(page))
    assert [(i.src, i.width, i.height) for i in images] == [("https://a.org/a-1200.jpg", 1200, 800)]


def test_parse_srcset_ignores_data_uris():
    assert parse_srcset("data:image/png;base64,xx 1x, /b.jpg 2x") == [("/b.jpg", 2.0)]


def test_an_author_page_showing_wordpress_no_results_names_nobody():
    """Polylang's /de/author/max/ for a person with no German posts: WordPress's content-none template, "Nothing
    here" as the page's heading."""
    html = (
        "<html><head><title>Max Mustermann – Stone and Bread</title></head><body class='archive author author-max'>"
        '<main id="main" class="site-main"><section class="no-results not-found"><header class="page-header">'
        '<h1 class="page-title">Nothing here</h1></header><div class="page-content"><p>It seems we can&#8217;t find '
        "what you&#8217;re looking for. Perhaps searching can help.</p><form role='search' class='search-form'>"
        "<input type='search' name='s'></form></div></section></main></body></html>"
    )
    assert author_page_person(Page(parse_html(html), "https://a.org/de/author/max/"), []) is None


def test_a_bio_that_prints_the_name_after_a_byline_word_and_ends_in_a_link_is_the_sentence_between():
    """The starter blog most Gatsby blogs grew from prints its Bio as one line: "Written by <strong>Name</strong>
    bio. <a>You should follow them on Twitter</a>" — all of it was the bio. The link is the box's, among its links."""
    box = (
        '<footer><div class="bio"><img class="bio-avatar" src="/static/profile-pic.png" alt="Profile picture"><p>'
        f'Written by <strong>Alice Schmidt</strong> {BIO} <a href="https://twitter.com/aliceschmidt">You should follow '
        "them on Twitter</a></p></div></footer>"
    )
    html = f"<html><body><article><h1>A post</h1><p>{'Text of the post. ' * 30}</p>{box}</article></body></html>"
    found = _boxes(html, authors=[Person("Alice Schmidt")])
    assert [(b.name, b.bio) for b in found] == [("Alice Schmidt", BIO)]
    assert found[0].links == ["https://twitter.com/aliceschmidt"]


def test_a_themes_box_that_names_nobody_is_the_box_of_the_posts_one_author():
    """PluXml's default theme prints the author's bio alone under the post (div.author-infos, no name in it), the name
    only in the byline ("Written by Jane Doe"): the bio was not read, the post had no author box. The same box in a
    sidebar (the blog's "about" widget) is no post author's, nor is one under a post by two people."""
    byline = '<span class="written-by">Written by Jane Doe</span>'
    box = f'<div class="author-infos"><p>{BIO}</p></div>'
    post = f"<article><header><h2>Beans</h2>{byline}</header><p>Post.</p></article>"
    [found] = _boxes(f"<main>{post}{box}</main>", authors=[Person("Jane Doe")])
    assert (found.name, found.bio) == ("Jane Doe", BIO)
    assert _boxes(f'<main>{post}</main><aside class="sidebar">{box}</aside>', authors=[Person("Jane Doe")]) == []
    assert _boxes(f"<main>{post}{box}</main>", authors=[Person("Jane Doe"), Person("Lee Roe")]) == []


@pytest.mark.parametrize("line", ["Author: Jonas Weber-Hoffmann", "Autor: <span>Multimedia Redaktion</span>"])
def test_an_author_label_line_is_no_bio(line):
    """A hand-made header's "Author: Jonas Weber-Hoffmann" line, long enough to pass for a bio, was read as one:
    the byline made an author box whose bio was the byline again."""
    html = (
        "<article><h1>Night walk</h1>"
        f'<div class="info"><p>Datum: 3. März 2024</p><p>{line}</p><p>Kategorie: Reisen</p></div>'
        "<p>We walked along the river until the lights of the harbour came on, one by one.</p></article>"
    )
    name = line.partition(":")[2].replace("<span>", "").replace("</span>", "").strip()
    assert [box.bio for box in _boxes(html, authors=[Person(name)])] in ([], [None])


def test_a_byline_of_the_name_and_a_time_is_no_bio():
    """A byline line, the name's link and a <time> with a few words around them (Serendipity's Timeline:
    "Geschrieben von <a>Ben Carter</a> am <time>…</time> <a>2 Kommentare</a>", each in a span of its own), is
    longer than a label line and was read as the first paragraph of a region around the name: the person's bio."""
    byline = (
        '<p class="post-info"><span>Geschrieben von</span> <span><a href="/authors/2-Ben-Carter">Ben Carter</a></span>'
        ' <span><time datetime="2024-05-20T10:00:00+02:00">Monday, 20. May 2024</time></span>'
        ' <span><a href="#comments">2 Kommentare</a></span></p>'
    )
    html = (
        f'<main><div class="entry-header"><h2>Ein eigener Server</h2>{byline}</div>'
        "<div><p>Der Rechner steht unter dem Schreibtisch und braucht acht Watt, seit dem Frühjahr.</p></div></main>"
    )
    assert _boxes(html, authors=[Person("Ben Carter", "https://a.org/authors/2-Ben-Carter")]) == []


def test_mainroads_authorbox_description_is_the_bio():
    """Hugo's Mainroad prints the author box after the post (partials/authorbox.html: div.authorbox, "About Jane Doe"
    in span.authorbox__name, the bio as bare text in div.authorbox__description): the name and the avatar were read,
    the bio was not — no element the bio search knew, no paragraph."""
    box = (
        '<div class="authorbox clearfix"><figure class="authorbox__avatar"><img alt="Jane Doe avatar" '
        'src="/img/avatar.png" class="avatar" height="90" width="90"></figure><div class="authorbox__header">'
        '<span class="authorbox__name">About Jane Doe</span></div>'
        f'<div class="authorbox__description">\n\t\t{BIO}\n\t</div></div>'
    )
    post = (
        '<article class="post"><header class="post__header"><h1 class="post__title">Beans</h1>'
        '<div class="post__meta meta"><div class="meta__item-author meta__item"><span class="meta__text">Jane Doe'
        f'</span></div></div></header><div class="content post__content clearfix"><p>{"Text of the post. " * 30}'
        "</p></div></article>"
    )
    html = f'<html><body><div class="primary"><main class="main" role="main">{post}</main>{box}</div></body></html>'
    [found] = _boxes(html, authors=[Person("Jane Doe")])
    assert (found.name, found.bio, found.avatar_url) == ("Jane Doe", BIO, "https://a.org/img/avatar.png")


@pytest.mark.parametrize(
    "main",
    [
        # PaperMod's list.html: the term's <h1> (and its RSS link) in header.page-header, its text in .post-content
        '<main class="main"><header class="page-header"><div class="breadcrumbs"><a href="/">Home</a>&nbsp;»&nbsp;'
        '<a href="/authors/">Authors</a></div><h1>Jane Doe <a href="index.xml" title="RSS"><svg></svg></a></h1>'
        f'</header><div class="post-content"><p>{BIO}</p></div><article class="post-entry tag-entry"><header '
        'class="entry-header"><h2>Beans</h2></header><a class="entry-link" href="/p/1/"></a></article></main>',
        # Mainroad's list.html: h1.main__title in header.main__header, the text in div.main__content
        '<main class="main list" role="main"><header class="main__header"><h1 class="main__title">Jane Doe</h1>'
        f'</header><div class="content main__content clearfix"><p>{BIO}</p></div><article class="list__item post">'
        '<h2 class="list__title post__title"><a href="/p/1/" rel="bookmark">Beans</a></h2></article></main>',
        # Congo's term.html: the breadcrumbs' link to the page, then the <h1>, in one <header>
        '<main><header><ol class="text-sm"><li class="inline"><a href="/authors/">Authors</a></li><li class="inline '
        'hidden"><a href="/authors/jane-doe/">Jane Doe</a></li></ol><h1 class="mt-0 text-4xl">Jane Doe</h1></header>'
        f'<section class="flex prose"><div class="min-w-0"><p>{BIO}</p></div></section><section><h2>2024</h2>'
        '<article><h3><a href="/p/1/">Beans</a></h3></article></section></main>',
        # Coder's taxonomy list: "Author: Jane Doe", a link to the page, the text after the <header>
        '<section class="container list"><header><h1 class="title"><a class="title-link" href="/authors/jane-doe/">'
        f'Author: Jane Doe</a></h1></header><p>{BIO}</p><ul><li><span class="date">May 2, 2024</span><a '
        'class="title" href="/p/1/">Beans</a></li></ul></section>',
    ],
)
def test_a_hugo_author_term_page_gives_the_person_its_heading_and_address_name(main):
    """Hugo writes an authors taxonomy term's page at /authors/<the name, urlized>/, titled with the name, its
    _index.md text the bio; PaperMod, Mainroad, Congo and Coder head it with the name in an <h1> no author-page
    heading selector knows: the page named nobody, the person got neither their page nor their bio."""
    html = f"<html><body>{main}</body></html>"
    person = author_page_person(Page(parse_html(html), "https://a.org/authors/jane-doe/"), [])
    assert (person.name, person.bio, person.url) == ("Jane Doe", BIO, "https://a.org/authors/jane-doe/")
    assert author_page_person(Page(parse_html(html), "https://a.org/authors/joe-roe/"), []) is None


def test_gatsby_starter_bees_bio_under_a_post_names_its_author():
    """gatsby-starter-bee prints its Bio under every post (div.bio > div.author: the avatar, "Written by" in
    span.author-name-prefix, the author as "@name" in a.author-name-content to /about, the introduction in
    div.author-introduction), no byline, meta nor JSON-LD naming anyone: a bee blog's posts had no author."""
    bio = (
        '<hr class="custom-hr"><div class="bio"><div class="author"><div class="author-description">'
        '<div class="author-image gatsby-image-wrapper"><img src="/static/abc/profile.png" alt="avatar"></div>'
        '<div class="author-name"><span class="author-name-prefix">Written by</span><a class="author-name-content" '
        f'href="/about"><span>@<!-- -->minji</span></a><div class="author-introduction">{BIO}</div>'
        '<p class="author-socials"></p></div></div></div></div>'
    )
    html = (
        '<html lang="ko"><head><meta name="generator" content="Gatsby 2.32.13"><title>댓글 기능 추가하기</title></head>'
        f'<body><div id="___gatsby"><header><h1>댓글 기능 추가하기</h1></header><div class="post-container">'
        f'<div class="post-content"><p>{"글의 본문입니다. " * 40}</p></div></div>{bio}</div></body></html>'
    )
    article = extract(html, "https://minji.github.io/etc/comments/")
    assert [(p.name, p.url) for p in article.authors] == [("@minji", "https://minji.github.io/about")]
    assert article.author_box is not None and article.author_box.bio == BIO
