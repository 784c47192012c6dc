"""WordPress's markup conventions, from pages its default themes rendered (tests/fixtures/wordpress-*/): page kinds
from body classes, threaded comments, captions in the text; and what the crawl reads from a post page's bytes —
the parts of a split post, the REST API address of its comments, what the API answers."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from lxml import html as lxml_html

from crawler.discovery.feeds import is_feed
from crawler.discovery.wordpress import (
    next_rest_comments_page,
    parts_from_rest_post,
    rest_comments_url,
    rest_post_url,
    split_post_parts,
)
from crawler.extraction.article import Comment
from crawler.extraction.captions import captions_as_paragraphs
from crawler.extraction.comments import find_comments
from crawler.extraction.extract import extract
from crawler.extraction.page import Page
from crawler.extraction.threads import completed
from crawler.extraction.wordpress import wordpress_kind
from crawler.extraction.wordpress_rest import rest_comments
from crawler.extraction_pool.worker import pack_hub
from crawler.frontier.trap_budget import TrapBudget, paginations

FIXTURES = Path(__file__).parent / "fixtures"
BLOCK_POST = FIXTURES / "wordpress-block" / "en-twentytwentythree-threaded-comments"
CLASSIC_POST = FIXTURES / "wordpress-classic" / "en-twentytwentyone-author-bio-plain-permalinks"
GALLERY = FIXTURES / "wordpress-block" / "en-twentytwentythree-gallery-captions"


def _page(case: Path) -> Page:
    return Page.from_html((case / "page.html").read_text(), json.loads((case / "meta.json").read_text())["url"])


def _body(classes: str, inner: str = "<p>Text</p>") -> Page:
    return Page.from_html(f"<html><body class='{classes}'>{inner}</body></html>", "https://example.org/x/")


def test_body_classes_name_the_page_kind():
    assert wordpress_kind(_body("post-template-default single single-post postid-1")) == "article"
    assert wordpress_kind(_body("page-template-default page page-id-2")) == "page"
    assert wordpress_kind(_body("archive category category-travel category-3 wp-embed-responsive")) == "category"
    assert wordpress_kind(_body("archive date wp-embed-responsive")) == "archive"
    assert wordpress_kind(_body("home blog paged paged-2 wp-embed-responsive")) == "listing"
    assert wordpress_kind(_body("attachment single single-attachment postid-9")) == "attachment"
    protected = "<form class='post-password-form'><input type='password'></form>"
    assert wordpress_kind(_body("single single-post postid-7", protected)) == "protected"
    assert wordpress_kind(_body("single home archive")) is None  # not WordPress's: no class only it prints


def test_threaded_comments_keep_their_parent_and_depth_on_block_and_classic_themes():
    for case in (BLOCK_POST, CLASSIC_POST):
        comments = find_comments(_page(case))
        threads = [(c.id, c.parent, c.depth) for c in comments]
        assert threads == [("2", None, 1), ("3", "2", 2), ("4", "3", 3), ("5", None, 1)], case.name
        assert comments[0].author_url == "https://margaret-flynn.example.net/"
        assert comments[1].author_url is None  # the post's author replying, no site of their own
        assert comments[2].published == "2023-04-13T04:12:00+02:00"


def test_a_comment_printed_twice_is_one_comment():
    """A post may show its own comments in its content (a Comments block) above the theme's list of them."""
    page = _page(CLASSIC_POST)
    thread = page.tree.cssselect("ol.comment-list")[0]
    page.tree.cssselect(".entry-content")[0].append(copy.deepcopy(thread))
    twice = Page.from_html(lxml_html.tostring(page.tree, encoding="unicode"), page.url)
    threads = [(c.id, c.parent, c.depth) for c in find_comments(twice)]
    assert threads == [("2", None, 1), ("3", "2", 2), ("4", "3", 3), ("5", None, 1)]


def test_comments_after_a_thread_past_the_depth_limit_are_kept():
    """Past its thread depth limit a block theme closes more <li>s than it opened; lxml then ends the comment
    template's list early, and the comments after it stand in the comments block alone."""

    def comment(number: int, depth: int, inner: str = "") -> str:
        return (
            f'<li id="comment-{number}" class="comment depth-{depth}"><div class="wp-block-comment-author-name">'
            f'Reader {number}</div><div class="wp-block-comment-content"><p>Comment {number}.</p></div>{inner}'
        )

    deepest = comment(3, 2) + comment(4, 2) + "</li></li></li>"  # flattened at the limit, closed once too often
    thread = comment(1, 1, f'<ol class="children">{comment(2, 2)}</li>{deepest}</ol>') + "</li>"
    after = comment(5, 1) + "</li>" + comment(6, 1) + "</li>"
    page = _body(
        "post-template-default single single-post postid-1",
        f'<div class="wp-block-comments"><ol class="wp-block-comment-template">{thread}{after}</ol></div>',
    )
    assert [c.id for c in find_comments(page)] == ["1", "2", "3", "4", "5", "6"]


def test_a_comment_keeps_its_headings_lists_and_tables_but_not_its_meta_line():
    content = (
        "<ul class='comment-meta'><li class='comment-author'>Ann</li><li class='comment-reply'>Reply</li></ul>"
        "<h2>Tables</h2><p>As promised:</p><table><tr><th>Bean</th><th>Days</th></tr>"
        "<tr><td>Runner</td><td>60</td></tr></table><ul><li>water daily</li><li>stake early</li></ul>"
    )
    comment = f'<li id="comment-7" class="comment depth-1"><div class="comment-content">{content}</div></li>'
    page = _body("single single-post postid-1", f'<ol class="comment-list">{comment}</ol>')
    (found,) = find_comments(page)
    assert found.text.split("\n") == ["Tables", "As promised:", "Bean Days", "Runner 60", "water daily", "stake early"]


def test_figure_captions_are_read_as_paragraphs_and_the_page_put_back():
    page = _page(GALLERY)
    before = lxml_html.tostring(page.tree)
    with captions_as_paragraphs(page):
        gallery = page.tree.xpath("//figure[contains(@class, 'wp-block-gallery')]")[0]
        after = [e.text for e in gallery.itersiblings() if e.tag == "p"][:4]
    assert after[:4] == [
        "A dry stone wall near Kilfenora, built without mortar",
        "A gap in the wall closed with a single stone",
        "Walls running down to the sea at Fanore",
        "Stone walls of County Clare, winter 2023",
    ]
    assert lxml_html.tostring(page.tree) == before


