"""The site builders' blog post pages, written after their markup: Squarespace's (7.1's article.blog-item, its
body a div.blog-item-content of .sqs-block blocks; 7.0's templates' article.hentry, div.body.entry-content) and
Weebly's (div.blog-post, its body div.blog-content of div.paragraph blocks, its comments in div#commentArea) and
Wix's (article[data-hook=post], its body the rich content viewer in [data-hook=post-description])."""

from __future__ import annotations

from crawler.extraction.extract import extract

SQUARESPACE_URL = "https://tidewater.example/blog/walking-the-old-harbour-road"


def _squarespace_block(kind: str, inner: str) -> str:
    return f"<div class='sqs-block {kind}-block sqs-block-{kind}'><div class='sqs-block-content'>{inner}</div></div>"


def _squarespace(*blocks: str) -> str:
    """A Squarespace 7.1 blog post page holding `blocks` in its layout."""
    html = _squarespace_block(
        "html",
        "<div class='sqs-html-content'><p>The old harbour road leaves the village past the chapel and climbs along"
        " the cliff for three miles before it drops down to the cove where the boats used to winter.</p>"
        "<p>We started early, with the tide still out and the gulls quarrelling over the mud below the wall.</p>"
        "</div>",
    )
    last = _squarespace_block(
        "html",
        "<div class='sqs-html-content'><p>At the bottom the cove opens out, a half moon of shingle with two"
        " upturned boats and a boathouse that somebody has painted blue.</p></div>",
    )
    return (
        "<html lang='en'><head><meta charset='utf-8'><title>Walking the Old Harbour Road — Tidewater Notes</title>"
        "<meta property='og:site_name' content='Tidewater Notes'></head><body>"
        "<header><a href='/'>Tidewater Notes</a><nav><a href='/blog'>Blog</a><a href='/about'>About</a></nav>"
        "</header><main><article class='entry h-entry blog-item'><div class='blog-item-wrapper'>"
        "<div class='blog-item-top-wrapper'><div class='blog-item-meta-wrapper'><div class='blog-meta-section'>"
        "<span class='blog-author'>Maren Holt</span><time class='dt-published blog-meta-item"
        " blog-meta-item--date' datetime='2023-04-11'>April 11, 2023</time></div></div>"
        "<div class='blog-item-title'><h1 class='entry-title p-name'>Walking the Old Harbour Road</h1></div></div>"
        "<div class='blog-item-content-wrapper'><div class='blog-item-content e-content'>"
        "<div class='sqs-layout sqs-grid-12 columns-12' data-type='item'><div class='row sqs-row'>"
        f"<div class='col sqs-col-12 span-12'>{html}{''.join(blocks)}{last}</div></div></div></div></div>"
        "</div></article></main></body></html>"
    )


def test_a_squarespace_image_blocks_caption_is_a_line_of_the_text_after_its_picture():
    """A Squarespace post's picture captions were missing from its text: the image block prints its caption as
    <figcaption class="image-caption-wrapper"><div class="image-caption"><p>…, and trafilatura dropped the
    div.image-caption by its class, the caption's words with it (the image's caption was found)."""
    image = _squarespace_block(
        "image",
        "<div class='image-block-outer-wrapper layout-caption-below design-layout-inline'>"
        "<figure class='sqs-block-image-figure intrinsic'><div class='image-block-wrapper'>"
        "<img src='https://images.squarespace-cdn.com/content/v1/5a/chapel.jpg' alt=''></div>"
        "<figcaption class='image-caption-wrapper'><div class='image-caption'><p>The chapel at the top of the"
        " harbour road, seen from the breakwater.</p></div></figcaption></figure></div>",
    )
    article = extract(_squarespace(image), SQUARESPACE_URL)
    lines = article.text.splitlines()
    caption = "The chapel at the top of the harbour road, seen from the breakwater."
    assert lines[lines.index(caption) + 1].startswith("At the bottom the cove opens out")
    assert lines[lines.index(caption) - 1].startswith("We started early")
    assert article.images[0].caption == caption
    assert article.title == "Walking the Old Harbour Road"


def test_a_squarespace_quote_block_is_a_quote_of_the_post():
    """A Squarespace post's quote blocks were missing from its text, their source alone left: the quote block saves
    its quote in a <figure> (<blockquote> and <figcaption class="source">), which trafilatura drops whole."""
    quote = _squarespace_block(
        "quote",
        "<figure><blockquote><span>“</span>Nobody walks it for the view; they walk it to get to the cove."
        "<span>”</span></blockquote><figcaption class='source'>— an old fisherman at the pub</figcaption></figure>",
    )
    article = extract(_squarespace(quote), SQUARESPACE_URL)
    assert "> “Nobody walks it for the view; they walk it to get to the cove.”" in article.markdown.splitlines()
    lines = article.text.splitlines()
    assert lines[lines.index("— an old fisherman at the pub") - 1].startswith("“Nobody walks it for the view")


