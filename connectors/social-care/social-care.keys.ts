/** Record keys for social care records. */

export function personKey(personId: string): string {
  return `social_care:people:${personId}`;
}
