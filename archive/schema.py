"""The archive's tables, indexes, full-text index and views, as forward migrations.

MIGRATIONS[i] takes an archive from schema version i to i + 1 (PRAGMA user_version); archive/migrations.py
applies them. A new schema change is a new entry at the end; entries already released are never edited. An entry is
SQL text, or a function of a `sqlite_utils.Database` for what ALTER TABLE cannot do (`db["t"].transform(...)`: a
column's type, NOT NULL or default, a dropped column). A new archive is made by the same steps as an old one is
brought forward by, so the two cannot differ. The tables are described column by column in docs/schema.md.

Written as SQL rather than with sqlite-utils' `create()`: the schema needs what `create()` cannot declare — a
UNIQUE constraint over two columns, a CHECK, ON DELETE CASCADE, an FTS5 index with its own tokenizer and
content_rowid, triggers and views.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

V1 = """
CREATE TABLE crawl_runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    start_urls TEXT NOT NULL DEFAULT '[]',
    pages_fetched INTEGER NOT NULL DEFAULT 0,
    articles_new INTEGER NOT NULL DEFAULT 0,
    articles_updated INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'running'
);
CREATE TABLE crawl_errors (
    id INTEGER PRIMARY KEY,
    run_id INTEGER REFERENCES crawl_runs(id),
    url TEXT NOT NULL,
    message TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE page_bodies (
    sha256 TEXT PRIMARY KEY,
    compression TEXT NOT NULL DEFAULT 'zlib',
    body BLOB NOT NULL
);
CREATE TABLE pages (
    id INTEGER PRIMARY KEY,
    run_id INTEGER REFERENCES crawl_runs(id),
    url TEXT NOT NULL,
    status INTEGER,
    content_type TEXT,
    kind TEXT,
    fetched_at TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    body_sha256 TEXT REFERENCES page_bodies(sha256)
);
CREATE INDEX pages_url ON pages(url, fetched_at);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    canonical_url TEXT,
    site TEXT NOT NULL,
    title TEXT,
    author TEXT,
    published TEXT,
    updated TEXT,
    language TEXT,
    sitename TEXT,
    description TEXT,
    categories TEXT NOT NULL DEFAULT '[]',
    tags TEXT NOT NULL DEFAULT '[]',
    text TEXT NOT NULL DEFAULT '',
    markdown TEXT NOT NULL DEFAULT '',
    word_count INTEGER NOT NULL DEFAULT 0,
    content_hash TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_fetched TEXT NOT NULL,
    gone_at TEXT
);
CREATE INDEX articles_site ON articles(site, published);
CREATE TABLE authors (
    id INTEGER PRIMARY KEY,
    site TEXT NOT NULL,
    name TEXT NOT NULL,
    bio TEXT,
    url TEXT,
    avatar_url TEXT,
    article_count INTEGER,
    links TEXT NOT NULL DEFAULT '[]',
    UNIQUE (site, name)
);
CREATE TABLE article_authors (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    author_id INTEGER NOT NULL REFERENCES authors(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (article_id, author_id)
);
CREATE INDEX article_authors_author ON article_authors(author_id);
CREATE TABLE images (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    src TEXT NOT NULL,
    alt TEXT,
    title TEXT,
    caption TEXT,
    width INTEGER,
    height INTEGER
);
CREATE INDEX images_article ON images(article_id, position);
CREATE TABLE comments (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    author TEXT,
    published TEXT,
    text TEXT NOT NULL
);
CREATE INDEX comments_article ON comments(article_id, position);
CREATE TABLE article_versions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    fetched_at TEXT NOT NULL,
    title TEXT,
    text TEXT,
    images TEXT NOT NULL DEFAULT '[]',
    content_hash TEXT NOT NULL,
    diff_summary TEXT,
    UNIQUE (article_id, version)
);
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, author, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text, author) VALUES (new.id, new.title, new.text, new.author);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text, author)
    VALUES ('delete', old.id, old.title, old.text, old.author);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text, author ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text, author)
    VALUES ('delete', old.id, old.title, old.text, old.author);
    INSERT INTO articles_fts(rowid, title, text, author) VALUES (new.id, new.title, new.text, new.author);
