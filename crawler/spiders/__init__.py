"""The spider (SPIDER_MODULES): BlogSpider crawls a blog from its start URLs, robots.txt, sitemaps and feeds, finds
its links and pages' kinds, and yields one item per request for the pipelines."""
