import { expectRequiredColumns, parseGood } from '../common/file-spec.testing.js';
import { nominalsFile } from './nominals.file.js';

const row = {
  nominal_id: 'N42',
  surname: 'Smith',
  forename: 'John',
  aliases: 'JOHNNY SMITH | JON SMYTH',
  dob: '12/12/1985',
  sex: 'm',
  address: '4 Hill Close',
  postcode: 'SW1A 2AA',
  pnc_id: '85/123456X',
  custody_notes: 'never carried',
};

describe('nominals.csv', () => {
  it('turns a row into a mention', () => {
    const result = parseGood(nominalsFile, row);
    expect(result.records).toEqual([
      {
        kind: 'mention', naturalKey: 'police:nominals:N42', asOf: null, surname: 'Smith', forename: 'John', middleNames: null,
        previousNames: [], aliases: ['JOHNNY SMITH', 'JON SMYTH'], dob: '1985-12-12', sex: 'M', nhsNumber: null,
        nhsNumberValid: null, upn: null, upnValid: null, formerUpn: null, formerUpnValid: null, pncId: '85/123456X',
        address: '4 Hill Close', postcode: 'SW1A 2AA', postcodeValid: true, uprn: null,
      },
    ]);
    expect(JSON.stringify(result)).not.toContain('never carried');
  });

  it('requires nominal_id only', () => {
    expectRequiredColumns(nominalsFile, row, ['nominal_id']);
    expect([...nominalsFile.optional].sort()).toEqual(['surname', 'forename', 'aliases', 'dob', 'sex', 'address', 'postcode', 'pnc_id'].sort());
    expect(parseGood(nominalsFile, { nominal_id: 'N1' }).records[0]).toMatchObject({ surname: null, aliases: [], sex: 'U', pncId: null });
  });

  it('rejects a bad alias', () => {
    expect(nominalsFile.parseRow({ ...row, aliases: 'JOHN|B1G JOHN' })).toEqual({ ok: false, column: 'aliases', reason: 'INVALID_NAME' });
  });
});
