import { CodePointIndex } from '../../../shared/anchoring/codepoints.js';
import type { Annotation, Tag } from '../../../shared/model.js';
import { isClusterBoundary } from '../../../shared/anchoring/index.js';
import { articleText, queryAnnotations } from '../../core/annotations/model.js';
import { taggedAnnotations } from '../../core/annotations/passages.js';
import type { Library } from '../../core/db/open.js';
import { invoke } from '../../core/dispatch.js';
import { notFound } from '../../core/errors.js';
import { findTagByName, tagPathString } from '../../core/tags/model.js';
import { EXIT_OK, UsageError, type Command, type ParsedArgs } from '../command.js';
import { printJson, withArchive } from '../library.js';
import { flag, intOption, listOption, stringOption } from '../options.js';

// Positions on the command line count Unicode code points, as W3C Web Annotation does, so
// that scripts in any language agree with them; the core counts UTF-16 units. Convert here.

function articleId(raw: string | undefined, what: string): number {
  const id = Number(raw);
  if (raw === undefined || !/^\d+$/.test(raw) || id <= 0 || !Number.isSafeInteger(id)) throw new UsageError(`give ${what} (a whole number from 1 to ${Number.MAX_SAFE_INTEGER}), not "${raw ?? ''}"`);
  return id;
}

/// Start offsets (UTF-16) of the occurrences of `quote` in `text`, each search resuming after
/// the previous match, as a find-next in an editor counts them. A match that begins or ends
/// inside a character as the reader sees it (the "за" of "за́мок", whose а carries a stress
/// mark; one emoji of a family) is no occurrence: its passage would cut that character in two.
/// `partial` counts those.
function occurrences(text: string, quote: string): { found: number[]; partial: number } {
  const found: number[] = [];
  let partial = 0;
  for (let i = text.indexOf(quote); i !== -1; ) {
    if (isClusterBoundary(text, i) && isClusterBoundary(text, i + quote.length)) {
      found.push(i);
      i = text.indexOf(quote, i + quote.length);
    } else {
      partial++;
      i = text.indexOf(quote, i + 1);
    }
  }
  return { found, partial };
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function tagNamesById(tags: Tag[]): Map<number, string> {
  return new Map(tags.map((t) => [t.id, tagPathString(t)]));
}

/// Code point positions of an annotation; null for an orphan whose old offsets no longer fit
/// the changed text.
function codePoints(index: CodePointIndex, a: Annotation): { start: number | null; end: number | null } {
  try {
    return { start: index.toCodePoint(a.start), end: index.toCodePoint(a.end) };
  } catch {
    return { start: null, end: null };
  }
}

/// `s` on one line, at most `max` characters as the reader counts them (a letter with its
/// accents, an emoji sequence), so a shortened passage never ends in half a character.
const oneLine = (s: string, max: number) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  const chars = Array.from(graphemes.segment(flat), (g) => g.segment);
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : flat;
};

const annotateCommand: Command = {
  name: 'annotate',
  summary: 'Tag a passage of an article, found by its text',
  usage: `Usage: qalam annotate ID --quote TEXT [--occurrence N] --tag TAG [--tag TAG...] [--note TEXT] [--json]

Finds TEXT in article ID and annotates it with the tags. Tags that do not exist yet are created;
TAG may be a path, Parent/Child.
  --quote TEXT      the passage, exactly as in the article (compared after Unicode NFC)
  --occurrence N    which occurrence of TEXT, counting from 1 (default 1); each occurrence is
                    looked for after the end of the one before
  --tag TAG         a tag name or Parent/Child path; repeat for several tags (at least one)
  --note TEXT       a note to keep with the annotation
With --json prints {"id", "start", "end", "exact", "tags"}: start and end count Unicode code points
(as W3C Web Annotation does, not UTF-16 units), end exclusive; tags are names, or Parent/Child
paths for tags under a parent. Exits 2 with a message when the article or the text is not found.`,
  options: {
    quote: { type: 'string' },
    occurrence: { type: 'string' },
    tag: { type: 'string', multiple: true },
    note: { type: 'string' },
  },
  async run(args, io) {
    if (args.positionals.length !== 1) throw new UsageError('give one article id, e.g. qalam annotate 12 --quote "Тошкент" --tag Places');
    const id = articleId(args.positionals[0], 'an article id');
    const quote = stringOption(args, 'quote')?.normalize('NFC');
    if (!quote || !quote.trim()) throw new UsageError('--quote TEXT is required: the passage to annotate');
    const tags = listOption(args, 'tag');
    if (tags.length === 0) throw new UsageError('give at least one --tag');
    const occurrence = intOption(args, 'occurrence', 1, 1);
    return withArchive(args, io, async (archive) => {
      const article = await invoke(archive.handlers, 'getArticle', { id });
      const { found, partial } = occurrences(article.text, quote);
      if (found.length < occurrence) {
        const shown = oneLine(quote, 60);
        throw notFound(
          found.length === 0 && partial > 0
            ? `"${shown}" occurs in article ${id} only as part of a longer character (a letter with an accent or stress mark, or a joined emoji); quote the whole character.`
            : found.length === 0
              ? `"${shown}" does not occur in article ${id}.`
              : `"${shown}" occurs ${found.length} time${found.length === 1 ? '' : 's'} in article ${id}; there is no occurrence ${occurrence}.`,
        );
      }
      const start = found[occurrence - 1];
      const a = await invoke(archive.handlers, 'createAnnotation', {
        articleId: id,
        start,
        end: start + quote.length,
        tagNames: tags,
        note: stringOption(args, 'note'),
      });
      const names = tagNamesById(await invoke(archive.handlers, 'listTags', {}));
      const index = new CodePointIndex(article.text);
      const out = {
        id: a.id,
        start: index.toCodePoint(a.start),
        end: index.toCodePoint(a.end),
        exact: a.exact,
        tags: a.tagIds.map((t) => names.get(t) ?? String(t)),
      };
      if (flag(args, 'json')) printJson(io, out);
      else io.out(`Annotation ${out.id}: article ${id}, code points ${out.start}–${out.end}, "${oneLine(out.exact, 60)}" [${out.tags.join(', ')}]\n`);
      return EXIT_OK;
    }, 'write');
  },
};

