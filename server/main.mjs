#!/usr/bin/env node
// `npm run server`: starts the sync server. Settings come from the environment:
// PORT (1234), HOST (0.0.0.0), DATA_DIR (./rollekort-data), REDIS_URL (none: one process).
import { resolve } from 'node:path';
import { createSyncServer } from './create-server.mjs';

const port = Number(process.env.PORT ?? 1234);
const dataDir = resolve(process.env.DATA_DIR ?? './rollekort-data');
const redisUrl = process.env.REDIS_URL ? new URL(process.env.REDIS_URL) : null;
const redis = redisUrl ? { host: redisUrl.hostname, port: Number(redisUrl.port || 6379) } : null;

const server = await createSyncServer({
  port,
  host: process.env.HOST ?? '0.0.0.0',
  dataDir,
  redis,
  log: process.env.QUIET ? undefined : (line) => console.log(line),
});
await server.listen();
// Tests read this line to learn the port when PORT=0.
console.log(`Rollekort sync server listening on port ${server.address.port}; data in ${dataDir}${redis ? `; Redis ${redis.host}:${redis.port}` : ''}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  // destroy() stores every open document before it closes.
  await server.destroy();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
