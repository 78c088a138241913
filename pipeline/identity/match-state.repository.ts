import type { Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';
import type { PairState } from '../match/delta.scoring.js';

/** Typed array -> bytes (a view, little-endian as the platform). */
function bytesOf(array: Int32Array | Float64Array | Uint8Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** Bytes from either driver (pg Buffer, PGlite Uint8Array), copied so the typed array is aligned. */
function aligned(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

/** The pair state the last run left, or null when there is none (or it does not hold together: the next run scores all pairs). */
export async function loadMatchState(db: Kysely<Database>): Promise<PairState | null> {
  const row = await db
    .selectFrom('match_state')
    .select([
      'model_version',
      'evidence_cut',
      'mentions',
      'pairs',
      'record_keys',
      'fingerprints',
      'pair_a',
      'pair_b',
      'evidence',
      'kind',
    ])
    .executeTakeFirst();
  if (row === undefined) return null;
  const recordKeys = row.mentions === 0 ? [] : row.record_keys.split('\n');
  const state: PairState = {
    modelVersion: row.model_version,
    evidenceCut: row.evidence_cut,
    recordKeys,
    fingerprints: new Float64Array(aligned(row.fingerprints)),
    a: new Int32Array(aligned(row.pair_a)),
    b: new Int32Array(aligned(row.pair_b)),
    evidence: new Float64Array(aligned(row.evidence)),
    kind: new Uint8Array(aligned(row.kind)),
  };
  const sizes = [state.a.length, state.b.length, state.evidence.length, state.kind.length];
  if (
    recordKeys.length !== row.mentions ||
    state.fingerprints.length !== row.mentions ||
    sizes.some((s) => s !== row.pairs)
  ) {
    return null;
  }
  return state;
}

/** Replaces the stored state (inside the run's transaction). */
export async function saveMatchState(
  db: Kysely<Database>,
  runId: number,
  state: PairState,
): Promise<void> {
  await db.deleteFrom('match_state').execute();
  await db
    .insertInto('match_state')
    .values({
      run_id: runId,
      model_version: state.modelVersion,
      evidence_cut: state.evidenceCut,
      mentions: state.recordKeys.length,
      pairs: state.a.length,
      record_keys: state.recordKeys.join('\n'),
      fingerprints: bytesOf(state.fingerprints),
      pair_a: bytesOf(state.a),
      pair_b: bytesOf(state.b),
      evidence: bytesOf(state.evidence),
      kind: bytesOf(state.kind),
    })
    .execute();
}
