/** fetch:upstream against a local repository made here, shaped like the operator's. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_HINT, locateCorpus } from '../src/core/testing/corpus.ts';
import { fetchUpstream, POD_GROUP_CRDS } from './fetchUpstream.ts';

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { encoding: 'utf8' }).trim();

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** A repository with an older commit (v1alpha1) and a newer one (v1alpha2). */
function makeRepository(): { repo: string; older: string; newer: string } {
  const repo = mkdtempSync(join(tmpdir(), 'mcs-fake-operator-'));
  git(repo, 'init', '--quiet', '--initial-branch', 'main');
  write(repo, 'examples/tests/hello/minicluster.yaml', 'apiVersion: flux-framework.org/v1alpha1\n');
  write(repo, 'examples/tests/hello/README.md', 'not a spec\n');
  write(repo, 'config/crd/bases/flux-framework.org_miniclusters.yaml', 'older crd\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', 'older');
  const older = git(repo, 'rev-parse', 'HEAD');
  write(repo, 'examples/tests/hello/minicluster.yaml', 'apiVersion: flux-framework.org/v1alpha2\n');
  write(repo, 'examples/tests/lammps/interactive-minicluster.yaml', 'kind: MiniCluster\n');
  write(repo, 'examples/tests/lammps/job.yaml', 'kind: Job\n');
  write(repo, 'config/crd/bases/flux-framework.org_miniclusters.yaml', 'newer crd\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', 'newer');
  // A later commit on the branch: the script must take the commits it is given, not the tip.
  write(repo, 'examples/tests/later/minicluster.yaml', 'later\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', 'later');
  return { repo, older, newer: git(repo, 'rev-parse', 'HEAD~1') };
}

/** A repository shaped like JobSet's, with its CRD at one commit. */
function makeJobSetRepository(): { repo: string; commit: string } {
  const repo = mkdtempSync(join(tmpdir(), 'mcs-fake-jobset-'));
  git(repo, 'init', '--quiet', '--initial-branch', 'main');
  write(repo, 'config/components/crd/bases/jobset.x-k8s.io_jobsets.yaml', 'jobset crd\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', 'crd');
  return { repo, commit: git(repo, 'rev-parse', 'HEAD') };
}

/** A repository holding one file at one commit (a CRD where its project keeps it). */
function makeFileRepository(path: string, text: string): { repo: string; commit: string } {
  const repo = mkdtempSync(join(tmpdir(), 'mcs-fake-crd-'));
  git(repo, 'init', '--quiet', '--initial-branch', 'main');
  write(repo, path, text);
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', 'crd');
  return { repo, commit: git(repo, 'rev-parse', 'HEAD') };
}

/** The PodGroup CRDs' repositories, as the environment names them. */
function podGroupRepositories(): Record<string, string> {
  return Object.fromEntries(
    POD_GROUP_CRDS.flatMap((source) => {
      const { repo, commit } = makeFileRepository(source.path, `${source.dir} crd\n`);
      return [
        [`MINICLUSTER_UPSTREAM_${source.env}_REPO`, `file://${repo}`],
        [`MINICLUSTER_UPSTREAM_${source.env}_COMMIT`, commit],
      ];
    }),
  );
}

