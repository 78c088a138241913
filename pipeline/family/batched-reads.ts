/**
 * Family reads merged across gatherings running side by side (the overnight rebuild gathers a
 * chunk of families at once): calls made in the same turn of the event loop become one query
 * over the union of their keys, and each caller gets back exactly the rows its own keys select,
 * in the same order, as a direct read would give it. Fewer, larger queries: the per-query cost
 * (round trip, planning) is paid once per step of the gathering, not once per family.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';
import { appendAudits } from '../audit/audit.repository.js';
import type { AuditRecord } from '../audit/audit-entry.js';
import { directReads, type FamilyReads } from './family-reads.js';

type Lists = Record<string, readonly string[]>;

/** How long a read waits for others to join it when the gatherings in flight are not counted. */
const GATHER_MS = 2;

/**
 * When to run the merged reads: once every gathering in flight (`enter`/`exit`) waits on one,
 * so the gatherings move through their steps in lockstep and each step is one query. Reads
 * made without counted gatherings wait a moment for company instead.
 */
class ReadBarrier {
  private active = 0;
  private waiting = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly queues: (() => void)[] = [];

  register(flush: () => void): void {
    this.queues.push(flush);
  }

  enter(): void {
    this.active++;
  }

  exit(): void {
    this.active--;
    this.check();
  }

  arrive(): void {
    this.waiting++;
    this.check();
  }

  private check(): void {
    if (this.waiting === 0) return;
    if (this.active > 0 && this.waiting >= this.active) {
      this.flushAll();
      return;
    }
    // Uncounted reads, or a gathering busy elsewhere for long: do not wait for ever.
    this.timer ??= setTimeout(() => this.flushAll(), GATHER_MS);
  }

  private flushAll(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.waiting = 0;
    for (const flush of this.queues) flush();
  }
}

/** Items queued until the barrier flushes, then handed to `runBatch` together; each caller gets its own result. */
function queued<T, R>(barrier: ReadBarrier, runBatch: (items: T[]) => Promise<R[]>): (item: T) => Promise<R> {
  let queue: { item: T; resolve(value: R): void; reject(error: unknown): void }[] = [];
  const run = async (batch: typeof queue): Promise<void> => {
    try {
      const results = await runBatch(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(results[i]!));
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  };
  barrier.register(() => {
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    void run(batch);
  });
  return (item) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      barrier.arrive();
    });
}

/**
 * One merged read: `fetch` runs once per flush with every field's lists united; `matches` picks
 * a row for a caller by the same test the SQL applies to that caller's lists.
 */
function merged<A extends Lists, R>(
  barrier: ReadBarrier,
  fetch: (args: A) => Promise<R[]>,
  matches: (row: R, sets: { [K in keyof A]: ReadonlySet<string> }) => boolean,
): (args: A) => Promise<R[]> {
  return queued(barrier, async (asks: A[]) => {
    const union = {} as Record<string, Set<string>>;
    for (const args of asks) {
      for (const [field, values] of Object.entries(args)) {
        const set = (union[field] ??= new Set());
        for (const v of values) set.add(v);
      }
    }
    const rows = await fetch(Object.fromEntries(Object.entries(union).map(([f, s]) => [f, [...s]])) as unknown as A);
    return asks.map((args) => {
      const sets = Object.fromEntries(Object.entries(args).map(([f, v]) => [f, new Set(v)])) as unknown as {
        [K in keyof A]: ReadonlySet<string>;
      };
      return rows.filter((row) => matches(row, sets));
    });
  });
}

const has = (set: ReadonlySet<string>, value: string | null): boolean => value !== null && set.has(value);

/**
 * Family reads merged across gatherings; `enter`/`exit` count a gathering in flight. Audit
 * entries the trawls append in between go in with the same flushes (one INSERT per step), so
 * an audit write does not hold the others back.
 */
export interface BatchedReads extends FamilyReads {
  enter(): void;
  exit(): void;
  audit: (record: AuditRecord) => Promise<number>;
}

