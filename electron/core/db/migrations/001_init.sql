-- The first shape of a Qalam library. Offsets are UTF-16 code units into articles.text.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE batches (
  id          INTEGER PRIMARY KEY,
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  label       TEXT NOT NULL DEFAULT '',
  imported    INTEGER NOT NULL DEFAULT 0,
  duplicates  INTEGER NOT NULL DEFAULT 0,
  failed      INTEGER NOT NULL DEFAULT 0
);

-- The original bytes of every imported file, once per distinct file, so an export can hand on
-- exactly what was imported even when the file is gone from the disk. `storage` says how:
-- 'deflate' keeps the bytes compressed; 'seed-utf8' means the file was a UTF-8 seed file that
-- its article rebuilds byte for byte (checked at import), so nothing needs keeping twice.
-- (A rowid table: large blobs in a WITHOUT ROWID table waste most of an overflow page each.)
CREATE TABLE originals (
  id         INTEGER PRIMARY KEY,
  sha256     TEXT NOT NULL UNIQUE,
  size       INTEGER NOT NULL,
  name       TEXT NOT NULL,
  storage    TEXT NOT NULL DEFAULT 'deflate',
  compressed BLOB
);

CREATE TABLE articles (
  id           INTEGER PRIMARY KEY,
  uid          TEXT NOT NULL UNIQUE,
  -- SHA-256 of the normalised text; `uid` is derived from it and is what duplicates are found by.
  text_sha256  TEXT NOT NULL,
  title        TEXT NOT NULL,
  date         TEXT,
  source       TEXT,
  url          TEXT,
  lang         TEXT NOT NULL,
  script       TEXT NOT NULL,
  text         TEXT NOT NULL,
  -- UTF-16 code units, as the renderer counts: kept so a page of the library never reads texts.
  text_length  INTEGER NOT NULL DEFAULT 0,
  orig_path    TEXT,
  orig_size    INTEGER,
  orig_sha256  TEXT,
  encoding     TEXT,
  format       TEXT,
  batch_id     INTEGER REFERENCES batches(id),
  imported_at  TEXT NOT NULL,
  revision     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_date ON articles(date, id);
CREATE INDEX articles_date_asc ON articles(date IS NULL, date, id);
CREATE INDEX articles_title ON articles(title COLLATE NOCASE, id);
CREATE INDEX articles_lang ON articles(lang, date);
CREATE INDEX articles_source ON articles(source, date);

-- Earlier texts of corrected articles: the text as imported is never lost.
CREATE TABLE article_revisions (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  revision   INTEGER NOT NULL,
  text       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (article_id, revision)
) WITHOUT ROWID;

-- The full-text index holds folded keys (shared/text), not the text itself, so it needs no
-- content of its own; contentless_delete lets it drop or replace rows all the same.
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, body,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TABLE tags (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  parent_id   INTEGER REFERENCES tags(id) ON DELETE CASCADE,
  color       TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX tags_sibling_name ON tags(COALESCE(parent_id, 0), name COLLATE NOCASE);

CREATE TABLE annotations (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  start       INTEGER NOT NULL,
  end         INTEGER NOT NULL,
  exact       TEXT NOT NULL,
  prefix      TEXT NOT NULL,
  suffix      TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL DEFAULT 'anchored',
  created_at  TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  CHECK (end > start)
);
CREATE INDEX annotations_article ON annotations(article_id, start);

CREATE TABLE annotation_tags (
  annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
  tag_id        INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (annotation_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX annotation_tags_tag ON annotation_tags(tag_id, annotation_id);

CREATE TABLE collections (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT NOT NULL DEFAULT '',
  query       TEXT,
  created_at  TEXT NOT NULL
);

CREATE TABLE collection_articles (
  collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
  article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  added_at      TEXT NOT NULL,
  PRIMARY KEY (collection_id, article_id)
) WITHOUT ROWID;
CREATE INDEX collection_articles_article ON collection_articles(article_id);
