"""IndieWeb blogs (Eleventy, Jekyll, Hugo or hand-made): posts marked up as microformats2 h-entries, and the
webmentions they received printed into the page at build time — the pages written after the markup of Eleventy's
and Jekyll's webmention templates and of the microformats2 h-entry `comment` property."""

from __future__ import annotations

from crawler.extraction.extract import extract

URL = "https://ann.example/articles/2020-02-21-teaser-links/"
HEAD = (
    "<head><meta charset='utf-8'><title>Teaser links – Ann's site</title>"
    "<meta name='generator' content='Eleventy v0.11.1'>"
    "<link rel='webmention' href='https://webmention.io/ann.example/webmention'></head>"
)
POST = (
    "<article class='h-entry'><h1 class='p-name'>Teaser links</h1>"
    "<time class='dt-published' datetime='2020-02-21T07:56:12+00:00'>February 21, 2020</time>"
    "<a class='p-author h-card' href='https://ann.example/'>Ann Example</a>"
    # the post answers another: the reply context names that post's author and quotes it
    "<div class='u-in-reply-to h-cite'><a class='u-url' href='https://bob.example/teasers/'>Bob's teasers</a>"
    " by <span class='p-author h-card'>Bob</span>: <p class='p-content'>How do you link a whole card?</p></div>"
    "<div class='e-content'><p>A teaser card often holds a heading, an image and a summary, and readers expect"
    " a click anywhere on it to open the article it announces.</p>"
    "<blockquote class='h-cite'><p class='p-content'>Block links are a trade-off.</p>"
    "<span class='p-author h-card'>Carol</span></blockquote>"
    "<p>Here are three ways to build it, with what each costs for keyboard and screen reader users.</p></div>"
    "</article>"
)


def _reply(wm_id: int, name: str, source: str, published: str, content: str) -> str:
    """One webmention as the Eleventy webmention template (and the many copied from it) prints it."""
    return (
        f"<li class='webmentions__item'><article class='webmention h-cite' id='webmention-{wm_id}'>"
        "<div class='webmention__meta'>"
        f"<a class='webmention__author p-author h-card u-url' href='{source}'>"
        f"<img class='webmention__author__photo u-photo' src='https://webmention.io/avatar/{wm_id}.jpg' alt='{name}'>"
        f"<strong class='p-name'>{name}</strong></a>"
        f"<time class='webmention__pubdate dt-published' datetime='{published}'>{published[:10]}</time></div>"
        f"<div class='webmention__content p-content'>{content}</div></article></li>"
    )


WEBMENTIONS = (
    "<div class='webmentions' id='webmentions'><h3>Webmentions</h3>"
    # likes: a facepile of the likers' h-cards, and a like marked as the h-entry's `like` property
    "<div class='webmentions__facepile'>"
    "<a class='h-card u-url' href='https://dee.example/'><img class='u-photo' src='/dee.jpg' alt='Dee'></a>"
    "<span class='p-like h-cite'><a class='p-author h-card' href='https://eve.example/'>Eve</a></span></div>"
    "<ol class='webmentions__list'>"
    + _reply(759665, "Michael", "https://social.example/@michael/1", "2020-02-23T08:28:16+00:00", "Thanks, updated!")
    + _reply(
        759713,
        "Søren",
        "https://social.example/@soeren/2",
        "2020-02-23T10:23:11+00:00",
        "Nice! Why list no extra hover states as a disadvantage of the block link?",
    )
    + "</ol></div>"
)


def _page(main: str) -> str:
    return f"<html lang='en'>{HEAD}<body><header><a href='/'>Ann's site</a></header><main>{main}</main></body></html>"


def test_the_webmentions_an_indieweb_post_received_are_its_comments():
    """An Eleventy post's webmentions, printed under it as h-cites (author h-card, dt-published, p-content), were
    no comments: no platform's comment markup names them — microformats2 does: each h-cite naming its author and
    holding content is a response to the post; not the h-cite the post itself replies to (`u-in-reply-to`), nor
    one it quotes in its text, nor the likes (a facepile of h-cards, a `p-like` without content)."""
    post = extract(_page(POST + WEBMENTIONS), URL)
    assert [(c.author, c.published, c.text, c.id, c.author_url) for c in post.comments] == [
        ("Michael", "2020-02-23T08:28:16+00:00", "Thanks, updated!", "759665", "https://social.example/@michael/1"),
        (
            "Søren",
            "2020-02-23T10:23:11+00:00",
            "Nice! Why list no extra hover states as a disadvantage of the block link?",
            "759713",
            "https://social.example/@soeren/2",
        ),
    ]
    assert "Thanks, updated" not in post.text
    assert "Block links are a trade-off." in post.text


