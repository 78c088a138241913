import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SOURCES, type Source } from '../../schemas/canonical.js';
import { NO_EXTRACT_REASON, authorise, isEventIncluded, searchScope, sourceOfKey } from './access-policy.js';
import { DataSharingAgreementError, loadDataSharingAgreement, parseDataSharingAgreement } from './data-sharing-agreement.js';

const dsa = loadDataSharingAgreement({});
const ALL = new Set<Source>(SOURCES);

describe('authorise (deny by default)', () => {
  it.each([
    ['analyst', 'mash', 'Section 47', true],
    ['analyst', 'early-help', null, true],
    ['coordinator', 'early-help', null, true],
    ['coordinator', 'mash', 'Section 47', false],
    ['admin', 'early-help', null, false],
    ['admin', 'mash', 'Section 47', false],
  ] as const)('%s may run %s: %s', (role, purpose, lawfulBasis, granted) => {
    expect(authorise(dsa, role, { purpose, consent: 'none', lawfulBasis }).granted).toBe(granted);
  });

  it('refuses an unknown user and a MASH trawl with no lawful basis', () => {
    expect(authorise(dsa, null, { purpose: 'early-help', consent: 'written', lawfulBasis: null })).toEqual({ granted: false, reason: 'UNKNOWN_USER' });
    expect(authorise(dsa, 'analyst', { purpose: 'mash', consent: 'written', lawfulBasis: ' ' })).toEqual({
      granted: false, reason: 'LAWFUL_BASIS_REQUIRED',
    });
  });
});

describe('searchScope', () => {
  it('early help without written consent withholds health and limits police to anti-social behaviour', () => {
    for (const consent of ['none', 'verbal'] as const) {
      const scope = searchScope(dsa, { purpose: 'early-help', consent, lawfulBasis: null }, ALL);
      expect(scope.included).toEqual(['education', 'housing', 'police', 'social_care']);
      expect(scope.withheld).toEqual([{ source: 'health', reason: "Health is shared for early help only with the family's written consent" }]);
      expect(isEventIncluded(scope, 'police', 'ASB')).toBe(true);
      expect(isEventIncluded(scope, 'police', 'DOMESTIC_ABUSE')).toBe(false);
      expect(isEventIncluded(scope, 'health', 'HV_VISIT')).toBe(false);
      expect(isEventIncluded(scope, 'social_care', 'YOUTH_JUSTICE')).toBe(true);
    }
  });

  it('early help with written consent searches health', () => {
    const scope = searchScope(dsa, { purpose: 'early-help', consent: 'written', lawfulBasis: null }, ALL);
    expect(scope.included).toEqual([...SOURCES]);
  });

  it('MASH searches health with written consent or a child protection lawful basis', () => {
    const scope = (consent: 'none' | 'written', lawfulBasis: string) => searchScope(dsa, { purpose: 'mash', consent, lawfulBasis }, ALL);
    expect(scope('written', 'Crime and Disorder Act s.115').included).toContain('health');
    expect(scope('none', 'Section 47 enquiry, Children Act 1989').included).toContain('health');
    expect(scope('none', 'Children Act 1989 s47').included).toContain('health');
    expect(scope('none', 'risk of significant harm').included).toContain('health');
    expect(scope('none', 'Child protection strategy discussion').included).toContain('health');
    expect(scope('none', 'Prevention of crime').withheld.map((w) => w.source)).toEqual(['health']);
    expect(scope('none', 'Section 17').withheld.map((w) => w.source)).toEqual(['health']);
    expect(isEventIncluded(scope('none', 'x'), 'police', 'DOMESTIC_ABUSE')).toBe(true);
  });

  it('says a source nobody loaded was not searched', () => {
    const scope = searchScope(dsa, { purpose: 'mash', consent: 'written', lawfulBasis: 'x' }, new Set<Source>(['education', 'police']));
    expect(scope.included).toEqual(['education', 'police']);
    expect(scope.withheld).toEqual(['housing', 'social_care', 'health'].map((source) => ({ source, reason: NO_EXTRACT_REASON })));
  });

  it('reads the source of a record key', () => {
    expect(sourceOfKey('social_care:people:5')).toBe('social_care');
    expect(sourceOfKey('nonsense:x:1')).toBeNull();
  });
});

describe('the data sharing agreement file', () => {
  it('can be replaced with MASH_DSA_FILE; a source it does not list is never searched', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-dsa-'));
    const file = path.join(dir, 'dsa.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        version: 'test',
        roles: { analyst: { purposes: ['mash'] }, coordinator: { purposes: [] }, admin: { purposes: [] } },
        purposes: {
          'early-help': { sources: {} },
          mash: { requiresLawfulBasis: true, sources: { education: { include: 'always' } } },
        },
      }),
    );
    const custom = loadDataSharingAgreement({ MASH_DSA_FILE: file });
    expect(custom.version).toBe('test');
    expect(authorise(custom, 'coordinator', { purpose: 'early-help', consent: 'written', lawfulBasis: null }).granted).toBe(false);
    const scope = searchScope(custom, { purpose: 'mash', consent: 'written', lawfulBasis: 'x' }, ALL);
    expect(scope.included).toEqual(['education']);
    expect(scope.withheld[0]).toEqual({ source: 'housing', reason: 'Not listed in the data sharing agreement for this purpose' });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rejects a malformed agreement, naming the place, not the value', () => {
    expect(() => parseDataSharingAgreement({ version: 'x', roles: {} }, 'f.json')).toThrow(DataSharingAgreementError);
    expect(() =>
      parseDataSharingAgreement(
        {
          version: 'x',
          roles: { analyst: { purposes: ['mash'] }, coordinator: { purposes: [] }, admin: { purposes: [] } },
          purposes: { 'early-help': { sources: {} }, mash: { sources: { health: { include: 'sometimes' } } } },
        },
        'f.json',
      ),
    ).toThrow(/purposes\.mash\.sources\.health/);
  });
});
