import { SOURCES } from '../schemas/canonical.js';
import { CONNECTORS, connectorFor } from './index.js';

describe('connectors', () => {
  it('has one connector per source, named for it', () => {
    for (const source of SOURCES) {
      expect(connectorFor(source)).toBe(CONNECTORS[source]);
      expect(connectorFor(source).source).toBe(source);
    }
  });

  it('accepts exactly the files of the extract specification', () => {
    const files = Object.fromEntries(SOURCES.map((s) => [s, connectorFor(s).files.map((f) => f.name)]));
    expect(files).toEqual({
      education: ['pupils.csv', 'attendance.csv', 'exclusions.csv', 'carers.csv'],
      housing: ['tenancies.csv', 'occupants.csv', 'events.csv'],
      police: ['nominals.csv', 'incidents.csv', 'incident_nominals.csv'],
      social_care: ['people.csv', 'referrals.csv', 'episodes.csv', 'relationships.csv'],
      health: ['patients.csv', 'contacts.csv'],
    });
  });

  it('declares lower-case column names, none both required and optional', () => {
    for (const source of SOURCES) {
      for (const file of connectorFor(source).files) {
        const all = [...file.required, ...file.optional];
        expect(new Set(all).size).toBe(all.length);
        for (const column of all) expect(column).toMatch(/^[a-z_]+$/);
      }
    }
  });
});
