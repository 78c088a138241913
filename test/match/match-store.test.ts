import path from 'node:path';
import { sql } from 'kysely';
import { exportLinks } from '../../pipeline/identity/links.repository.js';
import { recordDecision } from '../../pipeline/identity/match-decision.repository.js';
import { runMatch } from '../../pipeline/identity/match.stage.js';
import { explainLink } from '../../pipeline/identity/explain.service.js';
import { latestModel, saveModel } from '../../pipeline/identity/match-model.repository.js';
import { createTestStore, resetStore, STORE_MODES, type TestStore } from '../support/stores.js';
import { COUNTY, countyTruth, loadCounty, readCsvObjects } from '../support/county.js';

async function partition(t: TestStore): Promise<string[][]> {
  const byPerson = new Map<string, string[]>();
  for (const l of await exportLinks(t.store.db)) {
    const list = byPerson.get(l.personId ?? l.recordKey) ?? [];
    list.push(l.recordKey);
    byPerson.set(l.personId ?? l.recordKey, list);
  }
  return [...byPerson.values()].map((keys) => keys.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

async function personOf(t: TestStore, key: string): Promise<string | undefined> {
  const row = await t.store.db.selectFrom('person_mention').select('person_id').where('record_key', '=', key).executeTakeFirst();
  return row?.person_id;
}

const partitions: Record<string, string[][]> = {};

describe.each(STORE_MODES)('matching on the store (%s)', (mode) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(mode);
  });
  beforeEach(async () => {
    await resetStore(t.store.db);
  });
  afterAll(async () => {
    await t.drop();
  });

  it('links every mention to a person, keeps twins apart and ids stable on a re-run', async () => {
    await loadCounty(t.store);
    const first = await runMatch(t.store, { full: false, retrain: false });
    expect(first.mentions).toBe(countyTruth().size);
    const links = await exportLinks(t.store.db);
    expect(links.every((l) => l.personId !== null)).toBe(true);

    const truth = countyTruth();
    const people = readCsvObjects(path.join(COUNTY, 'truth', 'people.csv'));
    const twins = people.filter((p) => p['twin_of']);
    expect(twins.length).toBeGreaterThan(0);
    const personByTruth = new Map<string, Set<string>>();
    for (const l of links) {
      const set = personByTruth.get(truth.get(l.recordKey)!) ?? new Set<string>();
      set.add(l.personId!);
      personByTruth.set(truth.get(l.recordKey)!, set);
    }
    for (const twin of twins) {
      const mine = personByTruth.get(twin['person_id']!) ?? new Set();
      const theirs = personByTruth.get(twin['twin_of']!) ?? new Set();
      expect([...mine].filter((p) => theirs.has(p))).toEqual([]);
    }

    const before = await partition(t);
    const upToDate = await runMatch(t.store, { full: false, retrain: false });
    expect(upToDate.upToDate).toBe(true);
    const full = await runMatch(t.store, { full: true, retrain: false });
    expect(full.personsChanged).toBe(0);
    expect(await partition(t)).toEqual(before);
    partitions[mode] = before;
  });

  it('gives the same people whatever order the extracts arrive in, matched as they come (delta) or all at once', async () => {
    // One model for every run below, trained on the whole county, so the second run is a delta.
    await loadCounty(t.store);
    await runMatch(t.store, { full: false, retrain: false });
    const model = (await latestModel(t.store.db))!;
    await resetStore(t.store.db);
    await saveModel(t.store.db, model.model, model.trainedOn);

    await loadCounty(t.store, ['health', 'police']);
    const first = await runMatch(t.store, { full: false, retrain: false });
    expect(first.scoring?.path).toBe('all pairs');
    await loadCounty(t.store, ['social_care', 'housing', 'education']);
    const second = await runMatch(t.store, { full: false, retrain: false });
    expect(second.modelVersion).toBe(first.modelVersion);
    expect(second.scoring?.path).toBe('delta');
    const delta = second.scoring!.delta!;
    expect(delta.involved).toBeLessThan(second.mentions);
    expect(delta.reusedPairs).toBeGreaterThan(0);
    const shuffled = await partition(t);

    // A full run on the same store: same people, same ids.
    const full = await runMatch(t.store, { full: true, retrain: false });
    expect(full.scoring?.path).toBe('all pairs');
    expect(full.personsChanged).toBe(0);
    expect(full.links).toBe(second.links);
    expect(full.reviews).toBe(second.reviews);
    expect(await partition(t)).toEqual(shuffled);

    // And on a fresh store loaded in the usual order.
    await resetStore(t.store.db);
    await saveModel(t.store.db, model.model, model.trainedOn);
    await loadCounty(t.store);
    await runMatch(t.store, { full: true, retrain: false });
    expect(shuffled).toEqual(await partition(t));
  });

  it('keeps human decisions through a full re-run: a rejected pair is never linked, even through others', async () => {
    await loadCounty(t.store);
    await runMatch(t.store, { full: false, retrain: false });
    const { rows } = await sql<{ a: string; b: string }>`
      SELECT a, b FROM match_link WHERE reason = 'probabilistic' ORDER BY probability DESC, a, b LIMIT 1`.execute(t.store.db);
    const pair = rows[0]!;
    expect(await personOf(t, pair.a)).toBe(await personOf(t, pair.b));
    await recordDecision(t.store.db, pair, 'reject', 'analyst-1');
    // The delta path (no mention changed: every pair reused) respects it as a full run does.
    const delta = await runMatch(t.store, { full: false, retrain: false });
    expect(delta.scoring?.path).toBe('delta');
    expect(await personOf(t, pair.a)).not.toBe(await personOf(t, pair.b));
    await runMatch(t.store, { full: true, retrain: false });
    expect(await personOf(t, pair.a)).not.toBe(await personOf(t, pair.b));
    const explained = await explainLink(t.store.db, pair.a, pair.b);
    expect(explained.outcome).toEqual({ kind: 'decision', reason: 'reject' });
    expect(explained.explanation.comparisons.length).toBeGreaterThan(3);

    // Accepting a review pair links it from the next run on.
    const review = (await sql<{ a: string; b: string }>`SELECT a, b FROM match_review ORDER BY probability DESC, a, b LIMIT 1`.execute(t.store.db)).rows[0];
    if (review) {
      await recordDecision(t.store.db, review, 'accept', 'analyst-1');
      await runMatch(t.store, { full: false, retrain: false });
      const guarded = await explainLink(t.store.db, review.a, review.b);
      expect(guarded.outcome.kind).toBe('decision');
    }
    await runMatch(t.store, { full: true, retrain: false });
    expect(await personOf(t, pair.a)).not.toBe(await personOf(t, pair.b));
  });
});

describe('both stores', () => {
  it('give identical people', () => {
    expect(partitions['pglite']).toBeDefined();
    expect(partitions['pglite']).toEqual(partitions['postgres']);
  });
});
