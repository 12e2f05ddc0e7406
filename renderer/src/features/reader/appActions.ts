// The app's one AnnotationActions, wired to the real API, the app's undo history and the codebook.
import { api } from '../../api.js';
import { noteTagUsed, refreshCodebook } from '../../state/codebook.js';
import { undoStack } from '../../state/undo.js';
import { AnnotationActions } from './annotationActions.js';

export const annotationActions = new AnnotationActions({
  api,
  undo: undoStack,
  // Recent tags first: apply in reverse so the first tag ends up most recent.
  onTagsUsed: (ids) => [...ids].reverse().forEach(noteTagUsed),
  // Counts per tag changed; a failed refresh only leaves counts stale for a moment.
  onSettled: () => void refreshCodebook().catch(() => undefined),
});
