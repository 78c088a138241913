import { expectCodeList, expectRequiredColumns, parseGood } from '../common/file-spec.testing.js';
import { relationshipsFile } from './relationships.file.js';
import { RELATIONSHIP_TYPES } from './social-care.codes.js';

const row = { person_id: 'SC1', related_person_id: 'SC2', relationship: 'mother' };

describe('relationships.csv', () => {
  it('turns a row into a relationship: related person is the MOTHER of person', () => {
    expect(parseGood(relationshipsFile, row).records).toEqual([
      {
        kind: 'relationship', naturalKey: 'social_care:relationships:SC1:SC2:MOTHER', asOf: null,
        fromKey: 'social_care:people:SC1', toKey: 'social_care:people:SC2', type: 'MOTHER', detail: {},
      },
    ]);
  });

  it('requires all three columns', () => {
    expectRequiredColumns(relationshipsFile, row, ['person_id', 'related_person_id', 'relationship']);
    expect(relationshipsFile.optional).toEqual([]);
  });

  it('accepts every relationship and rejects others', () => {
    expectCodeList(relationshipsFile, row, 'relationship', RELATIONSHIP_TYPES, (r) =>
      r.records[0]?.kind === 'relationship' ? r.records[0].type : undefined,
    );
  });
});
