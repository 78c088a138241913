import { expectCodeList, expectRequiredColumns, parseGood } from '../common/file-spec.testing.js';
import { SEN_CODES } from './education.codes.js';
import { pupilsFile } from './pupils.file.js';

// U820200101001: 8×2 + 2×3 + 2×5 + 1×8 + 1×10 + 1×13 = 63; 63 mod 23 = 17 → U.
const UPN = 'U820200101001';
// E82020010100A: temporary UPN; A counts 0, so 50 mod 23 = 4 → E.
const FORMER_UPN = 'E82020010100A';

const row = {
  upn: 'u820200101001',
  former_upn: FORMER_UPN,
  surname: "O'Brien",
  forename: ' Zoë ',
  middle_names: 'Mary  Ann',
  previous_names: 'ZOE SMITH|ZOË SMITH-JONES',
  dob: '04/03/2015',
  sex: 'f',
  address: '1 High Street, Leicester',
  postcode: 'le11ab',
  uprn: '100030123456',
  school_urn: '123456',
  school_name: 'Castle Primary',
  on_roll_from: '2019-09-04',
  on_roll_to: '21/07/2023',
  sen: 'k',
  fsm: 'Y',
  dsl_name: 'Pat Head',
  dsl_phone: '0116 000 0000',
  dsl_email: 'dsl@castle.example',
  ethnicity: 'not in the spec',
};

describe('pupils.csv', () => {
  it('turns a row into a mention, a residence, an enrolment event and the DSL involvement', () => {
    const result = parseGood(pupilsFile, row);
    expect(result.warnings).toEqual([]);
    const key = `education:pupils:${UPN}`;
    expect(result.records).toEqual([
      {
        kind: 'mention', naturalKey: key, asOf: '2019-09-04', surname: "O'Brien", forename: 'Zoë', middleNames: 'Mary Ann',
        previousNames: ['ZOE SMITH', 'ZOË SMITH-JONES'], aliases: [], dob: '2015-03-04', sex: 'F',
        nhsNumber: null, nhsNumberValid: null, upn: UPN, upnValid: true, formerUpn: FORMER_UPN, formerUpnValid: true,
        pncId: null, address: '1 High Street, Leicester', postcode: 'LE1 1AB', postcodeValid: true, uprn: '100030123456',
      },
      {
        kind: 'residence', naturalKey: `education:pupils:${UPN}:123456:2019-09-04`, asOf: '2019-09-04', recordKey: key,
        placeKey: null, address: '1 High Street, Leicester', postcode: 'LE1 1AB', postcodeValid: true, uprn: '100030123456',
        role: null, fromDate: '2019-09-04', toDate: '2023-07-21',
      },
      {
        kind: 'event', naturalKey: `education:enrolments:${UPN}:123456:2019-09-04`, asOf: '2019-09-04', recordKey: key,
        placeKey: null, type: 'SCHOOL_ENROLMENT', date: '2019-09-04', endDate: '2023-07-21', summary: null,
        detail: { schoolUrn: '123456', schoolName: 'Castle Primary', sen: 'K', fsm: true },
      },
      {
        kind: 'involvement', naturalKey: `education:dsl:${UPN}:123456:2019-09-04`, asOf: '2019-09-04', agency: 'education',
        recordKey: key, placeKey: null, eventKey: null, name: 'Pat Head', role: 'DESIGNATED_SAFEGUARDING_LEAD',
        team: 'Castle Primary', phone: '0116 000 0000', email: 'dsl@castle.example', fromDate: '2019-09-04', toDate: '2023-07-21',
      },
    ]);
    expect(JSON.stringify(result.records)).not.toContain('not in the spec');
  });

  it('leaves out the residence without an address and the involvement without a DSL', () => {
    const result = parseGood(pupilsFile, { ...row, address: '', postcode: ' ', uprn: '', dsl_name: '', on_roll_to: '', sen: '', fsm: '' });
    expect(result.records.map((r) => r.kind)).toEqual(['mention', 'event']);
    expect(result.records[1]).toMatchObject({ endDate: null, detail: { schoolUrn: '123456', schoolName: 'Castle Primary', sen: null, fsm: null } });
  });

  it('makes a residence from a postcode alone', () => {
    const result = parseGood(pupilsFile, { ...row, address: '', uprn: '' });
    expect(result.records[1]).toMatchObject({ kind: 'residence', address: null, postcode: 'LE1 1AB', uprn: null });
  });

  it('keeps a UPN, former UPN or postcode that fails its check, with warnings', () => {
    const result = parseGood(pupilsFile, { ...row, upn: 'A820200101001', former_upn: 'x1', postcode: 'LE1' });
    expect(result.records[0]).toMatchObject({
      naturalKey: 'education:pupils:A820200101001', upn: 'A820200101001', upnValid: false,
      formerUpn: 'X1', formerUpnValid: false, postcode: 'LE1', postcodeValid: false,
    });
    expect(result.warnings).toEqual([
      { column: 'upn', reason: 'UPN_INVALID' },
      { column: 'former_upn', reason: 'UPN_INVALID' },
      { column: 'postcode', reason: 'POSTCODE_INVALID' },
    ]);
  });

  it('requires upn, names, dob, school and on_roll_from', () => {
    expectRequiredColumns(pupilsFile, row, ['upn', 'surname', 'forename', 'dob', 'school_urn', 'school_name', 'on_roll_from']);
  });

  it('lists every other specified column as optional', () => {
    expect([...pupilsFile.optional].sort()).toEqual(
      ['former_upn', 'middle_names', 'previous_names', 'sex', 'address', 'postcode', 'uprn', 'on_roll_to', 'sen', 'fsm', 'dsl_name', 'dsl_phone', 'dsl_email'].sort(),
    );
  });

  it('accepts every SEN code and rejects others', () => {
    expectCodeList(pupilsFile, row, 'sen', SEN_CODES, (r) => (r.records[2]?.kind === 'event' ? r.records[2].detail['sen'] : undefined));
  });

  it('quarantines broken values with the column and reason', () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ surname: 'J0hn' }, 'surname', 'INVALID_NAME'],
      [{ middle_names: 'A.' }, 'middle_names', 'INVALID_NAME'],
      [{ previous_names: 'ZOE SM1TH' }, 'previous_names', 'INVALID_NAME'],
      [{ dob: '31/02/2020' }, 'dob', 'IMPOSSIBLE_DATE'],
      [{ dob: 'soon' }, 'dob', 'INVALID_DATE'],
      [{ sex: 'female' }, 'sex', 'INVALID_CODE'],
      [{ uprn: '12345678901234' }, 'uprn', 'INVALID_UPRN'],
      [{ on_roll_to: '2019-09-03' }, 'on_roll_to', 'DATE_ORDER'],
      [{ fsm: 'yes' }, 'fsm', 'INVALID_CODE'],
      [{ school_urn: '12:34' }, 'school_urn', 'INVALID_IDENTIFIER'],
      [{ upn: 'U82:200101001' }, 'upn', 'INVALID_IDENTIFIER'],
    ];
    for (const [change, column, reason] of cases) {
      expect(pupilsFile.parseRow({ ...row, ...change })).toEqual({ ok: false, column, reason });
    }
  });
});
