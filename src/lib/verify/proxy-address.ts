/**
 * How `verify:live` routes every request through its own loopback proxy (which keeps it polite:
 * two requests at a time, five a second, a timeout each): a server URL becomes a path on the
 * proxy that spells the real URL — `https://api.ala.org.au/occurrences` →
 * `http://127.0.0.1:<port>/https/api.ala.org.au/occurrences` — and back.
 */
/** A URL's address on the proxy. */
export function proxied(url: string, proxyOrigin: string): string {
  const u = new URL(url);
  return `${proxyOrigin}/${u.protocol.replace(':', '')}/${u.host}${u.pathname.replace(/\/$/, '')}${u.search}`;
}

/** The real URL of a path on the proxy, or undefined when it is not one. */
export function upstreamOf(pathAndQuery: string): string | undefined {
  const match = /^\/(https?)\/([^/?#]+)(\/[^#]*)?$/.exec(pathAndQuery);
  return match ? `${match[1]}://${match[2]}${match[3] ?? '/'}` : undefined;
}
