"""Finding a blog's pages: robots.txt Sitemap: lines, sitemaps and sitemap indexes, feeds, pagination, links."""
