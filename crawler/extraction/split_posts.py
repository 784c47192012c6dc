"""A post split over several pages (WordPress's `<!--nextpage-->`), joined into one: pure, Articles in, one out.

Page 1 gives the post its URL, title, authors, dates and terms; each further page adds its text, Markdown and images
in order. Comments are the post's, shown on every page: each is kept once.
"""

from __future__ import annotations

from dataclasses import replace

from crawler.extraction.article import Article


def joined(first: Article, parts: list[Article]) -> Article:
    """`first` with the text, Markdown, images and comments of `parts` (pages 2..N, in order) added."""
    texts = [first.text, *(part.text for part in parts)]
    markdowns = [first.markdown, *(part.markdown for part in parts)]
    images = list(first.images)
    sources = {image.src for image in images}
    comments = list(first.comments)
    seen = {(c.id, c.author, c.text) for c in comments}
    for part in parts:
        for image in part.images:
            if image.src not in sources:
                sources.add(image.src)
                images.append(replace(image, position=len(images) + 1))
        for comment in part.comments:
            if (comment.id, comment.author, comment.text) not in seen:
                seen.add((comment.id, comment.author, comment.text))
                comments.append(comment)
    text = "\n".join(t for t in texts if t)
    return replace(
        first,
        text=text,
        markdown="\n\n".join(m for m in markdowns if m),
        word_count=len(text.split()),
        images=images,
        comments=comments,
    )
