import { describe, expect, it } from 'vitest';
import { contract } from '../../../../shared/contract/index.js';
import { parseHash } from '../../app/route.js';
import { exportScopeArgs, passagesExportScope, searchExportScope } from './exportScope.js';

/// What the export dialog sends for a scope, checked by the contract as the archive checks it.
function startExport(scope: ReturnType<typeof searchExportScope>) {
  const parsed = contract.startExport.input.safeParse({ format: 'csv', ...exportScopeArgs(scope) });
  if (!parsed.success) throw new Error(parsed.error.message);
  return parsed.data;
}

describe('an export holds what its view shows', () => {
  it('a search in the exact script exports in the exact script', () => {
    const scope = searchExportScope('Toshkent', 'exact');
    expect(startExport(scope)).toMatchObject({ query: 'Toshkent', script: 'exact' });
    expect(scope.label).toBe('the search “Toshkent” (exact script)');
    expect(startExport(searchExportScope('Toshkent', 'any'))).toMatchObject({ query: 'Toshkent', script: 'any' });
  });

  it('the Passages view exports its tags, any/all, language and dates, not a bare list of tags', () => {
    const route = parseHash('#/passages?tags=1,6&match=all&lang=uz-Latn&from=2022-11-01&to=2022-11-30');
    if (route.view !== 'passages') throw new Error(`parsed as ${route.view}`);
    const scope = passagesExportScope(route, [{ name: 'Politics' }, { name: 'People' }]);
    const args = startExport(scope);
    expect(args.passages).toEqual({ tagIds: [1, 6], match: 'all', lang: 'uz-Latn', dateFrom: route.dateFrom, dateTo: route.dateTo });
    expect(args.tagIds).toBeUndefined();
    expect(scope.label).toMatch(/^passages of all of 2 tags in uz-Latn/);
  });

  it('the Passages view with no filters still says any or all', () => {
    const scope = passagesExportScope({ tagIds: [3], match: 'any' }, [{ name: 'Economy' }]);
    expect(startExport(scope).passages).toEqual({ tagIds: [3], match: 'any' });
    expect(scope.label).toBe('passages of tag “Economy”');
  });

  it('a collection or tags export as before, with no script mode of their own', () => {
    expect(exportScopeArgs({ collectionId: 4, label: 'collection “A”' })).toEqual({ collectionId: 4 });
    expect(exportScopeArgs({ tagIds: [2], script: 'exact', label: 'tag “B”' })).toEqual({ tagIds: [2] });
  });
});