END;
CREATE VIEW v_posts AS
SELECT a.id, a.url, a.site, a.title, a.author, a.published, a.language, a.word_count, a.categories, a.tags,
       (SELECT json_group_array(name) FROM (SELECT au.name FROM article_authors aa
         JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = a.id ORDER BY aa.position)) AS authors,
       (SELECT count(*) FROM images i WHERE i.article_id = a.id) AS images,
       a.gone_at
FROM articles a;
CREATE VIEW v_images AS
SELECT i.id, i.article_id, a.site, a.url AS article_url, a.title AS article_title, i.position, i.src, i.alt,
       i.title, i.caption, i.width, i.height
FROM images i JOIN articles a ON a.id = i.article_id;
CREATE VIEW v_monthly AS
SELECT site, substr(published, 1, 7) AS month, count(*) AS posts, sum(word_count) AS words
FROM articles WHERE published IS NOT NULL GROUP BY site, month;
"""

# Version 2: the durable crawl frontier (resume after a kill), downloaded media, and which process runs a crawl.
V2 = """
ALTER TABLE crawl_runs ADD COLUMN job TEXT;
ALTER TABLE crawl_runs ADD COLUMN pid INTEGER;
CREATE TABLE frontier (
    id INTEGER PRIMARY KEY,
    job TEXT NOT NULL,
    url TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'leased', 'done')),
    priority INTEGER NOT NULL DEFAULT 0,
    request BLOB NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (job, url)
);
CREATE INDEX frontier_next ON frontier(job, state, priority DESC, id);
CREATE TABLE media_files (
    url TEXT PRIMARY KEY,
    sha256 TEXT,
    local_path TEXT,
    bytes INTEGER,
    content_type TEXT,
    fetched_at TEXT NOT NULL,
    error TEXT
);
ALTER TABLE images ADD COLUMN sha256 TEXT;
ALTER TABLE images ADD COLUMN local_path TEXT;
ALTER TABLE images ADD COLUMN bytes INTEGER;
CREATE INDEX images_src ON images(src);
DROP VIEW v_images;
CREATE VIEW v_images AS
SELECT i.id, i.article_id, a.site, a.url AS article_url, a.title AS article_title, i.position, i.src, i.alt,
       i.title, i.caption, i.width, i.height, i.sha256, i.local_path, i.bytes
FROM images i JOIN articles a ON a.id = i.article_id;
"""

# Version 3: posts enter the full-text index once per commit, not one at a time. FTS5 writes its buffered terms
# out as a new index segment at every SAVEPOINT, and a crawl stores each page in a savepoint of its own: indexing
# post by post cost ~2.5x the indexing itself in segment writes and merges. The triggers now note new and changed
# posts in articles_fts_pending, and Archive indexes the noted posts just before each commit (INDEX_PENDING).
# A post still pending has nothing in the index to delete.
V3 = """
CREATE TABLE articles_fts_pending (article_id INTEGER PRIMARY KEY);
DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT OR IGNORE INTO articles_fts_pending (article_id) VALUES (new.id);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text, author)
    SELECT 'delete', old.id, old.title, old.text, old.author
    WHERE NOT EXISTS (SELECT 1 FROM articles_fts_pending WHERE article_id = old.id);
    DELETE FROM articles_fts_pending WHERE article_id = old.id;
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text, author ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text, author)
    SELECT 'delete', old.id, old.title, old.text, old.author
    WHERE NOT EXISTS (SELECT 1 FROM articles_fts_pending WHERE article_id = old.id);
    INSERT OR IGNORE INTO articles_fts_pending (article_id) VALUES (new.id);
