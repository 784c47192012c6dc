"""The archivist's features beyond one crawl: the sites file (sites.toml) read and edited, scheduled crawls of its
sites (schedule, run-due), and verification of an archive against what the blogs announce (verify)."""