def test_a_gallerys_pictures_stand_in_the_markdown_each_before_its_own_caption():
    article = extract((GALLERY / "page.html").read_text(), json.loads((GALLERY / "meta.json").read_text())["url"])
    captions = [
        "A dry stone wall near Kilfenora, built without mortar",
        "A gap in the wall closed with a single stone",
        "Walls running down to the sea at Fanore",
        "Stone walls of County Clare, winter 2023",  # the gallery's own
    ]
    lines = [line.split("](")[0] for line in article.markdown.split("\n") if line.startswith("![") or line in captions]
    assert lines == [
        "![A dry stone wall",
        captions[0],
        "![A wall with a gate",
        captions[1],
        "![Walls down to the sea",
        captions[2],
        captions[3],
    ]


def test_captions_of_a_theme_without_html5_captions_stay_in_the_text_and_markdown():
    """WordPress renders the [caption] shortcode as `<div class="wp-caption">` with `<p class="wp-caption-text">`
    where the theme declares no HTML5 caption support (Twenty Ten): trafilatura discarded the caption by its class,
    and the text and Markdown lost the line that Twenty Fifteen's <figcaption> keeps; the page is put back after."""
    caption = (
        '<div id="attachment_12" style="width: 650px" class="wp-caption alignnone"><img aria-describedby="caption-'
        'attachment-12" class="size-large wp-image-12" src="/wp-content/uploads/2023/01/ilse.jpg" alt="Die Ilse"'
        ' width="640" height="427"><p id="caption-attachment-12" class="wp-caption-text">Die Ilsefälle nach einem'
        " Regentag</p></div>"
    )
    before = "Dieser Beitrag wurde noch mit dem alten Editor geschrieben, die Bilder mit dem Shortcode. " * 3
    after = "Der Weg führt danach steil bergauf, über Wurzeln und große Steine, und oben gibt es heißen Tee. " * 3
    html = (
        '<html lang="de"><head><title>Bildunterschriften</title></head><body class="single single-post postid-9">'
        '<div id="content"><div id="post-9" class="post-9 post type-post hentry"><h1 class="entry-title">'
        f'Bildunterschriften</h1><div class="entry-content"><p>{before}</p>{caption}<p>{after}</p></div></div></div>'
        "</body></html>"
    )
    article = extract(html, "https://example.org/2023/03/18/bildunterschriften/")
    assert article.text.split("\n") == [before.strip(), "Die Ilsefälle nach einem Regentag", after.strip()]
    markdown = article.markdown.split("\n\n")
    assert markdown[1].startswith("![Die Ilse](") and markdown[2] == "Die Ilsefälle nach einem Regentag"
    assert [image.caption for image in article.images] == ["Die Ilsefälle nach einem Regentag"]
    page = Page.from_html(html, "https://example.org/2023/03/18/bildunterschriften/")
    source = lxml_html.tostring(page.tree)
    with captions_as_paragraphs(page):
        moved = page.tree.xpath("//div[contains(@class, 'wp-caption')]")[0].getnext()
        assert (moved.tag, moved.text, dict(moved.attrib)) == ("p", "Die Ilsefälle nach einem Regentag", {})
    assert lxml_html.tostring(page.tree) == source


def test_a_split_post_is_joined_from_its_parts():
    url = "https://example.org/2024/02/14/long-way/"
    links = [url + "2/", url + "3/", url + "comment-page-2/", "https://example.org/2024/", url + "2/#respond"]
    assert split_post_parts(links, url) == [url + "2/", url + "3/"]
    plain = "https://example.org/?p=17"
    links = ["https://example.org/?p=17&page=3", "https://example.org/?p=17&page=2", "https://example.org/?p=18&page=2"]
    assert split_post_parts(links, plain) == ["https://example.org/?p=17&page=2", "https://example.org/?p=17&page=3"]
    assert split_post_parts(["https://example.org/page/2/"], "https://example.org/") == []


def test_a_block_theme_post_without_page_links_is_split_as_its_rest_api_entry_says():
    head = b'<link rel="alternate" type="application/json" href="https://example.org/wp-json/wp/v2/posts/17" />'
    block = head + b'<div class="entry-content wp-block-post-content"><p>Part one</p></div>'
    url = "https://example.org/2024/02/14/long-way/"
    assert rest_post_url(block, url) == "https://example.org/wp-json/wp/v2/posts/17?_fields=content,date_gmt"
    assert rest_post_url(block + b'<a class="post-page-numbers" href="2/">2</a>', url) is None  # links: no need
    assert rest_post_url(head + b'<div class="entry-content"><p>Classic</p></div>', url) is None
    entry = json.dumps({"content": {"rendered": "<p>1</p><!--nextpage--><p>2</p><!--nextpage--><p>3</p>"}}).encode()
    assert parts_from_rest_post(entry, url) == [url + "2/", url + "3/"]
    plain = "https://example.org/?p=17"
    assert parts_from_rest_post(entry, plain) == [plain + "&page=2", plain + "&page=3"]
    assert parts_from_rest_post(json.dumps({"content": {"rendered": "<p>One</p>"}}).encode(), url) == []
    assert parts_from_rest_post(b'{"code": "rest_forbidden"}', url) == []


def test_comments_in_a_themes_own_list_and_a_name_printed_beside_its_date_and_reply_link():
    """comment_class() and the callbacks' ids mark WordPress's comments in whatever list a theme prints (Astra's
    ol.ast-comment-list); a theme's .comment-author may hold the date and the reply link beside the name
    (OceanWP)."""
    own_list = (
        '<div id="comments" class="comments-area"><ol class="ast-comment-list"><li class="comment even depth-1"'
        ' id="li-comment-2"><article id="comment-2" class="ast-comment"><header class="ast-comment-meta vcard">'
        "<cite><b class='fn'><a class='url' href='https://ann.example/'>Ann Lee</a></b></cite>"
        '<time datetime="2024-11-05T15:07:00+01:00">Nov 5</time></header><section class="ast-comment-content'
        ' comment"><p>Thanks, this helped.</p></section></article></li></ol></div>'
    )
    beside = (
        '<ol class="comment-list"><li id="comment-3" class="comment-container"><article class="comment depth-1'
        ' comment-body"><div class="comment-content"><div class="comment-author"><span class="comment-link">'
        "<a href='https://bo.example/' class='url'>Bo Ray</a> </span><span class=\"comment-meta commentmetadata\">"
        '<span class="comment-date">November 5, 2024</span><a class="comment-reply-link" href="#">Reply</a></span>'
        '</div><div class="comment-entry"><div class="comment-content"><p>Nice one.</p></div></div></div></article>'
        "</li></ol>"
    )
    page = Page.from_html(
        f"<html><body><article><p>Post.</p></article>{own_list}{beside}</body></html>", "https://x.example/p/"
    )
    found = [(c.id, c.author, c.author_url, c.text) for c in find_comments(page)]
    assert found == [
        ("2", "Ann Lee", "https://ann.example/", "Thanks, this helped."),
        ("3", "Bo Ray", "https://bo.example/", "Nice one."),
    ]


