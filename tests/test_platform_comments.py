"""Comments of blog engines other than WordPress, each in its own markup: those that print the commenter in the line
with the comment's time, no element of their own — Dotclear's default theme ("From Kim - <time>"), Serendipity's
2k11 ("Kim on <time>:", replies a level class each), PluXml's ("<time> - Kim said :") — and django-contrib-comments'
default list, Chyrp Lite's and FlatPress's. The markup is the engines' own (Dotclear 2.40, Serendipity 2.7,
django-contrib-comments 2.2 under Puput, Chyrp Lite 2026.02, FlatPress 1.5 Leggero, PluXml 5.8), trimmed."""

from __future__ import annotations

import json

from crawler.extraction.comments import find_comments
from crawler.extraction.page import Page


def _comments(html: str) -> list[tuple]:
    page = Page.from_html(f"<html><body>{html}</body></html>", "https://blog.example/post/")
    return [(c.id, c.parent, c.author, c.author_url, c.published, c.text) for c in find_comments(page)]


def test_dotclears_commenter_is_named_before_the_time():
    html = (
        '<div class="feedback__comments" id="comments"><h3>2 reactions</h3><ul class="comments-list">'
        '<li id="c1" class="comment odd first"><p class="comment-info"><a href="#c1" class="comment-number">1</a> '
        'From <a href="https://max.example.org/" rel="ugc nofollow">Max Mustermann</a> - <time datetime="2024-01-16'
        'T10:15:00+01:00">16/01/2024, 10:15</time></p><div class="comment-content"><p>Great overview.</p></div></li>'
        '<li id="c2" class="comment even"><p class="comment-info"><a href="#c2" class="comment-number">2</a> From '
        'Kim Minjun - <time datetime="2024-01-16T12:00:00+01:00">16/01/2024, 12:00</time></p><div class="comment-'
        'content"><p>Thanks!</p></div></li></ul></div>'
    )
    assert _comments(html) == [
        ("1", None, "Max Mustermann", "https://max.example.org/", "2024-01-16T10:15:00+01:00", "Great overview."),
        ("2", None, "Kim Minjun", None, "2024-01-16T12:00:00+01:00", "Thanks!"),
    ]


def test_serendipitys_comments_with_their_commenter_and_thread():
    def comment(number: int, level: int, who: str, when: str, text: str) -> str:
        return (
            f'<article id="c{number}" class="serendipity_comment odd commentlevel-{level}"><header class="clearfix">'
            f'<h4>{who} on <time datetime="{when}">Tuesday, January 16. 2024</time>:</h4></header><div class='
            f'"serendipity_commentBody clearfix content">{text}</div><footer><time>09:15</time> | <a class='
            f'"comment_source_trace" href="#c{number}">Link</a> | <a class="comment_reply" href="#serendipity_'
            f'CommentForm">Reply</a></footer></article>'
        )

    html = (
        '<section id="comments" class="serendipity_comments serendipity_section_comments"><h3>Comments</h3>'
        + comment(1, 0, '<a href="https://max.example.org/">Max Mustermann</a>', "2024-01-16T09:15:00+00:00", "Great.")
        + comment(2, 1, "Jane Example", "2024-01-16T11:00:00+00:00", "Thanks Max!")
        + "</section>"
    )
    assert _comments(html) == [
        ("1", None, "Max Mustermann", "https://max.example.org/", "2024-01-16T09:15:00+00:00", "Great."),
        ("2", "1", "Jane Example", None, "2024-01-16T11:00:00+00:00", "Thanks Max!"),
    ]


