// Vite as a child process, for the scripts that measure the built app (npm run bench, npm run
// audit): a build run to completion, and `vite preview` started, waited for and stopped.
// node runs vite directly: stopping an npx wrapper would leave the real server running.
// Plain JS, run by node without TypeScript.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');

/**
 * Starts `vite <args>` in the repo, collecting its output.
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 */
function spawnVite(args, env = {}) {
  const child = spawn(process.execPath, [VITE, ...args], {
    cwd: ROOT,
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return { child, output: () => output };
}

/**
 * Runs `vite <args>` (a build) to completion; its output is shown only when it fails.
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 * @returns {Promise<void>}
 */
export function runVite(args, env) {
  const { child, output } = spawnVite(args, env);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite ${args.join(' ')} exited with ${code}:\n${output()}`))));
  });
}

/**
 * Serves a build with `vite preview` on `port` and resolves once `probe` (a path) answers 200.
 * @param {{ port: number, config?: string, outDir?: string, probe?: string, env?: Record<string, string>, timeoutMs?: number }} options
 * @returns {Promise<{ base: string, stop: () => Promise<void> }>}
 */
export async function startPreview({ port, config, outDir, probe = '/', env = {}, timeoutMs = 20_000 }) {
  const args = ['preview', ...(config ? ['--config', config] : []), ...(outDir ? ['--outDir', outDir] : []), '--port', String(port), '--strictPort'];
  const { child, output } = spawnVite(args, env);
  const base = `http://localhost:${port}`;
  const stop = () => {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve(undefined));
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(base + probe)).ok) return { base, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`vite preview did not answer on ${base}${probe} within ${timeoutMs / 1000} s:\n${output()}`);
}
