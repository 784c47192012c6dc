"""Scrapy settings for blogarchive. Every setting of our own has a default here and a row in docs/settings.md.

Override on the command line (`scrapy crawl blog -s ARCHIVE_DB=my.db`) or through `blogarchive crawl` options.
"""

import os

from scrapy.settings.default_settings import RETRY_EXCEPTIONS as _SCRAPY_RETRY_EXCEPTIONS

BOT_NAME = "blogarchive"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# --- blogarchive's own settings -------------------------------------------------------------------------
ARCHIVE_DB = "archive.db"  # the SQLite archive to write
# Seconds a write waits while another process holds the archive locked; past it the crawl stops (storage fault).
ARCHIVE_BUSY_TIMEOUT = 30.0
ARCHIVE_COMMIT_INTERVAL = 1.0  # seconds between commits during a crawl (0: commit every page); a kill loses ≤ this
BLOG_ALLOW: list[str] = []  # regexes: when given, only matching URLs are crawled
BLOG_DENY: list[str] = []  # regexes: matching URLs are never crawled
BLOG_MAX_PAGES = 0  # stop scheduling pages after this many (0: no limit); sitemaps/feeds do not count
# Crawler traps (crawler/frontier/trap_budget.py): pages found by links that were not posts, per URL pattern
# (digits as N, query values dropped) and per host; past either, such links are no longer followed (0: no limit).
TRAP_PATTERN_PAGES = 500
TRAP_HOST_PAGES = 20000
# A link combining more pagination parameters than this (?query-1-page=2&query-2-page=5: WordPress's query loops)
# is not followed; each pagination alone still is (0: no limit).
TRAP_COMBINED_PAGINATIONS = 1
# A pattern whose pages, this many in a row (no posts among them), linked nothing its earlier pages had not (an
# endless ?page=N repeating the same posts) is cut then, long before TRAP_PATTERN_PAGES (0: no limit).
TRAP_STALE_PAGES = 10
EXTRACT_PROCESSES = min(os.cpu_count() or 1, 4)  # extraction worker processes; 0 runs it in a thread
RECRAWL_ARCHIVED = True  # revisit posts already in the archive (finds edits and deletions)
CONDITIONAL_GET = True  # recrawls send If-None-Match / If-Modified-Since and skip unchanged pages
# A recrawl asks again for the comments a post's platform serves apart from its page (a REST API, a comment feed, a
# comments view) though the page is unchanged (304, or a sitemap's lastmod), for this many posts at most (0: none).
COMMENTS_RECHECK_LIMIT = 1000
PROGRESS = "off"  # "rich" (live display), "plain" (a line every PROGRESS_INTERVAL s) or "off"
PROGRESS_INTERVAL = 5.0
CRAWL_JOB = ""  # names the crawl (sites.toml: the site's name); "" = its start URLs. A killed job resumes by name
MEDIA_DIR = ""  # save each post's images here, content-addressed ("" = off)
MEDIA_MAX_SIZE = 20 * 1024 * 1024  # a larger image is not saved (recorded as an error)
WARC_DIR = ""  # also write every response as WARC 1.1 records here ("" = off)
# A crawl on a worker machine (`blogarchive worker`) also hands every write to the archive's writer through this
# broker (docs/distributed.md); "" = a crawl that owns its archive.
ARCHIVE_RELAY = ""
ARCHIVE_RELAY_RUN = ""  # the run's key in the writer's relay_runs (the worker sets it; "" = a new one)
RELAY_BATCH_UNITS = 100  # a batch for the writer leaves at this many units (a page's writes are one unit) …
RELAY_BATCH_BYTES = 4 * 1024 * 1024  # … or this many bytes, and at every commit (ARCHIVE_COMMIT_INTERVAL)
RELAY_MAX_QUEUED = 100  # while the writer has this many batches waiting, the crawl waits
RELAY_RESEND_AFTER = 60.0  # seconds: a batch the writer has not applied by then is sent again (then 2×, 4×, …)
WARC_MAX_SIZE = 1024**3  # bytes; a WARC file that reaches this is closed and the next one started
REQUISITES = False  # with WARC_DIR: each archived post's stylesheets, scripts, fonts and images go into the WARC too
REQUISITES_HOSTS = ["*"]  # other hosts requisites may come from: * = any, a host (and those under it), host:port
REQUISITES_DENY_HOSTS: list[str] = []  # hosts never asked for requisites (ad servers, trackers); wins over the above
REQUISITES_MAX_SIZE = 20 * 1024 * 1024  # a larger requisite is not fetched (recorded as an error)
# Rendering in Chromium (crawler/downloadermiddlewares/render.py, docs/rendering.md): "never", "auto" (pages whose
# HTML is a shell or whose content a script loads) or "always".
RENDER = "auto"
RENDER_PAGES = 2  # pages rendered at once (one browser per crawl process)
RENDER_TIMEOUT = 30.0  # seconds for one page in the browser; past it the page is a recorded failure
RENDER_BEHAVIOUR_TIME = 10.0  # seconds of scrolling, pressing "load more" and waiting, within RENDER_TIMEOUT
RENDER_BEHAVIOUR_STEPS = 30  # scrolls and presses per page, at most
RENDER_RESTART_PAGES = 100  # the browser is started anew after this many pages (memory stays flat)
RENDER_HOSTS = ["*"]  # other hosts a rendered page may load from (as REQUISITES_HOSTS; a loopback/private one by name)
RENDER_DENY_HOSTS: list[str] = []  # hosts a rendered page never loads from; wins over the above
RENDER_SCREENSHOTS = ""  # save a full-page PNG of each rendered page in this folder ("" = off)
RENDER_CHROMIUM = ""  # the Chromium to launch ("" = `chromium` on the PATH, Debian's)

