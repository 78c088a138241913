/**
 * Gathers a subject child's family from the store, limited to what the trawl may search:
 * finds the members (stated relationships, shared parents, co-residence, domestic-abuse
 * incidents the child was present at), then reads every member's records. SQL stays in
 * `family.repository.ts`; the decisions are the pure modules beside this one.
 */
import { isEventIncluded, isEventLimited, isSourceIncluded, sourceOfKey, type SearchScope } from '../trawl/access-policy.js';
import type { FamilyFacts, MemberFacts } from './family-facts.js';
import { assembleFamily, parentFigures, type IncidentParty } from './family-assembly.js';
import type { EventFact, PersonLink, PlaceFact, RelationshipFact } from './family-records.js';
import type { FamilyReads } from './family-reads.js';
import { coResidents, normalisePostcode, toDwelling, type Window } from './household.js';
import { personProfile } from './person-profile.js';

export interface FamilyGathering {
  facts: FamilyFacts;
  /** Relationship rows between members, resolved to people. */
  links: PersonLink[];
  household: ReadonlySet<string>;
  previousNames: ReadonlyMap<string, string[]>;
}

function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/**
 * The record keys among `keys` the scope lets the trawl see. For a source limited to some event
 * types (police under early help: anti-social behaviour only) a person record is seen only when
 * it takes part in, or is the subject of, an event that is searched.
 */
export async function visibleKeys(reads: FamilyReads, keys: readonly string[], scope: SearchScope): Promise<string[]> {
  const included = unique(keys).filter((k) => {
    const source = sourceOfKey(k);
    return source !== null && isSourceIncluded(scope, source);
  });
  const limited = included.filter((k) => isEventLimited(scope, sourceOfKey(k)!));
  if (limited.length === 0) return included.sort();
  const parties = await reads.partiesFor({ recordKeys: limited, eventKeys: [] });
  const events = await reads.eventsFor({ recordKeys: limited, placeKeys: [], eventKeys: parties.map((p) => p.eventKey) });
  const searched = new Set(events.filter((e) => isEventIncluded(scope, e.source, e.type)).map((e) => e.key));
  const allowed = new Set([
    ...parties.filter((p) => searched.has(p.eventKey)).map((p) => p.recordKey),
    ...events.filter((e) => searched.has(e.key) && e.recordKey !== null).map((e) => e.recordKey!),
  ]);
  return included.filter((k) => !isEventLimited(scope, sourceOfKey(k)!) || allowed.has(k)).sort();
}

function relationshipIncluded(r: RelationshipFact, scope: SearchScope): boolean {
  return isSourceIncluded(scope, r.source) && !isEventLimited(scope, r.source);
}

function toLinks(rows: readonly RelationshipFact[], personOf: ReadonlyMap<string, string>): PersonLink[] {
  const links: PersonLink[] = [];
  for (const r of rows) {
    const from = personOf.get(r.fromKey);
    const to = personOf.get(r.toKey);
    if (from === undefined || to === undefined || from === to) continue;
    links.push({ from, to, type: r.type, evidence: r.key });
  }
  return links;
}

