import { describe, expect, it } from 'vitest';
import { describeFailure, QalamError, writeFailure } from './errors.js';

const sysError = (code: string, path?: string) => Object.assign(new Error(`${code}: system words`), { code, path });

describe('failures as the user is told them', () => {
  it('says in words what stood in the way of writing a file', () => {
    const cases: [string, string][] = [
      ['ENOTEMPTY', '/exports/bag has appeared meanwhile (another export to the same place, say)'],
      ['EACCES', 'you may not write to /exports/bag'],
      ['ENOSPC', 'the disk is full'],
      ['EROFS', '/exports/bag is on a read-only disk'],
    ];
    for (const [code, why] of cases) {
      const e = writeFailure(sysError(code, '/exports/bag'), '/exports/bag');
      expect(e).toBeInstanceOf(QalamError);
      expect((e as QalamError).message).toBe(`Cannot write /exports/bag: ${why}. Nothing was written.`);
    }
    const other = sysError('EIO');
    expect(writeFailure(other, '/x')).toBe(other);
  });

  it('tells a refused write to a read-only library apart from a bug', () => {
    expect(describeFailure(Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' }))).toMatchObject({ code: 'read_only' });
    expect(describeFailure(new QalamError('not_found', 'No such tag.'))).toEqual({ code: 'not_found', message: 'No such tag.' });
    expect(describeFailure(new Error('boom'), 'Internal error in x: ')).toEqual({ code: 'internal', message: 'Internal error in x: boom' });
  });
});
