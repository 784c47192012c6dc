"""The Archive: the one object that writes (and the CLI reads) a blogarchive SQLite file.

Its methods come by job, one module each: the connection and its transactions (archive/connection.py), crawl runs
(runs.py), pages and their bodies (pages.py), articles with their authors, images and versions (articles.py) and
their moves to another address (moves.py), the people behind a site and their versions (people.py),
the deliveries of change alerts (changes.py).
"""

from __future__ import annotations

from archive.changes import Deliveries
from archive.moves import Moves
from archive.pages import Pages
from archive.people import People
from archive.runs import Runs


class Archive(Runs, Pages, Moves, People, Deliveries):
    """A blogarchive SQLite file, opened (created, migrated) for writing: `Archive(path, busy_timeout=30)`."""
