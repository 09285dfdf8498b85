/** Process entry of the bundled CLI (`dist-cli/minicluster-gen.mjs`). */
import { readFileSync } from 'node:fs';
import { runCli } from './main.ts';

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: () => readFileSync(0, 'utf8'),
});
process.exitCode = code;
