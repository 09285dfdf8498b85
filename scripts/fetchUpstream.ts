/**
 * `npm run fetch:upstream`: fills the corpus cache (see src/core/testing/corpus.ts) with the Flux
 * Operator's example MiniCluster specs and MiniCluster CRD, and the JobSet CRD, at the commits our
 * tests were written against, for a machine that has no shared folder beside the checkout.
 *
 * MINICLUSTER_UPSTREAM_REPO names another operator repository (a local clone works), and
 * MINICLUSTER_UPSTREAM_V1ALPHA2_COMMIT / _V1ALPHA1_COMMIT other commits; MINICLUSTER_UPSTREAM_JOBSET_REPO
 * and _JOBSET_COMMIT do the same for JobSet, _SCHEDULER_PLUGINS_REPO/_COMMIT and _VOLCANO_REPO/_COMMIT
 * for the PodGroup CRDs; MINICLUSTER_UPSTREAM_CACHE names another cache folder.
 * The golden files are not in those repositories: they come with a shared folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { upstreamCacheDirFor } from '../src/core/testing/corpus.ts';

export const DEFAULT_REPO = 'https://github.com/flux-framework/flux-operator.git';
export const PINNED = { v1alpha2: '0d75cef855dee5351d68e32ec139a70e892b5268', v1alpha1: '76c4754f90043dfc7afecc16ade053549c89ba18' } as const;
const CRD_PATH = 'config/crd/bases/flux-framework.org_miniclusters.yaml';
export const DEFAULT_JOBSET_REPO = 'https://github.com/kubernetes-sigs/jobset.git';
/** JobSet v0.12.0's era; the CRD serves jobset.x-k8s.io/v1alpha2 only. */
export const PINNED_JOBSET = '08dfbdfd682714a9ab929633eca8dc95315187e7';
const JOBSET_CRD_PATH = 'config/components/crd/bases/jobset.x-k8s.io_jobsets.yaml';

/**
 * The gang schedulers' PodGroup CRDs, each from its repository at a pinned commit into
 * `DIR/podgroup-crd.yaml`; MINICLUSTER_UPSTREAM_<ENV>_REPO and _COMMIT name others.
 */
export const POD_GROUP_CRDS = [
  {
    dir: 'scheduler-plugins',
    env: 'SCHEDULER_PLUGINS',
    repo: 'https://github.com/kubernetes-sigs/scheduler-plugins.git',
    commit: '903da7df82cb8794dda8f2d510ba1156111662dd',
    path: 'manifests/coscheduling/crd.yaml',
  },
  {
    dir: 'volcano',
    env: 'VOLCANO',
    repo: 'https://github.com/volcano-sh/volcano.git',
    commit: 'ed72c7c815a9fd547a787134676f73d42e9d049c',
    path: 'config/crd/volcano/bases/scheduling.volcano.sh_podgroups.yaml',
  },
] as const;

const git = (dir: string, ...args: string[]): string =>
  execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });

/** Fetches one commit, shallow where the server allows it, else the whole history. */
function fetchCommit(dir: string, repo: string, commit: string): void {
  try {
    git(dir, 'fetch', '--quiet', '--depth', '1', repo, commit);
  } catch {
    git(dir, 'fetch', '--quiet', repo, '+refs/heads/*:refs/remotes/upstream/*');
  }
  git(dir, 'cat-file', '-e', `${commit}^{commit}`);
}

/** An example spec, as the corpus holds them: any YAML file under examples/ whose name says minicluster. */
const isExampleSpec = (path: string): boolean => path.startsWith('examples/') && /minicluster[^/]*\.yaml$/.test(basename(path));

function writeVersion(dir: string, commit: string, target: string): number {
  const paths = git(dir, 'ls-tree', '-r', '--name-only', commit).split('\n').filter(isExampleSpec);
  for (const path of paths) {
    const file = join(target, 'examples', relative('examples', path));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, git(dir, 'show', `${commit}:${path}`));
  }
  writeFileSync(join(target, 'crd.yaml'), git(dir, 'show', `${commit}:${CRD_PATH}`));
  return paths.length;
}

export function fetchUpstream(env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = console.log): string {
  const repo = env['MINICLUSTER_UPSTREAM_REPO'] || DEFAULT_REPO;
  const commits = {
    v1alpha2: env['MINICLUSTER_UPSTREAM_V1ALPHA2_COMMIT'] || PINNED.v1alpha2,
    v1alpha1: env['MINICLUSTER_UPSTREAM_V1ALPHA1_COMMIT'] || PINNED.v1alpha1,
  };
  const cacheDir = upstreamCacheDirFor(env);
  const work = mkdtempSync(join(tmpdir(), 'mcs-upstream-'));
  try {
    git(work, 'init', '--quiet');
    const staged = join(work, 'staged');
    for (const [version, commit] of Object.entries(commits)) {
      log(`Fetching ${repo} at ${commit} (${version})`);
      fetchCommit(work, repo, commit);
      const count = writeVersion(work, commit, join(staged, version));
      log(`  ${count} example specs and the MiniCluster CRD`);
    }
    const jobSetRepo = env['MINICLUSTER_UPSTREAM_JOBSET_REPO'] || DEFAULT_JOBSET_REPO;
    const jobSetCommit = env['MINICLUSTER_UPSTREAM_JOBSET_COMMIT'] || PINNED_JOBSET;
    log(`Fetching ${jobSetRepo} at ${jobSetCommit} (jobset)`);
    fetchCommit(work, jobSetRepo, jobSetCommit);
    mkdirSync(join(staged, 'jobset'), { recursive: true });
    writeFileSync(join(staged, 'jobset', 'crd.yaml'), git(work, 'show', `${jobSetCommit}:${JOBSET_CRD_PATH}`));
    log('  the JobSet CRD');
    const podGroupSources: string[] = [];
    for (const source of POD_GROUP_CRDS) {
      const crdRepo = env[`MINICLUSTER_UPSTREAM_${source.env}_REPO`] || source.repo;
      const crdCommit = env[`MINICLUSTER_UPSTREAM_${source.env}_COMMIT`] || source.commit;
      log(`Fetching ${crdRepo} at ${crdCommit} (${source.dir})`);
      fetchCommit(work, crdRepo, crdCommit);
      mkdirSync(join(staged, source.dir), { recursive: true });
      writeFileSync(join(staged, source.dir, 'podgroup-crd.yaml'), git(work, 'show', `${crdCommit}:${source.path}`));
      log('  its PodGroup CRD');
      podGroupSources.push(`${crdRepo}\n${source.dir} ${crdCommit}\n`);
    }
    writeFileSync(
      join(staged, 'SOURCE'),
      `${repo}\n${Object.entries(commits).map(([v, c]) => `${v} ${c}`).join('\n')}\n${jobSetRepo}\njobset ${jobSetCommit}\n${podGroupSources.join('')}`,
    );
    rmSync(cacheDir, { recursive: true, force: true });
    mkdirSync(dirname(cacheDir), { recursive: true });
    renameSync(staged, cacheDir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  log(`Corpus cache ready in ${cacheDir}`);
  return cacheDir;
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  try {
    fetchUpstream();
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr;
    console.error(`fetch:upstream failed: ${stderr?.trim() || String(error)}`);
    process.exit(1);
  }
}