function tagFilter(lib: Library, args: ParsedArgs): number | undefined {
  const ref = stringOption(args, 'tag');
  if (ref === undefined) return undefined;
  const tag = findTagByName(lib, ref);
  if (!tag) throw notFound(`There is no tag "${ref}". Run "qalam tags" for the codebook.`);
  return tag.id;
}

const annotationsCommand: Command = {
  name: 'annotations',
  summary: 'List annotations, of one article and/or one tag',
  usage: `Usage: qalam annotations [--article ID] [--tag TAG] [--json]

  --article ID   only the annotations of this article
  --tag TAG      only annotations carrying this tag (a name or Parent/Child path; children
                 included)
Lists in article order, then text order. With --json prints {"total": N, "annotations": [{"id",
"articleId", "exact", "start", "end", "tags", "note"}]}: start and end count Unicode code points
(end exclusive); tags are names, or Parent/Child paths for tags under a parent. An annotation whose
passage was lost when its article's text changed has start and end null.`,
  options: { article: { type: 'string' }, tag: { type: 'string' } },
  async run(args, io) {
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"; use --article ID`);
    const rawArticle = stringOption(args, 'article');
    const article = rawArticle === undefined ? undefined : articleId(rawArticle, '--article an article id');
    return withArchive(args, io, async (archive) => {
      const lib = archive.ctx.lib;
      if (article !== undefined) articleText(lib, article); // not_found for a missing article
      const tagId = tagFilter(lib, args);
      // A tag takes in the tags below it, as the Passages view and `qalam export --tag` do.
      const { total, items } =
        tagId === undefined ? queryAnnotations(lib, { articleId: article }) : taggedAnnotations(lib, { tagIds: [tagId], match: 'any', articleId: article });
      const names = tagNamesById(await invoke(archive.handlers, 'listTags', {}));
      const indexes = new Map<number, CodePointIndex>();
      const indexOf = (id: number) => {
        let index = indexes.get(id);
        if (!index) indexes.set(id, (index = new CodePointIndex(articleText(lib, id))));
        return index;
      };
      const rows = items.map((a) => ({
        id: a.id,
        articleId: a.articleId,
        exact: a.exact,
        ...codePoints(indexOf(a.articleId), a),
        tags: a.tagIds.map((t) => names.get(t) ?? String(t)),
        note: a.note,
      }));
      if (flag(args, 'json')) {
        printJson(io, { total, annotations: rows });
        return EXIT_OK;
      }
      io.out(`${total} annotation${total === 1 ? '' : 's'}\n`);
      if (rows.length === 0) return EXIT_OK;
      const table = [['id', 'article', 'position', 'tags', 'passage'], ...rows.map((r, i) => [
        String(r.id),
        String(r.articleId),
        r.start === null ? 'orphaned' : `${r.start}–${r.end}${items[i].status === 'moved' ? ' (moved)' : ''}`,
        r.tags.join(', '),
        `"${oneLine(r.exact, 50)}"${r.note ? `  note: ${oneLine(r.note, 40)}` : ''}`,
      ])];
      const widths = table[0].map((_, c) => Math.max(...table.map((row) => Array.from(row[c]).length)));
      for (const row of table) {
        io.out(row.map((cell, c) => (c === row.length - 1 ? cell : cell + ' '.repeat(widths[c] - Array.from(cell).length))).join('  ') + '\n');
      }
      return EXIT_OK;
    }, 'read');
  },
};

const tagsCommand: Command = {
  name: 'tags',
  summary: 'Show the codebook: tags as a tree, with colours and counts',
  usage: `Usage: qalam tags [--json]

Lists every tag in tree order (a parent before its children, siblings by name), with the number of
annotations that carry it. With --json prints {"total": N, "tags": [{"id", "name", "path", "parent",
"color", "description", "count"}]}: path is the Parent/Child path, parent the parent's id or null.`,
  options: {},
  async run(args, io) {
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    return withArchive(args, io, async (archive) => {
      const tags = await invoke(archive.handlers, 'listTags', {});
      if (flag(args, 'json')) {
        printJson(io, {
          total: tags.length,
          tags: tags.map((t) => ({ id: t.id, name: t.name, path: tagPathString(t), parent: t.parentId, color: t.color, description: t.description, count: t.count })),
        });
        return EXIT_OK;
      }
      if (tags.length === 0) {
        io.out('The codebook is empty. Tags are made with qalam annotate --tag NAME, or in the app.\n');
        return EXIT_OK;
      }
      const label = (t: Tag) => '  '.repeat(t.path.length - 1) + t.name;
      const width = Math.max(...tags.map((t) => Array.from(label(t)).length));
      for (const t of tags) {
        const l = label(t);
        const pad = ' '.repeat(width - Array.from(l).length);
        io.out(`${l}${pad}  ${String(t.count).padStart(6)}  ${t.color}  [${t.id}]${t.description ? `  ${oneLine(t.description, 60)}` : ''}\n`);
      }
      return EXIT_OK;
    }, 'read');
  },
};

/// `qalam annotate`, `qalam annotations` and `qalam tags`.
export const annotationCommands: Command[] = [annotateCommand, annotationsCommand, tagsCommand];