export async function gatherFamily(
  reads: FamilyReads,
  subject: string,
  scope: SearchScope,
  window: Window,
  today: string,
): Promise<FamilyGathering> {
  const subjectKeys = await visibleKeys(reads, (await reads.keysOfPersons([subject])).map((r) => r.recordKey), scope);

  // Ring 1: the subject's stated relationships.
  const rel1 = (await reads.relationshipsTouching(subjectKeys)).filter((r) => relationshipIncluded(r, scope));

  // Domestic abuse incidents the subject was present at, and their parties.
  const subjectParties = await reads.partiesFor({ recordKeys: subjectKeys, eventKeys: [] });
  const presentAt = subjectParties.filter((p) => p.role === 'CHILD_PRESENT').map((p) => p.eventKey);
  const abuseEvents = (await reads.eventsFor({ recordKeys: [], placeKeys: [], eventKeys: presentAt })).filter(
    (e) => e.type === 'DOMESTIC_ABUSE' && isEventIncluded(scope, e.source, e.type),
  );
  const abuseParties = await reads.partiesFor({ recordKeys: [], eventKeys: abuseEvents.map((e) => e.key) });

  // Co-residence: the subject's addresses, then everyone recorded at them.
  const subjectResidences = (await reads.residencesOf(subjectKeys)).filter((r) => isSourceIncluded(scope, r.source));
  const subjectPlaces = await reads.placesOf(unique(subjectResidences.flatMap((r) => (r.placeKey === null ? [] : [r.placeKey]))));
  const placeMap = new Map<string, PlaceFact>(subjectPlaces.map((p) => [p.key, p] as const));
  const subjectDwellings = subjectResidences.map((r) => toDwelling(r, placeMap));
  const uprns = unique(subjectDwellings.flatMap((d) => (d.uprn === null ? [] : [d.uprn])));
  const postcodes = unique(subjectDwellings.flatMap((d) => (d.postcode === null ? [] : [d.postcode])));
  const samePlaces = isSourceIncluded(scope, 'housing') ? await reads.placesAt({ uprns, postcodes }) : [];
  for (const p of samePlaces) placeMap.set(p.key, p);
  const candidates = (
    await reads.residencesAt({
      placeKeys: unique([...subjectPlaces, ...samePlaces].map((p) => p.key)),
      uprns,
      postcodes: unique(postcodes.flatMap((p) => [p, normalisePostcode(p) ?? p])),
    })
  ).filter((r) => isSourceIncluded(scope, r.source));
  const missingPlaces = unique(candidates.flatMap((r) => (r.placeKey !== null && !placeMap.has(r.placeKey) ? [r.placeKey] : [])));
  for (const p of await reads.placesOf(missingPlaces)) placeMap.set(p.key, p);
  const living = coResidents(subjectDwellings, candidates.map((r) => toDwelling(r, placeMap)), window);
  const livingKeys = await visibleKeys(reads, [...living.keys()], scope);

  const abusePartyKeys = await visibleKeys(reads, abuseParties.map((p) => p.recordKey), scope);
  const ring1Keys = await visibleKeys(reads, rel1.flatMap((r) => [r.fromKey, r.toKey]), scope);
  const personOf = await reads.personIdsOfKeys([...subjectKeys, ...ring1Keys, ...abusePartyKeys, ...livingKeys]);
  for (const k of subjectKeys) personOf.set(k, subject);

  // Ring 2: the relationships of the subject's parents and carers.
  const visible1 = new Set([...subjectKeys, ...ring1Keys]);
  const links1 = toLinks(rel1.filter((r) => visible1.has(r.fromKey) && visible1.has(r.toKey)), personOf);
  const figures = parentFigures(subject, links1);
  const figureKeys = await visibleKeys(reads, (await reads.keysOfPersons(figures)).map((r) => r.recordKey), scope);
  const rel2 = (await reads.relationshipsTouching(figureKeys)).filter((r) => relationshipIncluded(r, scope));
  const ring2Keys = await visibleKeys(reads, rel2.flatMap((r) => [r.fromKey, r.toKey]), scope);
  for (const [k, p] of await reads.personIdsOfKeys([...figureKeys, ...ring2Keys])) if (!personOf.has(k)) personOf.set(k, p);
  const visible2 = new Set([...visible1, ...figureKeys, ...ring2Keys]);
  const linkRows = unique([...rel1, ...rel2]).filter((r) => visible2.has(r.fromKey) && visible2.has(r.toKey));
  const links = toLinks(
    linkRows.filter((r, i) => linkRows.findIndex((x) => x.key === r.key) === i),
    personOf,
  );

  // Sexes of the people the links name (grandmother or grandfather).
  const linked = unique(links.flatMap((l) => [l.from, l.to]));
  const linkedKeys = await visibleKeys(reads, (await reads.keysOfPersons(linked)).map((r) => r.recordKey), scope);
  const linkedMentions = await reads.mentionsOf(linkedKeys);
  const keyPerson = await reads.personIdsOfKeys(linkedKeys);
  const sexOf = (personId: string) =>
    personProfile(linkedMentions.filter((m) => keyPerson.get(m.recordKey) === personId)).sex;

  const coResidentPeople = new Set(livingKeys.flatMap((k) => (personOf.get(k) === undefined ? [] : [personOf.get(k)!])));
  coResidentPeople.delete(subject);
  const abuse: IncidentParty[] = abuseParties.flatMap((p) => {
    const personId = abusePartyKeys.includes(p.recordKey) ? personOf.get(p.recordKey) : undefined;
    return personId === undefined ? [] : [{ eventKey: p.eventKey, personId, role: p.role }];
  });
  const memberships = assembleFamily({ subject, links, coResidents: coResidentPeople, abuseIncidentParties: abuse, sexOf });

  // Every member's records.
  const memberIds = memberships.map((m) => m.personId);
  const keyRows = await reads.keysOfPersons(memberIds);
  const memberKeys = await visibleKeys(reads, keyRows.map((r) => r.recordKey), scope);
  const visibleSet = new Set(memberKeys);
  const personOfKey = new Map<string, string>();
  for (const r of keyRows) if (visibleSet.has(r.recordKey)) personOfKey.set(r.recordKey, r.personId);
  const mentions = await reads.mentionsOf(memberKeys);
  const residences = (await reads.residencesOf(memberKeys)).filter((r) => isSourceIncluded(scope, r.source));
  const placeKeys = unique(residences.flatMap((r) => (r.placeKey === null ? [] : [r.placeKey])));
  const places = new Map((await reads.placesOf(placeKeys)).map((p) => [p.key, p] as const));
  const memberParties = await reads.partiesFor({ recordKeys: memberKeys, eventKeys: [] });
  const rawEvents = await reads.eventsFor({ recordKeys: memberKeys, placeKeys, eventKeys: memberParties.map((p) => p.eventKey) });
  const events: EventFact[] = rawEvents.filter((e) => isEventIncluded(scope, e.source, e.type));
  const eventKeys = new Set(events.map((e) => e.key));
  const parties = (await reads.partiesFor({ recordKeys: [], eventKeys: [...eventKeys] })).filter((p) => eventKeys.has(p.eventKey));
  const involvements = (await reads.involvementsFor({ recordKeys: memberKeys, placeKeys, eventKeys: [...eventKeys] })).filter(
    (i) =>
      isSourceIncluded(scope, i.agency) &&
      (i.eventKey === null || eventKeys.has(i.eventKey)) &&
      (!isEventLimited(scope, i.agency as never) || (i.eventKey !== null && eventKeys.has(i.eventKey))),
  );

  const members: MemberFacts[] = [];
  const previousNames = new Map<string, string[]>();
  for (const m of memberships) {
    const recordKeys = memberKeys.filter((k) => personOfKey.get(k) === m.personId);
    if (recordKeys.length === 0) continue;
    const profile = personProfile(mentions.filter((x) => personOfKey.get(x.recordKey) === m.personId));
    members.push({
      personId: m.personId, name: profile.name, dob: profile.dob, sex: profile.sex, relationshipToSubject: m.relationshipToSubject,
      recordKeys,
    });
    previousNames.set(m.personId, profile.previousNames);
  }
  const memberSet = new Set(members.map((m) => m.personId));
  return {
    facts: {
      subject, window, today, members, personOfKey, mentions, events, parties, residences, places, involvements,
    },
    links: links.filter((l) => memberSet.has(l.from) && memberSet.has(l.to)),
    household: new Set(memberships.filter((m) => m.household && memberSet.has(m.personId)).map((m) => m.personId)),
    previousNames,
  };
}
