"""Item pipelines (ITEM_PIPELINES), one per module, in the order they run: archive.py extracts and stores each page,
media.py saves the posts' images, requisites.py fetches their page requisites into the WARC files."""
