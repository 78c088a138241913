/**
 * Family reads merged across gatherings running side by side (the overnight rebuild gathers a
 * chunk of families at once): calls made in the same turn of the event loop become one query
 * over the union of their keys, and each caller gets back exactly the rows its own keys select,
 * in the same order, as a direct read would give it. Fewer, larger queries: the per-query cost
 * (round trip, planning) is paid once per step of the gathering, not once per family.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';
import { directReads, type FamilyReads } from './family-reads.js';

type Lists = Record<string, readonly string[]>;

interface Pending<A extends Lists, R> {
  args: A;
  resolve(value: R[]): void;
  reject(error: unknown): void;
}

/**
 * One merged read: `fetch` runs once per turn with every field's lists united; `matches` picks a
 * row for a caller by the same test the SQL applies to that caller's lists.
 */
function merged<A extends Lists, R>(
  fetch: (args: A) => Promise<R[]>,
  matches: (row: R, sets: { [K in keyof A]: ReadonlySet<string> }) => boolean,
): (args: A) => Promise<R[]> {
  let queue: Pending<A, R>[] = [];
  const flush = async (batch: Pending<A, R>[]): Promise<void> => {
    const union = {} as Record<string, Set<string>>;
    for (const { args } of batch) {
      for (const [field, values] of Object.entries(args)) {
        const set = (union[field] ??= new Set());
        for (const v of values) set.add(v);
      }
    }
    try {
      const rows = await fetch(Object.fromEntries(Object.entries(union).map(([f, s]) => [f, [...s]])) as unknown as A);
      for (const p of batch) {
        const sets = Object.fromEntries(Object.entries(p.args).map(([f, v]) => [f, new Set(v)])) as unknown as { [K in keyof A]: ReadonlySet<string> };
        p.resolve(rows.filter((row) => matches(row, sets)));
      }
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  };
  return (args) =>
    new Promise<R[]>((resolve, reject) => {
      if (queue.length === 0) {
        setImmediate(() => {
          const batch = queue;
          queue = [];
          void flush(batch);
        });
      }
      queue.push({ args, resolve, reject });
    });
}

const has = (set: ReadonlySet<string>, value: string | null): boolean => value !== null && set.has(value);

export function batchedReads(db: Kysely<Database>): FamilyReads {
  const direct = directReads(db);
  const personIds = merged(
    async ({ keys }: { keys: readonly string[] }) => [...(await direct.personIdsOfKeys(keys))],
    ([key], s) => s.keys.has(key),
  );
  const keysOfPersons = merged(
    ({ personIds: ids }: { personIds: readonly string[] }) => direct.keysOfPersons(ids),
    (r, s) => s.personIds.has(r.personId),
  );
  const mentions = merged(({ keys }: { keys: readonly string[] }) => direct.mentionsOf(keys), (m, s) => s.keys.has(m.recordKey));
  const relationships = merged(
    ({ keys }: { keys: readonly string[] }) => direct.relationshipsTouching(keys),
    (r, s) => s.keys.has(r.fromKey) || s.keys.has(r.toKey),
  );
  const residencesOf = merged(({ keys }: { keys: readonly string[] }) => direct.residencesOf(keys), (r, s) => s.keys.has(r.recordKey));
  const residencesAt = merged(
    (at: { placeKeys: readonly string[]; uprns: readonly string[]; postcodes: readonly string[] }) => direct.residencesAt(at),
    (r, s) => has(s.placeKeys, r.placeKey) || has(s.uprns, r.uprn) || has(s.postcodes, r.postcode),
  );
  const placesOf = merged(({ keys }: { keys: readonly string[] }) => direct.placesOf(keys), (p, s) => s.keys.has(p.key));
  const placesAt = merged(
    (at: { uprns: readonly string[]; postcodes: readonly string[] }) => direct.placesAt(at),
    (p, s) => has(s.uprns, p.uprn) || has(s.postcodes, p.postcode),
  );
  const events = merged(
    (by: { recordKeys: readonly string[]; placeKeys: readonly string[]; eventKeys: readonly string[] }) => direct.eventsFor(by),
    (e, s) => has(s.recordKeys, e.recordKey) || has(s.placeKeys, e.placeKey) || s.eventKeys.has(e.key),
  );
  const parties = merged(
    (by: { recordKeys: readonly string[]; eventKeys: readonly string[] }) => direct.partiesFor(by),
    (p, s) => s.recordKeys.has(p.recordKey) || s.eventKeys.has(p.eventKey),
  );
  const involvements = merged(
    (by: { recordKeys: readonly string[]; placeKeys: readonly string[]; eventKeys: readonly string[] }) => direct.involvementsFor(by),
    (i, s) => has(s.recordKeys, i.recordKey) || has(s.placeKeys, i.placeKey) || has(s.eventKeys, i.eventKey),
  );
  // Empty asks answer at once, as the direct reads do, without joining a batch.
  const emptyOr = <A extends Lists, R>(read: (args: A) => Promise<R[]>) => (args: A): Promise<R[]> =>
    Object.values(args).every((v) => v.length === 0) ? Promise.resolve([]) : read(args);
  return {
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
