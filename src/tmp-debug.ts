import { analyzeSpec, generateManifests } from './core/index.ts';
import { TEST_KEYS, v1alpha2Example } from './core/testing/upstream.ts';
const a = analyzeSpec(v1alpha2Example(process.argv[2] ?? 'tests/hello-world/minicluster.yaml'));
const [cm] = generateManifests(a.cluster!, { include: 'c', keys: TEST_KEYS });
for (const [k, v] of Object.entries(cm!['data'] as Record<string,string>)) console.log(`=== ${k}\n${v}`);
