// The Content Security Policy, in one place: vite.config.ts builds the meta tag and the
// preview header from it, and csp.test.ts checks static/_headers and docs/nginx.conf
// carry the same string.

/** The policy every response of the built app is served with. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The same policy for the dev server, with inline styles allowed: Vite's dev client
 * injects every stylesheet (and each hot update) as a `<style>` element. The built
 * app links its CSS as files and needs no such exception.
 */
export const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "style-src 'self'",
  "style-src 'self' 'unsafe-inline'",
);

/**
 * The policy for the meta tag in index.html: without `frame-ancestors`, which a browser
 * ignores in a meta tag and, in Chromium, reports as a console error. The header keeps it.
 */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors '))
  .join('; ');

/**
 * The policy with one more origin in `connect-src`: a sync server for live workshops that
 * is not served under the app's own origin (build-time option ROLLEKORT_SYNC_ORIGIN, see
 * README). Without one the policy is unchanged. Only a ws:// or wss:// origin is accepted.
 */
export function withSyncOrigin(policy: string, origin: string | undefined): string {
  if (!origin) return policy;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new Error(`ROLLEKORT_SYNC_ORIGIN: "${origin}" is not a URL (e.g. wss://sync.kommune.dk)`);
  }
  if ((url.protocol !== 'wss:' && url.protocol !== 'ws:') || url.origin === 'null' || url.pathname !== '/' || url.search || url.hash) {
    throw new Error(`ROLLEKORT_SYNC_ORIGIN: "${origin}" must be a ws:// or wss:// origin with no path (e.g. wss://sync.kommune.dk)`);
  }
  return policy.replace("connect-src 'self'", `connect-src 'self' ${url.protocol}//${url.host}`);
}

/** The sync-server origin the build was configured with, if any. */
export const SYNC_ORIGIN_ENV = 'ROLLEKORT_SYNC_ORIGIN';
