"""Hosted blog platforms' own post pages, written after their markup: Substack's (h1.post-title,
div.available-content, the paywall after the free part of a paid post), Medium's and Tumblr themes'."""

from __future__ import annotations

from crawler.extraction.extract import extract

SUBSTACK_HEAD = (
    "<head><meta charset='utf-8'><title>March numbers - by Tom Farrow</title>"
    "<meta property='og:type' content='article'>"
    '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
    '"headline":"March numbers","datePublished":"2024-04-02T10:00:00+00:00",'
    '"author":[{"@type":"Person","name":"Tom Farrow","url":"https://substack.com/@tomfarrow"}]}</script></head>'
)
SUBSTACK_POST = (
    "<article class='typography newsletter-post post'><div class='post-header'>"
    "<h1 class='post-title published'>March numbers</h1><h3 class='subtitle'>Where the money went</h3>"
    "<div class='post-meta'><a href='https://substack.com/@tomfarrow'>Tom Farrow</a><div>Apr 02, 2024</div></div>"
    "</div><div class='available-content'><div dir='auto' class='body markup'>"
    "<p>March was the first month the budget office published its spending in full, and the numbers are"
    " stranger than anyone expected.</p>"
    "<p>Below, I go through the three largest lines and what they tell us about the next quarter.</p>"
    "</div></div>{after}</article>"
)
PAYWALL = (
    "<div class='paywall'><div class='paywall-content'><h2 class='paywall-title'>This post is for paid"
    " subscribers</h2><a class='button primary' href='/subscribe?simple=true'>Subscribe</a>"
    "<a href='/account/login'>Already a paid subscriber? Sign in</a></div></div>"
)


def _substack(after: str) -> str:
    return f"<html>{SUBSTACK_HEAD}<body>{SUBSTACK_POST.replace('{after}', after)}</body></html>"


def test_a_substack_post_cut_short_by_its_paywall_is_a_protected_post_not_a_short_one():
    """A paid subscribers' Substack post seen without a subscription was stored as a complete two-paragraph post:
    the free part Substack shows before its paywall ("This post is for paid subscribers") stood for the post."""
    paid = extract(_substack(PAYWALL), "https://theledger.substack.com/p/march-numbers")
    assert paid.kind == "protected"
    assert "Substack" in paid.kind_reason and "paywall" in paid.kind_reason
    whole = extract(_substack(""), "https://theledger.substack.com/p/march-numbers")
    assert whole.kind == "article"  # the free post, or the paid one seen by a subscriber: no paywall
    assert whole.text.endswith("what they tell us about the next quarter.")
    other = _substack(PAYWALL).replace("available-content", "article-body")  # another site's paywall class
    assert extract(other, "https://news.example/2024/03/march-numbers/").kind == "article"


def _tumblr(body: str, after: str = "") -> str:
    return (
        "<html><head><title>Moth &amp; Lantern</title>"
        '<script type="application/ld+json">{"@type":"SocialMediaPosting","datePublished":"2024-02-25T19:40:02+00:00",'
        '"author":"mothandlantern","@context":"http://schema.org"}</script></head><body>'
        "<header><h1><a href='/'>Moth &amp; Lantern</a></h1></header><main id='posts'>"
        f"<article class='post text'><h2 class='title'>the lantern festival</h2><div class='body'>{body}</div>"
        "<div class='meta'><a href='/post/7411'>February 25, 2024</a> <a href='/post/7411#notes'>3 notes</a></div>"
        f"{after}</article></main></body></html>"
    )


OWN_WORDS = (
    "<p>I went this year with my sister. We wrote our grandmother's name on ours and watched it until it was"
    " just another spark among thousands of others over the valley.</p>"
    "<p>Go early: by six the platform at Shifen is so full that you cannot move at all.</p>"
)


