"""Ghost's markup conventions: its generator tag and `{{body_class}}` name the page's template, which settles what
the page is (a one-line post beside "Read more" cards, About marked up as an Article); a post's content is its
`.gh-content`; the byline's avatar is no post image; another post's card is no author box."""

from __future__ import annotations

import pytest

from crawler.extraction.extract import extract

LINE = "Today I learned that a good espresso needs exactly twenty-five seconds of extraction."
EXCERPT = "This spring I planted tomatoes, beans and far too much zucchini in the raised beds behind the house. " * 2
CARD = (
    '<article class="gh-card post no-image"><a class="gh-card-link" href="/{0}/"><div class="gh-card-wrapper">'
    '<h3 class="gh-card-title is-title">{0}</h3><p class="gh-card-excerpt is-body">{1}</p></div></a></article>'
)
SOURCE_READ_MORE = (
    '<section class="gh-container is-grid gh-outer"><div class="gh-container-inner gh-inner"><h2 class="gh-'
    'container-title">Read more</h2><div class="gh-feed">'
    + "".join(CARD.format(slug, EXCERPT) for slug in ("garden-diary", "rainy-day", "seoul", "rust"))
    + "</div></div></section>"
)
CASPER_READ_MORE = (
    '<aside class="read-more-wrap outer"><div class="read-more inner"><article class="post-card post no-image">'
    '<div class="post-card-content"><a class="post-card-content-link" href="/garden-diary/"><header class="post-'
    f'card-header"><h2 class="post-card-title">A Small Garden Diary</h2></header><div class="post-card-excerpt">'
    f"{EXCERPT}</div></a></div></article></div></aside>"
)


def _ghost(body_class: str, main: str, after: str = "", jsonld_type: str = "Article") -> str:
    jsonld = f'{{"@context": "https://schema.org", "@type": "{jsonld_type}", "headline": "Coffee Note"}}'
    return (
        '<html lang="en"><head><title>Coffee Note</title><meta name="generator" content="Ghost 5.130">'
        f'<script type="application/ld+json">{jsonld}</script></head><body class="{body_class}">'
        '<header id="gh-navigation"><a class="gh-navigation-logo" href="/">Jane\'s Notes</a><nav><a href="/about/">'
        f'About</a></nav></header><main class="gh-main">{main}</main>{after}<footer class="gh-footer">Powered by Ghost'
        "</footer></body></html>"
    )


@pytest.mark.parametrize("after", [SOURCE_READ_MORE, CASPER_READ_MORE], ids=["source", "casper"])
def test_a_one_line_ghost_post_beside_read_more_cards_is_that_line(after):
    post = (
        '<article class="gh-article post tag-notes"><header class="gh-article-header gh-canvas"><h1 class="gh-'
        'article-title is-title">Coffee Note</h1><div class="gh-article-author-image instapaper_ignore"><a href="/'
        'author/jane/"><img class="author-profile-image" src="/content/images/size/w160/avatar.png" alt="Jane">'
        f'</a></div></header><section class="gh-content gh-canvas is-body"><p>{LINE}</p></section></article>'
    )
    article = extract(_ghost("post-template tag-notes", post, after), "https://notes.example/one-sentence-coffee/")
    assert (article.kind, article.text, article.images) == ("article", LINE, [])


def test_a_ghost_page_marked_up_as_an_article_is_a_page():
    about = '<article class="gh-article page"><section class="gh-content gh-canvas"><p>' + EXCERPT + "</p></section>"
    article = extract(_ghost("page-template page-about", about + "</article>"), "https://notes.example/about/")
    assert (article.kind, article.kind_reason) == ("page", "Ghost's body classes mark it as page")


def test_body_classes_off_ghost_say_nothing():
    """A theme elsewhere may print the same class names: only Ghost's generator tag makes them Ghost's."""
    html = _ghost("page-template", f"<article><p>{EXCERPT}</p></article>").replace("Ghost 5.130", "Hugo 0.140")
    assert extract(html, "https://notes.example/2024/05/coffee/").kind == "article"


def _post(content: str) -> str:
    """A Casper post page whose `.gh-content` holds `content`."""
    article = (
        '<article class="article post"><header class="article-header gh-canvas"><h1 class="article-title">Coffee '
        'Note</h1><div class="article-byline"><h4 class="author-name"><a href="/author/jane/">Jane Doe</a></h4>'
        '<time class="byline-meta-date" datetime="2026-10-25">25 Oct 2026</time></div></header><section class="gh-'
        f'content gh-canvas">{content}</section></article>'
    )
    return _ghost("post-template tag-python", article, CASPER_READ_MORE)


