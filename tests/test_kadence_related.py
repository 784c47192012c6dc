"""Kadence prints "Similar Posts" under a post (its `div.entry-related` carousel): cards of other posts, each an
<article class="entry loop-entry …"> with its categories' links and an excerpt. An image-only post has no text of
its own, and its categories were read from a card."""

from __future__ import annotations

from crawler.extraction.extract import extract

URL = "https://b.example/2024/05/20/cliffs-in-the-rain/"
CARD = (
    '<div class="carousel-item splide__slide"><article class="entry content-bg loop-entry post-16 post type-post'
    ' status-publish format-standard has-post-thumbnail hentry category-travel category-walking">'
    '<div class="entry-content-wrap"><header class="entry-header"><div class="entry-taxonomies">'
    '<span class="category-links term-links category-style-normal"><a href="https://b.example/category/travel/"'
    ' rel="tag">Travel</a> | </span></div></header><div class="entry-summary"><p>Three days on the islands by'
    " bicycle and on foot, from the old fort on the cliff edge to the harbour where the ferry leaves at six, with"
    " notes on where to sleep, what to eat and which paths the rain turns to mud…</p></div></div></article></div>"
)
PAGE = (
    '<!DOCTYPE html><html lang="en-US"><body class="post-template-default single single-post postid-35">'
    '<div id="wrapper" class="site wp-site-blocks"><div id="inner-wrap" class="wrap hfeed kt-clear">'
    '<div id="primary" class="content-area"><div class="content-container site-container">'
    '<main id="main" class="site-main" role="main"><div class="content-wrap">'
    '<article id="post-35" class="entry content-bg single-entry post-35 post type-post status-publish'
    ' format-standard hentry category-walking"><div class="entry-content-wrap"><header class="entry-header'
    ' post-title"><div class="entry-taxonomies"><span class="category-links term-links category-style-normal">'
    '<a href="https://b.example/category/walking/" rel="tag">Walking</a></span></div>'
    '<h1 class="entry-title">Cliffs in the Rain</h1></header></div></article>'
    '<div class="entry-related alignfull entry-related-style-wide"><div class="entry-related-inner'
    ' content-container site-container"><div class="entry-related-inner-content alignwide">'
    '<div class="entry-related-carousel kadence-slide-init splide"><div class="splide__track">'
    f'<div class="splide__list grid-cols grid-sm-col-2 grid-lg-col-3">{CARD}</div></div></div></div></div></div>'
    "</div></main></div></div></div></div></body></html>"
)


def test_kadences_similar_posts_give_the_post_none_of_their_categories():
    article = extract(PAGE, URL)
    assert (article.title, article.categories) == ("Cliffs in the Rain", ["Walking"])
