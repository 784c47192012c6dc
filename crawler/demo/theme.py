"""The sample blog's theme files, as a WordPress theme ships them: a stylesheet that @imports another and draws its
header with a CSS url() image, a site icon, and a lazy-loading script that does what lazy-load plugins do — an
image's `data-src`/`data-srcset` become its `src`/`srcset` once it scrolls into view. Without the script (or its
captured copy) a post's own images stay placeholders: what a replay of a capture without page requisites shows."""

from __future__ import annotations

from crawler.demo.pictures import png

FOLDER = "/wp-content/themes/demo/"
VERSION = "1.4"

HEAD = (
    f'<link rel="stylesheet" id="demo-style-css" href="{FOLDER}style.css?ver={VERSION}" media="all">\n'
    f'<link rel="icon" href="{FOLDER}images/icon.png" sizes="32x32">\n'
    f'<script src="{FOLDER}lazyload.js?ver={VERSION}" id="demo-lazyload-js" defer></script>'
)

STYLE = """@import url("typography.css");

body { margin: 0; background: #f6f3ec; color: #2b2b2b; }
.site-header { background: #2f5d50 url("images/header.png") repeat-x; padding: 0.6rem 2rem; }
.site-title { margin: 0; }
.site-title a { color: #fff; text-decoration: none; font-size: 1.6rem; }
.main-navigation ul { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; margin: 0.4rem 0; padding: 0; }
.main-navigation a { color: #e8f0ec; }
.search-form { display: none; }
.site-content { display: flex; gap: 2rem; max-width: 1100px; margin: 0 auto; padding: 1rem 2rem; }
.site-main { flex: 3; min-width: 0; }
.widget-area { flex: 1; font-size: 0.9rem; }
.entry-content img, .wp-block-image img { max-width: 100%; height: auto; display: block; }
.wp-element-caption { color: #666; font-style: italic; }
.sharedaddy ul, .jp-relatedposts ul { display: flex; gap: 1rem; list-style: none; padding: 0; }
.jp-relatedposts img { display: block; width: 150px; height: 100px; }
.author-box { display: flex; gap: 1rem; background: #fff; border-left: 4px solid #2f5d50; padding: 1rem; }
.cookie-banner { position: fixed; bottom: 0; left: 0; right: 0; background: #2f5d50; color: #fff;
                 display: flex; gap: 1rem; align-items: center; padding: 0 2rem; }
.site-footer { text-align: center; color: #666; padding: 2rem; }
"""

TYPOGRAPHY = """body { font: 17px/1.6 Georgia, "Times New Roman", serif; }
h1, h2, h3, h4, .widget-title { font-family: "Helvetica Neue", Arial, sans-serif; color: #2f5d50; }
"""

LAZYLOAD = """(function () {
  function show(img) {
    if (img.dataset.srcset) { img.srcset = img.dataset.srcset; }
    if (img.dataset.src) { img.src = img.dataset.src; }
    img.classList.add("lazyloaded");
  }
  var images = document.querySelectorAll("img[data-src]");
  if (!("IntersectionObserver" in window)) { images.forEach(show); return; }
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) { observer.unobserve(entry.target); show(entry.target); }
    });
  }, { rootMargin: "200px" });
  images.forEach(function (img) { observer.observe(img); });
})();
"""

_TEXT = {
    "style.css": ("text/css", STYLE),
    "typography.css": ("text/css", TYPOGRAPHY),
    "lazyload.js": ("text/javascript", LAZYLOAD),
}


def theme_file(path: str) -> tuple[str, bytes] | None:
    """(content type, body) of a file under FOLDER, or None."""
    if not path.startswith(FOLDER):
        return None
    name = path.removeprefix(FOLDER)
    if name in _TEXT:
        content_type, text = _TEXT[name]
        return f"{content_type}; charset=utf-8", text.encode("utf-8")
    if name.startswith("images/") and name.endswith(".png"):
        return "image/png", png(path)
    return None
