"""blogarchive's SQLite archive: schema, migrations, writes and queries. Never imports Scrapy or the crawler."""

from archive.errors import ArchiveError
from archive.store import Archive

__all__ = ["Archive", "ArchiveError"]
