"""What the crawl's Scrapy components are built on, as Scrapy's own core/ is: starting a crawl (runner) and the
settings it knows, the state they share (per_crawler, the one archive connection) and the signals they send each
other, the reactor's DNS resolver."""
