import fs from 'node:fs';
import path from 'node:path';

/** Writes a large, valid-looking pupils.csv or incidents.csv for the ingest benchmark (deterministic). */

const FORENAMES = ['Olivia', 'Noah', 'Amelia', 'Muhammad', 'Isla', 'George', 'Ava', 'Leo', 'Zoë', 'Oscar', 'Freya', 'Arthur'];
const SURNAMES = ['Smith', 'Jones', "O'Brien", 'Smith-Jones', 'Nguyễn', 'Patel', 'Khan', 'Williams', 'Brown', 'Taylor'];
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

function upn(n: number): string {
  const body = `8561234${String(10 + (n % 80)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`.slice(0, 12);
  const tail = body.slice(0, 9) + String(Math.floor(n / 1000) % 1000).padStart(3, '0');
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(tail[i]) * (i + 2);
  return UPN_LETTERS[sum % 23] + tail;
}

function date(n: number, base: number): string {
  const d = new Date(Date.UTC(base, 0, 1) + (n % 3650) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

async function writeLines(file: string, header: string, rows: number, row: (i: number) => string): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const out = fs.createWriteStream(file);
  let chunk = `${header}\n`;
  for (let i = 0; i < rows; i++) {
    chunk += `${row(i)}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise<void>((resolve) => out.on('finish', () => resolve()));
}

export function writePupils(file: string, rows: number): Promise<void> {
  return writeLines(
    file,
    'upn,former_upn,surname,forename,middle_names,previous_names,dob,sex,address,postcode,uprn,school_urn,school_name,on_roll_from,on_roll_to,sen,fsm,dsl_name,dsl_phone,dsl_email',
    rows,
    (i) =>
      [
        upn(i), '', SURNAMES[i % 10], FORENAMES[i % 12], '', i % 17 === 0 ? 'Amy Old|Amy Older' : '',
        date(i * 7, 2008), i % 2 ? 'F' : 'M', `"${i % 200} High Street, Loughborough"`, `LE${1 + (i % 19)} ${i % 9}AB`,
        String(100000 + i), String(100000 + (i % 400)), `School ${i % 400}`, date(i % 3000, 2015), i % 5 ? '' : date((i % 3000) + 300, 2015),
        'NKE'[i % 3], i % 4 ? 'N' : 'Y', 'Dana Lead', '0116 496 0000', 'dsl@school.example',
      ].join(','),
  );
}

export function writeIncidents(file: string, rows: number): Promise<void> {
  const categories = ['DOMESTIC_ABUSE', 'ASB', 'MISSING_PERSON', 'VIOLENCE', 'DRUGS', 'THEFT', 'OTHER'];
  return writeLines(
    file,
    'incident_ref,date,category,postcode,summary,risk,officer_name,officer_id,officer_email',
    rows,
    (i) =>
      [
        `INC${String(i).padStart(8, '0')}`, date(i, 2018), categories[i % 7], `NG${1 + (i % 20)} ${i % 9}XY`,
        '"Call to address, words exchanged"', i % 7 === 0 ? 'MEDIUM' : '', 'PC Example', `E${i % 900}`, 'pc@police.example',
      ].join(','),
  );
}
