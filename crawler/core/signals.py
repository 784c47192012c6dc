"""The crawl's own signals, sent and received through Scrapy's signal manager as Scrapy's are: what one component
learns that another keeps the books of. The trap budgets (crawler/frontier/trap_budget.py) are fed by both."""

# url, links: a page found by a link was parsed, and `links` are all the site's pages it links to (the spider).
links_found = object()
# url, post: what a fetched page (or a failed fetch) turned out to be, a post or not (the archive pipeline).
page_settled = object()
