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
