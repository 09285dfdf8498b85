/** The generator worker's one way to start: the page's entry starts the first (main.tsx), the client any later one. */
export function newGeneratorWorker(): Worker {
  return new Worker(new URL('./generator.worker.ts', import.meta.url), { type: 'module' });
}