export function batchedReads(db: Kysely<Database>): BatchedReads {
  const direct = directReads(db);
  const barrier = new ReadBarrier();
  const personIds = merged(
    barrier,
    async ({ keys }: { keys: readonly string[] }) => [...(await direct.personIdsOfKeys(keys))],
    ([key], s) => s.keys.has(key),
  );
  const keysOfPersons = merged(
    barrier,
    ({ personIds: ids }: { personIds: readonly string[] }) => direct.keysOfPersons(ids),
    (r, s) => s.personIds.has(r.personId),
  );
  const mentions = merged(
    barrier,
    ({ keys }: { keys: readonly string[] }) => direct.mentionsOf(keys),
    (m, s) => s.keys.has(m.recordKey),
  );
  const relationships = merged(
    barrier,
    ({ keys }: { keys: readonly string[] }) => direct.relationshipsTouching(keys),
    (r, s) => s.keys.has(r.fromKey) || s.keys.has(r.toKey),
  );
  const residencesOf = merged(
    barrier,
    ({ keys }: { keys: readonly string[] }) => direct.residencesOf(keys),
    (r, s) => s.keys.has(r.recordKey),
  );
  const residencesAt = merged(
    barrier,
    (at: { placeKeys: readonly string[]; uprns: readonly string[]; postcodes: readonly string[] }) => direct.residencesAt(at),
    (r, s) => has(s.placeKeys, r.placeKey) || has(s.uprns, r.uprn) || has(s.postcodes, r.postcode),
  );
  const placesOf = merged(
    barrier,
    ({ keys }: { keys: readonly string[] }) => direct.placesOf(keys),
    (p, s) => s.keys.has(p.key),
  );
  const placesAt = merged(
    barrier,
    (at: { uprns: readonly string[]; postcodes: readonly string[] }) => direct.placesAt(at),
    (p, s) => has(s.uprns, p.uprn) || has(s.postcodes, p.postcode),
  );
  const events = merged(
    barrier,
    (by: { recordKeys: readonly string[]; placeKeys: readonly string[]; eventKeys: readonly string[] }) => direct.eventsFor(by),
    (e, s) => has(s.recordKeys, e.recordKey) || has(s.placeKeys, e.placeKey) || s.eventKeys.has(e.key),
  );
  const parties = merged(
    barrier,
    (by: { recordKeys: readonly string[]; eventKeys: readonly string[] }) => direct.partiesFor(by),
    (p, s) => s.recordKeys.has(p.recordKey) || s.eventKeys.has(p.eventKey),
  );
  const involvements = merged(
    barrier,
    (by: { recordKeys: readonly string[]; placeKeys: readonly string[]; eventKeys: readonly string[] }) => direct.involvementsFor(by),
    (i, s) => has(s.recordKeys, i.recordKey) || has(s.placeKeys, i.placeKey) || has(s.eventKeys, i.eventKey),
  );
  // Empty asks answer at once, as the direct reads do, without joining a batch.
  const emptyOr =
    <A extends Lists, R>(read: (args: A) => Promise<R[]>) =>
    (args: A): Promise<R[]> =>
      Object.values(args).every((v) => v.length === 0) ? Promise.resolve([]) : read(args);
  const audit = queued(barrier, (records: AuditRecord[]) => appendAudits(db, records));
  return {
    enter: () => barrier.enter(),
    audit,
    exit: () => barrier.exit(),
    personIdsOfKeys: async (keys) => new Map(await emptyOr(personIds)({ keys })),
    keysOfPersons: (ids) => emptyOr(keysOfPersons)({ personIds: ids }),
    mentionsOf: (keys) => emptyOr(mentions)({ keys }),
    relationshipsTouching: (keys) => emptyOr(relationships)({ keys }),
    residencesOf: (keys) => emptyOr(residencesOf)({ keys }),
    residencesAt: (at) => emptyOr(residencesAt)({ placeKeys: at.placeKeys, uprns: at.uprns, postcodes: at.postcodes }),
    placesOf: (keys) => emptyOr(placesOf)({ keys }),
    placesAt: (at) => emptyOr(placesAt)({ uprns: at.uprns, postcodes: at.postcodes }),
    eventsFor: (by) => emptyOr(events)({ recordKeys: by.recordKeys, placeKeys: by.placeKeys, eventKeys: by.eventKeys }),
    partiesFor: (by) => emptyOr(parties)({ recordKeys: by.recordKeys, eventKeys: by.eventKeys }),
    involvementsFor: (by) => emptyOr(involvements)({ recordKeys: by.recordKeys, placeKeys: by.placeKeys, eventKeys: by.eventKeys }),
  };
}
