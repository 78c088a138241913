/** Record keys for housing records. */

export function tenancyKey(tenancyRef: string): string {
  return `housing:tenancies:${tenancyRef}`;
}

export function occupantKey(personRef: string): string {
  return `housing:occupants:${personRef}`;
}
