import type { Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';
import { parseModel, serialiseModel, type MatchModel } from '../match/match.model.js';

export interface StoredModel {
  version: number;
  model: MatchModel;
  /** How many mentions the store held when the model was trained. */
  trainedOn: number;
}

export async function latestModel(db: Kysely<Database>): Promise<StoredModel | null> {
  const row = await db
    .selectFrom('match_model')
    .select(['version', 'model', 'mentions'])
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const json = typeof row.model === 'string' ? row.model : JSON.stringify(row.model);
  return { version: row.version, model: parseModel(json), trainedOn: row.mentions };
}

export async function saveModel(db: Kysely<Database>, model: MatchModel, mentions: number): Promise<number> {
  const { version } = await db
    .insertInto('match_model')
    .values({ mentions, model: serialiseModel(model) })
    .returning('version')
    .executeTakeFirstOrThrow();
  return version;
}
