"""WordPress's author-box plugins, as they print their boxes into a post on Twenty Twenty-One: the box's bio is no
line of the post, every author of a post with several is its author, and a box over all of them is no person.
The markup is the plugins' own (Simple Author Box 2.3, PublishPress Authors 4.8, Molongui Authorship 4.9),
trimmed to what they print."""

from __future__ import annotations

from pathlib import Path

from crawler.extraction.article import Article, Person
from crawler.extraction.extract import extract

FIXTURES = Path(__file__).parent / "fixtures" / "wordpress-plugins"
URL = "https://blog.example/2024/03/20/build-systems/"
PROSE = "<p>Make has been around since 1976 and still builds most of the world's C code.</p>"
JANE_BIO = "Jane is a software developer in Freiburg who writes about programming and travel."
MAX_BIO = "Max bakes sourdough in Stuttgart and co-edits this blog; he writes about hiking and bread."


def _post(content_end: str, head: str = "", after_content: str = "", prose: str = PROSE, byline: str = "") -> Article:
    html = (
        f'<html lang="en"><head><title>Build Systems – Jane&#39;s Blog</title>{head}</head>'
        '<body class="post-template-default single single-post postid-8 single-format-standard">'
        '<main id="main"><article id="post-8" class="post-8 post type-post status-publish format-standard hentry">'
        '<header class="entry-header"><h1 class="entry-title">Build Systems</h1></header>'
        f'<div class="entry-content">{prose}{content_end}</div>'
        '<footer class="entry-footer"><div class="posted-by"><span class="posted-on">Published <time '
        'class="entry-date published updated" datetime="2024-03-20T09:30:00+01:00">March 20, 2024</time></span>'
        f"{byline}</div></footer>{after_content}</article></main></body></html>"
    )
    return extract(html, URL)


def _avatar(name: str) -> str:
    return f"<img alt='{name}' src='https://secure.gravatar.com/avatar/{len(name)}?s=80' class='avatar photo'>"


def test_simple_author_boxs_bio_is_not_a_line_of_the_post():
    box = (
        '<div class="saboxplugin-wrap" itemtype="http://schema.org/Person" itemscope itemprop="author">'
        f'<div class="saboxplugin-gravatar">{_avatar("Jane Example")}</div>'
        '<div class="saboxplugin-authorname"><a href="https://blog.example/author/jane/" class="vcard author" '
        'rel="author" itemprop="url"><span class="fn" itemprop="name">Jane Example</span></a></div>'
        f'<div class="saboxplugin-desc"><div itemprop="description"><p>{JANE_BIO}</p></div></div>'
        '<div class="saboxplugin-web "><a href="https://jane.example.com/">https://jane.example.com/</a></div></div>'
    )
    article = _post(box)
    assert article.text.splitlines() == ["Make has been around since 1976 and still builds most of the world's C code."]
    assert [(b.name, b.bio) for b in article.author_boxes] == [("Jane Example", JANE_BIO)]


def _publishpress_item(index: int, slug: str, name: str, bio: str) -> str:
    return (
        f'<li class="pp-multiple-authors-boxes-li author_index_{index} author_{slug} has-avatar">'
        f'<div class="pp-author-boxes-avatar"><div class="avatar-image">{_avatar(name)}</div></div>'
        '<div class="pp-author-boxes-avatar-details"><div class="pp-author-boxes-name multiple-authors-name">'
        f'<a href="https://blog.example/author/{slug}/" rel="author" title="{name}" class="author url fn">{name}</a>'
        f'</div><p class="pp-author-boxes-description multiple-authors-description">{bio}</p></div></li>'
    )


