/**
 * Test helpers: syntax/lint checks and a sandbox that runs a generated script with bash, with
 * fake `flux`, `hostname`, `sleep` and `time` first on PATH and every path inside a temp dir.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SystemPaths } from '../v1alpha2/scripts/inputs.ts';

export interface CheckResult {
  ok: boolean;
  output: string;
}

function withTempFile<T>(text: string, fn: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'mcs-lint-'));
  try {
    const file = join(dir, 'script.sh');
    writeFileSync(file, text);
    return fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function bashSyntax(text: string): CheckResult {
  return withTempFile(text, (file) => {
    const r = spawnSync('bash', ['-n', file], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] });
    return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
  });
}

export function shellcheck(text: string): CheckResult {
  return withTempFile(text, (file) => {
    const r = spawnSync('shellcheck', ['-s', 'bash', '-f', 'gcc', file], { encoding: 'utf8', timeout: 20_000 });
    if (r.error) throw r.error;
    return { ok: r.status === 0 && r.stdout === '', output: `${r.stdout}${r.stderr}` };
  });
}

export function hasShellcheck(): boolean {
  try {
    execFileSync('shellcheck', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const FAKE_FLUX = `#!/bin/bash
# Fake flux: records each call (one argument per line) and plays a little of flux's part.
dir=\${FAKE_DIR:?}
n=$(( $(cat "$dir/flux-count" 2>/dev/null || echo 0) + 1 ))
echo "$n" > "$dir/flux-count"
printf '%s\\n' "$@" > "$dir/flux-call-$(printf '%03d' "$n")"
case \${1:-} in
  R)
    printf '{"fake-R": "%s"}\\n' "$*"
    exit 0
    ;;
  start|broker)
    if [[ -n \${FAKE_FLUX_START_FAILS:-} ]]; then
      fails=$(cat "$dir/start-fails" 2>/dev/null || echo 0)
      if (( fails < FAKE_FLUX_START_FAILS )); then
        echo $(( fails + 1 )) > "$dir/start-fails"
        exit 3
      fi
    elif [[ -n \${FAKE_FLUX_START_STATUS:-} ]]; then
      exit "$FAKE_FLUX_START_STATUS"
    fi
    if [[ \${FAKE_FLUX_RUN:-} == 1 && $1 == start ]]; then
      shift
      while (( $# )); do
        case $1 in
          -o) shift ;;
          --config) shift 2 ;;
          --wrap=*|-S*) shift ;;
          *) break ;;
        esac
      done
      if (( $# )); then "$@"; exit; fi
    fi
    exit 0
    ;;
  submit|run)
    if [[ \${FAKE_FLUX_RUN:-} == 1 ]]; then
      while (( $# )) && [[ $1 != --watch ]]; do shift; done
      shift
      exec "$@"
    fi
    exit 0
    ;;
esac
exit 0
`;

const FAKE_HOSTNAME = `#!/bin/bash
printf '%s\\n' "\${FAKE_HOSTNAME:-flux-sample-0}"
`;

// Returns at once, records the call, and can create a file after N calls (a socket appearing).
const FAKE_SLEEP = `#!/bin/bash
printf '%s\\n' "$*" >> "\${FAKE_DIR:?}/sleep-log"
if [[ -n \${FAKE_SLEEP_TOUCH:-} ]]; then
  calls=$(wc -l < "\${FAKE_DIR}/sleep-log")
  if (( calls >= \${FAKE_SLEEP_TOUCH_AFTER:-1} )); then touch "\${FAKE_SLEEP_TOUCH}"; fi
fi
exit 0
`;

const SLEEP_FUNCTION = `() {
  printf '%s\\n' "$*" >> "\${FAKE_DIR:?}/sleep-log"
  if [[ -n \${FAKE_SLEEP_TOUCH:-} ]]; then
    local mcs_fake_lines
    mapfile -t mcs_fake_lines < "\${FAKE_DIR}/sleep-log"
    if (( \${#mcs_fake_lines[@]} >= \${FAKE_SLEEP_TOUCH_AFTER:-1} )); then : > "\${FAKE_SLEEP_TOUCH}"; fi
  fi
}`;

const FAKE_TIME = `#!/bin/bash
# Fake /usr/bin/time -f FORMAT program...: runs the program.
shift 2
exec "$@"
`;

export const FAKE_SECRET = 'FAKE-SECRET-KEY-0123456789';

export interface RunOptions {
  hostname?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export class Sandbox {
  readonly root: string;
  readonly bin: string;
  readonly fake: string;
  readonly work: string;
  readonly systemPaths: SystemPaths;

  constructor() {
    this.root = mkdtempSync(join(tmpdir(), 'mcs-sandbox-'));
    this.bin = this.dir('bin');
    this.fake = this.dir('fake');
    this.work = this.dir('work');
    this.systemPaths = {
      operatorDir: this.dir('flux_operator'),
      curveSecretDir: this.dir('curve'),
      softwareDir: this.dir('opt/software'),
      tmpDir: this.dir('tmp'),
      homeFallback: this.dir('home/flux-operator'),
      timeBinary: join(this.bin, 'time'),
      viewSource: join(this.root, 'opt/view'),
      viewsDir: this.dir('opt/views/._view'),
    };
    this.write('bin/flux', FAKE_FLUX, true);
    this.write('bin/hostname', FAKE_HOSTNAME, true);
    this.write('bin/sleep', FAKE_SLEEP, true);
    this.write('bin/time', FAKE_TIME, true);
    this.write('flux_operator/curve.cert', `#   ZeroMQ CURVE **Secret** Certificate\ncurve\n    secret-key = "${FAKE_SECRET}"\n`);
    // A flux-view image: the real view behind /opt/view, with a Python and its own flux.
    this.write('opt/views/._view/abc123/bin/flux', '#!/bin/bash\necho "view flux must not win over the fake" >&2\nexit 99\n', true);
    this.write('opt/views/._view/abc123/bin/python3.11', '#!/bin/bash\necho python\n', true);
    this.write('opt/views/._view/abc123/lib/python3.11/site-packages/.keep', '');
    this.write('opt/software/pkg/README', 'spack package\n');
  }

  dir(rel: string): string {
    const p = join(this.root, rel);
    mkdirSync(p, { recursive: true });
    return p;
  }

  write(rel: string, text: string, executable = false): string {
    const p = join(this.root, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, text);
    if (executable) chmodSync(p, 0o755);
    return p;
  }

  run(script: string, options: RunOptions = {}): RunResult {
    const file = join(this.root, `script-${Math.random().toString(36).slice(2)}.sh`);
    writeFileSync(file, script);
    // stdin is not a socket, so bash does not take itself for an rsh session and read ~/.bashrc.
    const r = spawnSync('bash', [file], {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: this.work,
      encoding: 'utf8',
      timeout: options.timeoutMs ?? 8_000,
      env: {
        PATH: `${this.bin}:/usr/local/bin:/usr/bin:/bin`,
        HOME: this.dir('home/user'),
        LANG: 'C',
        FAKE_DIR: this.fake,
        FAKE_HOSTNAME: options.hostname ?? 'flux-sample-0',
        // The same fake sleep as bin/sleep, as an exported bash function: no fork per call,
        // so a loop of hundreds of sleeps stays fast.
        'BASH_FUNC_sleep%%': SLEEP_FUNCTION,
        ...options.env,
      },
    });
    if (r.error) throw r.error;
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  /** Every recorded flux call, as its argument list, in order. */
  fluxCalls(): string[][] {
    return readdirSync(this.fake)
      .filter((n) => n.startsWith('flux-call-'))
      .sort()
      .map((n) => {
        const text = readFileSync(join(this.fake, n), 'utf8');
        return text === '' ? [] : text.replace(/\n$/, '').split('\n');
      });
  }

  sleepCalls(): string[] {
    const p = join(this.fake, 'sleep-log');
    return existsSync(p) ? readFileSync(p, 'utf8').split('\n').filter((l) => l !== '') : [];
  }

  read(path: string): string {
    return readFileSync(path, 'utf8');
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
