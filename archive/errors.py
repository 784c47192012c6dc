"""The archive's exceptions. Messages name the file and the fix."""


class ArchiveError(Exception):
    """The archive file cannot be used: unwritable, not SQLite, corrupt, or from a newer blogarchive."""
