"""Rendering in a real browser: when a page needs one (`needs_browser`), Chromium driven through Playwright, the
behaviours that make a page show everything (scrolling, "load more", lazy images, collapsed comments) and frames."""

RENDER_MODES = ("never", "auto", "always")  # `crawl --render`, the sites file's `render`, the RENDER setting