def test_publishpress_authors_list_names_every_author_in_order_and_its_heading_none():
    """No byline: the theme's is replaced by the plugin's box, headed "Authors", one <li> per author."""
    box = (
        '<div class="pp-multiple-authors-boxes-wrapper pp-multiple-authors-wrapper box-post-id-8">'
        '<h2 class="widget-title box-header-title">Authors</h2>'
        '<ul class="pp-multiple-authors-boxes-ul author-ul-0">'
        f"{_publishpress_item(0, 'max', 'Max Mustermann', MAX_BIO)}"
        f"{_publishpress_item(1, 'jane', 'Jane Example', JANE_BIO)}</ul></div>"
    )
    article = _post(box)
    assert article.authors == [
        Person("Max Mustermann", "https://blog.example/author/max/"),
        Person("Jane Example", "https://blog.example/author/jane/"),
    ]
    assert [b.name for b in article.author_boxes] == ["Max Mustermann", "Jane Example"]
    assert article.text.splitlines() == ["Make has been around since 1976 and still builds most of the world's C code."]


def test_molongui_names_each_author_in_a_meta_tag_and_the_themes_joint_box_is_no_person():
    head = '<meta name="author" content="Jane Example"><meta name="author" content="Max Mustermann">'
    profiles = "".join(
        f'<div class="m-a-box-profile-multiauthor" itemscope itemtype="https://schema.org/Person">'
        f'<div class="m-a-box-item m-a-box-avatar">{_avatar(name)}</div>'
        f'<div class="m-a-box-name m-a-box-title"><h5><a class="m-a-box-name-url" '
        f'href="https://blog.example/author/{slug}/">{name}</a></h5></div>'
        f'<div class="m-a-box-bio"><p>{bio}</p></div></div>'
        for slug, name, bio in (("jane", "Jane Example", JANE_BIO), ("max", "Max Mustermann", MAX_BIO))
    )
    box = f'<div id="mab-1" class="m-a-box" data-multiauthor="true">{profiles}</div>'
    theme_box = (
        f'<div class="author-bio show-avatars">{_avatar("")}<div class="author-bio-content">'
        '<h2 class="author-title">By Jane Example and Max Mustermann</h2>'
        f'<p class="author-description">{JANE_BIO}</p><a class="author-link" '
        'href="https://blog.example/author/jane/?mab_v3=6" rel="author">View all of Jane Example and Max '
        "Mustermann&#039;s posts.</a></div></div>"
    )
    article = _post(box, head, theme_box)
    assert [p.name for p in article.authors] == ["Jane Example", "Max Mustermann"]
    assert [b.name for b in article.author_boxes] == ["Jane Example", "Max Mustermann"]
    assert article.text.splitlines() == ["Make has been around since 1976 and still builds most of the world's C code."]


def test_a_molongui_guest_without_a_page_has_a_box_of_their_own():
    """A guest author's profile has no author page: the region holding both profiles (and the other's page) is
    nobody's box."""
    head = '<meta name="author" content="Jane Example"><meta name="author" content="Lee Guest">'
    jane = (
        '<div class="m-a-box-profile-multiauthor" data-author-type="user" itemscope itemtype="https://schema.org/Person">'
        f'<div class="m-a-box-item m-a-box-avatar">{_avatar("Jane Example")}</div><div class="m-a-box-name">'
        '<h5><a class="m-a-box-name-url" href="https://blog.example/author/jane/">Jane Example</a></h5></div>'
        f'<div class="m-a-box-bio"><p>{JANE_BIO}</p></div></div>'
    )
    lee = (
        '<div class="m-a-box-profile-multiauthor" data-author-type="guest" itemscope itemid="#molongui-disabled-link"'
        f' itemtype="https://schema.org/Person"><div class="m-a-box-item m-a-box-avatar"><a class="m-a-box-avatar-url"'
        f' href="https://lee.example.com/">{_avatar("Lee Guest")}</a></div><div class="m-a-box-name"><h5><span> Lee '
        "Guest </span></h5></div><div class='m-a-box-bio'><p>Lee is a guest writer from Busan who writes about Rust "
        "and embedded systems.</p></div></div>"
    )
    box = f'<div class="m-a-box" data-multiauthor="true"><div class="m-a-box-container">{jane}{lee}</div></div>'
    article = _post(box, head)
    assert [p.name for p in article.authors] == ["Jane Example", "Lee Guest"]
    guest = article.author_boxes[1]
    assert (guest.name, guest.url, guest.bio) == (
        "Lee Guest",
        None,
        "Lee is a guest writer from Busan who writes about Rust and embedded systems.",
    )