def test_django_contrib_comments_list_names_the_commenter_after_the_time_in_its_dt():
    """django-contrib-comments' default comments/list.html (Puput's, many Django blogs'): a `<dt id="cN">` prints
    the time and the commenter, "DATE - NAME", and the `<dd>` after it the text; none was archived."""
    html = (
        '<div><h3>Comments:</h3><dl id="comments">\n<dt id="c1">\n  April 13, 2023, 8:12 a.m. - Siobhan\n</dt>\n'
        '<dd>\n  <p>We did the same walk last May.</p>\n</dd>\n<dt id="c2">\n  Sept. 1, 2023, noon - Daniel '
        'O\'Connor\n</dt>\n<dd>\n  <p>Try next year!</p>\n</dd>\n<dt id="c3">April 14, 2023, 12:05 a.m. - Kim</dt>'
        '<dd><p>Same here.</p></dd></dl><form action="/comments/post/" method="post"><p><label for="id_name">Name:'
        '</label> <input type="text" name="name" id="id_name"></p></form></div>'
    )
    assert _comments(html) == [
        ("1", None, "Siobhan", None, "2023-04-13T08:12:00", "We did the same walk last May."),
        ("2", None, "Daniel O'Connor", None, "2023-09-01T12:00:00", "Try next year!"),
        ("3", None, "Kim", None, "2023-04-14T00:05:00", "Same here."),
    ]


def test_chyrp_lites_commenter_is_the_heading_that_says_said_and_no_line_of_the_text():
    """Chyrp Lite prints "<a>Name</a> said:" in a heading first in the comment's section (Topaz; Blossom's
    `<h4>`) or over it (Sparrow's `<h3>`), its time in the permalink below; none was archived."""
    html = (
        '<article class="commentary"><ol class="comments paginated" data-post_id="9"><li id="comment_1"><section '
        'class="comment" dir="auto"><h4><a href="https://maire.example.net/">Máire Ní Bhriain</a> said:</h4><p>We '
        'were there the same week.</p><p>The path was closed.</p></section><div class="metadata"><a href="https://'
        'blog.example/comment/1/" class="permalink"><time datetime="2024-03-10T08:00:00+01:00">10 March 2024</time>'
        '</a></div></li><li id="comment_2"><h3>Tom said:</h3><section class="comment"><p>Upwards rain is the best '
        'rain.</p></section><div class="metadata"><a href="https://blog.example/comment/2/" class="permalink"><time '
        'datetime="2024-03-11T20:15:00+01:00">11 March 2024</time></a></div></li><li id="comment_shim"></li><li '
        'class="comment_form"><form id="add_comment" method="post"><label for="c">Your comment</label><textarea '
        'id="c"></textarea><button type="submit">Speak</button></form></li></ol></article>'
    )
    assert _comments(html) == [
        (
            "1",
            None,
            "Máire Ní Bhriain",
            "https://maire.example.net/",
            "2024-03-10T08:00:00+01:00",
            "We were there the same week.\nThe path was closed.",
        ),
        ("2", None, "Tom", None, "2024-03-11T20:15:00+01:00", "Upwards rain is the best rain."),
    ]


def test_flatpress_comments_are_dated_by_their_id_when_the_day_is_not_printed():
    """FlatPress's Leggero prints the comment's paragraphs in its `<li>` beside the name and the date line, and
    a day's second comment only " at 09:30:00"; the id holds when it was written (`comment240310-093000`). None
    was archived."""

    def comment(stamp: str, who: str, day: str, text: str) -> str:
        return (
            f'<li id="comment{stamp}" ><strong class=\'comment-name\'>{who}</strong><p class="date"><a href="https:'
            f'//blog.example/post/comments/#comment{stamp}" title="Permalink">{day}</a></p>{text}</li>'
        )

    html = (
        '<ol id="comments">'
        + comment(
            "240310-080000",
            '<a href="https://maire.example.net/" rel="nofollow">Máire</a>',
            "Sunday, March 10, 2024 at 08:00:00",
            "<p>We were there.</p><p>It rained</p>",
        )
        + comment("240310-093000", "Tom", " at 09:30:00", "<p>Thanks!</p>")
        + "</ol>"
    )
    assert _comments(html) == [
        (
            "240310-080000",
            None,
            "Máire",
            "https://maire.example.net/",
            "2024-03-10T08:00:00",
            "We were there.\nIt rained",
        ),
        ("240310-093000", None, "Tom", None, "2024-03-10T09:30:00", "Thanks!"),
    ]