END;
"""

# Run in the writing transaction, just before it commits (archive/connection.py): PENDING_POSTS are read, their
# search_terms written (archive/terms/), then INDEX_PENDING puts them in the index.
PENDING_POSTS = (
    "SELECT a.id, a.title, a.text, a.language FROM articles_fts_pending p JOIN articles a ON a.id = p.article_id"
)
INDEX_PENDING = (
    "INSERT INTO articles_fts (rowid, title, text, author, search_terms) SELECT a.id, a.title, a.text, a.author,"
    " a.search_terms FROM articles_fts_pending p JOIN articles a ON a.id = p.article_id",
    "DELETE FROM articles_fts_pending",
)

# Version 4: Datasette and sqlite-utils find a table's full-text index by how its CREATE VIRTUAL TABLE statement
# names the content table — content="articles" or content=[articles], the way sqlite-utils' enable_fts writes it —
# and version 1 wrote content='articles', which neither recognises (no search box, `sqlite-utils search` refused
# the table). The index is recreated with the same columns and tokenizer and rebuilt from articles; posts still
# pending are in it after the rebuild, so nothing is left pending.
V4 = """
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, author, content="articles", content_rowid="id", tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
DELETE FROM articles_fts_pending;
"""

# Version 5: pages rendered in a browser (--render). `body_sha256` is then the DOM the browser built (what extraction
# read, and what `reextract` reads again); the server's own HTML is kept too, in page_bodies like any body.
V5 = """
ALTER TABLE pages ADD COLUMN raw_sha256 TEXT REFERENCES page_bodies(sha256);
ALTER TABLE pages ADD COLUMN rendered TEXT;
ALTER TABLE pages ADD COLUMN screenshot TEXT;
"""

# Version 6: search that finds a word in the forms a reader calls the same word. A Korean word carries its particles
# (사진을), German compounds hide their parts (Brotteig), English plurals and tenses change the word (maps, wrote):
# articles.search_terms holds each post's words in the forms a reader searches for (archive/terms/: Korean
# morphemes, German and English lemmas, German compound parts), indexed beside title, text and author, and the
# tokenizer stems English (porter) on both sides of a search. Datasette's _search and `sqlite-utils search` send
# the user's words to MATCH as they are, so the forms live in the index rather than in a query rewriter; a
# custom tokenizer would not load in them. Every post is noted pending: the archive's next writer (the migration's
# own connection, archive/connection.py) computes its terms and indexes it. Measured in docs/search.md.
V6 = """
ALTER TABLE articles ADD COLUMN search_terms TEXT NOT NULL DEFAULT '';
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, author, search_terms, content="articles", content_rowid="id",
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text, author, search_terms)
    SELECT 'delete', old.id, old.title, old.text, old.author, old.search_terms
    WHERE NOT EXISTS (SELECT 1 FROM articles_fts_pending WHERE article_id = old.id);
    DELETE FROM articles_fts_pending WHERE article_id = old.id;
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text, author, search_terms ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text, author, search_terms)
    SELECT 'delete', old.id, old.title, old.text, old.author, old.search_terms
    WHERE NOT EXISTS (SELECT 1 FROM articles_fts_pending WHERE article_id = old.id);
    INSERT OR IGNORE INTO articles_fts_pending (article_id) VALUES (new.id);
