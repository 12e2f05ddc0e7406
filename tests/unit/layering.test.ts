import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkRepo, importsOf, violations } from './layering.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const at = (rel: string) => `${repo}${rel}`;

describe('layering rules of ARCHITECTURE.md', () => {
  it('hold for the whole repository', () => {
    expect(checkRepo(repo)).toEqual([]);
  });

  it('finds static, type-only, dynamic and require imports', () => {
    const src = `import a from 'x';\nimport type { B } from "./b.js";\nexport * from './c.js';\nconst d = await import('d');\nconst e = require('e');\nimport './side.css';`;
    expect(importsOf(src).map((i) => i.spec)).toEqual(['x', './b.js', './c.js', 'd', 'e', './side.css']);
  });

  it('refuses electron in the core', () => {
    expect(violations(repo, at('electron/core/x.ts'), `import { app } from 'electron';`)).toHaveLength(1);
  });

  it('refuses Node, the database and the core in the renderer', () => {
    for (const spec of ['node:fs', 'fs', 'better-sqlite3', 'electron', '../../electron/core/archive.js']) {
      expect(violations(repo, at('renderer/src/features/x.ts'), `import x from '${spec}';`), spec).toHaveLength(1);
    }
    expect(violations(repo, at('renderer/src/features/x.ts'), `import { api } from '../api.js'; import { z } from 'zod'; import { EditorView } from 'prosemirror-view';`)).toEqual([]);
  });

  it('keeps shared/ to itself', () => {
    expect(violations(repo, at('shared/text/x.ts'), `import { readFileSync } from 'node:fs';`)).toHaveLength(1);
    expect(violations(repo, at('shared/text/x.ts'), `import { Library } from '../../electron/core/db/open.js';`)).toHaveLength(1);
    expect(violations(repo, at('shared/text/x.ts'), `import React from 'react';`)).toHaveLength(1);
    expect(violations(repo, at('shared/text/x.ts'), `import { fold } from './fold.js'; import { z } from 'zod';`)).toEqual([]);
  });

  it('keeps the preload to electron and shared/', () => {
    expect(violations(repo, at('electron/preload/index.ts'), `import { openArchive } from '../core/archive.js';`)).toHaveLength(1);
    expect(violations(repo, at('electron/preload/index.ts'), `import { readFileSync } from 'node:fs';`)).toHaveLength(1);
  });
});