def test_a_ghost_code_card_with_a_caption_keeps_its_code_and_caption():
    """Ghost's code card with a caption is a `figure.kg-code-card` around the <pre>, and trafilatura drops every
    <figure>: the code was lost, and a post short without it came out as trafilatura's fallback, one line of the
    title, byline, date, code and caption."""
    code = 'import re\n\nfor line in open("access.log"):\n    print(line.split()[0])'
    card = (
        f'<figure class="kg-card kg-code-card"><pre><code class="language-python">{code}\n</code></pre><figcaption>'
        "parse.py, the whole script</figcaption></figure>"
    )
    html = _post(f"<p>Web server logs are easy to read.</p><h2>The script</h2>{card}<p>That is all it takes.</p>")
    article = extract(html, "https://notes.example/parsing-logs/")
    assert article.text == (
        f"Web server logs are easy to read.\nThe script\n{code}\nparse.py, the whole script\nThat is all it takes."
    )
    assert f"```python\n{code}\n```" in article.markdown


def test_a_ghost_callout_cards_text_is_a_line_of_the_post_and_its_emoji_is_not():
    """Ghost's callout card prints its text in a `div.kg-callout-text`, no <p> in it, beside the emoji in a
    `div.kg-callout-emoji`: beside the post's subheading and list trafilatura dropped that <div>, and the tip was
    missing from the text."""
    callout = (
        '<div class="kg-card kg-callout-card kg-callout-card-grey"><div class="kg-callout-emoji">🌱</div><div class='
        '"kg-callout-text">Tip: <strong>zucchini</strong> need more room than you think.</div></div>'
    )
    html = _post(
        f"<p>In April I planted the raised beds again.</p><h2>What grows</h2><ul><li>Tomatoes</li><li>Beans</li>"
        f"</ul>{callout}<p>Next year I will plant less and water more often.</p>"
    )
    article = extract(html, "https://notes.example/garden/")
    assert article.text == (
        "In April I planted the raised beds again.\nWhat grows\n- Tomatoes\n- Beans\n"
        "Tip: zucchini need more room than you think.\nNext year I will plant less and water more often."
    )


def _person(name: str, slug: str, site: str) -> str:
    return (
        f'{{"@type": "Person", "name": "{name}", "url": "https://notes.example/author/{slug}/", "image": {{"@type": '
        f'"ImageObject", "url": "https://notes.example/content/images/{slug}.png"}}, "sameAs": ["{site}"]}}'
    )


def test_a_ghost_posts_co_authors_are_its_json_ld_contributors():
    """Ghost's structured data names a post's primary author its Article's `author` and every other author a
    `contributor`; Casper prints them all in the byline, an avatar each. A post by two people had only the first."""
    jsonld = (
        '{"@context": "https://schema.org", "@type": "Article", "headline": "Coffee Note", "author": '
        + _person("Max Mustermann", "max", "https://max.example/")
        + ', "contributor": ['
        + _person("Jane Doe", "jane", "https://janedoe.example/")
        + "]}"
    )
    avatars = "".join(
        f'<li class="author-list-item"><a href="/author/{slug}/" class="author-avatar"><img class="author-profile-'
        f'image" src="/content/images/size/w100/{slug}.png" alt="{name}"></a></li>'
        for slug, name in (("max", "Max Mustermann"), ("jane", "Jane Doe"))
    )
    byline = (
        f'<div class="article-byline"><section class="article-byline-content"><ul class="author-list">{avatars}</ul>'
        '<div class="article-byline-meta"><h4 class="author-name"><a href="/author/max/">Max Mustermann</a>, <a '
        'href="/author/jane/">Jane Doe</a></h4></div></section></div>'
    )
    post = (
        f'<article class="article post"><header class="article-header gh-canvas"><h1 class="article-title">Coffee '
        f'Note</h1>{byline}</header><section class="gh-content gh-canvas"><p>{EXCERPT}</p></section></article>'
    )
    html = _ghost("post-template", post).replace(
        '{"@context": "https://schema.org", "@type": "Article", "headline": "Coffee Note"}', jsonld
    )
    article = extract(html, "https://notes.example/harz/")
    assert [(p.name, p.url) for p in article.authors] == [
        ("Max Mustermann", "https://notes.example/author/max/"),
        ("Jane Doe", "https://notes.example/author/jane/"),
    ]
    assert [(box.name, box.links) for box in article.author_boxes] == [
        ("Max Mustermann", ["https://max.example/"]),
        ("Jane Doe", ["https://janedoe.example/"]),
    ]