def _oceanwp_comment(number: int, depth: int, name: str, text: str, children: str = "") -> str:
    """A comment as OceanWP's callback (oceanwp_comment) prints it: li#comment-N.comment-container, comment_class()
    on the <article> in it, the name (linked only to a guest's site), date and reply link in its .comment-author."""
    return (
        f'<li id="comment-{number}" class="comment-container"><article class="comment depth-{depth} comment-body">'
        f'<div class="comment-content"><div class="comment-author"><span class="comment-link">{name} </span>'
        '<span class="comment-meta commentmetadata"><span class="comment-date">April 12, 2023</span><a rel="nofollow"'
        f' class="comment-reply-link" href="https://x.example/p/?replytocom={number}#respond">Reply</a></span></div>'
        f'<div class="comment-entry"><div class="comment-content"><p>{text}</p></div></div></div></article>'
        f"{children}</li>"
    )


def test_oceanwps_replies_are_threaded_and_a_registered_commenter_has_no_site():
    """OceanWP nests a reply's li.comment-container (no comment class: comment_class() is on its <article>) in the
    ol.children of its parent's: every reply was lost. And a registered commenter's name links nowhere: the reply
    link beside it in .comment-author was taken for their site."""
    guest = "<a href='https://margaret.example.net/' rel='external nofollow ugc' class='url'>Margaret Flynn</a>"
    reply = _oceanwp_comment(4, 3, guest, "Thanks, we will try that route.")
    answer = _oceanwp_comment(3, 2, "Daniel O'Connor", "Lower down.", f'<ol class="children">{reply}</ol>')
    thread = _oceanwp_comment(2, 1, guest, "Near the summit?", f'<ol class="children">{answer}</ol>')
    thread += _oceanwp_comment(5, 1, "Daniel O'Connor", "Welcome to the Burren.")
    html = f'<html><body><article><p>Post.</p></article><ol class="comment-list">{thread}</ol></body></html>'
    found = [
        (c.id, c.parent, c.depth, c.author, c.author_url)
        for c in find_comments(Page.from_html(html, "https://x.example/p/"))
    ]
    assert found == [
        ("2", None, 1, "Margaret Flynn", "https://margaret.example.net/"),
        ("3", "2", 2, "Daniel O'Connor", None),
        ("4", "3", 3, "Margaret Flynn", "https://margaret.example.net/"),
        ("5", None, 1, "Daniel O'Connor", None),
    ]


def _wp_comment(number: int, depth: int, name: str, text: str, inner: str = "", tag: str = "div") -> str:
    """A comment as WordPress's walker prints it: comment_class() with the depth, the callbacks' ids."""
    return (
        f'<{tag} id="comment-{number}" class="comment depth-{depth}"><article id="div-comment-{number}"'
        ' class="comment-body"><footer class="comment-meta"><div class="comment-author vcard">'
        f'<span class="fn">{name}</span></div><time datetime="2024-11-0{number}T16:21:00+01:00">Nov</time></footer>'
        f'<div class="comment-content"><p>{text}</p></div></article>{inner}</{tag}>'
    )


def test_comments_printed_as_divs_each_reply_inside_its_parent_are_a_thread():
    """`wp_list_comments(['style' => 'div'])` (Twenty Twenty): no list, a reply's <div> right inside its parent's.
    Twenty Twenty's comments were all lost."""
    reply = _wp_comment(5, 2, "Jane Example", "Glad it helped.")
    thread = _wp_comment(4, 1, "Margaret Flynn", "Thanks!", inner=reply) + _wp_comment(6, 1, "Bo Ray", "Nice.")
    html = f'<html><body><article><p>Post.</p></article><div class="comments" id="comments">{thread}</div></body>'
    found = [
        (c.id, c.parent, c.depth, c.author, c.text) for c in find_comments(Page.from_html(html, "https://x.example/p/"))
    ]
    assert found == [
        ("4", None, 1, "Margaret Flynn", "Thanks!"),
        ("5", "4", 2, "Jane Example", "Glad it helped."),
        ("6", None, 1, "Bo Ray", "Nice."),
    ]


def test_a_reply_printed_after_its_parent_is_threaded_by_its_depth_class():
    """Neve prints a reply's list after its parent's item, not inside it: `<li class="children"><ol><li
    class="comment depth-2">`. comment_class()'s depth says whose reply it is: the last comment a level up."""
    replies = _wp_comment(5, 2, "Jane Example", "Glad it helped.", tag="li")
    items = _wp_comment(4, 1, "Margaret Flynn", "Thanks!", tag="li") + f'<li class="children"><ol>{replies}</ol></li>'
    html = f'<html><body><article><p>Post.</p></article><ol class="nv-comments-list">{items}</ol></body></html>'
    found = [(c.id, c.parent, c.depth) for c in find_comments(Page.from_html(html, "https://x.example/p/"))]
    assert found == [("4", None, 1), ("5", "4", 2)]


def test_a_comments_date_printed_only_in_words_is_its_day_and_time():
    """Blocksy prints the commenter in `h4.ct-comment-author` and the date only as the text of the comment's
    permalink; OceanWP in `.comment-date`; a German theme "19. Juni 2019 um 6:16". No <time>: the day was lost,
    then the time of day."""
    blocksy = (
        '<li id="comment-4" class="comment depth-1"><article class="ct-comment-inner"><footer class="ct-comment-meta">'
        "<h4 class='ct-comment-author'><a href='https://ann.example/' class='url'>Ann Lee</a></h4><div class="
        '"ct-comment-meta-data"><a href="https://x.example/p/#comment-4">November 5, 2024 / 4:21 pm</a> <a class='
        '"comment-reply-link" href="#">Reply</a></div></footer><div class="ct-comment-content entry-content"><p>Thanks'
        "!</p></div></article></li>"
    )
    german = _wp_comment(5, 1, "Bo Ray", "Danke.", tag="li").replace(
        '<time datetime="2024-11-05T16:21:00+01:00">Nov</time>',
        '<span class="comment-date">19. Juni 2019 um 6:16</span>',
    )
    html = f'<html><body><article><p>Post.</p></article><ol class="ct-comment-list">{blocksy}{german}</ol></body>'
    found = [(c.author, c.author_url, c.published) for c in find_comments(Page.from_html(html, "https://x.example/p/"))]
    assert found == [("Ann Lee", "https://ann.example/", "2024-11-05T16:21"), ("Bo Ray", None, "2019-06-19T06:16")]


