"""Comments of blog engines that print the commenter in the line with the comment's time, no element of their own:
Dotclear's default theme ("From Kim - <time>") and Serendipity's 2k11 ("Kim on <time>:", replies a level class
each). The markup is the engines' own (Dotclear 2.40, Serendipity 2.7), trimmed."""

from __future__ import annotations

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
