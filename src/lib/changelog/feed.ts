/**
 * The RSS 2.0 feeds of the changelog (`/changelog.xml`, `/services/<id>/changelog.xml`), as the
 * options of @astrojs/rss: one item per entry, newest first, linking to the entry on its service's
 * changelog page; a breaking entry says so in its title; the content lists every change.
 */
import type { RSSOptions } from '@astrojs/rss';
import { CHANGELOG_TITLE, CLASS_LABELS, CLASSIFIED, entrySummary, messageParts, removedMention } from './change-words.ts';
import type { ChangelogView, TimelineEntry } from './timeline.ts';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A recorded sentence as HTML: its code parts (messageParts) as `<code>`. */
const messageHtml = (message: string) =>
  messageParts(message)
    .map((part) => (typeof part === 'string' ? escapeHtml(part) : `<code>${escapeHtml(part.code)}</code>`))
    .join('');

function entryHtml(entry: TimelineEntry, site: URL): string {
  const summary = `<p>${escapeHtml(entrySummary(entry))}</p>`;
  if (!entry.changes.length) return summary;
  const items = entry.changes.map((change) => {
    const operations = change.operations.map((op) => {
      const label = `<code>${escapeHtml(op.label)}</code>`;
      const linked = op.href ? `<a href="${escapeHtml(new URL(op.href, site).href)}">${label}</a>` : label;
      return op.removed ? `${linked}${removedMention(op.summary, escapeHtml)}` : linked;
    });
    return `<li><strong>${CLASS_LABELS[change.class].label}:</strong> ${messageHtml(change.message)}${operations.length ? ` — ${operations.join(', ')}` : ''}</li>`;
  });
  return `${summary}<ul>${items.join('')}</ul>`;
}

export function feedOptions(view: ChangelogView, site: URL): RSSOptions {
  const title = `${view.service ? view.service.title : 'ALA APIs'}: ${CHANGELOG_TITLE}`;
  const what = view.service ? `the ${view.service.title} API` : 'the Atlas of Living Australia web APIs';
  return {
    title,
    description: `Recorded changes to ${what}, each ${CLASSIFIED}.`,
    site: new URL(view.path, site).href,
    items: view.entries.map((entry) => ({
      title: `${view.service ? '' : `${entry.serviceTitle}: `}${entry.note}${entry.breaking ? ' (breaking)' : ''}`,
      link: new URL(entry.href, site).href,
      pubDate: new Date(entry.date),
      description: entrySummary(entry),
      content: entryHtml(entry, site),
      categories: entry.classes.map((c) => CLASS_LABELS[c].label),
    })),
  };
}