def test_a_ghost_members_only_post_shown_to_a_visitor_is_a_protected_post():
    """Ghost's `{{content}}` helper prints, for a visitor a members-only post is not for, its notice for
    subscribers (`aside.gh-post-upgrade-cta`) in place of the post: the page was archived as the post, with no
    text, as if the post were empty."""
    cta = (
        '<aside class="gh-post-upgrade-cta"><div class="gh-post-upgrade-cta-content"><h2>This post is for subscribers'
        ' only</h2><a class="gh-btn" data-portal="signup" href="#/portal/signup">Subscribe now</a><p><small>Already '
        'have an account? <a data-portal="signin" href="#/portal/signin">Sign in</a></small></p></div></aside>'
    )
    article = extract(_post(cta), "https://notes.example/roasting-notes/")
    assert (article.kind, article.kind_reason) == (
        "protected",
        "a members-only post: Ghost shows its notice for subscribers, not the post",
    )
    assert extract(_post(f"<p>{LINE}</p>"), "https://notes.example/coffee/").kind == "article"


def test_a_ghost_bookmark_card_is_a_line_of_its_url():
    """Ghost's bookmark card is a <figure> holding one link around the linked page's title, description, icon,
    author and publisher, which trafilatura drops whole: the post's reference to that page was gone from its text
    and Markdown. It is read as an embed is: its URL, none of the other page's metadata."""
    url = "https://docs.python.org/3/library/re.html"
    card = (
        f'<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="{url}"><div class="kg-'
        'bookmark-content"><div class="kg-bookmark-title">re — Regular expression operations</div><div class="kg-'
        'bookmark-description">This module provides regular expression matching operations.</div><div class="kg-'
        'bookmark-metadata"><img class="kg-bookmark-icon" src="https://docs.python.org/favicon.ico" alt=""><span '
        'class="kg-bookmark-author">Python documentation</span><span class="kg-bookmark-publisher">Python Software '
        "Foundation</span></div></div></a></figure>"
    )
    article = extract(_post(f"<p>{EXCERPT}</p><p>The module's reference:</p>{card}"), "https://notes.example/re/")
    assert article.text == f"{EXCERPT.strip()}\nThe module's reference:\n{url}"
    assert article.markdown.endswith(f"The module's reference:\n\n<{url}>")


def test_a_ghost_source_read_more_card_by_the_posts_author_is_no_author_box():
    """Source prints under a post four "Read more" cards, each one link (`a.gh-card-link`) around another post's
    feature image, heading and excerpt, with "By Jane Doe" under them: the card of another post by the post's
    author was read as her box, that post's excerpt her bio and its feature image her picture."""
    card = (
        '<article class="gh-card post"><a class="gh-card-link" href="/garden-diary/"><figure class="gh-card-image">'
        '<img src="/content/images/size/w600/2026/05/beds.jpg" alt="Raised beds"></figure><div class="gh-card-'
        'wrapper"><h3 class="gh-card-title is-title">A Small Garden Diary</h3><p class="gh-card-excerpt is-body">'
        f'{EXCERPT}</p><footer class="gh-card-meta"><span class="gh-card-author">By Jane Doe</span><time class="gh-'
        'card-date" datetime="2026-05-02">02 May 2026</time></footer></div></a></article>'
    )
    read_more = SOURCE_READ_MORE.replace('<div class="gh-feed">', f'<div class="gh-feed">{card}', 1)
    post = (
        '<article class="gh-article post tag-notes"><header class="gh-article-header gh-canvas"><h1 class="gh-'
        'article-title is-title">Coffee Note</h1><div class="gh-article-meta"><div class="gh-article-meta-wrapper">'
        '<h4 class="gh-article-author-name"><a href="/author/jane/">Jane Doe</a></h4><div class="gh-article-meta-'
        'content"><time class="gh-article-meta-date" datetime="2026-10-25">25 Oct 2026</time></div></div></div>'
        f'</header><section class="gh-content gh-canvas is-body"><p>{EXCERPT}</p><p>{LINE}</p></section></article>'
    )
    article = extract(_ghost("post-template tag-notes", post, read_more), "https://notes.example/coffee-note/")
    assert ([p.name for p in article.authors], article.author_boxes) == (["Jane Doe"], [])


