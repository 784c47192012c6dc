"""A WordPress gallery linked to attachment pages, on a WordPress whose attachment pages redirect to their files
(6.4 on, the default of a new site): each picture's link led to a crawl error ("not an HTML page (image/jpeg)")."""

from __future__ import annotations

from tests.hostile.servers import Server, post_html, serve

GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00"
GIF += b"\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"


def test_a_gallerys_links_to_attachment_pages_redirected_to_their_files_are_no_crawl_errors(crawl, db):
    items = "".join(
        f'<figure class="gallery-item"><div class="gallery-icon"><a href="/2024/07/stones/{name}/"><img '
        f'src="/wp-content/uploads/2024/07/{name}-150x150.gif" alt="{name}"></a></div></figure>'
        for name in ("wall", "gate")
    )
    gallery = f'<div class="gallery gallery-columns-2">{items}</div>'
    home = '<!doctype html><html><body><a href="/2024/07/stones/">Stones</a></body></html>'
    routes = {
        "/": (200, {}, home.encode()),
        "/2024/07/stones/": (200, {}, post_html("Stones").replace("</article>", f"{gallery}</article>").encode()),
    }
    for name in ("wall", "gate"):
        routes[f"/2024/07/stones/{name}/"] = (301, {"Location": f"/wp-content/uploads/2024/07/{name}.gif"}, b"")
        routes[f"/wp-content/uploads/2024/07/{name}.gif"] = (200, {"Content-Type": "image/gif"}, GIF)
    site = Server(routes=routes)
    with serve(site):
        result = crawl(site.base)
    assert result.returncode == 0, result.stderr
    assert db("SELECT url FROM articles") == [(site.base + "2024/07/stones/",)]
    assert db("SELECT url, message FROM crawl_errors") == []
