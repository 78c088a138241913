import { expectCodeList, expectRequiredColumns, parseGood } from '../common/file-spec.testing.js';
import { incidentNominalsFile } from './incident-nominals.file.js';
import { NOMINAL_ROLES } from './police.codes.js';

const row = { incident_ref: 'I2023-001', nominal_id: 'N42', role: 'perpetrator' };

describe('incident_nominals.csv', () => {
  it('turns a row into an event party', () => {
    expect(parseGood(incidentNominalsFile, row).records).toEqual([
      {
        kind: 'event_party', naturalKey: 'police:incidents:I2023-001:N42:PERPETRATOR', asOf: null,
        eventKey: 'police:incidents:I2023-001', recordKey: 'police:nominals:N42', role: 'PERPETRATOR',
      },
    ]);
  });

  it('requires all three columns', () => {
    expectRequiredColumns(incidentNominalsFile, row, ['incident_ref', 'nominal_id', 'role']);
    expect(incidentNominalsFile.optional).toEqual([]);
  });

  it('accepts every role and rejects others', () => {
    expectCodeList(incidentNominalsFile, row, 'role', NOMINAL_ROLES, (r) => (r.records[0]?.kind === 'event_party' ? r.records[0].role : undefined));
  });
});
