/** Record keys for health records. */

/** `nhsNumber` as the reader returns it: whitespace removed. */
export function patientKey(nhsNumber: string): string {
  return `health:patients:${nhsNumber}`;
}
