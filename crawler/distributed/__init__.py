"""Many crawl workers, one archive: site jobs and the crawls' writes travel through Celery on a Redis broker;
`blogarchive writer` is the archive's single writer."""
