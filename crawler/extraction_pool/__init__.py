"""The processes extraction runs in, off the crawl's reactor: the pool that starts, feeds and stops them and counts
the pages waiting for them (which the scheduler reads), the function they run and the checks around
extract()."""