def test_a_ghost_bookmark_cards_thumbnail_is_no_picture_of_the_post():
    """Ghost's bookmark card shows the linked page's og:image in `div.kg-bookmark-thumbnail` inside the card's
    link, and the writer's caption under the card: the other page's thumbnail was stored as a picture of the post,
    captioned with the writer's words about the link."""
    url = "https://docs.python.org/3/library/re.html"
    card = (
        f'<figure class="kg-card kg-bookmark-card kg-card-hascaption"><a class="kg-bookmark-container" href="{url}">'
        '<div class="kg-bookmark-content"><div class="kg-bookmark-title">re — Regular expression operations</div>'
        '<div class="kg-bookmark-metadata"><span class="kg-bookmark-author">Python documentation</span></div></div>'
        '<div class="kg-bookmark-thumbnail"><img src="https://docs.python.org/3/_static/og-image.png" alt="" '
        """onerror="this.style.display = 'none'"></div></a><figcaption>The reference I keep open</figcaption>"""
        "</figure>"
    )
    photo = (
        '<figure class="kg-card kg-image-card kg-card-hascaption"><img src="/content/images/2026/10/beans.jpg" '
        'class="kg-image" alt="Beans" width="1200" height="800"><figcaption>Freshly roasted beans</figcaption>'
        "</figure>"
    )
    article = extract(_post(f"<p>{EXCERPT}</p>{photo}{card}"), "https://notes.example/re/")
    assert [(image.src, image.caption) for image in article.images] == [
        ("https://notes.example/content/images/2026/10/beans.jpg", "Freshly roasted beans")
    ]
    assert article.text.endswith(f"{url}\nThe reference I keep open")


def test_a_ghost_product_cards_title_and_description_are_lines_of_the_post():
    """Ghost's product card holds the product's picture, title, rating and description and, last, the writer's
    button to buy it: trafilatura dropped the whole card for that link's density, the title and the writer's
    words about the product missing from the text. It is read without its button."""
    card = (
        '<div class="kg-card kg-product-card"><div class="kg-product-card-container"><img src="/content/images/2026/'
        '10/grinder.jpg" width="1200" height="800" class="kg-product-card-image"><div class="kg-product-card-title-'
        'container"><h4 class="kg-product-card-title"><span>Hand grinder</span></h4></div><div class="kg-product-'
        'card-description"><p>Mine grinds twenty grams in under a minute.</p></div><a href="https://shop.example/'
        'grinder" class="kg-product-card-button kg-product-card-btn-accent"><span>Buy it</span></a></div></div>'
    )
    article = extract(_post(f"<p>{EXCERPT}</p>{card}<p>{LINE}</p>"), "https://notes.example/grinder/")
    assert article.text == f"{EXCERPT.strip()}\nHand grinder\nMine grinds twenty grams in under a minute.\n{LINE}"


def test_a_ghost_file_cards_title_and_caption_are_lines_of_the_post():
    """Ghost's file card is one download link around the writer's title and caption for the file, its name, size
    and a download icon: trafilatura dropped the card whole, and the caption's class alone drops it too. Title and
    caption are lines of the post; the file's name, size and icon are not."""
    card = (
        '<div class="kg-card kg-file-card"><a class="kg-file-card-container" href="/content/files/2026/10/roast-log'
        '.csv" title="Download" download=""><div class="kg-file-card-contents"><div class="kg-file-card-title">My '
        'roast log</div><div class="kg-file-card-caption">Every batch since March, with times and weights.</div>'
        '<div class="kg-file-card-metadata"><div class="kg-file-card-filename">roast-log.csv</div><div class="kg-'
        'file-card-filesize">12 KB</div></div></div><div class="kg-file-card-icon"><svg viewBox="0 0 24 24"><title>'
        "download-circle</title></svg></div></a></div>"
    )
    article = extract(_post(f"<p>{EXCERPT}</p>{card}<p>{LINE}</p>"), "https://notes.example/roast-log/")
    assert article.text == (
        f"{EXCERPT.strip()}\nMy roast log\nEvery batch since March, with times and weights.\n{LINE}"
    )


