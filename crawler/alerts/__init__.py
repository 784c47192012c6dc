"""Change alerts: after a crawl, what its run changed (archive/changes.py) goes to the places a site asks for —
an HTTP webhook (webhook.py), an Atom feed file (atom.py) — each delivery recorded in the archive (deliver.py)."""
