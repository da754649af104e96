/**
 * The committed record of one service's API changes, `changelog/<service>.json`: its format
 * (checked wherever it is read — by the site's `changelog` collection and by the changelog
 * commands), and its one way of being written, so that a review shows only the appended entry.
 * Entries are stored as computed when they were recorded, and never computed again.
 */
import { z } from 'zod';

export const CHANGE_CLASSES = ['breaking', 'non-breaking', 'deprecated', 'annotation'] as const;
export type ChangeClass = (typeof CHANGE_CLASSES)[number];

const changedOperationSchema = z.object({
  /** Upper case: `GET`. */
  method: z.string(),
  path: z.string(),
  /** The document's operationId, or the one the site derives from method and path. */
  operationId: z.string(),
  /** The URL segment of its page when the entry was recorded. */
  slug: z.string(),
  summary: z.string(),
  /** Set when the change removed the operation (it is in the older document only). */
  removed: z.literal(true).optional(),
  /** A removed operation's last description (Markdown), so that its old page can still say what it did. */
  description: z.string().optional(),
});

const recordedChangeSchema = z.object({
  class: z.enum(CHANGE_CLASSES),
  operations: z.array(changedOperationSchema),
  /** JSON pointer into the document that has the change (the older one for a removal). */
  pointer: z.string(),
  /** One sentence; code in backticks. */
  message: z.string(),
});

const changelogEntrySchema = z.object({
  /** When it was recorded: an ISO date-time in UTC. */
  date: z.iso.datetime(),
  /** What changed, in the recorder's words. */
  note: z.string().min(1),
  /** The document as first recorded: nothing to compare it with, so no changes. */
  initial: z.literal(true).optional(),
  changes: z.array(recordedChangeSchema),
});

export const serviceChangelogSchema = z.object({
  service: z.string(),
  /** Oldest first: each recording appends one. */
  entries: z.array(changelogEntrySchema),
});

export type ChangedOperation = z.infer<typeof changedOperationSchema>;
export type RecordedChange = z.infer<typeof recordedChangeSchema>;
export type ChangelogEntry = z.infer<typeof changelogEntrySchema>;
export type ServiceChangelog = z.infer<typeof serviceChangelogSchema>;

/** Reads a record; throws with the file name and what is wrong. */
export function parseRecord(text: string, file: string): ServiceChangelog {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message})`);
  }
  const result = serviceChangelogSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return result.data;
}

/** A record as committed: two-space JSON, keys in the schema's order, a final newline. */
export function serializeRecord(record: ServiceChangelog): string {
  return `${JSON.stringify(serviceChangelogSchema.parse(record), null, 2)}\n`;
}

/** The time of an entry as recorded: to the second, in UTC (`2026-12-06T21:30:00Z`). */
export const recordedTime = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
