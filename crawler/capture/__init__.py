"""What a capture needs beyond the WARC records of the crawled pages: their page requisites (found here, fetched
by crawler/pipelines/requisites.py) and the WACZ package an archivist hands on (wacz.py)."""
