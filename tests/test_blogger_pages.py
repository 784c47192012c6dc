"""Blogger's post pages as its themes render them: the layouts themes of new blogs (Contempo, Soho, Emporio, Notable,
Essential: the post's JSON-LD, a threaded comment list `.comment-thread li.comment`) and the older Designer
templates (Simple, Awesome Inc., Watermark …), whose non-threaded comments are the classic `dl#comments-block`.
The markup is Blogger's own as it serves it, trimmed."""

from __future__ import annotations

from crawler.extraction.comments import find_comments
from crawler.extraction.extract import extract
from crawler.extraction.page import Page

URL = "https://kitchennotes.blogspot.com/2024/03/winter-squash-soup.html"
# Blogger's comment permalink holds the comment's time, in milliseconds since the epoch: 1710264600000 is
# 2024-03-12 17:30 UTC (10:30 AM in the blog's Pacific time, as the page prints it)
PERMALINK = URL + "?showComment={}#c{}"


def _comments(html: str) -> list[tuple]:
    page = Page.from_html(f"<html><body>{html}</body></html>", URL)
    return [(c.id, c.parent, c.author, c.author_url, c.published, c.text) for c in find_comments(page)]


def _threaded(id_: str, name: str, millis: int, text: str, replies: str = "") -> str:
    """A comment of the threaded list Blogger's layouts themes print (its `threadedCommentsHtml`)."""
    return (
        f'<li class="comment" id="c{id_}"><div class="avatar-image-container"><img src="//resources.blogblog.com/'
        f'img/blank.gif" alt=""/></div><div class="comment-block"><div class="comment-header"><cite class="user">'
        f'{name}</cite><span class="icon user "></span><span class="datetime secondary-text"><a rel="nofollow" '
        f'href="{PERMALINK.format(millis, id_)}">March 12, 2024 at 10:30 AM</a></span></div><p class="comment-'
        f'content">{text}</p><span class="comment-actions secondary-text"><a class="comment-reply" target="_self" '
        f'data-comment-id="{id_}">Reply</a></span></div><div class="comment-replies"><div id="c{id_}-rt" class='
        f'"comment-thread inline-thread"><span class="thread-toggle thread-expanded"><span class="thread-arrow">'
        f'</span><span class="thread-count"><a target="_self">Replies</a></span></span><ol id="c{id_}-ra" class='
        f'"thread-chrome thread-expanded"><div>{replies}</div><div id="c{id_}-continue" class="continue"><a class='
        f'"comment-reply" target="_self" data-comment-id="{id_}">Reply</a></div></ol></div></div>'
        f'<div class="comment-replybox-single" id="c{id_}-ce"></div></li>'
    )


def test_a_blogger_threaded_comment_is_dated_by_its_permalink_and_keeps_its_lines():
    """A Blogger comment had no time, and its lines ran together ("sage.I added"): the threaded list prints the
    time in words in the blog's own format ("March 12, 2024 at 10:30 AM", often the hour alone) and holds it in
    the permalink's `showComment` (milliseconds since the epoch); its text is one p.comment-content whose lines and
    paragraphs are <br>s."""
    reply = _threaded(
        "1002",
        '<a href="https://www.blogger.com/profile/42" rel="nofollow">Anna Baker</a>',
        1710268200000,
        "Nutmeg is a fine idea.",
    )
    html = (
        '<section class="comments threaded" id="comments"><div class="comments-content"><div id="comment-holder">'
        '<div class="comment-thread toplevel-thread"><ol id="top-ra">'
        + _threaded(
            "1001",
            '<a href="https://www.blogger.com/profile/7" rel="nofollow">Margaret</a>',
            1710264600000,
            "Lovely with the sage.<br><br>I added a pinch of nutmeg.<br>Just a pinch.",
            reply,
        )
        + _threaded("1003", "Anonymous", 1710350000000, "Could I use pumpkin?")
        + "</ol></div></div></div></section>"
    )
    assert _comments(html) == [
        (
            "1001",
            None,
            "Margaret",
            "https://www.blogger.com/profile/7",
            "2024-03-12T17:30:00.000+00:00",
            "Lovely with the sage.\nI added a pinch of nutmeg.\nJust a pinch.",
        ),
        (
            "1002",
            "1001",
            "Anna Baker",
            "https://www.blogger.com/profile/42",
            "2024-03-12T18:30:00.000+00:00",
            "Nutmeg is a fine idea.",
        ),
        ("1003", None, "Anonymous", None, "2024-03-13T17:13:20.000+00:00", "Could I use pumpkin?"),
    ]