def test_comments_of_bootstrap_media_markup_and_a_post_author_badge():
    """Hestia prints a comment as Bootstrap's media object: `.comment-author` holds the avatar alone, the name and
    the date are in `h4.media-heading` (`<small> · November 5, 2024 at 4:21 pm</small>`); ColorMag puts a "Post
    author" badge inside `.fn` and the date in `.comment-date-time`. Names and days were lost, or the badge kept."""
    hestia = (
        '<div class="comment even depth-1 media" id="comment-4"><a class="pull-left" href="https://ann.example/">'
        '<div class="comment-author avatar vcard"><img class="avatar" src="/a.png" alt=""></div></a><div class="media-'
        "body\"><h4 class='media-heading'><a href='https://ann.example/' class='url'>Ann Lee</a><small> &#183; "
        "November 5, 2024 at 4:21 pm </small></h4><p>Thanks!</p></div></div>"
    )
    colormag = (
        '<li id="comment-5" class="comment bypostauthor depth-1"><article id="div-comment-5"><footer class="comment-'
        'meta"><div class="comment-author vcard"><b class="fn"> Jane Example<span>Post author</span> </b></div><div '
        'class="comment-metadata"><div class="comment-date-time">November 6, 2024 at 9:10 am</div><a class="comment-'
        'permalink" href="#comment-5">Permalink</a></div></footer><div class="comment-content"><p>Glad it helped.</p>'
        "</div></article></li>"
    )
    html = f'<html><body><article><p>Post.</p></article><div id="comments">{hestia}<ol>{colormag}</ol></div></body>'
    found = [(c.author, c.published) for c in find_comments(Page.from_html(html, "https://x.example/p/"))]
    assert found == [("Ann Lee", "2024-11-05T16:21"), ("Jane Example", "2024-11-06T09:10")]


def test_twenty_twentys_commenter_links_their_site_around_their_name():
    """Twenty Twenty wraps the avatar and the name in the link to the commenter's site: their address was lost."""
    item = (
        '<div id="comment-15" class="comment even thread-even depth-1">'
        '<article id="div-comment-15" class="comment-body"><footer class="comment-meta">'
        '<div class="comment-author vcard"><a href="https://margaret.example.net/" rel="external nofollow" class="url">'
        '<img class="avatar" src="/a.png" alt=""><span class="fn">Margaret Flynn</span>'
        '<span class="screen-reader-text says">says:</span></a></div>'
        '<div class="comment-metadata"><a href="/p/#comment-15"><time datetime="2024-05-02T10:00:00+00:00">May 2, 2024'
        '</time></a></div></footer><div class="comment-content"><p>Lovely walk.</p></div></article></div>'
    )
    html = f'<html><body><article><p>Post.</p></article><div class="comments" id="comments">{item}</div></body></html>'
    found = [(c.author, c.author_url) for c in find_comments(Page.from_html(html, "https://x.example/p/"))]
    assert found == [("Margaret Flynn", "https://margaret.example.net/")]


def test_comments_are_asked_of_the_rest_api_only_where_the_page_shows_none():
    head = b'<link rel="alternate" type="application/json" href="https://example.org/wp-json/wp/v2/posts/17" />'
    first_page = "https://example.org/wp-json/wp/v2/comments?post=17&per_page=100&page=1&order=asc"
    assert rest_comments_url(head, "https://example.org/p/") == first_page
    plain = b'<link rel="alternate" type="application/json" href="https://example.org/?rest_route=/wp/v2/posts/17" />'
    assert rest_comments_url(plain, "https://example.org/?p=17") == (
        "https://example.org/?rest_route=/wp/v2/comments&post=17&per_page=100&page=1&order=asc"
    )
    assert rest_comments_url(head + b'<li id="comment-3" class="comment">', "https://example.org/p/") is None
    assert rest_comments_url(head + b'<form class="post-password-form">', "https://example.org/p/") is None
    # A thread past WordPress's depth limit: replies shown beside their parent at the limit, with no reply link.
    reply = b"<a rel='nofollow' class='comment-reply-link' href='?replytocom=1#respond'>Reply</a>"

    def thread(*links: bytes) -> bytes:
        depths = (1, 2, 3, 3)
        return b"".join(
            b'<li id="comment-%d" class="comment depth-%d">%s' % (n, d, a)
            for n, d, a in zip(range(1, 5), depths, links, strict=True)
        )

    assert rest_comments_url(head + thread(reply, reply, b"", b""), "https://example.org/p/") == first_page
    assert rest_comments_url(head + thread(reply, reply, reply, reply), "https://example.org/p/") is None  # under it
    assert rest_comments_url(head + thread(b"", b"", b"", b""), "https://example.org/p/") is None  # closed: no telling
    assert rest_comments_url(head + thread(reply, b"", reply, b""), "https://example.org/p/") is None  # not a limit
    # Twenty Twenty lists its comments as <div>s (wp_list_comments style=div): the same limit, the same answer
    divs = thread(reply, reply, b"", b"").replace(b"<li ", b"<div ")
    assert rest_comments_url(head + divs, "https://example.org/p/") == first_page
    first = "https://example.org/wp-json/wp/v2/comments?post=17&per_page=100&page=1&order=asc"
    assert next_rest_comments_page(first, 3) == first.replace("&page=1&", "&page=2&")
    assert next_rest_comments_page(first, 1) is None


def test_a_thread_at_the_depth_limit_is_seen_whatever_id_the_themes_callback_gives_a_comment():
    """comment_class() marks a comment whatever its theme's callback names it: Astra's `<li id="li-comment-N">`
    and Neve's `<li id="comment-item-N">` (the comment-N id on the <article> in it), OceanWP's <article> of
    comment_class() inside its li#comment-N.comment-container. Only an <li>/<div> of id comment-N was read, so on
    those themes the replies past the limit kept the wrong parent (the API was never asked)."""
    head = b'<link rel="alternate" type="application/json" href="https://example.org/wp-json/wp/v2/posts/17" />'
    first_page = "https://example.org/wp-json/wp/v2/comments?post=17&per_page=100&page=1&order=asc"
    reply = b"<a rel='nofollow' class='comment-reply-link' href='?replytocom=1#respond'>Reply</a>"
    items = {  # (number, depth, reply link) → the comment's opening markup
        "astra": lambda n, d, a: (
            b'<li class="comment even depth-%d" id="li-comment-%d"><article id="comment-%d">%s' % (d, n, n, a)
        ),
        "neve": lambda n, d, a: (
            b'<li class="comment depth-%d" id="comment-item-%d"><article id="comment-%d">%s' % (d, n, n, a)
        ),
        "oceanwp": lambda n, d, a: (
            b'<li id="comment-%d" class="comment-container"><article class="comment depth-%d'
            b' comment-body">%s' % (n, d, a)
        ),
    }
    for theme, item in items.items():
        at_limit = b"".join(
            item(n, d, a) for n, d, a in zip((1, 2, 3, 4), (1, 2, 3, 3), (reply, reply, b"", b""), strict=True)
        )
        under = b"".join(item(n, d, reply) for n, d in zip((1, 2, 3, 4), (1, 2, 3, 3), strict=True))
        assert rest_comments_url(head + at_limit, "https://example.org/p/") == first_page, theme
        assert rest_comments_url(head + under, "https://example.org/p/") is None, theme


