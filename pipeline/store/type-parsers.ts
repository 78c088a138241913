/**
 * One set of value parsers for both modes, so `pg` and PGlite hand back identical values:
 * dates stay `YYYY-MM-DD` strings (pg would make a local-midnight Date, shifted under
 * Europe/London), timestamps become ISO strings, int8 and numeric become numbers.
 */
export const OID = {
  int8: 20,
  numeric: 1700,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
} as const;

function timestampToIso(text: string): string {
  // Sessions run with TimeZone=UTC; the text form is `2026-11-22 07:38:19.123+00`.
  const iso = text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  return new Date(iso.endsWith('Z') || /[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`).toISOString();
}

export const TYPE_PARSERS: Record<number, (text: string) => unknown> = {
  [OID.int8]: (text) => Number(text),
  [OID.numeric]: (text) => Number(text),
  [OID.date]: (text) => text,
  [OID.timestamp]: timestampToIso,
  [OID.timestamptz]: timestampToIso,
};
