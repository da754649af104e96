/**
 * `npm start`: builds the production site into `dist/` and serves it on loopback, printing only
 * what a newcomer needs — warnings and errors if there are any, then where the site is. The full
 * build log (every page written) is `npm run build`'s.
 */
import { readdirSync } from 'node:fs';
import { build } from 'astro';
import { serveDirectory } from './serve-site.ts';

const PORT = 4321;
const started = performance.now();
console.log('Building the site into dist/ (about half a minute)…');
await build({ logLevel: 'warn' });
const pages = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html')).length;
const seconds = ((performance.now() - started) / 1000).toFixed(0);
const site = await serveDirectory('dist', PORT);
console.log(`Built ${pages} pages in ${seconds} s. The portal is at ${site.url}/ (Ctrl+C stops it).`);
