import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from './csp';

describe('the Content Security Policy', () => {
  it('is the one the issue asks for', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; " +
        "frame-ancestors 'none'; object-src 'none'",
    );
  });

  it('is the same string in static/_headers and in the nginx example', () => {
    const headers = readFileSync('static/_headers', 'utf8');
    expect(headers).toContain(`/*\n  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}\n`);
    const nginx = readFileSync('docs/nginx.conf', 'utf8');
    expect(nginx).toContain(`set $csp "${CONTENT_SECURITY_POLICY}";`);
  });

  it('leaves out only frame-ancestors in the meta tag, and relaxes only inline styles for the dev server', () => {
    expect(META_CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY.replace(" frame-ancestors 'none';", ''));
    expect(DEV_CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"));
  });
});