def test_a_ghost_members_only_posts_text_is_its_public_preview_without_the_notice():
    """A members-only post shows everyone the preview its writer put before the paywall, then Ghost's notice for
    subscribers: a post so short had trafilatura's reading of the whole page for its text, Source's "Read more"
    cards' excerpts around it. Its text is the preview, and a post with none has no text; the notice is none."""
    cta = (
        '<aside class="gh-post-upgrade-cta"><div class="gh-post-upgrade-cta-content"><h2>This post is for subscribers'
        ' only</h2><a class="gh-btn" data-portal="signup" href="#/portal/signup">Subscribe now</a><p><small>Already '
        'have an account? <a data-portal="signin" href="#/portal/signin">Sign in</a></small></p></div></aside>'
    )
    post = (
        '<article class="gh-article post tag-notes"><header class="gh-article-header gh-canvas"><h1 class="gh-'
        'article-title is-title">Coffee Note</h1></header><section class="gh-content gh-canvas is-body">{}</section>'
        "</article>"
    )
    url = "https://notes.example/roasting-notes/"
    teaser = extract(_ghost("post-template tag-notes", post.format(f"<p>{LINE}</p>{cta}"), SOURCE_READ_MORE), url)
    assert (teaser.kind, teaser.text) == ("protected", LINE)
    locked = extract(_ghost("post-template tag-notes", post.format(cta), SOURCE_READ_MORE), url)
    assert (locked.kind, locked.text) == ("protected", "")


def test_a_ghost_audio_cards_title_is_a_line_of_the_post_and_its_player_is_not():
    """Ghost's audio card prints the writer's title for the recording in a `div.kg-audio-title`, no <p>, beside its
    player's buttons, time played and length: on Casper the text had "0:00/95" under the title, on Source neither."""
    icon = '<svg viewBox="0 0 24 24"><path d="M23 10 2 0v24z"></path></svg>'
    card = (
        '<div class="kg-card kg-audio-card"><img src="" alt="audio-thumbnail" class="kg-audio-thumbnail kg-audio-'
        f'hide"><div class="kg-audio-thumbnail placeholder">{icon}</div><div class="kg-audio-player-container">'
        '<audio src="/content/media/2026/10/interview.mp3" preload="metadata"></audio><div class="kg-audio-title">'
        'Interview with the roaster</div><div class="kg-audio-player"><button class="kg-audio-play-icon" aria-label='
        f'"Play audio">{icon}</button><span class="kg-audio-current-time">0:00</span><div class="kg-audio-time">/'
        '<span class="kg-audio-duration">95</span></div><input type="range" class="kg-audio-seek-slider" max="100" '
        'value="0"><button class="kg-audio-playback-rate" aria-label="Adjust playback speed">1×</button></div></div>'
        "</div>"
    )
    article = extract(_post(f"<p>{EXCERPT}</p>{card}<p>{LINE}</p>"), "https://notes.example/interview/")
    assert article.text == f"{EXCERPT.strip()}\nInterview with the roaster\n{LINE}"


def test_a_ghost_themes_own_notice_for_subscribers_makes_a_protected_post_too():
    """A theme may print its own notice where `{{content}}` prints the post (its partials/content-cta.hbs: Dawn's
    `section.single-cta`, Portal's buttons to subscribe and sign in): Dawn's members-only posts were stored as
    complete posts, a paid one's text the notice's "This post is for paying subscribers only"."""
    notice = (
        '<section class="single-cta"><h2 class="single-cta-title">This post is for paying subscribers only</h2>'
        '<button class="button single-cta-button" data-portal="signup">Subscribe now</button><br><button class="'
        'button-text single-cta-footer" data-portal="signin">Already have an account? Sign in</button></section>'
    )
    post = (
        '<article class="single post tag-notes"><header class="single-header gh-canvas"><h1 class="single-title">'
        'Coffee Note</h1></header><div class="single-content gh-content gh-canvas">{}</div></article>'
    )
    url = "https://notes.example/roasting-notes/"
    locked = extract(_ghost("post-template tag-notes", post.format(notice)), url)
    assert (locked.kind, locked.text) == ("protected", "")
    teaser = extract(_ghost("post-template tag-notes", post.format(f"<p>{EXCERPT}</p><p>{LINE}</p>{notice}")), url)
    assert (teaser.kind, teaser.text) == ("protected", f"{EXCERPT.strip()}\n{LINE}")
    signup = '<a class="gh-btn" data-portal="signup" href="#/portal/signup">Subscribe</a>'  # in a post: no notice
    assert extract(_ghost("post-template", post.format(f"<p>{LINE}</p>{signup}")), url).kind == "article"