def test_the_rest_api_answer_gives_threaded_comments():
    answer = [
        {
            "id": 9,
            "parent": 8,
            "author_name": "Bo",
            "author_url": "",
            "date_gmt": "2024-01-02T10:00:00",
            "content": {"rendered": "<p>Thanks &amp; welcome.</p>\n"},
        },
        {
            "id": 8,
            "parent": 0,
            "author_name": "Al",
            "author_url": "https://al.example/",
            "date_gmt": "2024-01-01T09:00:00",
            "content": {"rendered": "<p>First.</p><p>Second paragraph.</p>"},
        },
    ]  # as the API answers unasked: newest first
    comments = rest_comments([json.dumps(answer).encode()], "https://example.org/p/")
    assert [(c.id, c.parent, c.depth, c.author, c.author_url) for c in comments] == [
        ("8", None, 1, "Al", "https://al.example/"),
        ("9", "8", 2, "Bo", None),
    ]
    assert comments[0].text == "First.\nSecond paragraph." and comments[1].text == "Thanks & welcome."
    assert comments[0].published == "2024-01-01T09:00:00+00:00"
    assert rest_comments([b'{"code": "rest_forbidden"}'], "https://example.org/p/") == []


def test_a_rest_api_comment_keeps_its_headings_lists_quotes_and_code():
    """A comment's rendered HTML holds what WordPress lets a commenter write (kses keeps headings, lists,
    blockquotes, <pre> and <code>): only its <p> were read, its list and code lost."""
    rendered = (
        "<h3>Zum Roggen</h3>\n<p>Ich habe es zweimal versucht:</p>\n<ul>\n<li>mit jungem Sauerteig</li>\n"
        "<li>mit altem</li>\n</ul>\n<blockquote><p>Geduld ist das Salz des Bäckers.</p></blockquote>\n"
        "<pre><code>ruhen = 12 h</code></pre>\n"
    )
    answer = [{"id": 3, "parent": 0, "author_name": "Greta", "content": {"rendered": rendered}}]
    (comment,) = rest_comments([json.dumps(answer).encode()], "https://example.org/p/")
    assert comment.text.split("\n") == [
        "Zum Roggen",
        "Ich habe es zweimal versucht:",
        "mit jungem Sauerteig",
        "mit altem",
        "Geduld ist das Salz des Bäckers.",
        "ruhen = 12 h",
    ]


def test_the_rest_api_names_the_parents_a_page_past_the_depth_limit_misstates():
    def comment(number: int, parent: int | None, depth: int = 1) -> Comment:
        return Comment(id=str(number), parent=str(parent) if parent else None, depth=depth, text=f"c{number}")

    shown = [comment(1, None), comment(2, 1, 2), comment(3, 2, 3), comment(4, 2, 3)]  # 4 answers 3, shown beside
    served = [comment(1, None), comment(2, 1), comment(3, 2), comment(4, 3), comment(5, None)]
    threads = [(c.id, c.parent, c.depth) for c in completed(shown, served)]
    assert threads == [("1", None, 1), ("2", "1", 2), ("3", "2", 3), ("4", "3", 4), ("5", None, 1)]


def test_an_empty_feed_is_a_feed():
    empty = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Comments on: A post</title></channel></rss>'
    assert is_feed(empty) and is_feed(b'<feed xmlns="http://www.w3.org/2005/Atom"></feed>')
    assert not is_feed(b"<html><body>Not found</body></html>")


def test_links_combining_paginations_are_not_followed():
    budget = TrapBudget(per_pattern=500, per_host=20000, combined_paginations=1)
    assert paginations("https://example.org/r/?query-1-page=2&query-2-page=3") == 2
    assert budget.allows("https://example.org/r/?query-1-page=2")
    assert not budget.allows("https://example.org/r/?query-1-page=2&query-2-page=3")
    assert budget.allows("https://example.org/?cat=3&paged=2")
    (message,) = [m for _, m in budget.messages()]
    assert message.endswith("combining paginations (TRAP_COMBINED_PAGINATIONS)")


def test_plain_permalink_archives_are_hubs_by_their_url():
    """The crawl settles them without a parse (when no feed lists one as a post)."""
    kinds = {
        u: pack_hub(b"<html><body><p>x</p></body></html>", f"https://example.org/{u}")[1]["kind"]
        for u in ("?tag=rain", "?cat=3", "?m=202406", "?author=2", "?paged=2", "r/?query-1-page=2")
    }
    assert kinds == {
        "?tag=rain": "tag",
        "?cat=3": "category",
        "?m=202406": "archive",
        "?author=2": "author",
        "?paged=2": "listing",
        "r/?query-1-page=2": "listing",
    }


def test_a_posts_terms_from_post_class_where_the_theme_prints_none():
    """Astra prints no tags, Hello Elementor no categories; post_class() names every term on the post's entry by
    its slug (one of other letters percent-encoded, its %s dropped), and a widget's link to the archive names it."""
    from crawler.extraction.extract import extract

    entry = "post-12 post type-post status-publish hentry category-notes tag-life tag-ec849cec9ab8"
    widget = (
        '<aside class="widget widget_categories"><ul><li><a href="/category/notes/">Field notes</a></li></ul>'
        '<a href="http://[ccpa-preferences]/">Privacy</a></aside>'  # an address urllib refuses to read
    )
    html = (
        '<html><head><title>Rye</title></head><body class="post-template-default single single-post postid-12">'
        f'<article id="post-12" class="{entry}"><h1 class="entry-title">Rye</h1><div class="entry-content"><p>'
        f"{'Rye bread needs a long, cool rise and a sour starter. ' * 8}</p></div></article>{widget}</body></html>"
    )
    article = extract(html, "https://x.example/2024/05/rye/")
    assert (article.categories, article.tags) == (["Field notes"], ["life", "서울"])