def test_pluxmls_commenter_is_named_after_the_time_and_replies_follow_by_level():
    """PluXml's default theme prints "#2 <time> - <a>Name</a> said :" (its number a link to the comment's full
    address), the text in `p.content_com`, and a reply after its parent with `level-1`; none was archived."""

    def comment(number: int, level: int, who: str, when: str, text: str) -> str:
        return (
            f'<div id="c0009-{number}" class="comment level-{level}"><div id="com-{number}"><small><a class="nbcom" '
            f'href="https://blog.example/article9/cliffs#c0009-{number}" title="#{number}">#{number}</a>&nbsp;\n'
            f'<time datetime="{when}">sunday 10 march 2024 - 08:00</time> -\n{who}\t\tsaid :\n</small><blockquote>'
            f'<p class="content_com type-normal">{text}</p></blockquote></div><a rel="nofollow" href="https://blog.'
            f'example/article9/cliffs#form" onclick="replyCom(\'{number}\')">Reply</a></div>'
        )

    html = (
        '<h3 id="comments">3 comments</h3>'
        + comment(1, 0, '<a rel="nofollow" href="https://maire.example.net/">Máire</a>', "2024-03-10 08:00", "Closed.")
        + comment(2, 1, '<a rel="nofollow" href="https://daniel.example.org/">Daniel</a>', "2024-03-10 09:30", "Ok.")
        + comment(3, 0, "Tom", "2024-03-11 20:15", "Rain.")
    )
    assert _comments(html) == [
        ("1", None, "Máire", "https://maire.example.net/", "2024-03-10T08:00", "Closed."),
        ("2", "1", "Daniel", "https://daniel.example.org/", "2024-03-10T09:30", "Ok."),
        ("3", None, "Tom", None, "2024-03-11T20:15", "Rain."),
    ]


def _ikiwiki_comment(html5: bool, digest: str, subject: str, who: str, when: str, text: str) -> str:
    """A comment as ikiwiki's comments plugin prints it (templates/comment.tmpl, ikiwiki 3.2020): its subject,
    its text in `.inlinecontent`, then "Comment by <span class=author>…</span> — <the time>"; with the html5
    option an <article> of <header>s and a <section>, and the time a <time datetime>."""
    block, head, body = ("article", "header", "section") if html5 else ("div", "div", "div")
    printed = f"{when[:10]} {when[11:16]}"
    time = f'<span class="date">{printed}</span>'
    if html5:
        time = f'<time datetime="{when}" pubdate="pubdate">{printed}</time>'
    return (
        f'<{block} class="comment" id="comment-{digest}">\n<{head} class="comment-subject">\n<a href="https://blog.'
        f'example/post/#comment-{digest}">{subject}</a>\n</{head}>\n<{body} class="inlinecontent">\n{text}\n</{body}>'
        f'\n<{head} class="comment-header">\nComment by\n<span class="author" title="Signed in">\n{who}\n</span>\n'
        f'&mdash; {time}\n</{head}>\n<div style="clear: both"></div>\n</{block}>'
    )


def test_ikiwikis_comments_with_their_commenter_and_time():
    """ikiwiki's comments plugin: a comment's id is the md5 of its page, its text in `.inlinecontent` (a
    one-paragraph comment with no <p>), the commenter in the header's `span.author` after "Comment by", the time
    in its `span.date` ("%Y-%m-%d %H:%M" as the setup's timeformat says) or, with html5, a <time>; no comment
    was archived (no text found, or none of the items was read as a comment)."""
    first, second = "8590ecb248898daeb6c38d5f1e608c3c", "83fd386714760413a37b7f570f79ae4f"
    for html5 in (False, True):
        html = (
            '<div id="comments" role="complementary">'
            + _ikiwiki_comment(html5, first, "Backups", "Jonas Weber", "2024-05-10T08:00:00Z", "Sound great.")
            + _ikiwiki_comment(html5, second, "Re: Backups", "Anna", "2024-05-10T09:30:00Z", "<p>No.</p><p>Only.</p>")
            + '<div class="addcomment">Comments on this page are closed.</div></div>'
        )
        when = ("2024-05-10T08:00:00Z", "2024-05-10T09:30:00Z") if html5 else ("2024-05-10T08:00", "2024-05-10T09:30")
        assert _comments(html) == [
            (first, None, "Jonas Weber", None, when[0], "Sound great."),
            (second, None, "Anna", None, when[1], "No.\nOnly."),
        ], html5