def test_a_ghost_post_of_a_few_lines_outside_ghosts_content_class_is_its_lines():
    """Liebling prints the post in a `div.js-post-content` of its own, no `.gh-content`, after its share buttons
    and inside an <article> with the post's tags, a newsletter form and the author's box: trafilatura read a post of
    a few lines, just over 250 characters, as the whole <article> in one line, and that line was the post's text; a
    members-only post's text was that line too."""
    lines = [
        "Compilers translate programs written in one language into another language.",
        "History",
        "The first compiler was written for the A-0 system in 1952, and many followed it.",
        "Most of them were written by small teams.",
        "Closing paragraph of the plain post.",
    ]
    share = (
        '<div class="m-share"><div class="m-share__content js-sticky"><a href="https://www.facebook.com/sharer/'
        'sharer.php?u=https://notes.example/compilers/" class="m-icon-button filled in-share" aria-label="Facebook">'
        '<span class="icon-facebook"></span></a><a href="https://twitter.com/intent/tweet?url=https://notes.example/'
        'compilers/" class="m-icon-button filled in-share" aria-label="Twitter"><span class="icon-twitter"></span>'
        '</a><button class="m-icon-button filled in-share progress js-scrolltop" aria-label="Scroll to top"><span '
        'class="icon-arrow-top"></span></button></div></div>'
    )
    paragraphs = f"<p>{lines[0]}</p><h2>{lines[1]}</h2>" + "".join(f"<p>{line}</p>" for line in lines[2:])
    tags = (
        '<section class="m-tags in-post"><h3 class="m-submenu-title">Tags</h3><ul><li><a href="/tag/history/">History'
        '</a></li><li><a href="/tag/tutorials/">Tutorials</a></li></ul></section>'
    )
    after = (
        '<section class="m-subscribe-section js-newsletter"><h4 class="m-subscribe-section__title">Subscribe to our '
        'newsletter</h4><p class="m-subscribe-section__description">Get the latest posts delivered right to your inbox.'
        '</p><form data-members-form="subscribe"><input data-members-email type="email" placeholder="Your email '
        'address"><button type="submit">Subscribe</button></form></section><section class="m-author"><h4 class="m-'
        'author__name"><a href="/author/jane/">Jane Doe</a></h4><p class="m-author__bio">Roaster and writer.</p>'
        "</section>"
    )
    post = (
        '<article><div class="l-content in-post"><div class="l-wrapper in-post"><div class="l-post-content js-'
        'progress-content"><header class="m-heading"><h1 class="m-heading__title in-post">Coffee Note</h1><div '
        'class="m-heading__meta"><a href="/tag/history/" class="m-heading__meta__tag">History</a><span>&bull;</span>'
        '<span class="m-heading__meta__time">Feb 1, 2026</span></div></header><div class="pos-relative js-post-'
        f'content">{share}{paragraphs}{tags}</div></div></div>{after}</div></article>'
    )
    article = extract(_ghost("post-template tag-history", post), "https://notes.example/compilers/")
    assert article.text == "\n".join(lines)
    # a members-only post there: its preview is what precedes Ghost's notice where `{{content}}` printed it, not the
    # theme's share buttons and tags around it
    notice = '<aside class="gh-post-upgrade-cta"><h2>This post is for subscribers only</h2></aside>'
    members = post.replace(paragraphs, f"<p>{lines[0]}</p>{notice}")
    teaser = extract(_ghost("post-template tag-history", members), "https://notes.example/compilers/")
    assert (teaser.kind, teaser.text) == ("protected", lines[0])
    locked = extract(_ghost("post-template", post.replace(paragraphs, notice)), "https://notes.example/compilers/")
    assert (locked.kind, locked.text) == ("protected", "")


def test_a_ghost_image_captions_word_in_italics_before_a_comma_reads_as_its_line():
    """Ghost's editor writes a caption's formatted words as its own elements, each run of text in a span: a species'
    name in italics before a comma was stored "Ardea cinerea , on", each text node parted by a space."""
    caption = (
        '<span style="white-space: pre-wrap;">The oldest heron, </span><i><em class="italic" style="white-space: '
        'pre-wrap;">Ardea cinerea</em></i><span style="white-space: pre-wrap;">, on the third stone</span>'
    )
    photo = (
        '<figure class="kg-card kg-image-card kg-card-hascaption"><img src="/content/images/2024/05/heron.png" '
        f'class="kg-image" alt="A grey heron" width="800" height="600"><figcaption>{caption}</figcaption></figure>'
    )
    article = extract(_post(f"<p>{EXCERPT}</p>{photo}"), "https://notes.example/herons/")
    assert [image.caption for image in article.images] == ["The oldest heron, Ardea cinerea, on the third stone"]
