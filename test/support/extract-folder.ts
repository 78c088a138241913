import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Writes an extract folder from file name -> content (string or bytes) and returns its path. */
export function writeExtract(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-extract-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

const PEOPLE_HEADER = 'person_id,surname,forename,previous_names,dob,sex,nhs_number,upn,address,postcode,uprn';
const EPISODES_HEADER = 'episode_id,person_id,type,start_date,end_date,detail,worker_name,worker_role,worker_team,worker_phone,worker_email';

/** A social-care extract folder of these `people.csv` and `episodes.csv` rows (headers added). */
export function writeSocialCareExtract(people: string[], episodes: string[]): string {
  return writeExtract({
    'people.csv': [PEOPLE_HEADER, ...people].join('\n') + '\n',
    'episodes.csv': [EPISODES_HEADER, ...episodes].join('\n') + '\n',
  });
}