def test_a_squarespace_quote_block_printing_a_line_of_the_post_again_is_no_line_of_its_own():
    """A quote block repeating the post's own words (a magazine's pull quote) is read as WordPress's pullquote is:
    not a second time in the text."""
    quote = _squarespace_block(
        "quote", "<figure><blockquote>the gulls quarrelling over the mud below the wall</blockquote></figure>"
    )
    article = extract(_squarespace(quote), SQUARESPACE_URL)
    assert article.text.count("quarrelling over the mud") == 1


def test_a_squarespace_video_block_is_a_line_of_its_players_address():
    """A Squarespace post's video was gone without a trace: the video block holds its player's <iframe> as escaped
    HTML in the data-html of an empty div.sqs-video-wrapper (the site's script makes the player of it), so the served
    page has no iframe, and nothing of the block reached the text."""
    player = (
        "&lt;iframe src=&quot;//www.youtube.com/embed/abcdefghijk?wmode=opaque&quot; width=&quot;854&quot;"
        " height=&quot;480&quot; frameborder=&quot;0&quot; allowfullscreen&gt;&lt;/iframe&gt;"
    )
    video = _squarespace_block(
        "video", f"<div class='intrinsic'><div class='sqs-video-wrapper' data-html='{player}'></div></div>"
    )
    article = extract(_squarespace(video), SQUARESPACE_URL)
    lines = article.markdown.splitlines()
    line = "<https://www.youtube.com/embed/abcdefghijk?wmode=opaque>"
    assert line in lines
    assert lines[lines.index(line) + 2].startswith("At the bottom the cove opens out")


def test_a_squarespace_gallery_blocks_slide_titles_are_its_pictures_captions():
    """A Squarespace 7.0 post's gallery had no captions: the gallery block (its grid design) prints each
    picture in a div.slide, its title in a div.image-slide-title after the picture's lightbox link, which
    trafilatura dropped with the slides; now each title is its picture's caption and a line of the text after the
    paragraphs before the gallery, in the pictures' order. A slide with no title has no caption."""

    def slide(name: str, title: str) -> str:
        src = f"https://images.squarespace-cdn.com/content/v1/5a/{name}.jpg"
        return (
            "<div class='slide sqs-gallery-design-grid-slide' data-type='image'><div class='margin-wrapper'>"
            f"<a data-title='{title}' data-description='' href='{src}' class='image-slide-anchor"
            f" js-gallery-lightbox-opener content-fill'><noscript><img src='{src}' alt='{name}.jpg'></noscript>"
            f"<img class='thumb-image' data-src='{src}' data-image='{src}' data-image-dimensions='2500x1667'"
            f" alt='{name}.jpg' data-load='false' data-type='image'></a>"
            + (f"<div class='image-slide-title'>{title}</div>" if title else "")
            + "</div></div>"
        )

    gallery = _squarespace_block(
        "gallery",
        "<div class='sqs-gallery-container sqs-gallery-block-grid sqs-gallery-thumbnails-per-row-3 clear'>"
        "<div class='sqs-gallery'>"
        + slide("chapel", "The chapel at the top of the village.")
        + slide("cove", "The cove at low tide, the boathouse behind.")
        + slide("wall", "")
        + "</div></div>",
    )
    article = extract(_squarespace(gallery), SQUARESPACE_URL)
    assert [(i.src.rsplit("/", 1)[1], i.caption) for i in article.images] == [
        ("chapel.jpg", "The chapel at the top of the village."),
        ("cove.jpg", "The cove at low tide, the boathouse behind."),
        ("wall.jpg", None),
    ]
    lines = article.text.splitlines()
    assert lines[2:4] == ["The chapel at the top of the village.", "The cove at low tide, the boathouse behind."]


WEEBLY_URL = "https://northbound.weebly.com/blog/three-days-on-the-kungsleden"


def _weebly_comment(heading: str, text: str) -> str:
    return (
        "<div class='blogCommentWrap'><div class='blogCommentHeading'><div class='blogCommentHeadingInner'>"
        f"{heading}</div></div><div class='blogCommentText'><div>{text}</div></div></div>"
    )


