"""Members-only posts, no Scrapy: the session a crawl carries (a browser's cookies.txt, extra headers) and the
signs, read from a response, that a page was served to someone signed out instead of to the member."""
