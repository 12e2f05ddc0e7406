import type { ArchiveContext } from '../context.js';
import type { ArchiveHandlers } from '../handlers.js';
import { notYet } from '../errors.js';

export type AnnotationHandlersNames = 'listAnnotations' | 'createAnnotation' | 'updateAnnotation' | 'deleteAnnotation' | 'passages';

export function annotationHandlers(_ctx: ArchiveContext): Pick<ArchiveHandlers, AnnotationHandlersNames> {
  const missing = () => { throw notYet('annotation'); };
  return Object.fromEntries((['listAnnotations' , 'createAnnotation' , 'updateAnnotation' , 'deleteAnnotation' , 'passages'] as const).map((n) => [n, missing])) as unknown as Pick<ArchiveHandlers, AnnotationHandlersNames>;
}
