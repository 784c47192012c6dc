"""Serendipity (s9y), its pages written after its bundled themes' templates (2k11's index.tpl and entries.tpl)."""

from __future__ import annotations

import pytest

from crawler.extraction.extract import extract
from tests.hostile.servers import Server, answer, page, post_html, serve

ENTRY = (
    '<article id="post_3" class="clearfix serendipity_entry"><header class="clearfix">'
    '<h2><a href="/archives/3-Ueber-die-Alpen.html">Über die Alpen mit dem Rad</a></h2>'
    '<span class="serendipity_byline block_level"><span class="single_user">Geschrieben von'
    ' <a href="https://notizen.example/authors/1-Anna">Anna</a> am </span>'
    '<time datetime="2024-06-02T07:30:00+02:00">Sunday,  2. June 2024</time></span></header>'
    '<div class="clearfix content serendipity_entry_body">'
    + "Sieben Tage und sechshundert Kilometer von München nach Verona, über den Reschenpass.<br />\n"
    * 4
    + '</div><footer class="clearfix"><a href="https://notizen.example/categories/1-Reisen">Reisen</a> |'
    ' <a href="/archives/3-Ueber-die-Alpen.html#comments">0 Kommentare</a></footer></article>'
)


def _s9y(robots: str, main: str) -> str:
    """A page of 2k11: the generator and robots meta its index.tpl prints, the sidebar, the entries in <main>."""
    head = (
        '<meta charset="UTF-8"><title>Notizbuch | Einträge für June 2024</title>'
        '<meta name="generator" content="Serendipity v.2.4.0">'
        f'<meta name="robots" content="{robots}">'
    )
    sidebar = (
        '<aside id="sidebar_right"><section class="sidebar_plugin serendipity_plugin_archives"><h3>Archive</h3>'
        '<ul class="plainList"><li><a href="/archives/2024/06.html">June 2024</a></li></ul></section></aside>'
    )
    return f'<html lang="de"><head>{head}</head><body><main id="content">{main}</main>{sidebar}</body></html>'


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://notizen.example/archives/2024/06.html", "archive"),
        ("https://notizen.example/index.php?/archives/2024/06/C1.html", "archive"),
        ("https://notizen.example/archives/P2.html", "archive"),
        ("https://notizen.example/categories/1-Reisen", "category"),
    ],
)
def test_a_serendipity_view_of_one_entry_its_themes_keep_from_search_engines_is_no_post(url, kind):
    """A month's archive holding one entry prints it as the entry's page does, whole under its linked heading and
    <time>; Serendipity's themes print robots noindex on such views, index on the entry's own page."""
    article = extract(_s9y("noindex,follow", ENTRY), url)
    assert (article.kind, article.kind_reason) == (
        kind,
        f"Serendipity's robots meta (noindex: a view of entries) marks it as {kind}",
    )


def test_a_serendipity_entrys_own_page_is_a_post():
    article = extract(_s9y("index,follow", ENTRY), "https://notizen.example/archives/3-Ueber-die-Alpen.html")
    assert article.kind == "article" and article.title == "Über die Alpen mit dem Rad"


def _entry_page(extra: str) -> str:
    """An entry's own page of 2k11, `extra` at the end of its body."""
    main = ENTRY.replace("</div><footer", f"{extra}</div><footer")
    return _s9y("index,follow", main)


def test_a_serendipity_entrys_trackbacks_section_is_no_part_of_its_text():
    """2k11 prints the trackbacks in a section of their own after the entry, each an article.serendipity_comment with
    its excerpt in a <details>: they are comments, not the entry's last lines."""
    trackbacks = (
        '<section id="trackbacks" class="serendipity_comments serendipity_section_trackbacks"><h3>Trackbacks</h3>'
        '<div id="trackback_url" class="block_level"><a rel="nofollow" href="/comment.php?type=trackback&amp;'
        'entry_id=3">Trackback-URL für diesen Eintrag</a></div>'
        '<article id="c3" class="clearfix serendipity_comment odd"><h4><cite>Reiseblog Süd</cite> am'
        ' <time datetime="2024-06-07T14:03:00+02:00">Friday,  7. June 2024</time>:'
        ' <a href="https://reise.example/alpen">Alpen-Tipps</a></h4><details><summary>Vorschau anzeigen</summary>'
        '<div class="content serendipity_commentBody">Anna ist über die Alpen geradelt und empfiehlt den Reschenpass'
        " ...</div></details></article></section>"
    )
    html = _s9y("index,follow", ENTRY.replace("</article>", "") + trackbacks + "</article>")
    article = extract(html, "https://notizen.example/archives/3-Ueber-die-Alpen.html")
    assert "Reschenpass ..." not in article.text and "Vorschau" not in article.text
    assert "Trackback" not in article.text and "über den Reschenpass" in article.text
    assert [comment.author for comment in article.comments] == ["Reiseblog Süd"]


