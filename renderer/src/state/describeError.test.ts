import { describe, expect, it } from 'vitest';
import { ApiErrorLike } from './describeError.fixture.js';
import { describeError } from './describeError.js';

describe('describeError', () => {
  it('uses the API message as written', () => {
    expect(describeError(new ApiErrorLike('bad_query', 'The quote after "Тошкент is never closed.'))).toBe('The quote after "Тошкент is never closed.');
    expect(describeError(new ApiErrorLike('in_use', 'Tag "Cotton" is used by 5 annotations.'), 'delete the tag')).toBe(
      'Could not delete the tag: Tag "Cotton" is used by 5 annotations.',
    );
  });

  it('never shows a stack trace', () => {
    const e = new TypeError("Cannot read properties of undefined (reading 'x')\n    at foo (app.js:1:2)\n    at bar (app.js:3:4)");
    const text = describeError(e, 'open the article');
    expect(text).toBe("Could not open the article: something went wrong (Cannot read properties of undefined (reading 'x')).");
    expect(text).not.toContain('app.js');
  });

  it('copes with odd throws', () => {
    expect(describeError(undefined)).toBe('something went wrong.');
    expect(describeError({ code: 'x', message: '' })).toBe('something went wrong.');
    expect(describeError('plain words')).toBe('plain words');
    expect(describeError(new ApiErrorLike('x', 'a'.repeat(400))).length).toBe(298);
  });
});
