import type { ArchiveContext } from '../context.js';
import type { ArchiveHandlers } from '../handlers.js';
import { createAnnotation, deleteAnnotation, listAnnotations, updateAnnotation } from './model.js';
import { passages } from './passages.js';

/// The contract calls this area answers.
export type AnnotationHandlersNames = 'listAnnotations' | 'createAnnotation' | 'updateAnnotation' | 'deleteAnnotation' | 'passages';

/// The annotation calls of the contract; each write runs in one transaction, so a tag created on
/// the fly for an annotation that is then refused does not stay behind.
export function annotationHandlers(ctx: ArchiveContext): Pick<ArchiveHandlers, AnnotationHandlersNames> {
  const { lib } = ctx;
  const inTransaction = <T>(work: () => T): T => lib.db.transaction(work)();
  return {
    listAnnotations: ({ articleId }) => listAnnotations(lib, articleId),
    createAnnotation: (args) => inTransaction(() => createAnnotation(lib, args)),
    updateAnnotation: ({ id, ...changes }) => inTransaction(() => updateAnnotation(lib, id, changes)),
    deleteAnnotation: ({ id }) => inTransaction(() => deleteAnnotation(lib, id)),
    passages: (args) => passages(lib, args),
  };
}