def test_a_weebly_posts_comments_are_its_comments():
    """A Weebly post's comments were not found: Weebly prints each as a div.blogCommentWrap in div#commentArea, the
    commenter in div.blogCommentAuthor (linked where they gave a site), the date in div.blogCommentDate and the text
    in div.blogCommentText — none of the classes the comment finders knew."""
    comments = _weebly_comment(
        "<div class='blogCommentAuthor'><a class='name' href='http://lars.example.se'>Lars</a></div>"
        "<div class='blogCommentDate'>8/22/2019 06:13:20 am</div>",
        "Great trip report, we did the same stretch last year.",
    ) + _weebly_comment(
        "<div class='blogCommentAuthor'>Mia</div><div class='blogCommentDate'>8/23/2019 09:01:00 pm</div>",
        "How heavy were the packs in the end?",
    )
    page = (
        "<html lang='en'><head><meta charset='utf-8'><title>Three days on the Kungsleden - Northbound</title></head>"
        "<body><div class='wsite-header'><a href='/'>Northbound</a></div><div id='wsite-content'>"
        "<div id='blogTable' class='blog-table'><div class='blog-body'><div id='blog-post-836112' class='blog-post'>"
        "<div class='blog-header'><h2 class='blog-title'><a class='blog-title-link blog-link' href='"
        f"{WEEBLY_URL}'>Three days on the Kungsleden</a></h2><p class='blog-date'><span class='date-text'>8/21/2019"
        "</span></p></div><div class='blog-content'><div class='paragraph'>We set out from Abisko in light rain,"
        " with packs that were too heavy and a map that was too old. The first day follows the river up through"
        " birch woods.<br><br>By the second day the trees were gone and the valley opened out, with snow still"
        " lying in the gullies in late August.</div></div></div>"
        "<div id='comments' class='blog-comments'><h2 class='blog-comments-title'>2 Comments</h2>"
        f"<div id='commentArea'>{comments}</div><div class='blogCommentForm'><h2>Leave a Reply.</h2><form>"
        "<label>Name (required)</label><input name='name'><textarea></textarea></form></div></div>"
        "</div></div></div></body></html>"
    )
    article = extract(page, WEEBLY_URL)
    assert [(c.author, c.author_url, c.text) for c in article.comments] == [
        ("Lars", "http://lars.example.se", "Great trip report, we did the same stretch last year."),
        ("Mia", None, "How heavy were the packs in the end?"),
    ]
    assert article.comments[0].published.startswith("2019-08-22")
    assert "Great trip report" not in article.text


def test_a_weebly_posts_replies_are_threaded_by_their_level():
    """A Weebly post's replies came out as comments of their own: Weebly lists a post's comments flat, each reply
    after the comment it answers, and marks each div.blogCommentWrap with its level in the thread, counted from 0
    (`blogCommentLevel0` a comment on the post, `blogCommentLevel1` a reply to it); its reply button's script names
    the comment (`comment_id=N`). Each wrap stands in a div of its own in div#commentArea (Weebly themes' scripts
    find a reply's parent by `.parent().prev("div")`), where no comment was found at all."""

    def comment(number: int, level: int, name: str, text: str) -> str:
        return (
            f"<div><div class='blogCommentWrap blogCommentLevel{level}'>"
            "<div class='blogCommentHeading'><div class='blogCommentHeadingInner'>"
            f"<div class='blogCommentAuthor'>{name}</div><div class='blogCommentDate'>8/22/2019 06:13:20 am</div>"
            f"</div></div><div class='blogCommentText'><div>{text}</div></div><span class='blog-button reply-comment'"
            f" onclick='blog.replyToComment(&quot;836112&quot;, &quot;comment_id={number}&quot;)'>Reply</span>"
            "</div></div>"
        )

    comments = (
        comment(101, 0, "Lars", "Great trip report, we did the same stretch last year.")
        + comment(102, 1, "Northbound", "Thanks Lars! Which way round did you walk it?")
        + comment(103, 2, "Lars", "North to south, from Abisko.")
        + comment(104, 0, "Mia", "How heavy were the packs in the end?")
    )
    page = (
        "<html lang='en'><head><meta charset='utf-8'><title>Three days on the Kungsleden - Northbound</title></head>"
        "<body><div id='wsite-content'><div id='blogTable' class='blog-table'><div class='blog-body'>"
        "<div id='blog-post-836112' class='blog-post'><div class='blog-header'><h2 class='blog-title'>"
        f"<a class='blog-title-link blog-link' href='{WEEBLY_URL}'>Three days on the Kungsleden</a></h2>"
        "<p class='blog-date'><span class='date-text'>8/21/2019</span></p></div><div class='blog-content'>"
        "<div class='paragraph'>We set out from Abisko in light rain, with packs that were too heavy and a map that"
        " was too old. The first day follows the river up through birch woods.</div></div></div>"
        "<div id='comments' class='blog-comments'><div id='commentArea'><h2 class='blog-comments-title'>Comments"
        f"</h2>{comments}</div></div></div></div></div></body></html>"
    )
    article = extract(page, WEEBLY_URL)
    assert [(c.author, c.id, c.parent, c.depth) for c in article.comments] == [
        ("Lars", "101", None, 1),
        ("Northbound", "102", "101", 2),
        ("Lars", "103", "102", 3),
        ("Mia", "104", None, 1),
    ]