def test_a_serendipity_trackbacks_address_is_its_posts_link():
    """A trackback names the sending blog unlinked and links the sending post's title: in 2k11 after its time, in
    Timeline at the start of its excerpt. That link is the trackback's address, as a commenter's site is a
    comment's; a comment's link in its text is not."""
    trackback = (
        '<section id="trackbacks" class="serendipity_comments serendipity_section_trackbacks"><h3>Trackbacks</h3>'
        '<article id="c3" class="clearfix serendipity_comment odd"><h4><cite>Reiseblog Süd</cite> am'
        ' <time datetime="2024-06-07T14:03:00+02:00">Friday,  7. June 2024</time>:'
        ' <a href="https://reise.example/alpen">Alpen-Tipps</a></h4><details><summary>Vorschau anzeigen</summary>'
        '<div class="content serendipity_commentBody">Anna ist über die Alpen geradelt ...</div></details></article>'
        "</section>"
    )
    comment = (
        '<section id="comments" class="serendipity_comments serendipity_section_comments"><h3>Kommentare</h3>'
        '<article id="c4" class="serendipity_comment even commentlevel-0"><header class="clearfix"><h4>Maria am'
        ' <time datetime="2024-06-08T09:00:00+02:00">Saturday,  8. June 2024</time>:</h4></header>'
        '<div class="clearfix content serendipity_commentBody">Siehe <a href="https://karte.example/">die Karte</a>.'
        "</div></article></section>"
    )
    html = _s9y("index,follow", ENTRY.replace("</article>", "") + trackback + comment + "</article>")
    article = extract(html, "https://notizen.example/archives/3-Ueber-die-Alpen.html")
    assert [(c.author, c.author_url) for c in article.comments] == [
        ("Reiseblog Süd", "https://reise.example/alpen"),
        ("Maria", None),
    ]


def test_a_serendipity_images_comment_is_its_caption():
    """The default editor inserts a media library picture with a comment as a div.serendipity_imageComment_right,
    the picture in its div.serendipity_imageComment_img, the comment its div.serendipity_imageComment_txt."""
    picture = (
        '<div class="serendipity_imageComment_right" style="width: 400px"><div class="serendipity_imageComment_img">'
        '<!-- s9ymdb:5 --><img class="serendipity_image_right" width="400" height="280"'
        ' src="/uploads/reise/baldo.serendipityThumb.jpg" alt="Berge"></div>'
        '<div class="serendipity_imageComment_txt">Die Gipfel des Monte Baldo im Abendlicht</div></div>'
    )
    article = extract(_entry_page(picture), "https://notizen.example/archives/3-Ueber-die-Alpen.html")
    assert [(image.src, image.caption) for image in article.images] == [
        ("https://notizen.example/uploads/reise/baldo.serendipityThumb.jpg", "Die Gipfel des Monte Baldo im Abendlicht")
    ]


@pytest.mark.parametrize(
    ("href", "src"),
    [
        ("/uploads/server.png", "https://notizen.example/uploads/server.png"),
        ("/uploads/other.png", "https://notizen.example/uploads/server.serendipityThumb.png"),
        ("https://server.example/", "https://notizen.example/uploads/server.serendipityThumb.png"),
    ],
)
def test_a_serendipity_thumbnail_linked_to_its_upload_is_the_upload(href, src):
    """The media library inserts a picture as its thumbnail (name.serendipityThumb.ext beside name.ext in the
    uploads folder) inside an a.serendipity_image_link to the upload: the picture is the upload, as a WordPress size
    linked to its file is; a thumbnail that links elsewhere stays as shown."""
    picture = (
        '<figure class="serendipity_imageComment_center" style="width: 400px">'
        f'<div class="serendipity_imageComment_img"><a class="serendipity_image_link" href="{href}"><!-- s9ymdb:6 -->'
        '<img class="serendipity_image_center"'
        ' width="400" height="267" srcset="" src="/uploads/server.serendipityThumb.png" loading="lazy"'
        ' alt="Der Server"></a></div><figcaption class="serendipity_imageComment_txt">Die lüfterlose Kiste, seit März'
        "</figcaption></figure>"
    )
    article = extract(_entry_page(picture), "https://notizen.example/archives/3-Ueber-die-Alpen.html")
    assert [(image.src, image.caption) for image in article.images] == [(src, "Die lüfterlose Kiste, seit März")]