def test_a_tumblr_reblog_names_the_blog_its_quoted_part_is_by():
    """A reblogged Tumblr post's text had the quoted post's words under no name, as the reblogger's own: Tumblr's
    line naming the blog they are by (`<p><a class="tumblr_blog">name</a>:</p>` before the <blockquote>) is all
    link, and trafilatura dropped it."""
    trail = (
        "<p><a class='tumblr_blog' href='https://sky-lanterns.tumblr.com/post/7410'>sky-lanterns</a>:</p>"
        "<blockquote><p>Every year on the fifteenth day of the first lunar month the sky over Pingxi fills with"
        " paper lanterns, each with a wish written on its sides.</p></blockquote>"
    )
    article = extract(_tumblr(trail + OWN_WORDS), "https://mothandlantern.tumblr.com/post/7411/the-lantern-festival")
    lines = article.text.splitlines()
    quoted = next(i for i, line in enumerate(lines) if line.startswith("Every year on the fifteenth day"))
    assert lines[quoted - 1] == "sky-lanterns:"
    assert "[sky-lanterns](https://sky-lanterns.tumblr.com/post/7410):" in article.markdown


def test_a_tumblr_posts_notes_are_not_its_text():
    """A Tumblr post's text ended with its notes, each like and reblog a line ("inkwell-owl liked this"): themes
    print {PostNotes} under the post as an ol.notes of li.note items."""
    notes = (
        "<ol class='notes'><li class='note reblog tumblelog_paperboat-days with_commentary'><span class='action'>"
        "<a href='https://paperboat-days.tumblr.com/post/7412' class='tumblelog'>paperboat-days</a> reblogged this"
        " from <a href='https://mothandlantern.tumblr.com/' class='source_tumblelog'>mothandlantern</a> and added:"
        "</span><blockquote>going next year, thank you for the tip!!</blockquote></li>"
        "<li class='note like tumblelog_inkwell-owl without_commentary'><span class='action'>"
        "<a href='https://inkwell-owl.tumblr.com/'>inkwell-owl</a> liked this</span></li></ol>"
    )
    article = extract(_tumblr(OWN_WORDS, notes), "https://mothandlantern.tumblr.com/post/7411/the-lantern-festival")
    assert article.text.endswith("so full that you cannot move at all.")
    assert "liked this" not in article.markdown and "reblogged this" not in article.markdown


def _medium(story: str, after: str = "") -> str:
    return (
        "<html><head><title>Why Our Cache Lied to Us | by Priya Natarajan | Medium</title>"
        "<meta property='og:type' content='article'>"
        "<meta property='article:published_time' content='2024-02-20T08:31:12.045Z'></head><body><div id='root'>"
        "<div class='l k'><a href='https://medium.com/'>Medium</a>"
        "<a href='https://medium.com/m/signin'>Sign in</a></div>"
        "<div class='l'><article><div class='l'><section>"
        "<h1 class='pw-post-title gu gv' data-testid='storyTitle'>Why Our Cache Lied to Us</h1>"
        "<div class='ab'><a data-testid='authorName' href='/@priyanat?source=post_page'>Priya Natarajan</a>"
        "<span data-testid='storyReadTime'>6 min read</span> · <span data-testid='storyPublishDate'>Feb 20, 2024</span>"
        "</div>"
        f"{story}</section></div></article></div>{after}</div></body></html>"
    )


MEDIUM_STORY = (
    "<p class='pw-post-body-paragraph mh mi'>For three weeks our dashboards showed balances that were up to ninety"
    " seconds old. Nobody noticed until a customer withdrew the same money twice from two accounts.</p>"
    "<p class='pw-post-body-paragraph mh mi'>Every write cleared the local cache of the node that handled it, but"
    " the shared cache kept the value until its ninety-second expiry ran out on every other node.</p>"
)
MEDIUM_CLAPS = (
    "<div class='ab co'><div class='pw-multi-vote-icon ed kc'><button data-testid='headerClapButton'></button></div>"
    "<div class='pw-multi-vote-count l kj'><p class='be b'><span>1.2K</span></p></div>"
    "<button aria-label='responses'><p class='be b'><span class='pw-responses-count kx'>14</span></p></button>"
    "<button data-testid='headerBookmarkButton'></button></div>"
)


def test_medium_clap_and_response_counts_are_not_the_storys_text():
    """A Medium story's text began with "1.2K" and "14": its clap and response buttons' counts over the story
    (div.pw-multi-vote-count, span.pw-responses-count), the bar's only words, stood as a line of the text."""
    article = extract(_medium(MEDIUM_CLAPS + MEDIUM_STORY), "https://medium.com/@priyanat/why-our-cache-3f2a9c1b7e44")
    assert article.text.splitlines()[0].startswith("For three weeks our dashboards")
    assert "1.2K" not in article.text and "14" not in article.text.split()


