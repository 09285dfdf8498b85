/** Test helpers for shell text: run it with bash, or check many generated scripts with `bash -n` and one shellcheck run. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface NamedScript {
  /** Becomes the file name (characters other than letters, digits, '-' and '_' turn into '_'). */
  name: string;
  text: string;
}

/** Writes the scripts into a new temporary folder and returns their paths. */
export function writeScripts(prefix: string, scripts: readonly NamedScript[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return scripts.map(({ name, text }) => {
    const file = join(dir, `${name.replace(/[^A-Za-z0-9_-]/g, '_')}.sh`);
    writeFileSync(file, text);
    return file;
  });
}

/** What `bash -n` (per file) and shellcheck (all files in one run) report; '' when the scripts are clean. */
export function shellFindings(files: readonly string[]): string {
  let findings = '';
  for (const file of files) {
    const result = spawnSync('bash', ['-n', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (result.status !== 0 || result.stderr) findings += `${file}: bash -n exited ${result.status}: ${result.stderr}\n`;
  }
  try {
    execFileSync('shellcheck', ['-s', 'bash', '-f', 'gcc', ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    findings += String((error as { stdout?: string }).stdout ?? error);
  }
  return findings;
}

/** Runs bash on `script` and returns stdout. */
export function bash(script: string, env: Record<string, string> = {}): string {
  const r = spawnSync('bash', ['-c', script], {
    encoding: 'utf8',
    timeout: 10_000,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  if (r.status !== 0) throw new Error(`bash failed: ${r.stderr}`);
  return r.stdout;
}