def test_a_serendipity_timeline_comment_is_a_comment():
    """Timeline, a theme Serendipity bundles, prints each comment as an li.comment-list-item in the ul.comment-list
    of its section.serendipity_comments: the name (or its link to the commenter's site) in a
    span.comment-author-details, a <time>, the text in a div.comment-content."""
    comments = (
        '<section id="comments" class="serendipity_comments serendipity_section_comments"><h3>2 Kommentare</h3>'
        '<ul class="comment-list"><li id="comment-1" class="comment-list-item"><a id="c1"></a>'
        '<div id="div-comment-1" class="comment_any comment_even"><div class="comment-list-item-body">'
        '<h5 class="comment-author-heading"><span class="comment-author-details"><a class="comment-author-url"'
        ' href="https://klaus.example/" rel="external nofollow">Klaus</a></span>&nbsp;'
        '<time class="comment-date" datetime="2024-06-05T09:12:00+02:00">Vor mehr als 3 Jahren</time></h5>'
        '<div class="comment-content">Toller Bericht! Der Reschenpass ist im Juni am schönsten.</div>'
        '<div class="comment-meta"><a class="comment-source-trace" href="#c1">#1</a></div></div></div></li>'
        '<li id="comment-2" class="comment-list-item"><a id="c2"></a><div id="div-comment-2" class="comment_any">'
        '<div class="comment-list-item-body"><h5 class="comment-author-heading"><span'
        ' class="comment-author-details">Maria</span>&nbsp;<time class="comment-date"'
        ' datetime="2024-06-06T21:47:00+02:00">Vor mehr als 3 Jahren</time></h5>'
        '<div class="comment-content">Wart ihr auch am Gardasee?</div></div></div></li></ul></section>'
    )
    html = _s9y("index,follow", ENTRY.replace("</article>", "") + comments + "</article>")
    article = extract(html, "https://notizen.example/archives/3-Ueber-die-Alpen.html")
    assert [(c.author, c.author_url, c.published, c.text) for c in article.comments] == [
        (
            "Klaus",
            "https://klaus.example/",
            "2024-06-05T09:12:00+02:00",
            "Toller Bericht! Der Reschenpass ist im Juni am schönsten.",
        ),
        ("Maria", None, "2024-06-06T21:47:00+02:00", "Wart ihr auch am Gardasee?"),
    ]
    assert "Gardasee" not in article.text


def test_a_serendipity_entry_without_a_category_has_none_of_the_sidebars():
    """Serendipity's Categories sidebar plugin lists every category of the blog, each a link to /categories/N-Name
    beside the link to its feed, and Timeline prints it in the div.row of its grid, where trafilatura looks for a
    post's category links: an entry filed under none is under none of them."""
    menu = "".join(
        f'<li class="category_depth0 category_{n}"><a class="serendipity_xml_icon" href="/feeds/categories/{n}-{name}'
        f'.rss"><img src="/img/xml.gif" alt="XML"></a> <a href="/categories/{n}-{name}">{name}</a></li>'
        for n, name in ((1, "Reisen"), (2, "Italien"), (3, "Technik"))
    )
    sidebar = (
        '<aside class="col-md-3 RightSideBarContainer"><section class="sidebar_plugin serendipity_plugin_categories">'
        f'<h3>Kategorien</h3><div class="sidebar_content"><ul class="plainList">{menu}</ul></div></section></aside>'
    )
    entry = ENTRY.replace('<a href="https://notizen.example/categories/1-Reisen">Reisen</a> |', "")
    # Timeline's Bootstrap grid: the entry's column and the sidebar's in one div.row
    html = _s9y("index,follow", entry).replace('<main id="content">', '<div class="row"><main id="content">')
    html = html.replace("</body>", f"{sidebar}</div></body>")
    article = extract(html, "https://notizen.example/archives/3-Ueber-die-Alpen.html")
    assert article.categories == []


def test_a_serendipity_entry_under_a_site_wide_noindex_is_still_a_post():
    """A blog that keeps itself out of search engines adds a noindex to every page (a plugin's meta beside the
    theme's `index,follow` on an entry's page, or alone): the theme's noindex on a view of entries tells a view from
    an entry, a noindex on every page does not, and an entry's own address is an entry's."""
    url = "https://notizen.example/archives/3-Ueber-die-Alpen.html"
    beside = _s9y("index,follow", ENTRY).replace("</head>", '<meta name="robots" content="noindex"></head>')
    assert extract(beside, url.replace("3-Ueber", "9-Ueber").replace("/archives/", "/blog/")).kind == "article"
    assert extract(_s9y("noindex,nofollow", ENTRY), url).kind == "article"


