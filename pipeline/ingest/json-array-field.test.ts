import { copyField } from './copy-csv.js';
import { jsonArrayField } from './json-array-field.js';

describe('jsonArrayField', () => {
  it.each([
    [[]],
    [['']],
    [['plain', 'Two words', '2024-01-01', '']],
    [['with "quote"', 'back\\slash', 'comma,', 'line\nbreak', 'tab\t', '\u0001']],
    [['Zoë', 'Nguyễn', '😀', '\ud800 lone']],
  ])('is the COPY CSV field of JSON.stringify(%j)', (values: string[]) => {
    expect(jsonArrayField(values).csv).toBe(copyField(JSON.stringify(values)));
  });
});
