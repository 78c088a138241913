/** Subject look-ups for a trawl: mentions with their people, by date of birth or surname. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';
import type { CandidateMention } from './subject-search.js';

export interface CandidateQuery {
  dobs: readonly string[];
  surname: string;
  sources: readonly string[];
}

/** Current mentions (from the given sources) born on one of `dobs` or with this surname, with their person. */
export async function findCandidateMentions(db: Kysely<Database>, q: CandidateQuery): Promise<CandidateMention[]> {
  if (q.sources.length === 0) return [];
  const rows = await db
    .selectFrom('mention as m')
    .innerJoin('person_mention as pm', 'pm.record_key', 'm.natural_key')
    .select(['pm.person_id', 'm.natural_key', 'm.forename', 'm.surname', 'm.previous_names', 'm.aliases', 'm.dob', 'm.postcode'])
    .where('m.is_current', '=', true)
    .where('m.withdrawn_extract_id', 'is', null)
    .where('m.source', 'in', [...q.sources])
    .where((eb) => eb.or([eb('m.dob', 'in', [...q.dobs]), eb(sql`lower(m.surname)`, '=', q.surname.toLowerCase())]))
    .orderBy('m.natural_key')
    .limit(5000)
    .execute();
  return rows.map((r) => ({
    personId: r.person_id, recordKey: r.natural_key, forename: r.forename, surname: r.surname, previousNames: r.previous_names,
    aliases: r.aliases, dob: r.dob, postcode: r.postcode,
  }));
}