# --- politeness ---------------------------------------------------------------------------------------
# Scrapy's, less its `Accept-Language: en`: a multilingual site answers an address in the language the visitor asks
# for (qTranslate-XT, WPML and Polylang redirect /post/ to /en/post/); asked for none, as wget and Heritrix ask, it
# serves each address in its own language (docs/settings.md: how to ask for one).
DEFAULT_REQUEST_HEADERS = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
USER_AGENT = "blogarchive/0.1 (+https://github.com/blogarchive/blogarchive; archiving crawler)"
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 4.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 8
DOWNLOAD_TIMEOUT = 30
RETRY_TIMES = 2  # a timeout, lost connection, HTTP 500/502/503/504/522/524/408/429: tried 3 times in all
# Scrapy's, less a refused connection and a failed DNS lookup: the host is down, and UnreachableHostMiddleware then
# fails its other requests at once.
_NOT_RETRIED = ("scrapy.exceptions.CannotResolveHostError", "scrapy.exceptions.DownloadConnectionRefusedError")
RETRY_EXCEPTIONS = [error for error in _SCRAPY_RETRY_EXCEPTIONS if error not in _NOT_RETRIED]
# A 429/503 with Retry-After is retried after the time it asks for, up to this many seconds; a longer wish is an
# error at once (crawler/downloadermiddlewares/retry_after.py).
RETRY_AFTER_MAX = 60.0
RETRY_GIVE_UP_LOG_LEVEL = "INFO"  # the page's error is logged once, by the archive pipeline, with its cause
# Scrapy's caching resolver, with the scope guard's address rules applied to the address each connection goes to.
TWISTED_DNS_RESOLVER = "crawler.core.resolver.GuardedResolver"
DOWNLOAD_MAXSIZE = 32 * 1024 * 1024  # a larger response is dropped with an error, not archived
DOWNLOAD_WARNSIZE = 8 * 1024 * 1024
DEPTH_LIMIT = 0  # --max-depth

# --- frontier -----------------------------------------------------------------------------------------
# The request queue and duplicate filter live in the archive (table frontier), so a killed crawl resumes.
SCHEDULER = "crawler.frontier.scheduler.FrontierScheduler"

# Each response yields its requests, then one item (last). Scrapy processes a response's output CONCURRENT_ITEMS
# at a time, each in its own task: Scrapy's 100 costs the reactor ~100 idle tasks per page, and 1 keeps the output
# in order at no cost. Responses are still processed many at a time.
CONCURRENT_ITEMS = 1
# Responses waiting for extraction, in body bytes (Scrapy: 5 MB). Past it, downloading pauses: memory stays flat
# however large the blog, and ~40 pages of 40 KB still keep every extraction process busy.
SCRAPER_SLOT_MAX_ACTIVE_SIZE = 2_000_000