def test_blogger_classic_comment_list_gives_each_comment_its_commenter_time_and_text():
    """A Blogger post's comments were not found under the Designer templates' non-threaded list: Blogger prints
    `dl#comments-block`, a dt.comment-author per comment ("<a>Name</a> said...", "Anonymous said..." with no
    link), its text the dd.comment-body after it, its permalink in the dd.comment-footer after that."""

    def item(id_: str, who: str, said: str, millis: int, text: str) -> str:
        return (
            f"<dt class='comment-author ' id='c{id_}'><a name='c{id_}'></a><div class='avatar-image-container vcard'>"
            f"<span dir='ltr'><img src='https://resources.blogblog.com/img/blank.gif' width='35' height='35' alt=''>"
            f"</span></div>{who} {said}</dt><dd class='comment-body' id='Blog1_cmt-{id_}'><p>{text}</p></dd>"
            f"<dd class='comment-footer'><span class='comment-timestamp'><a href='{PERMALINK.format(millis, id_)}'"
            f" title='comment permalink'>12. März 2024 um 18:30</a></span></dd>"
        )

    html = (
        "<div class='comments' id='comments'><a name='comments'></a><h4>2 Kommentare:</h4>"
        "<div id='Blog1_comments-block-wrapper'><dl class='avatar-comment-indent' id='comments-block'>"
        + item(
            "1001",
            "<a href='https://www.blogger.com/profile/7' rel='nofollow'>Margret</a>",
            "hat gesagt…",
            1710264600000,
            "Schön mit Salbei.<br /><br />Und etwas Muskat.",
        )
        + item("1002", "Anonym", "hat gesagt…", 1710268200000, "Geht auch Kürbis?")
        + "</dl></div><p class='comment-footer'><a href='https://www.blogger.com/comment/fullpage/post/1/2'>"
        "Kommentar veröffentlichen</a></p></div>"
    )
    assert _comments(html) == [
        (
            "1001",
            None,
            "Margret",
            "https://www.blogger.com/profile/7",
            "2024-03-12T17:30:00.000+00:00",
            "Schön mit Salbei.\nUnd etwas Muskat.",
        ),
        ("1002", None, "Anonym", None, "2024-03-12T18:30:00.000+00:00", "Geht auch Kürbis?"),
    ]


def test_a_blogger_layouts_themes_site_name_is_the_blogs_not_bloggers():
    """Every post of a blog on Blogger's layouts themes was of the site "Blogger": Contempo, Soho, Emporio, Notable
    and Essential write `"publisher": {"@type": "Organization", "name": "Blogger"}` into each post's JSON-LD, and
    that stated name came first; the blog names itself in its Header widget and its <title>."""
    head = (
        "<head><title>Kitchen Notes: Winter squash soup</title><meta content='blogger' name='generator'/>"
        '<script type="application/ld+json">{"@context": "http://schema.org", "@type": "BlogPosting",'
        ' "headline": "Winter squash soup", "datePublished": "2024-03-12T09:30:00-07:00", "publisher": {"@type":'
        ' "Organization", "name": "Blogger", "logo": {"@type": "ImageObject", "url": "https://blogger.googleuser'
        'content.com/img/b/U2hvZWJveA/h60/", "width": 206, "height": 60}}, "author": {"@type": "Person", "name":'
        ' "Anna Baker"}}</script></head>'
    )
    body = (
        "<body><header class='centered-top-container'><div class='widget Header' id='Header1'><div class="
        "'header-widget'><div><h1><a href='https://kitchennotes.blogspot.com/'>Kitchen Notes</a></h1></div></div>"
        "</div></header><main id='main'><div class='widget Blog' id='Blog1'><article class='post-outer-container'>"
        "<div class='post'><h3 class='post-title entry-title'>Winter squash soup</h3><div class='post-body "
        "entry-content' id='post-body-1'>" + "<div>Winter squash keeps for months in a cool cellar, and a slow oven"
        " turns it sweet. We roast it whole and fold it into a soup.</div>" * 4 + "</div></div></article></div>"
        "</main></body>"
    )
    assert extract(f"<html lang='en'>{head}{body}</html>", URL).sitename == "Kitchen Notes"


