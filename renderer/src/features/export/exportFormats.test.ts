import { describe, expect, it } from 'vitest';
import { defaultFileName, exportedPath, FORMATS } from './exportFormats.js';

const day = new Date('2025-03-01T12:00:00Z');

describe('export file names', () => {
  it('names the file after what was exported, in its script', () => {
    expect(defaultFileName({ label: 'collection “Cotton harvest”' }, 'csv', false, day)).toBe('qalam-collection-cotton-harvest-2025-03-01.csv');
    expect(defaultFileName({ label: 'the search “Қозоғистон”' }, 'w3c', false, day)).toBe('qalam-the-search-қозоғистон-2025-03-01.jsonld');
    expect(defaultFileName({ label: 'tag “Йўл қурилиши”' }, 'html', false, day)).toBe('qalam-tag-йўл-қурилиши-2025-03-01.html');
    expect(defaultFileName({ label: '“ / ”' }, 'tei', false, day)).toBe('qalam-export-2025-03-01.xml');
  });

  it('gives a bag a folder name, or .zip when zipped', () => {
    expect(defaultFileName({ label: 'tag “A”' }, 'bagit', false, day)).toBe('qalam-tag-a-2025-03-01');
    expect(defaultFileName({ label: 'tag “A”' }, 'bagit', true, day)).toBe('qalam-tag-a-2025-03-01.zip');
  });

  it('offers every format of the contract', () => {
    expect(FORMATS.map((f) => f.id).sort()).toEqual(['bagit', 'csv', 'html', 'qdc', 'qdpx', 'tei', 'w3c']);
  });

  it('reads the path from the shapes a job result may take', () => {
    expect(exportedPath({ path: '/tmp/a.csv', count: 3 })).toBe('/tmp/a.csv');
    expect(exportedPath({ out: '/tmp/b' })).toBe('/tmp/b');
    expect(exportedPath('/tmp/c.xml')).toBe('/tmp/c.xml');
    expect(exportedPath({ count: 3 })).toBeNull();
    expect(exportedPath(undefined)).toBeNull();
  });
});
