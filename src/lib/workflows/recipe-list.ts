/**
 * The recipes for the navigation: the name and title of each `workflows/<name>.arazzo.yaml`,
 * read when the site's configuration loads (before any collection exists), in file-name order
 * (src/routing/navigation.ts puts them in reading order).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { recipeName } from './arazzo.ts';

export function recipeList(dir = 'workflows'): { name: string; title: string }[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => recipeName(f)).sort();
  } catch {
    return [];
  }
  return files.map((f) => {
    const doc = parse(readFileSync(join(dir, f), 'utf8')) as { info?: { title?: unknown } } | null;
    const title = typeof doc?.info?.title === 'string' ? doc.info.title : recipeName(f)!;
    return { name: recipeName(f)!, title };
  });
}