def _chronicle_comment(who: str, submitted: str, text: str) -> str:
    """A comment as chronicle's stock themes print it (comment-loop.inc of default, leftbar, blocky and
    copyrighteous, chronicle 4.6): its commenter, its date as chronicle reads it from the comment file's name
    ("Submitted at HH:MM:SS on DD Month YYYY", comments.cgi's gmtime) and its text as the visitor typed it, each a
    div of the comment's div.entry, every comment in one <blockquote> under the heading."""
    return (
        f'\n  <div class="entry">\n  <div class="title">{who}</div>\n  <div class="date">{submitted}</div>\n'
        f'  <div class="body">{text}\n</div>\n  </div>\n'
    )


def test_chronicles_comments_with_their_commenter_and_submission_time():
    """chronicle's comment loop marks nothing as a comment (no id, no comment class: a div.entry like the post's
    own, in a <blockquote> after "<h3>Comments On This Entry</h3>"); no comment was archived."""
    html = (
        '<div class="entry"><div class="title">Static blogs</div><div class="date">2nd May 2024</div>'
        '<div class="body"><p>A blog compiler turns text into HTML.</p></div></div>\n'
        " <h3>Comments On This Entry</h3>\n <blockquote>"
        + _chronicle_comment("Sam Porter", "Submitted at 12:00:00 on 03 May 2024", "What do you use for search?")
        + _chronicle_comment("Kim Minjun", "Submitted at 18:45:00 on  3 May 2024", "Nothing yet.\nThe tags do.")
        + ' </blockquote>\n<h3>Add A Comment</h3>\n<blockquote><form action="/cgi-bin/comments.cgi" method="post">'
        '<input type="text" name="name"></form></blockquote>'
    )
    assert _comments(html) == [
        (None, None, "Sam Porter", None, "2024-05-03T12:00:00", "What do you use for search?"),
        (None, None, "Kim Minjun", None, "2024-05-03T18:45:00", "Nothing yet. The tags do."),  # as a browser shows it
    ]


def _tistory_comment(number: int, kind: str, who: str, when: str, text: str, replies: str = "") -> str:
    return (
        f'<li id="comment{number}"><div class="rp_{kind}"><span class="image"><img src="https://tistory1.daumcdn.net/'
        f'tistory/1/attach/p.png" width="32" height="32"></span><span class="name">{who}</span><span class="date"> '
        f'{when}</span><span class="control"><a href="/88#comment{number}" class="address">&nbsp;<span>댓글주소</span>'
        f'</a><a href="#" onclick="" class="modify">&nbsp;<span>수정/삭제</span></a></span><p>{text}</p></div>'
        + (f"<ul>{replies}</ul>" if replies else "")
        + "</li>"
    )


def test_tistory_skins_comments_with_their_commenter_time_and_replies():
    """A Tistory skin prints its comments with the platform's <s_rp_rep> substitutions (Tistory's skin guide,
    comment.md): each an <li id="[##_rp_rep_id_##]"> ("comment" and the comment's number) around a div classed
    [##_rp_rep_class_##] (rp_general, rp_admin for the blog's owner …), the commenter in span.name, the time as
    Tistory prints it ("2016.07.25 09:13"), the text in a <p>, the replies (<s_rp2_rep>) in a list inside their
    parent's <li>; no comment was archived."""
    reply = _tistory_comment(5120340, "admin", "냥집사", "2016.07.25 12:40", "아침 7시쯤이었어요.")
    html = (
        '<div class="commentList"><ol>'
        + _tistory_comment(
            5120331,
            "general",
            '<a href="https://momo.tistory.com">모모</a>',
            "2016.07.25 09:13",
            "도리이 사진 정말 멋지네요!",
            reply,
        )
        + _tistory_comment(5120355, "general", "교토덕후", "2016.07.26 22:01", "비 오는 날도 운치 있어요.")
        + "</ol></div>"
    )
    assert _comments(html) == [
        ("5120331", None, "모모", "https://momo.tistory.com", "2016-07-25T09:13", "도리이 사진 정말 멋지네요!"),
        ("5120340", "5120331", "냥집사", None, "2016-07-25T12:40", "아침 7시쯤이었어요."),
        ("5120355", None, "교토덕후", None, "2016-07-26T22:01", "비 오는 날도 운치 있어요."),
    ]


