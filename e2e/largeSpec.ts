/** A MiniCluster spec of about `bytes` bytes (one long environment), for the large-paste test and benchmark. */
export function largeSpec(name: string, bytes: number): string {
  const head = `apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: ${name}\nspec:\n  size: 2\n  containers:\n    - image: ubuntu:noble\n      command: hostname\n      environment:\n`;
  const lines: string[] = [head];
  let size = head.length;
  for (let i = 0; size < bytes; i++) {
    const line = `        ${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_${String(i).padStart(6, '0')}: "value ${i} of ${name}"\n`;
    lines.push(line);
    size += line.length;
  }
  return lines.join('');
}
