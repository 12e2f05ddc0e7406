import { z } from 'zod';
import { call } from './define.js';
import { color, id, tag } from './schemas.js';

// The full rules for a name (length in characters, invisible and control characters) are the
// codebook's (electron/core/tags/model.ts); here only what keeps a call's size in bounds.
const tagName = z
  .string()
  .trim()
  .min(1, 'a tag needs a name')
  .max(800)
  .refine((s) => !s.includes('/'), 'a tag name cannot contain "/" (it separates parent and child)');

export const tagCalls = {
  listTags: call(z.object({}), z.array(tag), 'The codebook: every tag with its parent, colour and count.'),
  createTag: call(
    z.object({ name: tagName, parentId: id.nullable().optional(), color: color.optional(), description: z.string().max(10_000).optional() }),
    tag,
    'Add a tag to the codebook.',
  ),
  updateTag: call(
    z.object({ id, name: tagName.optional(), parentId: id.nullable().optional(), color: color.optional(), description: z.string().max(10_000).optional() }),
    tag,
    'Rename, re-colour, describe or move a tag.',
  ),
  mergeTags: call(z.object({ sourceId: id, targetId: id }), tag, 'Move every annotation of one tag to another and remove the first.'),
  deleteTag: call(
    z.object({ id, force: z.boolean().default(false) }),
    z.object({ deleted: z.number(), annotationsAffected: z.number() }),
    'Delete a tag (and its children); refused with code `in_use` unless force when annotations carry it.',
  ),
};
