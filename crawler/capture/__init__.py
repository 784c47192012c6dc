"""Web-archive capture formats, no Scrapy: the WARC writer and its digest index, the page requisites found in a
post's HTML and CSS (and the hosts they may come from), and the WACZ package with its page list."""