def _timeline_entry(body: str) -> str:
    """An entry's own page of Timeline: section#entry, its byline line p.post-info (the name's link, the <time>, the
    comments' link, each in a span of its own), the body in div.serendipity_entry_body, no <article>."""
    entry = (
        '<section id="entry"><h2><a href="/archives/2-Eigener-Server.html">Ein eigener Server</a></h2>'
        '<p class="post-info clearfix"><span class="sr-only">Geschrieben von</span><span class="entry-author-link">'
        '<i class="fa fa-user" aria-hidden="true"></i><a href="https://notizen.example/authors/2-Ben-Carter">'
        'Ben Carter</a></span><span class="sr-only"> am</span><span class="entry-timestamp"><i class="far fa-clock"'
        ' aria-hidden="true"></i><time datetime="2024-05-20T10:00:00+02:00">Monday, 20. May 2024</time></span>'
        '<span class="entry-comment-link"><i class="far fa-comment" aria-hidden="true"></i>'
        '<a href="/archives/2-Eigener-Server.html#comments">2 Kommentare</a></span></p>'
        f'<div class="serendipity_entry_body clearfix">{body}</div></section>'
    )
    return _s9y("index,follow", f'<div class="container content">{entry}</div>')


@pytest.mark.parametrize("picture", ["", '<img src="/uploads/server.serendipityThumb.png" alt="">'])
def test_a_serendipity_timeline_byline_is_no_author_box(picture):
    """Timeline's byline line names the author and the entry's date in one short line; the region around its name
    that holds the entry's body is the entry: neither is the author's box, nor the entry's picture their avatar."""
    body = picture + "Der Rechner steht unter dem Schreibtisch und braucht acht Watt.<br />\n" * 4
    article = extract(_timeline_entry(body), "https://notizen.example/archives/2-Eigener-Server.html")
    assert [a.name for a in article.authors] == ["Ben Carter"]
    assert article.author_boxes == []


@pytest.mark.parametrize(
    ("posted_by", "on", "comments"),
    [("Geschrieben von", " am", "2 Kommentare"), ("Posted by", " on", "2 Comments")],
)
def test_a_serendipity_timeline_byline_leaves_nothing_in_the_text(posted_by, on, comments):
    """Timeline prints the byline's words in span.sr-only beside the name's link, the <time> and the comments' link,
    each a span of its own: the line is the byline, none of it the entry's text."""
    body = "Der Rechner steht unter dem Schreibtisch und braucht acht Watt.<br />\n" * 4
    html = _timeline_entry(body).replace("Geschrieben von", posted_by).replace(" am<", f"{on}<")
    article = extract(html.replace("2 Kommentare", comments), "https://notizen.example/archives/2-Eigener-Server.html")
    assert article.text.startswith("Der Rechner steht") and article.markdown.startswith("Der Rechner steht")
    assert posted_by not in article.text and comments not in article.markdown
    assert [a.name for a in article.authors] == ["Ben Carter"] and article.published.startswith("2024-05-20")


def test_an_author_box_keeps_the_author_page_serendipity_links_without_url_rewriting():
    """Without URL rewriting Serendipity links an author's page `index.php?/authors/1-Anna`, the path in the query:
    an author box linking it (a theme's box, an "Über mich" box written into a sidebar) keeps that address."""
    entry = ENTRY.replace("https://notizen.example/authors/1-Anna", "https://notizen.example/index.php?/authors/1-Anna")
    box = (
        '<div class="author-box"><img class="avatar" src="/uploads/anna.jpg" width="96" height="96" alt="">'
        '<h4><a href="/index.php?/authors/1-Anna">Anna</a></h4><p>Anna fährt Rad, backt Brot und schreibt seit 2009'
        " über beides in diesem Notizbuch.</p></div>"
    )
    html = _s9y("index,follow", entry.replace("</footer></article>", f"</footer>{box}</article>"))
    article = extract(html, "https://notizen.example/index.php?/archives/3-Ueber-die-Alpen.html")
    assert [(box.name, box.url) for box in article.author_boxes] == [
        ("Anna", "https://notizen.example/index.php?/authors/1-Anna")
    ]
    assert [person.url for person in article.authors] == ["https://notizen.example/index.php?/authors/1-Anna"]


