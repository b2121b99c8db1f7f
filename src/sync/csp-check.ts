// Whether the page's Content Security Policy lets it open a WebSocket to a server, so the
// app can explain a blocked server in Danish instead of failing with a console error.

/** The `connect-src` sources of a policy, or null when it has none (then default-src rules). */
function connectSources(policy: string): string[] | null {
  const directives = policy.split(';').map((d) => d.trim().split(/\s+/));
  const connect = directives.find((d) => d[0] === 'connect-src') ?? directives.find((d) => d[0] === 'default-src');
  return connect ? connect.slice(1) : null;
}

/**
 * True when `policy` allows connecting from a page at `pageOrigin` to the WebSocket URL
 * `server`. Understands the forms this app's policy uses: 'self', 'none' and origins.
 */
export function policyAllows(policy: string | null, pageOrigin: string, server: string): boolean {
  if (!policy) return true;
  const sources = connectSources(policy);
  if (!sources) return true;
  const target = new URL(server);
  const page = new URL(pageOrigin);
  const pageWs = page.protocol === 'https:' ? 'wss:' : 'ws:';
  return sources.some((source) => {
    if (source === "'self'") return target.host === page.host && (target.protocol === pageWs || target.protocol === 'wss:');
    if (source === '*') return true;
    try {
      const allowed = new URL(source);
      return allowed.protocol === target.protocol && allowed.host === target.host;
    } catch {
      return false;
    }
  });
}

/** A Danish explanation when the page may not reach the server, else null. */
export function blockedServerText(policy: string | null, pageOrigin: string, server: string): string | null {
  if (policyAllows(policy, pageOrigin, server)) return null;
  return (
    `Denne installation af Rollekort må ikke forbinde til ${new URL(server).host} (sikkerhedspolitikken tillader kun appens egen adresse). ` +
    'Brug serveren gennem appens egen adresse (fx /sync), eller bed den, der driver Rollekort, om at tillade serveren.'
  );
}