def _simple(url: str, posts: str) -> str:
    """A page of a blog on Blogger's Simple template (the Designer templates' markup): the generator tag, the Blog
    widget's posts, each a schema.org BlogPosting in microdata."""
    return (
        "<html><head><meta content='blogger' name='generator'/><title>Kitchen Notes</title>"
        f"<link href='{url}' rel='canonical'/></head><body><div class='main section' id='main'>"
        f"<div class='widget Blog' id='Blog1'><div class='blog-posts hfeed'>{posts}</div>"
        "<div class='blog-pager' id='blog-pager'><a class='home-link' href='https://kitchennotes.blogspot.com/'>"
        "Home</a></div></div></div></body></html>"
    )


def _item(title: str, posted: str = "") -> str:
    return (
        "<div class='post-outer'><div class='post hentry uncustomized-post-template' itemprop='blogPost' itemscope="
        "'itemscope' itemtype='http://schema.org/BlogPosting'><h3 class='post-title entry-title' itemprop='name'>"
        f"{title}</h3><div class='post-body entry-content' itemprop='description articleBody'>"
        + "We keep the cellar cool and dark all winter, and the squash keep until spring.<br />"
        * 8
        + f"</div><div class='post-footer'><div class='post-footer-line post-footer-line-1'>{posted}</div></div>"
        "</div></div>"
    )


def test_a_blogger_static_page_is_a_page_not_a_post():
    """A Blogger blog's static page (About, Contact) was stored as a post: Blogger prints it in the post's layout,
    a BlogPosting like any post, only undated; Blogger serves every static page at /p/SLUG.html, its mobile view
    with ?m=1."""
    for url in ("https://kitchennotes.blogspot.com/p/about.html", "https://kitchennotes.example/p/about.html?m=1"):
        article = extract(_simple(url, _item("About this kitchen")), url)
        assert (article.kind, article.title) == ("page", "About this kitchen"), url


def test_blogger_label_and_archive_pages_are_hubs_though_they_print_one_post_whole():
    """A Blogger label page or month's archive that holds one post was stored as that post: Blogger prints a
    label's posts (/search/label/LABEL, the label page's address, not a search's) and an archive's (/2024/03/,
    the archive widget's older /2024_03_01_archive.html) whole, as on the home page."""
    posted = (
        "<span class='post-timestamp'>at <a class='timestamp-link' href='https://kitchennotes.blogspot.com/2024/03/"
        "soup.html' rel='bookmark'><abbr class='published' itemprop='datePublished' title='2024-03-12T09:30:00-07:00'"
        ">9:30 AM</abbr></a></span>"
    )
    blog = "https://kitchennotes.blogspot.com"
    for url, kind in (
        (f"{blog}/search/label/Soup", "tag"),
        (f"{blog}/search/label/Soup?max-results=7", "tag"),
        (f"{blog}/2024/03/", "archive"),
        (f"{blog}/2024_03_01_archive.html", "archive"),
        (f"{blog}/search?updated-max=2024-03-12T09:30:00-07:00&max-results=7", "listing"),
    ):
        assert extract(_simple(url, _item("Winter squash soup", posted)), url).kind == kind, url
    post = f"{blog}/2024/03/soup.html"
    assert extract(_simple(post, _item("Winter squash soup", posted)), post).kind == "article"


def test_blogger_classic_templates_comments_are_found_and_dated_by_the_day_they_print():
    """Under Blogger's classic (pre-layout) templates, such as Minima's classic edition, no comment was found: their
    `dl#comments-block` names the commenter in a dt.comment-poster, "<a>Name</a> said...", and links the comment at
    "#cN" in a dd.comment-timestamp that prints its time in the blog's format, no showComment."""
    html = (
        "<div id='comments'><h4>1 Comments:</h4><dl id='comments-block'><dt class='comment-poster' id='c4007'>"
        "<a name='c4007'></a><a href='https://www.blogger.com/profile/7'>Margaret</a> said...</dt>"
        "<dd class='comment-body'><p>Lovely with the sage.<br />And nutmeg.</p></dd><dd class='comment-timestamp'>"
        "<a href='#c4007' title='comment permalink'>March 12, 2024 10:30 AM</a></dd></dl></div>"
    )
    assert _comments(html) == [
        (
            "4007",
            None,
            "Margaret",
            "https://www.blogger.com/profile/7",
            "2024-03-12",
            "Lovely with the sage.\nAnd nutmeg.",
        )
    ]
