import type { ElkLike } from './layout-engine';

/** ELK running in a Web Worker, loaded on first use so it stays out of the main chunk. */
export async function createWorkerElk(): Promise<ElkLike> {
  const [{ default: ELK }, { default: ElkWorker }] = await Promise.all([
    import('elkjs/lib/elk-api'),
    import('elkjs/lib/elk-worker.min.js?worker'),
  ]);
  return new ELK({ workerFactory: () => new ElkWorker() });
}
