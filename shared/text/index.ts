// The one tokenizer and folder of Qalam: index, query parser and highlighter all use it.
export { tokenize, indexKeys, scanWords, type Token } from './tokenize.js';
export { foldWord, type FoldedWord, type WordScript } from './fold.js';
export { stemsOf, isFormOf, isFormOfStem, MIN_STEM_LENGTH, MAX_SUFFIX_LENGTH, type Stem } from './word-forms.js';
export { isWellFormedText } from './well-formed.js';
