/** Loopback hosts: the only places plain http is ever accepted (local tests and mirrors). */
const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

export function isLoopback(url: URL): boolean {
  return LOOPBACK.has(url.hostname) || /^127(\.\d{1,3}){3}$/.test(url.hostname);
}