def test_serendipitys_switch_of_the_comments_view_is_not_followed(crawl, db):
    """Over an entry's comments Serendipity's themes link the other view of them, threaded or linear,
    `index.php?url=archives/1-Rye.html&serendipity[cview]=linear#comments` whether the blog rewrites its URLs or
    not: the entry again at another address, which prints no canonical there — a second copy of the entry, or,
    fetched with its `/` encoded, the front page."""
    switch = "/index.php?url=archives/1-Rye.html&amp;serendipity%5Bcview%5D=linear#comments"
    comments = (
        '<section id="comments" class="serendipity_comments serendipity_section_comments"><h3>Kommentare</h3>'
        f'<p class="manage_comments">Ansicht der Kommentare: <a rel="nofollow" href="{switch}">Linear</a> |'
        " Verschachtelt</p></section>"
    )
    head = '<meta name="generator" content="Serendipity v.2.4.0"><meta name="robots" content="index,follow">'
    entry = post_html("Rye", head=head).replace("</article>", f"{comments}</article>")
    routes = {"/": page("/archives/1-Rye.html"), "/archives/1-Rye.html": (200, {}, entry.encode())}
    copy = (200, {}, entry.replace("<head>", '<head><link rel="canonical" href="">').encode())
    with serve(Server(routes=routes, fallback=lambda request: answer(request, copy))) as site:
        result = crawl(site.base, "-s", "RETRY_TIMES=0", "--render", "never")
    assert result.returncode == 0, result.stderr
    assert db("SELECT url FROM articles") == [(f"{site.base}archives/1-Rye.html",)]
    assert not [path for path in site.paths() if "cview" in path]


# Three comments, the third a reply to the second: (number, level, name, site, <time datetime>, printed date line,
# text); Serendipity prints each after the one before, its level in a class or its thread's number ("#2.1")
_COMMENTS = (
    (1, 0, "Klaus", "https://klaus.example/", "2024-06-05T09:12:00+02:00", "05.06.2024 09:12", "Toller Bericht!"),
    (2, 0, "Maria", "", "2024-06-06T21:47:00+02:00", "06.06.2024 21:47", "Wart ihr am Gardasee?"),
    (3, 1, "Anna", "", "2024-06-07T08:05:00+02:00", "07.06.2024 08:05", "Nein, nächstes Jahr."),
)
_TRACE = {1: "#1", 2: "#2", 3: "#2.1"}


def _named(name: str, site: str) -> str:
    return f'<a href="{site}">{name}</a>' if site else name


def _bootstrap4(number, level, name, site, stated, printed, text):
    return (
        f'<li id="c{number}" class="comment mb-4 commentlevel_{level}"><ul class="comment_info plainList">'
        '<li class="d-inline-block"><svg class="icon-user" role="img"><title id="title">Geschrieben von</title>'
        f'<use xlink:href="/templates/bootstrap4/img/icons.svg#user"></use></svg>{_named(name, site)}</li>'
        '<li class="d-inline-block"><svg class="icon-calendar" role="img"><title id="title">am</title></svg>'
        f'<time datetime="{stated}">Wednesday,  5. June 2024</time></li></ul>'
        f'<div class="comment_content clearfix">{text}</div><a id="serendipity_reply_{number}" class="comment_reply'
        f' btn btn-outline-primary btn-sm" href="#serendipity_CommentForm">Antwort</a></li>'
    )


def _skeleton(number, level, name, site, stated, printed, text):
    return (
        f'<article id="c{number}" class="comment commentlevel_{level}"><h4>{_named(name, site)} am <time'
        f' datetime="{stated}">Wednesday,  5. June 2024</time>:</h4><div class="comment_content u-cf">{text}</div>'
        f'<a id="serendipity_reply_{number}" class="comment_reply" href="#serendipity_CommentForm">Antwort</a>'
        "</article>"
    )


def _next(number, level, name, site, stated, printed, text):
    return (
        f'<article id="c{number}" class="comment odd commentlevel-{level}"><header class="clearfix"><h4>'
        f'{_named(name, site)} am <time datetime="{stated}">Wednesday,  5. June 2024</time>:</h4></header>'
        f'<div class="clearfix">{text}</div><footer><ul class="meta"><li><time>{printed[-5:]}</time></li><li><a'
        f' class="comment_source_trace" href="#c{number}" title="Permanenter Link zu diesem Kommentar">Link</a></li>'
        f'<li><a id="serendipity_reply_{number}" class="comment_reply" href="#serendipity_CommentForm">Antwort</a>'
        "</li></ul></footer></article>"
    )