def test_an_h_entrys_comment_property_is_a_comment_of_the_post():
    """A response marked as the post's h-entry `comment` property (`p-comment h-entry`, as WordPress's Semantic
    Linkbacks and Known print a received reply) is a comment, its author the h-card's name, its text the
    e-content — and no part of the post's text."""
    reply = (
        "<div class='p-comment h-entry'><div class='p-author h-card'><img class='u-photo' src='/f.jpg' alt=''>"
        "<a class='p-name u-url' href='https://frank.example/'>Frank</a></div>"
        "<a class='u-url' href='https://frank.example/2020/02/re-teasers'><time class='dt-published'"
        " datetime='2020-02-24T18:05:00+01:00'>24 Feb</time></a>"
        "<div class='e-content'><p>I use the pseudo-element trick as well.</p></div></div>"
    )
    post = extract(_page(POST.replace("</article>", f"<section>{reply}</section></article>")), URL)
    assert [(c.author, c.published, c.text, c.author_url) for c in post.comments] == [
        ("Frank", "2020-02-24T18:05:00+01:00", "I use the pseudo-element trick as well.", "https://frank.example/")
    ]
    assert "pseudo-element" not in post.text


def _note(path: str, iso: str, words: str) -> str:
    """An untitled note as an Eleventy site's activity stream prints it: an h-entry, its empty heading, its date
    the link to its own page."""
    return (
        f"<div data-type='note' class='h-entry activity-card'><header><span>note</span><h2></h2>"
        f"<span class='date'><a href='{path}'><time datetime='{iso}'>{iso[:10]}</time></a></span></header>"
        f"<div class='content'><p>{words}</p></div><footer><span class='tag'>#CSS</span>"
        "<ul><li>0 Likes</li><li>0 Reposts</li></ul></footer></div>"
    )


NOTES = [
    ("/en/notes/2026/04/09/01/", "2026-04-09T05:12:38Z", "Today is CSS Naked Day, and this site takes part."),
    ("/en/notes/2025/11/17/01/", "2025-11-17T12:44:12Z", "Our daughter ate her first full meal without the tube."),
    ("/en/notes/2025/10/28/01/", "2025-10-28T12:26:58Z", "Moved the site's search to Pagefind, no server needed."),
    ("/en/notes/2024/03/21/01/", "2024-03-21T08:26:51Z", "Spring cleaning of the stylesheet: half of it was dead."),
]


def test_a_stream_of_untitled_notes_is_a_listing_and_a_notes_page_its_post():
    """An IndieWeb site's activity stream — its notes in full, each an h-entry without a title, whose permalink is
    its date (a link around its `<time>`) — was stored as a post of 20 notes: no entry linked another page by a
    title. Each such date link is its entry's link to the note's page: the stream is a listing; the note's own
    page, its date linking to itself, is still the post."""
    stream = "<h1>Activity feed</h1><div class='activity'>" + "".join(_note(*note) for note in NOTES) + "</div>"
    page = extract(_page(stream), "https://ann.example/en/activity/")
    assert page.kind == "listing"
    path, iso, words = NOTES[0]
    note = extract(_page(_note(path, iso, words)), "https://ann.example" + path)
    assert note.kind == "article"
    assert words in note.text


def _js_templated(title: str, entry: str) -> str:
    """A page of a generator whose templates are JavaScript: its title template is "${title} | Site"."""
    return (
        f"<html lang='en'><head><meta charset='utf-8'><title>{title} | Ann Example</title>"
        f"<meta property='og:title' content='{title} | Ann Example'>"
        "<meta property='og:site_name' content='Ann Example'><meta name='author' content='Ann Example'></head>"
        f"<body><header><a href='/en/' class='h-card'>Ann Example</a></header><main>{entry}</main></body></html>"
    )


NOTE_ENTRY = (
    "<article><div class='card h-entry'><header><p class='p-author h-card'><img class='u-photo' src='/a.png' alt>"
    "<strong class='p-name'>@ann</strong></p><time datetime='2023-03-22T17:04:32.000Z'>March 22, 2023</time>"
    "</header><div class='card__content'><p>With the new release and its i18n plugin it is time to clean the way"
    " this site manages its two languages.</p><p>#WebDev</p></div></div></article>"
)


def test_an_untitled_note_has_no_title_rather_than_undefined_or_its_authors_name():
    """An Eleventy site's notes, untitled, were titled "undefined": its JavaScript title template printed the
    missing title so ("undefined | Site", in <title> and og:title) — that is no title; nor is the name of the
    note's author h-card (`p-author h-card` > `p-name`), which the h-entry's `.p-name` selector took next: in
    microformats2 a property belongs to its nearest root. A post whose page prints its title "undefined" keeps
    it."""
    note = extract(_js_templated("undefined", NOTE_ENTRY), "https://ann.example/en/notes/2023/03/22/01/")
    assert note.kind == "article"
    assert note.title is None
    assert note.published.startswith("2023-03-22T17:04:32")
    titled = NOTE_ENTRY.replace("<header>", "<header><h1 class='p-name'>undefined</h1>")
    post = extract(_js_templated("undefined", titled), "https://ann.example/en/posts/undefined/")
    assert post.title == "undefined"