def test_wp_post_authors_bio_is_no_list_of_names_and_starboxs_hidden_tab_no_text():
    wp_post_author = (
        '<h3 class="awpa-title">About The Author</h3><div class="wp-post-author-wrap wp-post-author-shortcode left">'
        '<div class="awpa-tab-content active"><div class="wp-post-author"><div class="awpa-img awpa-author-block">'
        f'<a href="https://blog.example/author/jane/">{_avatar("Jane Example")}</a></div><div class="wp-post-author-'
        'meta awpa-author-block"><h4 class="awpa-display-name"><a href="https://blog.example/author/jane/">Jane '
        f'Example</a></h4><div class="wp-post-author-meta-bio"><p>{JANE_BIO}</p></div></div></div></div></div>'
    )
    article = _post(wp_post_author)
    assert [p.name for p in article.authors] == ["Jane Example"]
    assert "Jane is a software developer" not in article.text
    starbox = (
        '<div class="abh_box abh_box_down"><ul class="abh_tabs"><li class="abh_about abh_active"><a href="#abh_about">'
        'Author</a></li><li class="abh_posts"><a href="#abh_posts">Recent Posts</a></li></ul>'
        '<div class="abh_tab_content">'
        f'<section class="vcard author abh_about_tab abh_tab">{_avatar("Jane Example")}<div class="abh_name fn name">'
        '<a href="https://blog.example/author/jane/">Jane Example</a></div>'
        f'<div class="abh_description note">{JANE_BIO}'
        '</div></section><section class="abh_posts_tab abh_tab"><div class="abh_name">Latest posts by Jane Example '
        '</div><div class="abh_description note"><ul><li><a href="https://blog.example/2025/11/28/review/">Looking '
        "Back on Two Years of Blogging</a><span> - November 28, 2025</span></li></ul></div></section></div></div>"
    )
    article = _post(starbox)
    assert article.text == "Make has been around since 1976 and still builds most of the world's C code."
    assert [(b.name, b.bio) for b in article.author_boxes] == [("Jane Example", JANE_BIO)]


def test_twenty_twenty_ones_author_box_under_a_short_korean_post_is_no_line_of_it():
    """A page of real WordPress 6.1, Twenty Twenty-One with Author Bio Box (tests/fixtures/wordpress-plugins/): under
    the 51-word post the plugin's box, then the theme's own `div.author-bio`, which trafilatura kept as the text's
    last lines."""
    page = FIXTURES / "ko-twentytwentyone-author-bio-box" / "page.html"
    article = extract(page.read_text(), "https://blog.example/2024/07/02/seoul-travel/")
    assert article.text.splitlines()[-1].startswith("서울의 길거리 음식은 정말 다양합니다.")
    assert len(article.text.split()) == 51
    assert [(b.name, b.url) for b in article.author_boxes] == [("Jane Example", "https://blog.example/author/jane/")]


def test_twenty_twenty_ones_box_over_co_authors_plus_authors_names_each_and_is_the_firsts():
    """Co-Authors Plus without theme support: no byline, and Twenty Twenty-One's box names both authors ("By Jane
    Example and Lee Guest") over the first one's bio and picture."""
    theme_box = (
        f'<div class="author-bio show-avatars">{_avatar("")}<div class="author-bio-content">'
        '<h2 class="author-title">By Jane Example and Lee Guest</h2>'
        f'<p class="author-description">{JANE_BIO}</p><a class="author-link" href="https://blog.example/author/jane/" '
        'rel="author">View all of Jane Example and Lee Guest&#039;s posts.</a></div></div>'
    )
    article = _post("", after_content=theme_box)
    assert article.authors == [Person("Jane Example", "https://blog.example/author/jane/"), Person("Lee Guest")]
    assert [(b.name, b.bio) for b in article.author_boxes] == [("Jane Example", JANE_BIO)]


