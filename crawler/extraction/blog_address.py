"""A post's author that is the blog it is posted on, given the blog's home as its address.

On some platforms the author a post states is the blog itself, by its name: a Tumblr post's (the JSON-LD's
`author`, the theme's {Name}: crawler/extraction/tumblr.py), a WriteFreely post's (`<meta name="author">`, the
collection's title: crawler/extraction/writefreely.py). That blog's home is the author's page.
"""

from __future__ import annotations

import dataclasses

from crawler.extraction import tumblr, writefreely
from crawler.extraction.article import Person
from crawler.extraction.page import Page


def with_blog_address(people: list[Person], page: Page) -> list[Person]:
    """The authors, the one named as the blog the page is of given the blog's address where none is known."""
    blog = tumblr.blog(page) or writefreely.blog(page)
    if blog is None:
        return people
    name, address = blog
    return [
        dataclasses.replace(person, url=address) if person.url is None and person.name.casefold() == name else person
        for person in people
    ]