END;
INSERT OR IGNORE INTO articles_fts_pending (article_id) SELECT id FROM articles;
"""

# Version 7: threaded comments. A comment keeps its platform's own id (WordPress's comment number), the row of the
# comment it answers (NULL at the top level), its depth in the thread (1 at the top level) and its author's URL.
V7 = """
ALTER TABLE comments ADD COLUMN comment_id TEXT;
ALTER TABLE comments ADD COLUMN parent_id INTEGER REFERENCES comments(id);
ALTER TABLE comments ADD COLUMN depth INTEGER NOT NULL DEFAULT 1;
ALTER TABLE comments ADD COLUMN author_url TEXT;
"""

# Version 8: a version is every part of what the archive holds for a post (archive/content.py): a recrawl that
# changed only its comments, tags, categories or authors made none, and a deleted comment survived only in the raw
# page. A version row now keeps those parts too, as JSON; NULL in the rows made before: not recorded then.
V8 = """
ALTER TABLE article_versions ADD COLUMN authors TEXT;
ALTER TABLE article_versions ADD COLUMN tags TEXT;
ALTER TABLE article_versions ADD COLUMN categories TEXT;
ALTER TABLE article_versions ADD COLUMN comments TEXT;
"""

# Version 9: the people behind a site (#32). A person is one row whatever page showed them — post pages and their own
# author page — found again by their author page URL, then by name; when their name, bio or avatar
# changes, the state before is kept in author_versions (`changed` names the fields, `seen_until` when the new state
# was first seen); first_seen and last_seen say when pages showed them (NULL for rows made before).
V9 = """
ALTER TABLE authors ADD COLUMN first_seen TEXT;
ALTER TABLE authors ADD COLUMN last_seen TEXT;
CREATE INDEX authors_url ON authors(site, url);
CREATE TABLE author_versions (
    id INTEGER PRIMARY KEY,
    author_id INTEGER NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    name TEXT NOT NULL,
    bio TEXT,
    url TEXT,
    avatar_url TEXT,
    links TEXT NOT NULL DEFAULT '[]',
    seen_until TEXT NOT NULL,
    changed TEXT NOT NULL DEFAULT '[]',
    UNIQUE (author_id, version)
);
"""

# Version 10: the charset the response's Content-Type header declared, which decoding starts from
# (crawler/extraction/decoding.py): kept so that reextract decodes a page as the crawl did.
V10 = """
ALTER TABLE pages ADD COLUMN charset TEXT;
"""

# Version 11: why the crawl kept a page as a post or not ("listing: 12 entries linking to other pages hold most of
# its text", "no date and no post markup, and no feed lists it" …): nothing read is dropped without a trace.
V11 = """
ALTER TABLE pages ADD COLUMN reason TEXT;
"""

# Version 12: change alerts (#34). Each run notes what it changed, in the transaction that changed it: a post new,
# changed (which parts, and the article_versions row that keeps the state before) or gone, a person new or changed
# (the author_versions row). Alerts and `blogarchive changes` read these rows rather than comparing timestamps
# afterwards. Every delivery of an alert (a webhook POST, an Atom feed file written) is a row of alert_deliveries,
# a failed one with its cause.
V12 = """
CREATE TABLE changes (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES crawl_runs(id),
    site TEXT NOT NULL,
    subject TEXT NOT NULL CHECK (subject IN ('post', 'person')),
    change TEXT NOT NULL CHECK (change IN ('new', 'changed', 'gone')),
    url TEXT,
    title TEXT,
    article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES authors(id) ON DELETE CASCADE,
    version INTEGER,
    fields TEXT NOT NULL DEFAULT '[]',
    summary TEXT,
    at TEXT NOT NULL
);
CREATE INDEX changes_run ON changes(run_id);
CREATE INDEX changes_site ON changes(site, at);
CREATE TABLE alert_deliveries (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES crawl_runs(id),
    kind TEXT NOT NULL CHECK (kind IN ('webhook', 'feed')),
    target TEXT NOT NULL,
    changes INTEGER NOT NULL,
    attempts INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('sent', 'failed')),
    error TEXT,
    at TEXT NOT NULL
);
CREATE INDEX alert_deliveries_run ON alert_deliveries(run_id);
"""

# Version 13: a page an older blogarchive stored as a post that today's rules decide is no post (a listing, a hub, an
# About page) is retired: kept whole — its versions, authors, images and comments — with when and why
# (articles.retired_at, retired_reason), noted as a change ('retired'; 'restored' when a later decision makes it a post
# again), and left out of the views analysts count posts with. Which rules decided a run's pages is its
# crawl_runs.rules (crawler/core/rules.py): a recrawl decides again an unchanged page that other rules decided.
# The change kinds are a CHECK, which ALTER TABLE cannot widen: `changes` is rebuilt, as SQLite's own recipe for a
# changed constraint does (a new table, the rows copied, the old one dropped, the new one renamed; foreign keys are
# off during migrations and nothing refers to `changes`).
V13 = """
ALTER TABLE articles ADD COLUMN retired_at TEXT;
ALTER TABLE articles ADD COLUMN retired_reason TEXT;
ALTER TABLE crawl_runs ADD COLUMN rules TEXT;
CREATE TABLE changes_widened (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES crawl_runs(id),
    site TEXT NOT NULL,
    subject TEXT NOT NULL CHECK (subject IN ('post', 'person')),
    change TEXT NOT NULL CHECK (change IN ('new', 'changed', 'gone', 'retired', 'restored')),
    url TEXT,
    title TEXT,
    article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES authors(id) ON DELETE CASCADE,
    version INTEGER,
    fields TEXT NOT NULL DEFAULT '[]',
    summary TEXT,
    at TEXT NOT NULL
);
INSERT INTO changes_widened SELECT id, run_id, site, subject, change, url, title, article_id, author_id, version,
    fields, summary, at FROM changes;
