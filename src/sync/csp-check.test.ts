import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, withSyncOrigin } from '../pwa/csp';
import { blockedServerText, policyAllows } from './csp-check';

describe('which sync servers the policy lets the app reach', () => {
  const page = 'https://rollekort.kommune.dk';

  it("allows the app's own origin over wss (a /sync reverse proxy) and nothing else", () => {
    expect(policyAllows(CONTENT_SECURITY_POLICY, page, 'wss://rollekort.kommune.dk/sync')).toBe(true);
    expect(policyAllows(CONTENT_SECURITY_POLICY, 'http://localhost:4173', 'ws://localhost:4173/sync')).toBe(true);
    expect(policyAllows(CONTENT_SECURITY_POLICY, page, 'wss://sync.kommune.dk')).toBe(false);
    expect(policyAllows(CONTENT_SECURITY_POLICY, 'http://localhost:4173', 'ws://localhost:1234')).toBe(false);
    expect(blockedServerText(CONTENT_SECURITY_POLICY, page, 'wss://sync.kommune.dk')).toMatch(/må ikke forbinde til sync\.kommune\.dk/);
    expect(blockedServerText(CONTENT_SECURITY_POLICY, page, 'wss://rollekort.kommune.dk/sync')).toBeNull();
  });

  it('adds a configured sync origin to connect-src, and only when one is configured', () => {
    expect(withSyncOrigin(CONTENT_SECURITY_POLICY, undefined)).toBe(CONTENT_SECURITY_POLICY);
    expect(withSyncOrigin(CONTENT_SECURITY_POLICY, '')).toBe(CONTENT_SECURITY_POLICY);
    const policy = withSyncOrigin(CONTENT_SECURITY_POLICY, 'wss://sync.kommune.dk');
    expect(policy).toContain("connect-src 'self' wss://sync.kommune.dk;");
    expect(policyAllows(policy, page, 'wss://sync.kommune.dk/rum')).toBe(true);
    expect(() => withSyncOrigin(CONTENT_SECURITY_POLICY, 'https://x.dk')).toThrow(/ws:\/\/ or wss:\/\//);
    expect(() => withSyncOrigin(CONTENT_SECURITY_POLICY, "wss://x.dk; script-src *")).toThrow();
  });
});