def _velog_comment(who: str, when: str, text: str) -> str:
    return (
        '<div class="sc-jSMfEi sc-gKXOVf comment"><div class="sc-iBkjds kBaNhd"><div class="profile"><a href="/@'
        f'{who}"><img src="https://velog.velcdn.com/images/{who}/profile/a.png" alt="comment-user-thumbnail"></a>'
        f'<div class="comment-info"><div class="username"><a href="/@{who}">{who}</a></div><div class="date">{when}'
        '</div></div></div></div><div class="sc-hAZoDl"><div class="sc-jqUVSM"><div class="sc-kgflAQ lbRXIp '
        f'atom-one">{text}</div></div></div><div class="sc-fnykZs"><div class="sc-fEOsli"><svg></svg><span>답글 달기'
        "</span></div></div></div>"
    )


def test_velogs_comments_with_their_commenter_and_day():
    """Velog prints each comment (velog-client's PostCommentItem) in a div.comment whose other classes are
    styled-components' hashes: its head's div.profile holds the avatar and div.comment-info, the commenter's
    .username and the .date ("2023년 5월 4일"), the text is its Markdown rendered in a div.atom-one (its code
    theme's class), under it the "답글 달기" toggle; no comment was archived."""
    html = (
        '<div class="sc-dkPtRN"><h4>2개의 댓글</h4><div class="sc-hKMtZM"><textarea placeholder="댓글을 작성하세요">'
        '</textarea></div><div class="sc-eCYdqJ">'
        + _velog_comment("parkdev", "2023년 5월 4일", "<p>flushSync 예시가 도움이 됐어요.</p><p>감사합니다!</p>")
        + _velog_comment("leejs", "3일 전", "<p>이제 지워도 되겠네요.</p>")
        + "</div></div>"
    )
    assert _comments(html) == [
        (
            None,
            None,
            "parkdev",
            "https://blog.example/@parkdev",
            "2023-05-04",
            "flushSync 예시가 도움이 됐어요.\n감사합니다!",
        ),
        (None, None, "leejs", "https://blog.example/@leejs", None, "이제 지워도 되겠네요."),
    ]


def test_substacks_commenter_is_the_link_in_its_commenter_name():
    """Substack's comments had no commenter: each comment's table.comment-content names them in a
    span.commenter-name (their profile link) over the .comment-body, a class no commenter selector named."""

    def comment(number: int, who: str, profile: str, text: str) -> str:
        return (
            f'<div class="comment" id="comment-{number}"><table class="comment-content"><tr><td class="comment-head">'
            f'<a href="{profile}"><img class="user-icon" src="https://substackcdn.com/x.png"></a></td>'
            f'<td class="comment-main"><div class="comment-meta"><span class="commenter-name"><a href="{profile}">'
            f'{who}</a></span></div><div class="comment-body"><p>{text}</p></div><div class="comment-actions">'
            '<span><a href="#">♡ 3</a></span><span><a href="#">Reply</a></span></div></td></tr></table></div>'
        )

    html = (
        '<div id="discussion" class="comments-section"><div class="comments-page"><div class="comment-list">'
        '<div class="comment-list-items">'
        + comment(4911, "Alan Reid", "https://substack.com/profile/1200-alan-reid", "Lovely piece.")
        + comment(4912, "June Okafor", "https://substack.com/profile/877-june-okafor", "Did you go out on the boats?")
        + "</div></div></div></div>"
    )
    assert _comments(html) == [
        ("4911", None, "Alan Reid", "https://substack.com/profile/1200-alan-reid", None, "Lovely piece."),
        (
            "4912",
            None,
            "June Okafor",
            "https://substack.com/profile/877-june-okafor",
            None,
            "Did you go out on the boats?",
        ),
    ]


