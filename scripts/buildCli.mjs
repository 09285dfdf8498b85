// `npm run build:cli`: the CLI's script for bin/minicluster-gen.js, and its first code cache.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const outfile = 'dist-cli/minicluster-gen.cjs';
rmSync('dist-cli', { recursive: true, force: true });

/**
 * Each version's JSON Schema (made from its zod definition by the core's own function), made here
 * once: the analysis reads it for unknown fields, and zod takes some 10 ms to make it at run time.
 * The CLI's script gets the made schema in place of the module that makes it.
 */
async function madeJsonSchemas() {
  const made = await build({
    stdin: {
      contents: ['v1alpha2', 'v1alpha1'].map((v) => `export { miniClusterJsonSchema as ${v} } from './src/core/${v}/jsonSchema.ts';`).join('\n'),
      resolveDir: '.',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'warning',
  });
  return import(`data:text/javascript;base64,${Buffer.from(made.outputFiles[0].contents).toString('base64')}`);
}
const schemas = await madeJsonSchemas();
const madeJsonSchemasPlugin = {
  name: 'made-json-schemas',
  setup(plugin) {
    plugin.onLoad({ filter: /[\\/]src[\\/]core[\\/]v1alpha[12][\\/]jsonSchema\.ts$/ }, ({ path }) => {
      const version = /(v1alpha[12])[\\/]jsonSchema\.ts$/.exec(path)[1];
      const text = JSON.stringify(schemas[version]());
      return {
        contents: `let cached;\nexport function miniClusterJsonSchema() {\n  return (cached ??= JSON.parse(${JSON.stringify(text)}));\n}\n`,
        loader: 'js',
      };
    });
  },
};
// The core's certificate check computes a public key with the noble curves, which build their
// Edwards curve and probe WebCrypto as they load; the CLI has Node's X25519 at hand instead, the
// same function (src/cli/nodePublicKey.test.ts holds the two equal). The one module is swapped
// wherever it is imported from, and a build in which it was never met fails: the swap would have
// been lost silently by a renamed or moved import.
const corePublicKey = fileURLToPath(new URL('../src/core/curve/publicKey.ts', import.meta.url));
const cliPublicKey = fileURLToPath(new URL('../src/cli/nodePublicKey.ts', import.meta.url));
let publicKeySwaps = 0;
const nodePublicKeyPlugin = {
  name: 'node-public-key',
  setup(plugin) {
    plugin.onResolve({ filter: /publicKey(\.[jt]s)?$/ }, ({ path, resolveDir }) => {
      const target = resolve(resolveDir, path).replace(/\.[jt]s$/, '');
      if (target !== corePublicKey.replace(/\.ts$/, '')) return undefined;
      publicKeySwaps += 1;
      return { path: cliPublicKey };
    });
  },
};
await build({
  entryPoints: ['src/cli/bin.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile,
  minify: !process.argv.includes('--no-minify'),
  // The `yaml` package's browser build, the one the app ships: its Node build reads `process.env`
  // for every token it parses.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  // The script is one function expression, called by bin/minicluster-gen.js like a CommonJS module.
  banner: { js: '(function (exports, require, module) {' },
  footer: { js: '})' },
  plugins: [madeJsonSchemasPlugin, nodePublicKeyPlugin],
  logLevel: 'warning',
});
if (publicKeySwaps === 0) {
  process.stderr.write(`build:cli: ${corePublicKey} was not imported under that name, so the CLI would carry the noble curves: see nodePublicKeyPlugin.\n`);
  process.exit(1);
}

// One run makes the code cache beside the script (bin/minicluster-gen.js writes it when there is
// none). A run that does not end in time is tried once more, and a second one fails the build: a
// CLI that hangs must not be shipped.
const fixture = 'src/core/testing/fixtures/v1alpha2/hello-world.yaml';
for (let attempt = 1; ; attempt++) {
  const run = spawnSync(process.execPath, ['bin/minicluster-gen.js', '-f', fixture], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 60_000 });
  if (run.status === 0) break;
  if (run.signal === null) {
    process.stderr.write(`build:cli: the built CLI failed its first run (status ${run.status}).\n`);
    process.exit(1);
  }
  if (attempt === 2) {
    process.stderr.write('build:cli: the first run of the built CLI did not end, twice (a hang): see the CLI before shipping it.\n');
    process.exit(1);
  }
}
