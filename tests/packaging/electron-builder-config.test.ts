import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builderConfig, requireFromRoot, root } from './project.js';

const Ajv = requireFromRoot('ajv') as typeof import('ajv').default;
const schema = JSON.parse(readFileSync(join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
// Not exported from the package's index: it is the function electron-builder runs on every build.
const { validateConfiguration } = requireFromRoot('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = requireFromRoot('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

describe('electron-builder.yml', () => {
  const config = builderConfig();

  it('matches electron-builder’s JSON schema', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The same validator rejects a misspelt option, so the pass above means something.
    expect(validate({ ...config, linux: { ...config.linux, tagret: ['AppImage'] } })).toBe(false);
  });

  it('passes electron-builder’s own validateConfiguration()', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, asarUnpacked: true }, new DebugLogger(false))).rejects.toThrow(/asarUnpacked/);
  });

  it('names the app and builds the agreed targets with our icons', () => {
    expect(config.productName).toBe('Qalam');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    for (const icon of [config.win.icon, config.mac.icon, join(config.linux.icon, '512x512.png')]) {
      expect(existsSync(join(root, icon)), icon).toBe(true);
    }
  });

  it('unpacks better-sqlite3’s native code and rebuilds it for Electron', () => {
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**/*.node');
    expect(config.npmRebuild).toBe(true);
    for (const leftover of ['obj/**', 'sqlite3.a', 'test_extension.node', 'deps/**']) {
      expect(config.files.some((f: string) => f.startsWith('!') && f.includes('better-sqlite3') && f.endsWith(leftover)), leftover).toBe(true);
    }
  });
});