def test_a_term_post_class_names_by_its_id_is_no_term_but_the_one_a_widget_lists_by_that_id():
    """WordPress's sanitize_html_class() leaves a slug of other letters (여행, %ec%97%ac…) empty, and post_class()
    names the term by its ID instead: `category-25` on Hello Elementor, which prints no category link — the
    category was stored "25". The Categories widget (`li.cat-item-25`) and the Tag Cloud (`a.tag-link-29`) name
    terms by their IDs."""
    from crawler.extraction.extract import extract

    entry = "post-9 post type-post status-publish hentry category-25 tag-29 tag-31"
    html = (
        '<html><head><title>Market</title></head><body class="post-template-default single single-post postid-9">'
        f'<main id="content" class="site-main {entry}"><h1 class="entry-title">Market</h1><div class="page-content"><p>'
        f"{'The market opens at six and the noodles are gone by ten. ' * 8}</p></div></main>{{widgets}}</body></html>"
    )
    article = extract(html.format(widgets=""), "https://x.example/ko/2023/09/23/market/")
    assert (article.categories, article.tags) == ([], [])
    widgets = (
        '<aside class="widget widget_categories"><ul><li class="cat-item cat-item-25"><a href="/ko/category/%ec%97%ac'
        '%ed%96%89/">여행</a></li></ul></aside><aside class="widget widget_tag_cloud"><a href="/ko/tag/%ec%84%9c%ec%9a'
        '%b8/" class="tag-cloud-link tag-link-29 tag-link-position-1">서울</a></aside>'
    )
    article = extract(html.format(widgets=widgets), "https://x.example/ko/2023/09/23/market/")
    assert (article.categories, article.tags) == (["여행"], ["서울"])


def test_wpdiscuz_comments_with_their_author_time_and_thread():
    """wpDiscuz prints a div per comment (`wpd-comm-ID_PARENT`), each reply inside its parent's, the time in the
    date's title ("2 years ago" shown)."""

    def comment(own: int, parent: int, name: str, when: str, text: str, inner: str = "") -> str:
        reply = " wpd-reply" if parent else ""
        return (
            f"<div id='wpd-comm-{own}_{parent}' class='comment depth-{2 if parent else 1} wpd-comment{reply}'>"
            f'<div class="wpd-comment-wrap"><div class="wpd-comment-left"><div class="wpd-avatar"><img alt="{name}" '
            f'src="https://secure.gravatar.com/avatar/{own}?s=64" class="avatar avatar-64 photo"></div></div>'
            f'<div id="comment-{own}" class="wpd-comment-right"><div class="wpd-comment-header"><div class='
            f'"wpd-comment-author "><a href="https://{name.split()[0].lower()}.example.net/">{name}</a></div><div '
            f'class="wpd-comment-date" title="{when}"><i class="far fa-clock"></i> 2 years ago</div></div><div '
            f'class="wpd-comment-text"><p>{text}</p></div><div class="wpd-comment-footer"><div class="wpd-vote">'
            f"<div class='wpd-vote-result' title='0'>0</div></div><div class=\"wpd-reply-button\"><span>Reply</span>"
            f"</div></div></div></div><div id='wpdiscuz_form_anchor-{own}_{parent}'></div>{inner}</div>"
        )

    reply = comment(5, 4, "Jane Example", "November 5, 2024 11:49 pm", "Glad it helped, Margaret!")
    thread = comment(4, 0, "Margaret Flynn", "November 5, 2024 4:21 pm", "The squares example made it click.", reply)
    page = _body(
        "single single-post postid-12",
        f'<div id="comments" class="comments-area"><div id="wpd-threads" class="wpd-thread-wrapper"><div class='
        f'"wpd-thread-list">{thread}</div></div></div>',
    )
    found = find_comments(page)
    assert [(c.id, c.parent, c.author, c.published, c.text) for c in found] == [
        ("4", None, "Margaret Flynn", "2024-11-05T16:21:00", "The squares example made it click."),
        ("5", "4", "Jane Example", "2024-11-05T23:49:00", "Glad it helped, Margaret!"),
    ]


def test_beaver_themers_posts_grid_under_a_post_is_no_part_of_its_text():
    """Beaver Themer lays a single post out of modules (in the Beaver Builder theme's div.fl-page-content): the
    post's Post Content module, then, as related posts, a Posts module (.fl-module-post-grid) listing other posts'
    titles, dates, excerpts and "Read More" links — which were read as the end of the post's text."""
    paragraphs = (
        "The Cotswold Way runs a hundred and two miles from Chipping Campden to the Roman baths of Bath, and in the"
        " last weeks of October the beech woods along the escarpment turn the colour of copper.",
        "We set out on a grey Monday morning with a single rucksack each, a paper map and no particular plan for"
        " where we would sleep that night.",
    )

    def module(kind: str, inner: str) -> str:
        return f'<div class="fl-module fl-module-{kind}"><div class="fl-module-content">{inner}</div></div>'

    def teaser(n: int, title: str, excerpt: str) -> str:
        link = f'href="https://blog.example/2023/{n}/"'
        return (
            f'<div class="fl-post-column"><div class="fl-post-grid-post post-{n} post type-post">'
            '<div class="fl-post-grid-text">'
            f'<h2 class="fl-post-grid-title"><a {link}>{title}</a></h2><div class="fl-post-grid-meta">'
            f'<span class="fl-post-grid-date">October {n}, 2023</span></div><div class="fl-post-grid-content">'
            f'<p>{excerpt}</p><a class="fl-post-grid-more" {link}>Read More</a></div></div></div></div>'
        )

    teasers = teaser(1, "The Ridgeway in three days", "Britain's oldest road, walked end to end over a weekend.")
    teasers += teaser(2, "South West Coast Path notes", "Cliffs, coves and too many stairs on the way to Land's End.")
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    layout = (
        module("heading", '<h1 class="fl-heading"><span class="fl-heading-text">The Cotswold Way</span></h1>')
        + module("fl-post-content", f'<div class="fl-builder-content fl-builder-content-42">{body}</div>')
        + module("heading", '<h3 class="fl-heading"><span class="fl-heading-text">Related posts</span></h3>')
        + module("post-grid", f'<div class="fl-post-grid">{teasers}</div>')
    )
    header = (
        "<header class='site-header'><p class='site-title'><a href='https://blog.example/'>Field Notes</a></p>"
        "<nav><ul><li><a href='https://blog.example/'>Home</a></li></ul></nav></header>"
    )
    page = (
        "<html><head><title>The Cotswold Way &#8211; Field Notes</title></head>"
        f"<body class='single single-post postid-42'>{header}"
        f"<div class='fl-page-content'><div class='fl-builder-content fl-builder-content-120'>{layout}</div></div>"
        "</body></html>"
    )
    record = extract(page, "https://blog.example/2024/03/cotswold-way/")
    assert record.text == "\n".join(paragraphs)
    assert "Read More" not in record.markdown and "Ridgeway" not in record.markdown
    # on a home page the same module is the listing
    home = extract(page.replace("single single-post postid-42", "home blog"), "https://blog.example/")
    assert home.kind == "listing"


