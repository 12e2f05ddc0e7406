import { z } from 'zod';
import { isCalendarDate } from '../calendar.js';

// Output schemas mirror shared/model.ts; they validate what the main side sends in tests and
// document the shape, while the TypeScript types come from model.ts.

export const id = z.number().int().positive();
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD')
  // A filter on a day that does not exist would quietly match nothing.
  .refine(isCalendarDate, { error: (issue) => `there is no date ${String(issue.input)}` });
export const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb');
/// How a search matches scripts. `any`: a word matches in every script it can be written in;
/// `exact`: only in the script typed.
export const searchScript = z.enum(['any', 'exact']);

export const provenance = z.object({
  path: z.string().nullable(),
  size: z.number().nullable(),
  sha256: z.string().nullable(),
  encoding: z.string().nullable(),
  format: z.string().nullable(),
  batchId: z.number().nullable(),
  importedAt: z.string(),
});

export const articleSummary = z.object({
  id,
  uid: z.string(),
  title: z.string(),
  date: z.string().nullable(),
  source: z.string().nullable(),
  url: z.string().nullable(),
  lang: z.string(),
  script: z.string(),
  length: z.number(),
  annotationCount: z.number(),
});

export const article = articleSummary.extend({ text: z.string(), provenance });

export const tag = z.object({
  id,
  uid: z.string(),
  name: z.string(),
  parentId: id.nullable(),
  path: z.array(z.string()),
  color: z.string(),
  description: z.string(),
  count: z.number(),
});

export const selectors = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
});

export const annotation = selectors.extend({
  id,
  uid: z.string(),
  articleId: id,
  tagIds: z.array(id),
  note: z.string(),
  status: z.enum(['anchored', 'moved', 'orphaned']),
  createdAt: z.string(),
  modifiedAt: z.string(),
});

export const passage = z.object({
  annotation,
  articleTitle: z.string(),
  articleDate: z.string().nullable(),
  articleLang: z.string(),
  before: z.string(),
  after: z.string(),
});

export const collection = z.object({
  id,
  name: z.string(),
  description: z.string(),
  query: z.string().nullable(),
  /// How the saved search's query matches scripts (`any` for a collection with no query).
  script: searchScript,
  count: z.number(),
  createdAt: z.string(),
});

export const searchHit = z.object({
  id,
  title: z.string(),
  date: z.string().nullable(),
  lang: z.string(),
  source: z.string().nullable(),
  path: z.string().nullable(),
  snippet: z.string(),
  score: z.number(),
});

export const searchResult = z.object({ total: z.number(), results: z.array(searchHit), terms: z.array(z.string()) });

export const importSummary = z.object({
  batchId: z.number(),
  imported: z.number(),
  duplicates: z.number(),
  failed: z.array(z.object({ path: z.string(), error: z.string() })),
  articleIds: z.array(z.number()),
});

export const jobStatus = z.object({
  id: z.string(),
  kind: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  done: z.number(),
  total: z.number(),
  message: z.string(),
  result: z.unknown().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

export const empty = z.object({}).strict();
export const ok = z.object({ ok: z.literal(true) });
