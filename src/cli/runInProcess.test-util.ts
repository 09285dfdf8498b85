/** The CLI run in this process, for the CLI's tests: its exit status and what it printed. */
import { fileURLToPath } from 'node:url';
import { runCli, type CliIo } from './main.ts';

/** The built CLI (`npm run build:cli`), for tests that start it as a process. */
export const BIN = fileURLToPath(new URL('../../bin/minicluster-gen.js', import.meta.url));

export async function runInProcess(args: string[], stdin: ReturnType<CliIo['readStdin']> = '') {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: () => stdin });
  const lines = stderr.split('\n');
  return { code, stdout, stderr, lines, first: lines[0] ?? '' };
}