def test_divis_blog_module_in_a_posts_layout_is_no_part_of_its_text():
    """A post laid out with the Divi Builder may end with a Blog module (.et_pb_posts, each post an
    article.et_pb_post) listing the blog's latest posts, their titles and excerpts — which were read as the end of
    the post's text."""
    paragraphs = (
        "The Cotswold Way runs a hundred and two miles from Chipping Campden to the Roman baths of Bath, and in the"
        " last weeks of October the beech woods along the escarpment turn the colour of copper.",
        "We set out on a grey Monday morning with a single rucksack each, a paper map and no particular plan for"
        " where we would sleep that night, and found a room above a pub in Broadway by four.",
    )

    def row(modules: str) -> str:
        return f'<div class="et_pb_row"><div class="et_pb_column et_pb_column_4_4 et-last-child">{modules}</div></div>'

    def text(inner: str) -> str:
        return f'<div class="et_pb_module et_pb_text"><div class="et_pb_text_inner">{inner}</div></div>'

    def teaser(n: int, title: str, excerpt: str) -> str:
        link = f'href="https://blog.example/2023/{n}/"'
        return (
            f'<article id="post-{n}" class="et_pb_post clearfix post-{n} post type-post status-publish hentry">'
            f'<h2 class="entry-title"><a {link}>{title}</a></h2><p class="post-meta"><span class="published">'
            f"Oct {n}, 2023</span></p><div class='post-content'><div class='post-content-inner'><p>{excerpt}</p>"
            "</div></div></article>"
        )

    teasers = teaser(1, "The Ridgeway in three days", "Britain's oldest road, walked end to end over a long weekend.")
    teasers += teaser(2, "South West Coast Path notes", "Cliffs, coves and too many stairs on the way to Land's End.")
    teasers += teaser(3, "Offa's Dyke in the rain", "Two weeks along the border of England and Wales, most of it wet.")
    layout = (
        '<div class="et_pb_section et_section_regular">'
        + row(text("".join(f"<p>{p}</p>" for p in paragraphs)))
        + row(f'<div class="et_pb_module et_pb_blog_0 et_pb_posts et_pb_bg_layout_light">{teasers}</div>')
        + "</div>"
    )
    page = (
        "<html><head><title>The Cotswold Way | Field Notes</title></head>"
        "<body class='single single-post postid-42 et_pb_pagebuilder_layout et_divi_theme'>"
        "<div id='main-content'><article id='post-42' class='et_pb_post post-42 post type-post hentry'>"
        "<div class='et_post_meta_wrapper'><h1 class='entry-title'>The Cotswold Way</h1></div>"
        f"<div class='entry-content'><div class='et-l et-l--post'>{layout}</div></div></article></div></body></html>"
    )
    record = extract(page, "https://blog.example/2024/03/cotswold-way/")
    assert record.text == "\n".join(paragraphs)
    assert "Ridgeway" not in record.markdown
    home = extract(page.replace("single single-post postid-42", "home blog"), "https://blog.example/")
    assert home.kind == "listing"


def test_elementor_pros_posts_widget_on_a_post_is_no_part_of_its_text():
    """Elementor Pro's Posts widget (.elementor-widget-posts; its Loop Grid, .elementor-widget-loop-grid) in a
    single post's template lists other posts as cards, each an article.elementor-post with its image, category
    badge, title, excerpt and date — under a short post, read as the end of the post's text."""
    paragraph = (
        "The Cotswold Way runs a hundred and two miles from Chipping Campden to the Roman baths of Bath, and in the"
        " last weeks of October the beech woods along the escarpment turn the colour of copper."
    )

    def widget(kind: str, inner: str) -> str:
        return (
            f'<div class="elementor-element elementor-widget elementor-widget-{kind}">'
            f'<div class="elementor-widget-container">{inner}</div></div>'
        )

    def card(n: int, title: str, excerpt: str) -> str:
        link = f'href="https://blog.example/2023/{n}/"'
        return (
            f'<article class="elementor-post elementor-grid-item post-{n} post type-post status-publish hentry">'
            f'<div class="elementor-post__card"><a class="elementor-post__thumbnail__link" {link}>'
            f'<div class="elementor-post__thumbnail"><img src="https://blog.example/{n}.jpg" alt=""></div></a>'
            '<div class="elementor-post__badge">Walking</div><div class="elementor-post__text">'
            f'<h3 class="elementor-post__title"><a {link}>{title}</a></h3><div class="elementor-post__excerpt">'
            f'<p>{excerpt}</p></div><a class="elementor-post__read-more" {link}>Read More »</a></div>'
            '<div class="elementor-post__meta-data"><span class="elementor-post-date">'
            f"October {n}, 2023</span></div></div></article>"
        )

    cards = card(1, "The Ridgeway in three days", "Britain's oldest road, walked end to end with friends and a dog.")
    cards += card(2, "South West Coast Path notes", "Cliffs, coves and too many stairs, and a ferry nearly missed.")
    template = (
        widget("theme-post-title", '<h1 class="elementor-heading-title">The Cotswold Way</h1>')
        + widget("theme-post-content", f"<p>{paragraph}</p>")
        + widget("posts", f'<div class="elementor-posts elementor-posts--skin-cards elementor-grid">{cards}</div>')
    )
    page = (
        "<html><head><title>The Cotswold Way | Field Notes</title></head>"
        "<body class='single single-post postid-42 elementor-default elementor-page-120'>"
        f"<div data-elementor-type='single-post' class='elementor elementor-location-single'>{template}</div>"
        "</body></html>"
    )
    record = extract(page, "https://blog.example/2024/03/cotswold-way/")
    assert record.text == paragraph
    assert "Ridgeway" not in record.markdown
    home = extract(page.replace("single single-post postid-42", "home blog"), "https://blog.example/")
    assert home.kind == "listing"


def test_a_gallery_shortcodes_captions_without_html5_are_its_pictures_and_lines_of_the_text():
    """A theme that declares no HTML5 galleries gets WordPress's [gallery] as a <dl class="gallery-item"> per
    picture, its caption a <dd class="wp-caption-text gallery-caption">: no picture had its caption, and the text
    was the captions as a list ("- Bell on wharf…") after the theme's "Skip to content" where nothing else stood."""

    def item(number: int, name: str, caption: str = "") -> str:
        dd = f"<dd class='wp-caption-text gallery-caption'>\n{caption}\n</dd>" if caption else ""
        return (
            f"<dl class='gallery-item'><dt class='gallery-icon landscape'><a href='/2010/09/10/walls/{name}/'>"
            f"<img width='150' height='113' src='/wp-content/uploads/2008/06/{name}.jpg' class='attachment-thumbnail'"
            f" alt='' aria-describedby='gallery-1-{number}'></a></dt>{dd}</dl>"
        )

    gallery = (
        "<div id='gallery-1' class='gallery galleryid-61 gallery-columns-3 gallery-size-thumbnail'>"
        + item(1, "bell", "Bell on wharf in San Francisco")
        + item(2, "fog")
        + item(3, "bridge", "Golden Gate Bridge")
        + "<br style='clear: both'>"
        + item(4, "rail", "Rusty rails with fishplate, Kojonup")
        + "<br style='clear: both'></div>"
    )
    html = (
        "<html><head><title>Harbour pictures – Blog</title></head><body class='single single-post postid-61'>"
        "<a class='skip-link screen-reader-text' href='#content'>Skip to content</a><div id='content'>"
        "<article id='post-61' class='post-61 post type-post hentry'><h1 class='entry-title'>Harbour pictures</h1>"
        f"<div class='entry-content'>{gallery}</div></article></div></body></html>"
    )
    article = extract(html, "https://example.org/2010/09/10/harbour-pictures/")
    captions = ["Bell on wharf in San Francisco", "Golden Gate Bridge", "Rusty rails with fishplate, Kojonup"]
    assert [image.caption for image in article.images] == [captions[0], None, captions[1], captions[2]]
    assert article.text.split("\n") == captions


