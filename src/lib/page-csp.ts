/**
 * Puts a Content-Security-Policy <meta> into a built HTML page: the site's directives, plus
 * script-src and style-src that allow the site's own files and exactly the inline scripts and
 * styles of that page (by SHA-256 hash). No 'unsafe-inline' for scripts, no 'unsafe-eval'.
 */
import { createHash } from 'node:crypto';

const INLINE = {
  script: /<script\b([^>]*)>([\s\S]*?)<\/script>/gi,
  style: /<style\b([^>]*)>([\s\S]*?)<\/style>/gi,
};

function hash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Hashes of the inline (no src) scripts, and of the style elements, of a page. */
export function inlineHashes(html: string): { scripts: string[]; styles: string[] } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const [, attrs = '', body = ''] of html.matchAll(INLINE.script)) {
    if (/\bsrc\s*=/.test(attrs) || /type\s*=\s*["']?application\/(ld\+)?json/.test(attrs)) continue;
    scripts.add(hash(body));
  }
  for (const [, , body = ''] of html.matchAll(INLINE.style)) styles.add(hash(body));
  return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}

/**
 * Pages with "Try it": the API client writes its own <style> elements while it runs, whose
 * text cannot be known when the page is built, so those pages allow inline styles (styles only;
 * scripts stay hash-or-self everywhere).
 */
export function injectsRuntimeStyles(html: string): boolean {
  return html.includes('data-try-it');
}

export function policyFor(html: string, directives: string[]): string {
  const { scripts, styles } = inlineHashes(html);
  return [
    ...directives,
    // Pagefind's search index is WebAssembly: 'wasm-unsafe-eval' allows that, not eval().
    ["script-src 'self' 'wasm-unsafe-eval'", ...scripts].join(' '),
    injectsRuntimeStyles(html) ? "style-src 'self' 'unsafe-inline'" : ["style-src 'self'", ...styles].join(' '),
    // style="" attributes (code highlighting, the API client's layout) cannot run code.
    "style-src-attr 'unsafe-inline'",
  ].join('; ');
}

/** The page with its policy as the first element of <head> (a meta policy covers what follows it). */
export function withCspMeta(html: string, directives: string[]): string {
  const meta = `<meta http-equiv="content-security-policy" content="${policyFor(html, directives).replace(/"/g, '&quot;')}">`;
  const withoutOld = html.replace(/<meta http-equiv="content-security-policy"[^>]*>/gi, '');
  return withoutOld.replace(/<head([^>]*)>/i, (m) => `${m}${meta}`);
}
