import { areNameVariants, nicknameGroups, NICKNAME_GROUP_COUNT } from './nickname.index.js';

describe('nickname table', () => {
  it('has at least 80 groups', () => {
    expect(NICKNAME_GROUP_COUNT).toBeGreaterThanOrEqual(80);
  });

  it.each([
    ['william', 'bill'], ['william', 'liam'], ['robert', 'bobby'], ['elizabeth', 'betty'],
    ['margaret', 'peggy'], ['katherine', 'catherine'], ['catherine', 'kate'], ['mohammed', 'muhammad'],
    ['mohamed', 'mohammad'], ['katarzyna', 'kasia'], ['aleksander', 'olek'], ['alexander', 'alex'],
    ['james', 'jimmy'], ['jonathan', 'jon'], ['jack', 'john'], ['harry', 'henry'], ['zoe', 'zoe'],
    ['alexandra', 'sasha'], ['samantha', 'sam'], ['samuel', 'sam'], ['richard', 'dick'],
  ])('%s ~ %s', (a, b) => {
    expect(areNameVariants(a, b)).toBe(true);
    expect(areNameVariants(b, a)).toBe(true);
  });

  it('lets a name sit in several groups', () => {
    expect(nicknameGroups('alex').length).toBeGreaterThanOrEqual(2);
    expect(nicknameGroups('sam').length).toBeGreaterThanOrEqual(2);
  });

  it('does not join unrelated names', () => {
    expect(areNameVariants('samuel', 'samantha')).toBe(false);
    expect(areNameVariants('william', 'robert')).toBe(false);
    expect(areNameVariants('zebedee', 'zeb')).toBe(false);
  });
});
