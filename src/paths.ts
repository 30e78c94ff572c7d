import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package folder: the same code runs from src/ under vitest and from dist/src/ once built. */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'models', 'cues.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('claimtrace: package folder with models/ not found');
    dir = up;
  }
  return dir;
}

export const PACKAGE_ROOT = findRoot();
export const MODELS_DIR = join(PACKAGE_ROOT, 'models');
export const ENGINE_VERSION: string = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
