#!/usr/bin/env node
// The CLI is bundled from TypeScript by `npm run build:cli` (run by `npm ci`/`npm install` through `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist-cli/minicluster-gen.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('minicluster-gen: the CLI is not built yet; run `npm run build:cli` in the project folder.\n');
  process.exit(2);
}
await import(bundle);