def test_medium_topics_after_the_story_are_its_tags():
    """A Medium story had no tags: Medium prints its topics' links (/tag/slug) in the <div> after the one that holds
    nothing but the story's <article>, and only the blocks right after the <article> itself were read."""
    topics = (
        "<div class='ab ca'><div class='ab cp'>"
        "<a href='https://medium.com/tag/caching?source=post_page-----3f2a9c1b7e44'>"
        "<div class='xa by'>Caching</div></a>"
        "<a href='https://medium.com/tag/postmortem?source=post_page'><div class='xa by'>Postmortem</div></a>"
        "</div></div>"
        "<div class='ab ca'><h2>More from Priya Natarajan</h2><article><a href='/@priyanat/retries-aa11'>"
        "<h2>Retries Considered Harmful</h2></a><p>Jan 3, 2024</p></article></div>"
    )
    article = extract(_medium(MEDIUM_STORY, topics), "https://medium.com/@priyanat/why-our-cache-3f2a9c1b7e44")
    assert article.tags == ["Caching", "Postmortem"]


def test_a_tumblr_blogs_site_name_is_the_blogs_not_tumblrs():
    """Every Tumblr blog's site name was "Tumblr": Tumblr writes og:site_name "Tumblr" into the head of every blog's
    page, whatever the theme, and that stated name came first; the blog names itself in its theme's header and
    <title> ({Title})."""
    page = _tumblr(OWN_WORDS).replace(
        "<head>", "<head><meta property='og:site_name' content='Tumblr'><meta property='og:type' content='article'>"
    )
    article = extract(page, "https://mothandlantern.tumblr.com/post/7411/the-lantern-festival")
    assert article.sitename == "Moth & Lantern"
    assert extract(page, "https://www.tumblr.com/explore/today").sitename == "Tumblr"  # Tumblr's own pages


def test_a_substack_pictures_caption_is_a_line_of_the_text_after_it():
    """A Substack post's picture captions were missing from its text: Substack wraps every captioned picture's
    <figure> in a div.captioned-image-container, and the caption, put after the figure for trafilatura's run, stood
    inside that <div>, which trafilatura drops whole by its class naming a caption."""
    figure = (
        "<div class='captioned-image-container'><figure><a class='image-link image2 is-viewable-img' href="
        "'https://substackcdn.com/image/fetch/f_auto/slipway.jpeg'><div class='image2-inset'><picture>"
        "<img src='https://substackcdn.com/image/fetch/w_1456/slipway.jpeg' width='1456' height='971' alt=''>"
        "</picture></div></a><figcaption class='image-caption'>The slipway at Kessock in January.</figcaption>"
        "</figure></div>"
    )
    post = _substack("").replace("<p>Below,", figure + "<p>Below,")
    article = extract(post, "https://theledger.substack.com/p/march-numbers")
    lines = article.text.splitlines()
    assert lines[lines.index("The slipway at Kessock in January.") + 1].startswith("Below, I go through")
    assert article.images[0].caption == "The slipway at Kessock in January."


MEDIUM_APP = "<meta property='al:android:package' content='com.medium.reader'>"
MEDIUM_PAYWALL = (
    "<div class='ab ca'><div class='sp sq'><h2 class='be jv'>Create an account to read the full story.</h2>"
    "<p class='be b'>The author made this story available to Medium members only.</p>"
    "<p class='be b'>If you're new to Medium, create a new account to read this story on us.</p>"
    "<a href='https://medium.com/m/signin?operation=register'>Sign up with Google</a>"
    "<p>Already have an account? <a href='https://medium.com/m/signin?operation=login'>Sign in</a></p></div></div>"
)