def _default(number, level, name, site, stated, printed, text, indent="padding-left: {}px", step=20):
    homepage = f' (<a class="comment_source_url" href="{site}" title="{site}">Homepage</a>)' if site else ""
    return (
        f'<a id="c{number}"></a><div id="serendipity_comment_{number}" class="serendipity_comment'
        f' serendipity_comment_author_{name} comment_oddbox" style="{indent.format(level * step)}">'
        f'<div class="serendipity_commentBody">{text}</div><div class="serendipity_comment_source"><a'
        f' class="comment_source_trace" href="#c{number}">{_TRACE[number]}</a> <span class="comment_source_author">'
        f'<a href="mailto:{name.lower()}[at]example.net">{name}</a></span>{homepage} am <span'
        f' class="comment_source_date">{printed}</span> (<a class="comment_reply" href="#serendipity_CommentForm"'
        f' id="serendipity_reply_{number}">Antwort</a>)</div></div>'
    )


def _bulletproof(*comment):
    return _default(*comment, indent="margin-left: {}px", step=10)


# Each theme's trackbacks' section: Bootstrap 4 and Skeleton print the sending post's linked title and the time
# alone, Next as 2k11 does, default the blog's name and the time in its own line ("Dec 07, 19:09": no year),
# Bulletproof 2k11's
_POST = '<a href="https://reise.example/alpen">Alpen-Tipps</a>'
_TIME = '<time datetime="2024-06-07T14:03:00+02:00">Friday,  7. June 2024</time>'
_TRACKBACKS = {
    "bootstrap4": f'<section id="trackbacks"><h3>Trackbacks</h3><ol class="plainList"><li id="c9" class="trackback'
    f' d-flex justify-content-between">{_POST}{_TIME}</li></ol></section>',
    "skeleton": f'<section id="trackbacks"><h3>Trackbacks</h3><ul class="plainList"><li id="c9" class="trackback">'
    f'<a class="trackback_title" href="https://reise.example/alpen">Alpen-Tipps</a>{_TIME}</li></ul></section>',
    "next": f'<section id="trackbacks" class="clearfix"><h3>Trackbacks</h3><article id="c9" class="trackback"><h4>'
    f"<cite>Reiseblog Süd</cite> am {_TIME}: {_POST}</h4><details><summary>Weiterlesen</summary><div"
    ' class="clearfix">Anna ist über die Alpen geradelt</div></details></article></section>',
    "default": '<div class="serendipity_comments serendipity_section_trackbacks"><a id="trackbacks"></a><div'
    ' class="serendipity_commentsTitle">Trackbacks</div><div class="serendipity_comment"><a id="c9"></a><div'
    f' class="serendipity_commentBody">{_POST}<br />Anna ist über die Alpen geradelt</div><div'
    ' class="serendipity_comment_source"><b>Weblog:</b> Reiseblog Süd<br /><b>Aufgenommen:</b> Jun 07, 14:03'
    "</div></div></div>",
    "bulletproof": '<div class="serendipity_comments serendipity_section_trackbacks"><a id="trackbacks"></a><div'
    ' id="serendipity_trackbacklist"><article id="c9" class="clearfix serendipity_comment odd"><h4><cite>Reiseblog'
    f' Süd</cite> am {_TIME}: {_POST}</h4><details><summary></summary><div class="content serendipity_commentBody">'
    "Anna ist über die Alpen geradelt</div></details></article></div></div>",
}
_LISTS = {
    "bootstrap4": ('<section id="comments"><h3>Kommentare</h3><ol class="plainList">', "</ol></section>"),
    "skeleton": ('<section id="comments"><h3>Kommentare</h3>', "</section>"),
    "next": ('<section id="comments" class="clearfix"><h3>Kommentare</h3>', "</section>"),
    "default": (
        '<div class="serendipity_comments serendipity_section_comments"><a id="comments"></a>'
        '<div class="serendipity_commentsTitle">Kommentare</div>',
        "</div>",
    ),
    "bulletproof": (
        '<div class="serendipity_comments serendipity_section_comments"><a id="comments"></a>'
        '<div id="serendipity_commentlist">',
        "</div></div>",
    ),
}
_THEMES = {"bootstrap4": _bootstrap4, "skeleton": _skeleton, "next": _next, "default": _default}
_THEMES["bulletproof"] = _bulletproof
_TRACKBACK_EXCERPT = "Anna ist über die Alpen geradelt"
# What each theme's trackback gives: (the blog, its time, its text)
_TRACKBACK = {
    "bootstrap4": (None, "2024-06-07T14:03:00+02:00", "Alpen-Tipps"),
    "skeleton": (None, "2024-06-07T14:03:00+02:00", "Alpen-Tipps"),
    "next": ("Reiseblog Süd", "2024-06-07T14:03:00+02:00", _TRACKBACK_EXCERPT),
    "default": (None, None, f"Alpen-Tipps\n{_TRACKBACK_EXCERPT}"),
    "bulletproof": ("Reiseblog Süd", "2024-06-07T14:03:00+02:00", _TRACKBACK_EXCERPT),
}