def test_substacks_comment_dates_without_a_year_come_from_its_start_up_data_or_are_left_out():
    """Substack's comments printed as "Mar 3" (this year's: Substack prints the day without its year) were dated
    nothing (a day without its year is no date, rather than a guessed year); the page's own data, `window._preloads`
    (each comment's id and ISO date), gives the time each was written."""

    def comment(number: int, who: str, when: str, text: str) -> str:
        return (
            f'<div class="comment" id="comment-{number}"><table class="comment-content"><tr><td class="comment-main">'
            f'<div class="comment-meta"><span class="commenter-name"><a href="https://substack.com/profile/{number}">'
            f'{who}</a></span><a class="comment-date" href="https://theledger.substack.com/p/march-numbers/comment/'
            f'{number}">{when}</a></div><div class="comment-body"><p>{text}</p></div></td></tr></table></div>'
        )

    preloads = {
        "post": {"id": 1402, "slug": "march-numbers"},
        "comments": [
            {
                "id": 4911,
                "name": "Alan Reid",
                "body": "Lovely piece.",
                "date": "2026-03-03T16:12:40.118Z",
                "children": [],
            }
        ],
    }
    script = f"<script>window._preloads = JSON.parse({json.dumps(json.dumps(preloads))})</script>"
    html = (
        '<div id="discussion" class="comments-section"><div class="comment-list-items">'
        + comment(4911, "Alan Reid", "Mar 3", "Lovely piece.")
        + comment(4912, "June Okafor", "Mar 4", "Did you go out on the boats?")
        + comment(3120, "Ian Moss", "Nov 20, 2023", "Still true a year on.")
        + "</div></div>"
    )
    assert [(c.author, c.published) for c in _substack_comments(script + html)] == [
        ("Alan Reid", "2026-03-03T16:12:40.118Z"),
        ("June Okafor", None),
        ("Ian Moss", "2023-11-20"),
    ]
    assert _substack_comments(html)[0].published is None  # without the data: no guessed year


def _substack_comments(html: str) -> list:
    page = Page.from_html(f"<html><body>{html}</body></html>", "https://theledger.substack.com/p/march-numbers")
    return find_comments(page)


def test_rhymixs_board_comments_are_read_and_a_reply_threaded_by_its_indent():
    """Rhymix's board skins print a document's comments as li#comment_N.fbItem, the commenter in an h3.author, the
    time "2024.01.11 09:30", the text the core's div.xe_content, a reply after its parent classed `indent1`: no
    comment of a Korean board's document was read."""

    def item(number: int, name: str, text: str, depth: int = 0) -> str:
        indent = f" indent indent{depth}" if depth else ""
        return (
            f'<li class="fbItem{indent}" id="comment_{number}"><div class="fbMeta"><span class="profile"></span>'
            f'<h3 class="author"><strong>{name}</strong></h3><p class="time">2024.01.11 09:3{depth}</p></div>'
            f'<div class="comment_{number}_0 rhymix_content xe_content"><p>{text}</p></div><p class="action">'
            '<a href="#" class="voted">추천0</a></p></li>'
        )

    html = (
        '<div class="feedback" id="comment"><div class="fbHeader"><h2>댓글 <em>3</em></h2></div><ul class="fbList">'
        + item(111, "김민지", "좋은 글 감사합니다.")
        + item(117, "박서준", "저도 그렇게 생각해요.", depth=1)
        + item(114, "이하늘", "다음 글도 기대할게요.")
        + "</ul></div>"
    )
    assert _comments(html) == [
        ("111", None, "김민지", None, "2024-01-11T09:30", "좋은 글 감사합니다."),
        ("117", "111", "박서준", None, "2024-01-11T09:31", "저도 그렇게 생각해요."),
        ("114", None, "이하늘", None, "2024-01-11T09:30", "다음 글도 기대할게요."),
    ]
