// Paths and config shared by the packaging tests.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const requireFromRoot = createRequire(`${root}package.json`);

/// electron-builder.yml as electron-builder reads it.
export function builderConfig(): Record<string, any> {
  const yaml = requireFromRoot('js-yaml') as { load(text: string): unknown };
  return yaml.load(readFileSync(`${root}electron-builder.yml`, 'utf8')) as Record<string, any>;
}

export const packageJson = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