describe('npm run fetch:upstream', () => {
  it('writes each version’s example specs and CRD at its commit into the cache, where the tests find it', () => {
    const { repo, older, newer } = makeRepository();
    const jobSet = makeJobSetRepository();
    const cache = join(mkdtempSync(join(tmpdir(), 'mcs-cache-')), 'upstream');
    const env = {
      MINICLUSTER_UPSTREAM_REPO: `file://${repo}`,
      MINICLUSTER_UPSTREAM_V1ALPHA2_COMMIT: newer,
      MINICLUSTER_UPSTREAM_V1ALPHA1_COMMIT: older,
      MINICLUSTER_UPSTREAM_JOBSET_REPO: `file://${jobSet.repo}`,
      MINICLUSTER_UPSTREAM_JOBSET_COMMIT: jobSet.commit,
      ...podGroupRepositories(),
      MINICLUSTER_UPSTREAM_CACHE: cache,
    };
    const lines: string[] = [];
    expect(fetchUpstream(env, (line) => lines.push(line))).toBe(cache);

    const read = (path: string) => readFileSync(join(cache, path), 'utf8');
    expect(read('v1alpha2/examples/tests/hello/minicluster.yaml')).toBe('apiVersion: flux-framework.org/v1alpha2\n');
    expect(read('v1alpha2/examples/tests/lammps/interactive-minicluster.yaml')).toBe('kind: MiniCluster\n');
    expect(existsSync(join(cache, 'v1alpha2/examples/tests/lammps/job.yaml'))).toBe(false);
    expect(existsSync(join(cache, 'v1alpha2/examples/tests/hello/README.md'))).toBe(false);
    expect(existsSync(join(cache, 'v1alpha2/examples/tests/later'))).toBe(false);
    expect(read('v1alpha2/crd.yaml')).toBe('newer crd\n');
    expect(read('v1alpha1/examples/tests/hello/minicluster.yaml')).toBe('apiVersion: flux-framework.org/v1alpha1\n');
    expect(existsSync(join(cache, 'v1alpha1/examples/tests/lammps'))).toBe(false);
    expect(read('v1alpha1/crd.yaml')).toBe('older crd\n');
    expect(read('SOURCE')).toContain(`v1alpha2 ${newer}`);
    expect(read('jobset/crd.yaml')).toBe('jobset crd\n');
    expect(read('SOURCE')).toContain(`jobset ${jobSet.commit}`);
    expect(read('scheduler-plugins/podgroup-crd.yaml')).toBe('scheduler-plugins crd\n');
    expect(read('volcano/podgroup-crd.yaml')).toBe('volcano crd\n');
    expect(read('SOURCE')).toContain(`volcano ${(env as Record<string, string>)['MINICLUSTER_UPSTREAM_VOLCANO_COMMIT']}`);
    expect(lines.at(-1)).toBe(`Corpus cache ready in ${cache}`);

    const found = locateCorpus({ MINICLUSTER_UPSTREAM_CACHE: cache }, mkdtempSync(join(tmpdir(), 'mcs-lone-clone-')));
    expect(found.corpus).toEqual({
      from: 'the fetch:upstream cache',
      upstreamDir: cache,
      jobSetCrd: join(cache, 'jobset', 'crd.yaml'),
      goldenDir: undefined,
      podGroupCrds: { coscheduling: join(cache, 'scheduler-plugins', 'podgroup-crd.yaml'), volcano: join(cache, 'volcano', 'podgroup-crd.yaml') },
    });
  });

  it('fails with git’s word when a commit is not in the repository, and leaves the cache alone', () => {
    const { repo, older } = makeRepository();
    const cache = join(mkdtempSync(join(tmpdir(), 'mcs-cache-')), 'upstream');
    const env = {
      MINICLUSTER_UPSTREAM_REPO: `file://${repo}`,
      MINICLUSTER_UPSTREAM_V1ALPHA2_COMMIT: '0'.repeat(40),
      MINICLUSTER_UPSTREAM_V1ALPHA1_COMMIT: older,
      MINICLUSTER_UPSTREAM_JOBSET_REPO: `file://${makeJobSetRepository().repo}`,
      MINICLUSTER_UPSTREAM_JOBSET_COMMIT: '0'.repeat(40),
      MINICLUSTER_UPSTREAM_CACHE: cache,
    };
    expect(() => fetchUpstream(env, () => {})).toThrow();
    expect(existsSync(cache)).toBe(false);
  });

  it('does not take a cache without the JobSet CRD as a corpus, and a failed JobSet fetch leaves it alone', () => {
    const { repo, older, newer } = makeRepository();
    const cache = join(mkdtempSync(join(tmpdir(), 'mcs-cache-')), 'upstream');
    // A cache as the fetcher wrote it before the JobSet CRD was part of the corpus.
    for (const version of ['v1alpha2', 'v1alpha1']) write(cache, `${version}/crd.yaml`, 'old crd\n');
    for (const version of ['v1alpha2', 'v1alpha1']) mkdirSync(join(cache, version, 'examples'));
    expect(locateCorpus({ MINICLUSTER_UPSTREAM_CACHE: cache }, mkdtempSync(join(tmpdir(), 'mcs-lone-clone-')))).toEqual({
      corpus: undefined,
      problem: CORPUS_HINT,
    });

    const env = {
      MINICLUSTER_UPSTREAM_REPO: `file://${repo}`,
      MINICLUSTER_UPSTREAM_V1ALPHA2_COMMIT: newer,
      MINICLUSTER_UPSTREAM_V1ALPHA1_COMMIT: older,
      MINICLUSTER_UPSTREAM_JOBSET_REPO: `file://${makeJobSetRepository().repo}`,
      MINICLUSTER_UPSTREAM_JOBSET_COMMIT: '0'.repeat(40),
      MINICLUSTER_UPSTREAM_CACHE: cache,
    };
    expect(() => fetchUpstream(env, () => {})).toThrow();
    expect(readFileSync(join(cache, 'v1alpha2', 'crd.yaml'), 'utf8')).toBe('old crd\n');
    expect(existsSync(join(cache, 'jobset'))).toBe(false);
  });
});
