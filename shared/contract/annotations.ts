import { z } from 'zod';
import { call } from './define.js';
import { annotation, id, isoDate, passage } from './schemas.js';

const tagRefs = {
  tagIds: z.array(id).max(100).optional(),
  /// Tags named here are found by name (or `Parent/Child` path) and created when missing.
  tagNames: z.array(z.string().min(1).max(2000)).max(100).optional(),
};

export const annotationCalls = {
  listAnnotations: call(z.object({ articleId: id }), z.array(annotation), "An article's annotations in text order."),
  createAnnotation: call(
    z.object({
      articleId: id,
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
      ...tagRefs,
      note: z.string().max(100_000).optional(),
      /// Given when undo brings a deleted annotation back, so it keeps its identity.
      uid: z.string().max(200).optional(),
    }),
    annotation,
    'Highlight a passage (UTF-16 offsets into the article text) with tags and a note.',
  ),
  updateAnnotation: call(
    z.object({ id, ...tagRefs, note: z.string().max(100_000).optional() }),
    annotation,
    "Change an annotation's tags or note.",
  ),
  deleteAnnotation: call(z.object({ id }), annotation, 'Delete an annotation; returns it, for undo.'),
  passages: call(
    z.object({
      tagIds: z.array(id).min(1).max(100),
      match: z.enum(['any', 'all']).default('any'),
      lang: z.string().max(40).optional(),
      dateFrom: isoDate.optional(),
      dateTo: isoDate.optional(),
      context: z.number().int().min(0).max(1000).default(80),
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
    z.object({ total: z.number(), items: z.array(passage) }),
    'Every passage of one or more tags across the archive, with context.',
  ),
};