def test_a_weebly_image_elements_caption_is_its_pictures_caption():
    """A Weebly post's picture had no caption: Weebly's image element prints it in an unclassed <div> after the
    picture's link in its div.wsite-image (the words were a line of the text, the image's caption none); an empty
    one is no caption."""
    image = (
        "<div><div class='wsite-image wsite-image-border-none' style='text-align:center'><a>"
        "<img src='/uploads/4/5/1/2/45121/{name}_orig.jpg' alt='Picture'></a>"
        "<div style='display:block;font-size:90%'>{caption}</div></div></div>"
    )
    page = (
        "<html lang='en'><head><meta charset='utf-8'><title>Three days on the Kungsleden - Northbound</title></head>"
        "<body><div id='wsite-content'><div id='blogTable' class='blog-table'><div class='blog-post'>"
        "<div class='blog-header'><h2 class='blog-title'><a class='blog-title-link blog-link' href='"
        f"{WEEBLY_URL}'>Three days on the Kungsleden</a></h2><p class='blog-date'><span class='date-text'>8/21/2019"
        "</span></p></div><div class='blog-content'><div class='paragraph'>We set out from Abisko in light rain,"
        " with packs that were too heavy and a map that was too old. The first day follows the river up through"
        " birch woods.</div>"
        + image.format(name="alesjaure", caption="The huts at Alesjaure, seen from the ridge.")
        + "<div class='paragraph'>By the second day the trees were gone and the valley opened out, with snow still"
        " lying in the gullies in late August.</div>"
        + image.format(name="pass", caption="")
        + "</div></div></div></div></body></html>"
    )
    article = extract(page, WEEBLY_URL)
    assert [(i.src.rsplit("/", 1)[1], i.caption) for i in article.images] == [
        ("alesjaure_orig.jpg", "The huts at Alesjaure, seen from the ridge."),
        ("pass_orig.jpg", None),
    ]
    assert "The huts at Alesjaure, seen from the ridge." in article.text.splitlines()


def test_a_wix_pictures_blurred_stand_in_is_not_the_image_the_picture_is():
    """A Wix post's pictures were stored as the blurred thumbnails the served page holds (…/v1/fill/w_147,h_83,…,
    blur_2,…/name), which Wix's image component replaces with a sharp copy once its script runs; now the image is
    the picture's own file, the address before its /v1/ transform. A sharp resized copy stays as it is."""
    media = "https://static.wixstatic.com/media/ab12_{0}~mv2.jpg"
    blurred = media + "/v1/fill/w_147,h_83,al_c,q_80,usm_0.66_1.00_0.01,blur_2,enc_auto/ab12_{0}~mv2.jpg"
    sharp = media + "/v1/fill/w_740,h_493,al_c,q_85,enc_auto/ab12_{0}~mv2.jpg"
    page = (
        "<html lang='en'><head><meta charset='utf-8'><title>My first pottery market</title>"
        "<meta name='generator' content='Wix.com Website Builder'></head><body><main><div data-hook='post-page'>"
        "<article data-hook='post'><h1 data-hook='post-title'><span>My first pottery market</span></h1>"
        "<div data-hook='post-description'><section data-id='content-viewer'><p dir='auto' data-hook='rcv-block1'>"
        "I booked a stall at the autumn craft market with six weeks to go and about forty finished pieces, which"
        " turned out to be both too many and too few.</p>"
        f"<div data-hook='rcv-block2'><div data-hook='imageViewer'><img src='{blurred.format('mugs')}' alt=''>"
        "</div></div><p dir='auto' data-hook='rcv-block3'>By the end of the day the small bowls had sold out and"
        " the big platters had not moved at all, which says something about what people carry home on a bus.</p>"
        f"<div data-hook='rcv-block4'><div data-hook='imageViewer'><img src='{sharp.format('bowls')}' alt=''>"
        "</div></div></section></div></article></div></main></body></html>"
    )
    article = extract(page, "https://www.clayandkiln.example/post/my-first-pottery-market")
    assert [image.src for image in article.images] == [media.format("mugs"), sharp.format("bowls")]
    assert f"![]({media.format('mugs')})" in article.markdown.splitlines()