def test_a_medium_member_only_story_is_a_protected_post_its_preview_kept():
    """A member-only Medium story seen by a reader who is no member was stored as a complete post: Medium serves its
    first paragraphs and its paywall ("Create an account to read the full story"), marks the story "Member-only
    story" over its title and says `isAccessibleForFree: false` in its JSON-LD — each alone now makes it a post
    behind a wall, the preview its text."""
    url = "https://medium.com/@priyanat/why-our-cache-3f2a9c1b7e44"
    free = _medium(MEDIUM_STORY).replace("<head>", "<head>" + MEDIUM_APP)
    assert extract(free, url).kind == "article"
    paywalled = extract(_medium(MEDIUM_STORY, MEDIUM_PAYWALL).replace("<head>", "<head>" + MEDIUM_APP), url)
    assert paywalled.kind == "protected" and "Medium" in paywalled.kind_reason
    assert paywalled.text.startswith("For three weeks our dashboards")
    marked = free.replace("<section>", "<section><div class='ab'><p class='be b'>Member-only story</p></div>")
    assert extract(marked, url).kind == "protected"
    jsonld = (
        '<script type="application/ld+json">{"@context":"http://schema.org","@type":"NewsArticle",'
        '"headline":"Why Our Cache Lied to Us","isAccessibleForFree":false,'
        '"hasPart":{"@type":"WebPageElement","isAccessibleForFree":false,"cssSelector":".meteredContent"}}</script>'
    )
    assert extract(free.replace("</head>", jsonld + "</head>"), url).kind == "protected"
    # another site quoting Medium's words is not Medium's story page
    assert extract(_medium(MEDIUM_STORY, MEDIUM_PAYWALL), "https://blog.example/cache/").kind != "protected"


def test_a_substack_footnote_reads_1_in_brackets_at_its_reference_and_before_its_words():
    """A Substack post's footnote references ran into their words ("twice1"), and each footnote's number stood as a
    line "1" over its words: Substack prints the reference as an a.footnote-anchor, and each footnote as a
    div.footnote of its number (a.footnote-number) beside its div.footnote-content."""
    reference = (
        "<p>The office counted every grant twice<a class='footnote-anchor' data-component-name='FootnoteAnchorToDOM'"
        " id='footnote-anchor-1' href='#footnote-1' target='_self'>1</a> in the first report.</p>"
    )
    footnote = (
        "<div class='footnote' data-component-name='FootnoteToDOM'><a id='footnote-1' href='#footnote-anchor-1'"
        " class='footnote-number' contenteditable='false' target='_self'>1</a><div class='footnote-content'>"
        "<p>The second count was corrected in May.</p><p>The office has not said why.</p></div></div>"
    )
    post = (
        _substack("").replace("<p>Below,", reference + "<p>Below,").replace("quarter.</p>", "quarter.</p>" + footnote)
    )
    lines = extract(post, "https://theledger.substack.com/p/march-numbers").text.splitlines()
    assert "The office counted every grant twice[1] in the first report." in lines
    assert lines[-2:] == ["[1] The second count was corrected in May.", "The office has not said why."]


def test_a_substack_posts_subtitle_is_its_description_where_the_page_states_none():
    """A Substack post whose page had no meta description had no description: its subtitle, which the writer sets
    under the title and Substack prints as the post header's h3.subtitle, is the post's description."""
    article = extract(_substack(""), "https://theledger.substack.com/p/march-numbers")
    assert article.description == "Where the money went"
    stated = _substack("").replace("<head>", "<head><meta name='description' content='Three lines of a budget.'>")
    assert extract(stated, "https://theledger.substack.com/p/march-numbers").description == "Three lines of a budget."
    other = _substack("").replace("available-content", "article-body")  # another site's h3.subtitle
    assert extract(other, "https://news.example/2024/03/march-numbers/").description is None


def test_a_tumblr_posts_author_the_blog_has_the_blogs_address_as_its_page():
    """A Tumblr post's author, the blog it is posted on (the JSON-LD's author, the blog's name), had no URL: the
    blog's own address is its page — name.tumblr.com, or the custom domain whose head names the blog in Tumblr's
    app links (tumblr://x-callback-url/blog?blogName=name)."""
    url = "https://mothandlantern.tumblr.com/post/7411/the-lantern-festival"
    assert [(a.name, a.url) for a in extract(_tumblr(OWN_WORDS), url).authors] == [
        ("mothandlantern", "https://mothandlantern.tumblr.com/")
    ]
    app_link = (
        "<meta property='al:android:url' content='tumblr://x-callback-url/blog?blogName=mothandlantern&postID=7411'>"
    )
    own_domain = _tumblr(OWN_WORDS).replace("<head>", "<head>" + app_link)
    assert extract(own_domain, "https://moth.example/post/7411").authors[0].url == "https://moth.example/"
    # another site whose author is named so has no Tumblr blog's address
    assert extract(_tumblr(OWN_WORDS), "https://moth.example/post/7411").authors[0].url is None
