/**
 * The changelog as the site shows it, from the committed records and this build's services: the
 * entries newest first with links to the operations they touched; each service's own list; the
 * latest change of each operation (for its page's "Changed" badge); and the operations removed
 * since, with the page left at each one's old address. Reads nothing but its arguments.
 */
import { changelogFeedPath, changelogPath, markdownPath, operationPath, servicePath } from '../../config/routes.ts';
import { CHANGE_CLASSES, type ChangeClass, type ChangedOperation, type RecordedChange, type ServiceChangelog } from './records.ts';

/** What the timeline needs of a service of the build (a ServiceModel has it). */
export interface TimelineService {
  id: string;
  title: string;
  operations: { slug: string; method: string; path: string; operationId: string; href: string; title: string }[];
}

export interface OperationLink {
  /** `GET /path` */
  label: string;
  /** Its summary when recorded. */
  summary: string;
  /** Its page: the current operation's, or the page left where a removed one was. */
  href?: string;
  removed: boolean;
}

export interface TimelineChange {
  class: ChangeClass;
  message: string;
  operations: OperationLink[];
}

export interface TimelineEntry {
  serviceId: string;
  serviceTitle: string;
  servicePath: string;
  /** As recorded: an ISO date-time. */
  date: string;
  /** Its `id` on the service's changelog page: the day, and `-2`, `-3`… for later ones of the same day. */
  anchor: string;
  /** Its `id` on the whole site's changelog page: the service id, then the anchor. */
  siteAnchor: string;
  /** Its place on the service's changelog page. */
  href: string;
  note: string;
  initial: boolean;
  changes: TimelineChange[];
  /** The classes of its changes, in the classes' order (an initial entry counts as non-breaking: it adds every operation). */
  classes: ChangeClass[];
  breaking: boolean;
}

export interface ChangelogView {
  /** The page: `/changelog/` or `/services/<id>/changelog/`. */
  path: string;
  twinPath: string;
  feedPath: string;
  service?: { id: string; title: string; path: string };
  /** Newest first. */
  entries: TimelineEntry[];
}

export interface RecentChange {
  date: string;
  href: string;
  breaking: boolean;
}

export interface RemovedOperation {
  serviceId: string;
  serviceTitle: string;
  /** The old page's address, where this page now stands. */
  path: string;
  slug: string;
  method: string;
  operationPath: string;
  operationId: string;
  summary: string;
  description: string;
  /** The entry that recorded the removal. */
  date: string;
  entryHref: string;
}

export interface Timeline {
  site: ChangelogView;
  services: Map<string, ChangelogView>;
  /** The page left at each removed operation's old address, by service. */
  removed: Map<string, RemovedOperation[]>;
  /** The change of the last twelve months that an operation's badge shows, if any. */
  recentChange(serviceId: string, operation: { slug: string; method: string; path: string }): RecentChange | undefined;
}

const sameOperation = (recorded: ChangedOperation, op: { slug: string; method: string; path: string }) =>
  (recorded.method === op.method && recorded.path === op.path) || (!recorded.removed && recorded.slug === op.slug);

/** Twelve months before `now`. */
function recentSince(now: Date): Date {
  const since = new Date(now);
  since.setUTCFullYear(since.getUTCFullYear() - 1);
  return since;
}

export function buildTimeline(records: ServiceChangelog[], services: TimelineService[], now: Date): Timeline {
  const byId = new Map(services.map((s) => [s.id, s]));
  const removed = new Map<string, RemovedOperation[]>();
  const entriesOf = new Map<string, TimelineEntry[]>();
  /** Each service's entries with their changes as recorded, newest first. */
  const recordedOf = new Map<string, { entry: TimelineEntry; changes: RecordedChange[] }[]>();

  for (const service of services) {
    const record = records.find((r) => r.service === service.id);
    const current = new Set(service.operations.map((op) => op.slug));
    const pathOfService = servicePath(service.id);
    const used = new Map<string, number>();
    const entries: TimelineEntry[] = (record?.entries ?? []).map((entry) => {
      const day = entry.date.slice(0, 10);
      const n = (used.get(day) ?? 0) + 1;
      used.set(day, n);
      const anchor = n === 1 ? day : `${day}-${n}`;
      const classes = entry.initial ? (['non-breaking'] as ChangeClass[]) : CHANGE_CLASSES.filter((c) => entry.changes.some((change) => change.class === c));
      return {
        serviceId: service.id,
        serviceTitle: service.title,
        servicePath: pathOfService,
        date: entry.date,
        anchor,
        siteAnchor: `${service.id}-${anchor}`,
        href: `${changelogPath(service.id)}#${anchor}`,
        note: entry.note,
        initial: entry.initial === true,
        changes: [],
        classes,
        breaking: classes.includes('breaking'),
      };
    });

    // Removed operations whose address no current operation has taken: the latest removal wins.
    const gone = new Map<string, RemovedOperation>();
    (record?.entries ?? []).forEach((entry, i) => {
      for (const change of entry.changes) {
        for (const op of change.operations) {
          if (!op.removed || current.has(op.slug)) continue;
          gone.set(op.slug, {
            serviceId: service.id,
            serviceTitle: service.title,
            path: operationPath(service.id, op.slug),
            slug: op.slug,
            method: op.method,
            operationPath: op.path,
            operationId: op.operationId,
            summary: op.summary,
            description: op.description ?? '',
            date: entry.date,
            entryHref: entries[i]!.href,
          });
        }
      }
    });
    removed.set(service.id, [...gone.values()]);

    const link = (op: ChangedOperation): OperationLink => {
      const now = service.operations.find((o) => sameOperation(op, o));
      const href = now?.href ?? gone.get(op.slug)?.path;
      return { label: `${op.method} ${op.path}`, summary: op.summary, ...(href ? { href } : {}), removed: op.removed === true };
    };
    (record?.entries ?? []).forEach((entry, i) => {
      entries[i]!.changes = entry.changes.map((change) => ({ class: change.class, message: change.message, operations: change.operations.map(link) }));
    });
    recordedOf.set(service.id, entries.map((entry, i) => ({ entry, changes: record?.entries[i]?.changes ?? [] })).reverse());
    entriesOf.set(service.id, [...entries].reverse());
  }

  const newestFirst = (a: TimelineEntry, b: TimelineEntry) => b.date.localeCompare(a.date);
  const view = (id?: string): ChangelogView => {
    const service = id ? byId.get(id)! : undefined;
    return {
      path: changelogPath(id),
      twinPath: markdownPath(changelogPath(id)),
      feedPath: changelogFeedPath(id),
      ...(service ? { service: { id: service.id, title: service.title, path: servicePath(service.id) } } : {}),
      // A stable sort: entries of one moment stay in the services' order.
      entries: id ? entriesOf.get(id)! : services.flatMap((s) => entriesOf.get(s.id)!).sort(newestFirst),
    };
  };

  const since = recentSince(now).toISOString();
  return {
    site: view(),
    services: new Map(services.map((s) => [s.id, view(s.id)])),
    removed,
    recentChange(serviceId, operation) {
      const touched = (recordedOf.get(serviceId) ?? []).flatMap(({ entry, changes }) => {
        if (entry.date < since) return [];
        const touching = changes.filter((change) => change.operations.some((op) => sameOperation(op, operation)));
        return touching.length ? [{ date: entry.date, href: entry.href, breaking: touching.some((c) => c.class === 'breaking') }] : [];
      });
      // The latest breaking change, else the latest change.
      return touched.find((t) => t.breaking) ?? touched[0];
    },
  };
}