DROP TABLE changes;
ALTER TABLE changes_widened RENAME TO changes;
CREATE INDEX changes_run ON changes(run_id);
CREATE INDEX changes_site ON changes(site, at);
DROP VIEW v_posts;
CREATE VIEW v_posts AS
SELECT a.id, a.url, a.site, a.title, a.author, a.published, a.language, a.word_count, a.categories, a.tags,
       (SELECT json_group_array(name) FROM (SELECT au.name FROM article_authors aa
         JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = a.id ORDER BY aa.position)) AS authors,
       (SELECT count(*) FROM images i WHERE i.article_id = a.id) AS images,
       a.gone_at
FROM articles a WHERE a.retired_at IS NULL;
DROP VIEW v_images;
CREATE VIEW v_images AS
SELECT i.id, i.article_id, a.site, a.url AS article_url, a.title AS article_title, i.position, i.src, i.alt,
       i.title, i.caption, i.width, i.height, i.sha256, i.local_path, i.bytes
FROM images i JOIN articles a ON a.id = i.article_id WHERE a.retired_at IS NULL;
DROP VIEW v_monthly;
CREATE VIEW v_monthly AS
SELECT site, substr(published, 1, 7) AS month, count(*) AS posts, sum(word_count) AS words
FROM articles WHERE published IS NOT NULL AND retired_at IS NULL GROUP BY site, month;
"""

# Version 14: a post that moved (a slug edited, a permalink structure changed, a static blog's file renamed behind an
# alias page) is one post: a crawl that finds its archived address permanently redirected to another (301, 308, or
# a refresh page naming the other as its canonical) moves its row there, its versions, authors, images, comments and
# changes with it, the address it left kept in article_addresses with the redirect that moved it, and noted as a
# change ('moved'). `changes` is rebuilt to widen its CHECK, as version 13 did.
V14 = """
CREATE TABLE article_addresses (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    moved_to TEXT NOT NULL,
    redirect TEXT NOT NULL,
    run_id INTEGER REFERENCES crawl_runs(id),
    at TEXT NOT NULL
);
CREATE INDEX article_addresses_article ON article_addresses(article_id);
CREATE INDEX article_addresses_url ON article_addresses(url);
CREATE TABLE changes_widened (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES crawl_runs(id),
    site TEXT NOT NULL,
    subject TEXT NOT NULL CHECK (subject IN ('post', 'person')),
    change TEXT NOT NULL CHECK (change IN ('new', 'changed', 'gone', 'retired', 'restored', 'moved')),
    url TEXT,
    title TEXT,
    article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES authors(id) ON DELETE CASCADE,
    version INTEGER,
    fields TEXT NOT NULL DEFAULT '[]',
    summary TEXT,
    at TEXT NOT NULL
);
INSERT INTO changes_widened SELECT id, run_id, site, subject, change, url, title, article_id, author_id, version,
    fields, summary, at FROM changes;
DROP TABLE changes;
ALTER TABLE changes_widened RENAME TO changes;
CREATE INDEX changes_run ON changes(run_id);
CREATE INDEX changes_site ON changes(site, at);
"""

# Version 15: a post's own identity on its platform (articles.platform_id: WordPress's shortlink form of its ID,
# `https://site/?p=123`), which stays when the blog changes its permalink structure and the old addresses answer 404
# with no redirect: a crawl that finds the same post gone at its archived address and read at another moves the row
# there (article_addresses, a 'moved' change), as a permanent redirect does. Posts stored before get it when a crawl
# or `reextract` reads their page again.
V15 = """
ALTER TABLE articles ADD COLUMN platform_id TEXT;
CREATE INDEX articles_platform_id ON articles(site, platform_id) WHERE platform_id IS NOT NULL;
"""

MIGRATIONS: list[str | Callable[[Database], None]] = [V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11, V12, V13, V14, V15]
