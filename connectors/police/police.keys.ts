/** Record keys for police records. */

export function nominalKey(nominalId: string): string {
  return `police:nominals:${nominalId}`;
}

export function incidentKey(incidentRef: string): string {
  return `police:incidents:${incidentRef}`;
}
