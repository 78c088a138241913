/** Record keys for education records (see the extract specification, "Record keys"). */

export function pupilKey(upn: string): string {
  return `education:pupils:${upn}`;
}

export function carerKey(contactId: string): string {
  return `education:carers:${contactId}`;
}
