-- optional-for-readers
-- Titles in the order their readers expect (shared/text/sort-key.ts): SQLite's NOCASE folds only
-- A–Z, so Kazakh and Uzbek letters, Latin letters with diacritics and all lower-case Cyrillic
-- sorted after Я. The key is computed in JavaScript (title_sort_key, db/functions.ts) and stored,
-- so the index serves the order without the function. The step adds nothing but what the titles
-- already say: a library that cannot be written is read without it (articles/queries.ts).
ALTER TABLE articles ADD COLUMN title_key TEXT NOT NULL DEFAULT '';
UPDATE articles SET title_key = title_sort_key(title);
DROP INDEX articles_title;
CREATE INDEX articles_title_key ON articles(title_key, id);
