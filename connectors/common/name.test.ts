import { parseName, parseNameList } from './name.js';

describe('parseName', () => {
  it('accepts letters from any script, apostrophes, hyphens and spaces', () => {
    for (const name of ["O'Brien", 'O’Brien', 'Smith-Jones', 'Zoë', 'Nguyễn', 'Mary Ann', 'Łukasz', 'Ἀθηνᾶ', 'José']) {
      expect(parseName(name, 'surname')).toEqual({ ok: true, value: name });
    }
  });

  it('accepts combining marks and returns the composed form', () => {
    const decomposed = 'Zoe\u0308';
    expect(parseName(decomposed, 'forename')).toEqual({ ok: true, value: 'Zoë' });
  });

  it('trims and collapses internal whitespace', () => {
    expect(parseName('  Mary \t  Ann  ', 'forename')).toEqual({ ok: true, value: 'Mary Ann' });
  });

  it('reads blank as unknown', () => {
    expect(parseName('  ', 'forename')).toEqual({ ok: true, value: null });
    expect(parseName(undefined, 'forename')).toEqual({ ok: true, value: null });
  });

  it('rejects digits, other punctuation and letterless values as INVALID_NAME', () => {
    for (const value of ['J0hn', 'Smith.', 'Ann/Mary', 'Smith,John', "'", '-', 'Bob!']) {
      expect(parseName(value, 'surname')).toEqual({ ok: false, column: 'surname', reason: 'INVALID_NAME' });
    }
  });
});

describe('parseNameList', () => {
  it('splits |-separated full names, trimming each and dropping empty parts', () => {
    expect(parseNameList('JANE SMITH | Jane  O’Brien||', 'previous_names')).toEqual({
      ok: true,
      value: ['JANE SMITH', 'Jane O’Brien'],
    });
  });

  it('reads blank as no names', () => {
    expect(parseNameList('', 'aliases')).toEqual({ ok: true, value: [] });
    expect(parseNameList(undefined, 'aliases')).toEqual({ ok: true, value: [] });
  });

  it('rejects the list when any name is invalid', () => {
    expect(parseNameList('JANE SMITH|J0HN SMITH', 'aliases')).toEqual({ ok: false, column: 'aliases', reason: 'INVALID_NAME' });
  });
});
