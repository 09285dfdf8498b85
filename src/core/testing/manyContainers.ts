/** A v1alpha2 spec of `count` containers, each with a command of `commandLength` characters: from about 120 of 6,000 its entrypoint ConfigMap passes 1 MiB while the spec stays under it (each container gets a script of its own). */
export function manyContainers(count: number, commandLength: number): string {
  const containers = Array.from(
    { length: count },
    // The first runs Flux, and is named after the MiniCluster.
    (_, i) => `    - image: ubuntu:noble\n${i === 0 ? '      runFlux: true\n' : `      name: c${i}\n`}      command: echo ${'y'.repeat(commandLength)}\n`,
  ).join('');
  return `apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: wide\nspec:\n  size: 2\n  containers:\n${containers}`;
}