@pytest.mark.parametrize("theme", sorted(_THEMES))
def test_a_serendipity_themes_comments_with_their_commenter_time_and_thread(theme):
    """Each theme Serendipity bundles prints a comment its own way (comments.tpl): Bootstrap 4 an li.comment with
    the name and the <time> in a list, Skeleton and Next an article.comment, default and Bulletproof a
    div.serendipity_comment with its name, site and time in a line under the text, a reply's level in a class
    (`commentlevel_1`, `commentlevel-1`) or in the thread's number ("#2.1"); and a trackback (trackbacks.tpl)."""
    start, end = _LISTS[theme]
    comments = start + "".join(_THEMES[theme](*comment) for comment in _COMMENTS) + end
    html = _s9y("index,follow", ENTRY.replace("</article>", "") + _TRACKBACKS[theme] + comments + "</article>")
    article = extract(html, "https://notizen.example/archives/3-Ueber-die-Alpen.html")
    dated = theme in ("default", "bulletproof")  # the date line, to the minute, where no <time> states it
    assert [(c.id, c.parent, c.author, c.author_url, c.published, c.text) for c in article.comments] == [
        ("9", None, *_TRACKBACK[theme][:1], "https://reise.example/alpen", *_TRACKBACK[theme][1:]),
        *(
            (str(n), "2" if level else None, name, site or None, printed_iso if dated else stated, text)
            for (n, level, name, site, stated, printed, text), printed_iso in zip(
                _COMMENTS, ("2024-06-05T09:12", "2024-06-06T21:47", "2024-06-07T08:05"), strict=True
            )
        ),
    ]
    assert "Gardasee" not in article.text and "Alpen-Tipps" not in article.text


def _clean_blog_entry(body: str) -> str:
    """An entry's own page of Clean Blog: its title and byline line in the p.meta of the page's header (Start
    Bootstrap's .post-heading), the entry below in an article without a <time>."""
    heading = (
        '<header class="intro-header" role="banner"><div class="container"><div class="post-heading">'
        '<h1>Ein eigener Server</h1><p class="meta">Geschrieben von <a href="https://notizen.example/authors/2-Ben-'
        'Carter">Ben Carter</a> am <time datetime="2024-05-20T10:00:00+02:00">Monday, 20. May 2024</time></p>'
        "</div></div></header>"
    )
    entry = (
        '<main id="maincontent" class="container" role="main"><article id="post_2" class="post serendipity_entry"'
        f' role="article"><section id="entry"><div class="content serendipity_entry_body clearfix">{body}</div>'
        "</section></article></main>"
    )
    return _s9y("index,follow", "").replace('<main id="content"></main>', heading + entry)


@pytest.mark.parametrize("page", [_timeline_entry, _clean_blog_entry])
def test_a_serendipity_entrys_time_is_its_bylines_time_with_its_clock(page):
    """Timeline prints the entry's <time datetime> in the byline line of its section#entry, Clean Blog in the header
    over the entry, neither in an <article>: the entry was written at the time it states, not on the day alone."""
    body = "<p>Der Rechner steht unter dem Schreibtisch und braucht acht Watt.</p>" * 4
    article = extract(page(body), "https://notizen.example/archives/2-Eigener-Server.html")
    assert article.published == "2024-05-20T10:00:00+02:00"