# --- pipeline -----------------------------------------------------------------------------------------
ITEM_PIPELINES = {
    "crawler.pipelines.archive.ArchivePipeline": 300,
    "crawler.pipelines.media.MediaFilesPipeline": 400,
    # After the images: a requisite the media pipeline has just written to the WARC files is not fetched again.
    "crawler.pipelines.requisites.RequisitesPipeline": 450,
}
MEDIA_ALLOW_REDIRECTS = True  # image URLs often redirect (http → https, to a CDN)
DOWNLOADER_MIDDLEWARES = {
    # Before everything (robots.txt included): no request leaves for another host or port, a scheme other than
    # http(s), or a link-local/metadata (or, unless a start URL is one, private/loopback) address — redirect hops too.
    "crawler.downloadermiddlewares.scope_guard.ScopeGuardMiddleware": 40,
    # First: a post a sitemap has just declared unchanged is not fetched, though its link was queued before.
    "crawler.downloadermiddlewares.known_unchanged.KnownUnchangedMiddleware": 50,
    # Scrapy's robots.txt middleware, in its place, except that every request queued while a host's robots.txt
    # is fetched gets its rules (Scrapy's let all but the first through).
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.downloadermiddlewares.robots.RobotsTxtMiddleware": 100,
    # After robots.txt (100), which usually finds a host down: its waiting requests then fail at once.
    "crawler.downloadermiddlewares.unreachable.UnreachableHostMiddleware": 120,
    # The spider's Scope decides what is in the crawl. With no allowed_domains on the spider, Scrapy's
    # OffsiteMiddleware lets every request through, after a host regex test for each one.
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "crawler.downloadermiddlewares.conditional_get.ConditionalGetMiddleware": 560,
    # Before RetryMiddleware (550) retries a 429/503: the retry waits for the Retry-After the server gave (capped).
    "crawler.downloadermiddlewares.retry_after.RetryAfterMiddleware": 555,
    # Before HttpCompressionMiddleware (590) inflates it: a gzip/deflate/brotli body cut short is an error, not a page.
    "crawler.downloadermiddlewares.complete_body.CompleteBodyMiddleware": 595,
    # Before RedirectMiddleware (600) follows it: a redirect back into its own chain is an error, not a dropped hop.
    "crawler.downloadermiddlewares.redirect_loop.RedirectLoopMiddleware": 605,
    # Scrapy's, in its place, except that a meta refresh to the page itself, back into its redirect chain or to an
    # address urllib cannot read keeps the page instead of losing it.
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "crawler.downloadermiddlewares.meta_refresh.MetaRefreshMiddleware": 580,
    # A start URL's user:password, as Basic auth to its origin only; taken off again before RedirectMiddleware (600)
    # or RetryMiddleware (550) copies the request, so no redirect, retry or frontier row carries it.
    "crawler.downloadermiddlewares.origin_credentials.OriginCredentialsMiddleware": 610,
    # Scrapy's, in its place, except that a jar is the origin's and lasts one visit (a page and its redirect hops):
    # no cookie is sent to another origin, and no page is fetched as the pages before it left the site's cookies.
    "scrapy.downloadermiddlewares.cookies.CookiesMiddleware": None,
    "crawler.downloadermiddlewares.origin_cookies.OriginCookiesMiddleware": 700,
    # After HttpCompressionMiddleware (590) and RedirectMiddleware (600), before ConditionalGetMiddleware (560) swaps
    # a 304 for the archived body: a page that needs a browser is rendered from its raw response.
    "crawler.downloadermiddlewares.render.RenderMiddleware": 570,
    # Between those two: a members-only crawl's cookies (seeding its origins' jars) and extra headers, to the crawl's
    # own origins only; taken off again before a redirect or retry is built, so no frontier row carries them.
    "crawler.downloadermiddlewares.members_session.MembersSessionMiddleware": 695,
    # After HttpCompressionMiddleware (590) inflates the body and the redirects are followed: a members-only crawl's
    # page served to someone signed out (a login page, a members-only notice) is an error, not the post.
    "crawler.downloadermiddlewares.session_expiry.SessionExpiryMiddleware": 575,
    # Next to the downloader: records requests and responses as they went over the wire (see its docstring).
    "crawler.downloadermiddlewares.warc.WarcMiddleware": 950,
}
SPIDER_MIDDLEWARES = {
    # Next to the spider: a callback that raised makes its page a crawl error instead of a page silently lost.
    "crawler.spidermiddlewares.callback_errors.CallbackErrorMiddleware": 950,
}
EXTENSIONS = {
    "crawler.extensions.progress.Progress": 500,
}
# Change alerts (crawler/alerts/, docs/alerts.md), sent once the crawl is over: a webhook POST is tried once and up to
# ALERT_WEBHOOK_RETRIES times more, waiting ALERT_WEBHOOK_BACKOFF seconds before the first retry and twice as long
# before each next, each attempt given ALERT_WEBHOOK_TIMEOUT seconds; the changes feed keeps its newest
# CHANGES_FEED_ENTRIES entries (one per run).
ALERT_WEBHOOK_RETRIES = 3
ALERT_WEBHOOK_BACKOFF = 1.0
ALERT_WEBHOOK_TIMEOUT = 10.0
CHANGES_FEED_ENTRIES = 100
LOG_LEVEL = "INFO"
TELNETCONSOLE_ENABLED = False
# Scrapy's remote-control extension (2.19) serves an HTTP endpoint that runs Python code sent to it, and writes its
# port and token to a job file in the user's profile. A scheduled archiver needs neither.
REMOTE_CONTROL_ENABLED = False
# Scrapy checks every callback for a generator that returns a value by parsing its source, and its cache is keyed
# by the bound method, which is new for each request: one getsource() and ast.parse() per response, ~8 % of the
# crawl process's time in a recrawl. tests/test_crawl.py makes the same check once for our callbacks.
WARN_ON_GENERATOR_RETURN_VALUE = False