def test_twenty_twenty_ones_box_over_co_authors_under_simple_author_box_is_the_first_authors():
    """Simple Author Box prints the post author's box in the post; Twenty Twenty-One's own box under it names every
    co-author of Co-Authors Plus ("By Jane Example, Lee Guest and Max Muster") over the first one's bio and
    picture: her box, not a person of that name at her page."""
    avatar = "<img alt='' src='https://secure.gravatar.com/avatar/5b6d?s=100' class='avatar avatar-100 photo'>"
    sab = (
        f'<div class="saboxplugin-wrap"><div class="saboxplugin-gravatar">{avatar}</div><div class="saboxplugin-'
        'authorname"><a href="https://blog.example/author/jane/" class="vcard author"><span class="fn">Jane Example'
        f'</span></a></div><div class="saboxplugin-desc"><div><p>{JANE_BIO}</p></div></div></div>'
    )
    names = "Jane Example, Lee Guest and Max Muster"
    theme_box = (
        f'<div class="author-bio show-avatars">{avatar}<div class="author-bio-content"><h2 class="author-title"> By '
        f'{names} </h2><p class="author-description"> {JANE_BIO}</p><a class="author-link" href="https://blog.example'
        f'/author/jane/" rel="author">View all of {names}&#039;s posts.</a></div></div>'
    )
    article = _post(sab, after_content=theme_box)
    assert {box.name for box in article.author_boxes} == {"Jane Example"}


def test_co_authors_plus_names_in_one_byline_link_are_each_an_author():
    """Co-Authors Plus's template filter makes `the_author` every co-author's name ("A, B and C"), and Twenty
    Twenty-One prints it inside its one rel=author link to the post author's page, Twenty Seventeen (and _s-based
    themes) inside `span.author.vcard > a.url.fn` (real WordPress 6.1, Co-Authors Plus 3.6)."""
    jane = "https://blog.example/author/jane/"
    twenty_one = f'<span class="byline">By <a href="{jane}" rel="author">Jane Example, 김민지 and Lee Guest</a></span>'
    article = _post("", byline=twenty_one)
    assert article.authors == [Person("Jane Example", jane), Person("김민지"), Person("Lee Guest")]
    seventeen = (
        '<span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/jane/">Jane Example'
        " und Lee Guest</a></span></span>"
    )
    assert _post("", byline=seventeen).authors == [Person("Jane Example", jane), Person("Lee Guest")]
    one = f'<span class="byline">By <a href="{jane}" rel="author">Jane Example, PhD</a></span>'
    assert [person.url for person in _post("", byline=one).authors] == [jane]  # a degree, no second name


def test_an_authors_website_is_their_profile_and_the_sites_page_of_their_posts_their_page():
    """Docusaurus states the author's website as the JSON-LD author's `url` and links the byline's name to the
    blog's page of the author's posts; Starbox links the name to the website and the archive from "see all"."""
    jsonld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPosting", "author": '
        '{"@type": "Person", "name": "Jane Example", "url": "https://jane.example.org"}}</script>'
    )
    byline = (
        '<div class="avatar"><img class="avatar__photo" src="/img/jane.png" alt="Jane Example"><div class="avatar__'
        'intro"><div class="avatar__name"><a href="/blog/authors/jane/"><span>Jane Example</span></a></div><small '
        f'class="authorTitle">{JANE_BIO}</small></div></div>'
    )
    article = _post(byline, jsonld)
    assert article.authors == [Person("Jane Example", "https://blog.example/blog/authors/jane/")]
    assert "https://jane.example.org" in article.author_boxes[0].links
    starbox = (
        '<div class="abh_box"><section class="vcard author abh_about_tab abh_tab">'
        f'<div class="abh_image">{_avatar("Jane Example")}</div><div class="abh_text"><div class="abh_name fn name">'
        '<a href="https://jane.example.com/">Jane Example</a></div><div class="abh_job"><span class="title">Developer'
        '</span></div><div class="abh_allposts"><a href="https://blog.example/author/jane/">see all</a></div><div '
        f'class="abh_description note">{JANE_BIO}</div></div></section></div>'
    )
    article = _post(starbox)
    assert article.authors == [Person("Jane Example", "https://blog.example/author/jane/")]
    assert article.author_boxes[0].url == "https://blog.example/author/jane/"
    assert "https://jane.example.com/" in article.author_boxes[0].links
