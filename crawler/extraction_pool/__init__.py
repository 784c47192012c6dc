"""The processes extraction runs in, off the crawl's reactor: the function they run and the checks around
extract(), the backlog the scheduler reads, and the CPU policy that keeps the crawl from preempting them."""