def _footer_time_entry(theme: str, day: str, posted_by: str, at: str, link: str) -> str:
    """An entry's own page of a theme without a <time> (entries.tpl): the day in the h3.serendipity_date over the
    entry, the time as the text of the footer's link to the entry, after the author's and the category's links —
    default's and Bulletproof's div.serendipity_entryFooter under the body, Contest's span.serendipity_footer_posted
    over it; Bulletproof's day in an abbr.published whose title ends in strftime's %Z."""
    url = "/archives/1-Ueber-die-Alpen.html"
    heading = f'<h3 class="serendipity_date">{day}</h3>'
    if theme == "bulletproof":
        heading = (
            f'<h3 class="serendipity_date"><abbr class="published" title="2024-06-02T09:30:00CEST">{day}</abbr></h3>'
        )
    links = (
        f'{posted_by} <a href="https://notizen.example/authors/1-Anna">Anna</a> in <a'
        f' href="https://notizen.example/categories/1-Reisen">Reisen</a> {at} <a href="{url}">{link}</a>'
        f' | <a href="{url}#comments">Kommentare (3)</a>'
    )
    footer = f"<div class='serendipity_entryFooter'>{links}</div>"
    body = (
        '<div class="serendipity_entry_body">'
        + "Sieben Tage und sechshundert Kilometer von München nach Verona, über den Reschenpass.<br />\n" * 4
        + "</div>"
    )
    if theme == "contest":
        posted = f'<span class="serendipity_footer_posted">{at} <a href="{url}">{link}</a></span>'
        entry = f'<div class="serendipity_Entry_Header">{heading}</div><div class="serendipity_title_footer">'
        entry += f"{posted}</div>{body}"
    else:
        entry = f'{heading}<h4 class="serendipity_title"><a href="{url}">Über die Alpen</a></h4>'
        entry += f'<div class="serendipity_entry">{body}{footer}</div>'
    return _s9y("index,follow", f'<div class="serendipity_Entry_Date">{entry}</div>')


@pytest.mark.parametrize("theme", ["default", "contest", "bulletproof"])
@pytest.mark.parametrize(
    ("day", "posted_by", "at"),
    [("Sonntag,  2. Juni 2024", "Geschrieben von", "um"), ("Sunday, June  2. 2024", "Posted by", "at")],
)
def test_a_serendipity_entrys_time_is_its_days_heading_and_its_footers_clock(theme, day, posted_by, at):
    """default, Competition, Contest and Bulletproof print no <time>: the entry's day in the heading of its day's
    group, its time in its footer ("Geschrieben von Anna um 09:30"), Bulletproof's also in an abbr title with a
    zone's abbreviation, which names no offset. The entry was written at that time of that day, on the blog's
    clock — not on the day alone."""
    html = _footer_time_entry(theme, day, posted_by, at, "09:30")
    article = extract(html, "https://notizen.example/archives/1-Ueber-die-Alpen.html")
    assert article.published == "2024-06-02T09:30:00"


def test_a_serendipity_sticky_entrys_time_is_its_footers_day_and_clock():
    """A sticky entry's heading is "Dauerhafte Einträge", its footer's link prints the day before the time."""
    html = _footer_time_entry("default", "Dauerhafte Einträge", "Geschrieben von", "am", "Sonntag,  2. Juni 2024 09:30")
    article = extract(html, "https://notizen.example/archives/1-Ueber-die-Alpen.html")
    assert article.published == "2024-06-02T09:30:00"


def test_a_serendipity_entry_crawled_has_the_offset_its_rss_feed_gives_the_moment(crawl, db):
    """Serendipity's RSS 2.0 feed gives each entry it lists its moment with the blog's offset (`date('r')`, "Sun, 02
    Jun 2024 09:30:00 +0200"), the page the time on the blog's clock: stored with the offset."""
    feed = (
        '<?xml version="1.0" encoding="utf-8" ?><rss version="2.0"><channel><title>Notizbuch</title><link>/</link>'
        "<item><title>Über die Alpen</title><link>{base}archives/1-Ueber-die-Alpen.html</link>"
        "<pubDate>Sun, 02 Jun 2024 09:30:00 +0200</pubDate></item></channel></rss>"
    )
    html = _footer_time_entry("default", "Sonntag,  2. Juni 2024", "Geschrieben von", "um", "09:30")
    html = html.replace("</head>", '<link rel="alternate" type="application/rss+xml" href="/feeds/index.rss2"></head>')
    routes = {
        "/": page("/archives/1-Ueber-die-Alpen.html"),
        "/archives/1-Ueber-die-Alpen.html": (200, {}, html.encode()),
    }
    with serve(Server(routes=routes)) as site:
        site.routes["/feeds/index.rss2"] = (
            200,
            {"Content-Type": "application/rss+xml"},
            feed.format(base=site.base).encode(),
        )
        result = crawl(site.base, "-s", "RETRY_TIMES=0", "--render", "never")
    assert result.returncode == 0, result.stderr
    assert db("SELECT published FROM articles") == [("2024-06-02T09:30:00+02:00",)]
