/**
 * The Markdown twins of the changelog pages (the whole site's and each service's) and of the page
 * left at a removed operation's old address, from the same timeline as their HTML
 * (src/lib/changelog/timeline.ts) and in the same words (src/lib/changelog/change-words.ts).
 */
import { markdownPath } from '../../config/routes.ts';
import { CHANGE_CLASSES } from '../changelog/records.ts';
import { CHANGELOG_TITLE, changelogIntro, CLASS_LABELS, CLASSIFIED, entrySummary, formatDay, NO_ENTRIES, removedMention, removedSentence } from '../changelog/change-words.ts';
import type { ChangelogView, RemovedOperation, TimelineEntry } from '../changelog/timeline.ts';
import { inlineCode, oneLine } from './markdown-text.ts';

/** The title of a changelog page. */
export const changelogTitle = (view: ChangelogView) => (view.service ? `${view.service.title}: ${CHANGELOG_TITLE}` : CHANGELOG_TITLE);

function entryMarkdown(entry: TimelineEntry, withService: boolean): string {
  const heading = `## ${formatDay(entry.date)}${withService ? ` · ${entry.serviceTitle}` : ''}: ${oneLine(entry.note)}${entry.breaking ? ' (breaking)' : ''}`;
  const lines = [heading, '', entrySummary(entry)];
  if (entry.changes.length) lines.push('');
  for (const change of entry.changes) {
    const operations = change.operations.map((op) => {
      const linked = op.href ? `[${inlineCode(op.label)}](${markdownPath(op.href)})` : inlineCode(op.label);
      return op.removed ? `${linked}${removedMention(op.summary, oneLine)}` : linked;
    });
    lines.push(`- **${CLASS_LABELS[change.class].label}**: ${oneLine(change.message)}${operations.length ? ` — ${operations.join(', ')}` : ''}`);
  }
  return lines.join('\n');
}

/** A changelog page in one line, for llms.txt: what it holds, its latest entry and its feed. */
export function changelogAbout(view: ChangelogView): string {
  const latest = view.entries[0];
  const holds = view.service ? '' : `every service's recorded API changes, ${CLASSIFIED}; `;
  return `${holds}${latest ? `latest ${formatDay(latest.date)}: ${entrySummary(latest)}` : 'no change recorded yet'} RSS: ${view.feedPath}`;
}

export function changelogMarkdown(view: ChangelogView): string {
  const parts = [`# ${changelogTitle(view)}`, `> ${changelogIntro(view.service?.title)}`];
  const links = [`RSS feed: ${view.feedPath}`];
  if (view.service) links.unshift(`Service: [${view.service.title}](${markdownPath(view.service.path)})`);
  parts.push(links.join(' · '));
  parts.push(CHANGE_CLASSES.map((c) => `- **${CLASS_LABELS[c].label}**: ${CLASS_LABELS[c].meaning}.`).join('\n'));
  parts.push(...(view.entries.length ? view.entries.map((entry) => entryMarkdown(entry, !view.service)) : [NO_ENTRIES]));
  return `${parts.join('\n\n')}\n`;
}

/** The title of the page left at a removed operation's address. */
export const removedTitle = (op: RemovedOperation) => `${op.summary || op.operationId} (removed)`;

export function removedOperationMarkdown(op: RemovedOperation): string {
  const parts = [
    `# ${removedTitle(op)}`,
    `> ${removedSentence(op.serviceTitle, op.date)}`,
    `${inlineCode(`${op.method} ${op.operationPath}`)} · operation ID ${inlineCode(op.operationId)}`,
  ];
  if (op.description) parts.push(op.description.trim());
  parts.push(`The change is recorded in the [${op.serviceTitle} changelog](${markdownPath(op.entryHref.replace(/#.*$/, ''))}).`);
  return `${parts.join('\n\n')}\n`;
}