def test_a_caption_that_wpautop_put_in_the_paragraph_before_it_is_a_line_of_its_own():
    """A `[caption]` on the line after a line of text is wrapped by wpautop() in that line's paragraph, `text<br>
    <figure class="wp-caption">…</figure></p>` on an HTML5 theme; a browser ends the paragraph at the figure, but
    lxml keeps the figure in it, and the caption was the end of the paragraph's line."""
    before = "The picture above, though wide, should stay inside the column without spilling into the margin. " * 2
    figure = (
        '<figure id="attachment_907" aria-describedby="caption-attachment-907" style="width: 1200px" class="wp-caption'
        ' aligncenter"><img class="wp-image-907" alt="The harbour wall" src="/wp-content/uploads/2013/03/wall.jpg"'
        ' width="1200" height="400"><figcaption id="caption-attachment-907" class="wp-caption-text">The harbour wall'
        " at low tide.</figcaption></figure>"
    )
    after = "Further along the quay the boats were pulled up on the slipway, waiting for the spring tides. " * 2
    html = (
        "<html><head><title>The harbour</title></head><body class='single single-post postid-9'><div id='content'>"
        "<article id='post-9' class='post-9 post type-post hentry'><h1 class='entry-title'>The harbour</h1>"
        f"<div class='entry-content'><p>{before.strip()}<br />\n{figure}</p>\n<p>{after.strip()}</p></div></article>"
        "</div></body></html>"
    )
    article = extract(html, "https://example.org/2013/01/10/the-harbour/")
    assert article.text.split("\n") == [before.strip(), "The harbour wall at low tide.", after.strip()]
    assert [image.caption for image in article.images] == ["The harbour wall at low tide."]


def test_a_jetpack_tiled_gallerys_captions_are_its_pictures():
    """Jetpack's tiled gallery (WordPress.com, WordPress with Jetpack) lays out a div.tiled-gallery-item per picture,
    its caption a div.tiled-gallery-caption after the picture's link: no picture had its caption."""

    def item(name: str, caption: str = "") -> str:
        words = (
            f'<div class="tiled-gallery-caption" itemprop="caption description"> {caption} </div>' if caption else ""
        )
        return (
            '<div class="tiled-gallery-item tiled-gallery-item-large" itemprop="associatedMedia" itemscope'
            ' itemtype="http://schema.org/ImageObject"><a href="/2015/05/18/lakeside/' + name + '/" border="0"'
            ' itemprop="url"><meta itemprop="width" content="367"><img data-attachment-id="7"'
            f' src="/wp-content/uploads/2015/05/{name}.jpg" width="367" height="489" alt="{name}"></a>{words}</div>'
        )

    gallery = (
        '<div class="tiled-gallery type-rectangular tiled-gallery-unresized" itemscope'
        ' itemtype="http://schema.org/ImageGallery"><div class="gallery-row"><div class="gallery-group images-2">'
        + item("terrace", "The terrace above the lake")
        + item("hall")
        + '</div><div class="gallery-group images-1">'
        + item("garden", "The garden in May")
        + "</div></div></div>"
    )
    text = "The hotel stands south of the city in a park by a lake, with a terrace for summer and a large hall. " * 2
    html = (
        "<html><head><title>By the lake</title></head><body class='single single-post postid-9'><div id='content'>"
        "<article id='post-9' class='post-9 post type-post hentry'><h1 class='entry-title'>By the lake</h1>"
        f"<div class='entry-content'><p>{text.strip()}</p>{gallery}<p>{text.strip()}</p></div></article></div>"
        "</body></html>"
    )
    article = extract(html, "https://example.org/2015/05/18/lakeside/")
    assert [(image.alt, image.caption) for image in article.images] == [
        ("terrace", "The terrace above the lake"),
        ("hall", None),
        ("garden", "The garden in May"),
    ]


def test_a_page_minified_without_attribute_quotes_still_names_its_rest_entry_and_comment_markup():
    """W3 Total Cache's HTML minifier drops every quote HTML lets it (`href=https://…/posts/17>`,
    `class=comment-reply-link`). Read as quoted only, a Twenty Twenty-Five post under it had no REST entry: no
    date (the theme prints none), no pages past the first of a split post, and no comments asked of the API."""
    url = "https://example.org/2024/02/14/long-way/"
    head = b"<link\nrel=alternate title=JSON type=application/json href=https://example.org/wp-json/wp/v2/posts/17>"
    block = head + b'<div\nclass="entry-content wp-block-post-content"><p>Part one</p></div>'
    assert rest_post_url(block, url) == "https://example.org/wp-json/wp/v2/posts/17?_fields=content,date_gmt"
    assert rest_post_url(head + b"<div\nclass=wp-block-post-content><p>One</p></div>", url) is not None
    assert rest_post_url(block + b"<form\naction=/wp-login.php class=post-password-form method=post>", url) is None
    first_page = "https://example.org/wp-json/wp/v2/comments?post=17&per_page=100&page=1&order=asc"
    assert rest_comments_url(head, url) == first_page
    reply = b"<a\nrel=nofollow class=comment-reply-link href=#comment-1>Reply</a>"
    thread = b"".join(
        b'<li\nid=comment-%d class="comment depth-%d">%s' % (n, d, a)
        for n, d, a in zip((1, 2, 3, 4), (1, 2, 3, 3), (reply, reply, b"", b""), strict=True)
    )
    assert rest_comments_url(head + thread, url) == first_page  # past the depth limit: the API names the parents
    one_page = b"<li\nid=comment-9 class=comment><a\nhref=https://example.org/2024/02/14/long-way/comment-page-2/>"
    assert rest_comments_url(head + one_page, url) == first_page  # one page of its comments
