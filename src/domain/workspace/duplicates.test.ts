import { describe, expect, it } from 'vitest';
import { findDuplicatePeople, freeWorkspaceName, samePerson, workspaceNameTaken } from './duplicates';
import { LIMITS, type Person } from './schema';

const bo: Person = { id: 'p-1', name: 'Bo Madsen' };
const anne: Person = { id: 'p-2', name: 'Anne Holm', email: 'anne@kommune.dk' };

describe('the same person', () => {
  it('is matched by e-mail when both have one, else by the name ignoring case and surrounding spaces', () => {
    expect(samePerson({ name: ' bo madsen ' }, bo)).toBe(true);
    expect(samePerson({ name: 'Bo Madsen', email: 'bo@k.dk' }, bo)).toBe(true);
    expect(samePerson({ name: 'A. Holm', email: ' ANNE@kommune.dk' }, anne)).toBe(true);
    // two people with one name and their own e-mails are two people
    expect(samePerson({ name: 'Anne Holm', email: 'anne.holm@skole.dk' }, anne)).toBe(false);
    expect(samePerson({ name: 'Bo Madsen Jr.' }, bo)).toBe(false);
  });

  it('finds rows already in the workspace and rows that repeat an earlier row', () => {
    const found = findDuplicatePeople(
      [{ name: 'Bo Madsen' }, { name: 'Eva' }, { name: 'Anne H.', email: 'anne@kommune.dk' }, { name: 'EVA ' }, { name: 'Anne Holm', email: 'ny@k.dk' }, { name: 'Kaj', email: 'k@k.dk' }, { name: 'Kaj', email: 'kaj@k.dk' }],
      [bo, anne],
    );
    expect(found).toEqual([
      { index: 0, existing: bo },
      { index: 2, existing: anne },
      { index: 3, earlier: 1 },
    ]);
  });

  it('prefers a stored person over an earlier row as what a row repeats', () => {
    expect(findDuplicatePeople([{ name: 'bo madsen' }, { name: 'Bo Madsen' }], [bo])).toEqual([
      { index: 0, existing: bo },
      { index: 1, existing: bo },
    ]);
  });

  it('matches a whole municipality against itself, each row to its own person', () => {
    const existing = Array.from({ length: 20000 }, (_, i): Person => ({ id: `p-${i}`, name: `Person ${i}`, email: `p${i}@k.dk` }));
    const found = findDuplicatePeople(existing.map((p) => ({ name: p.name })), existing);
    expect(found).toHaveLength(20000);
    expect(found.every((d, i) => d.index === i && 'existing' in d && d.existing === existing[i])).toBe(true);
  });
});

describe('workspace names', () => {
  it('keeps a free name and gives a taken one the first free suffix', () => {
    expect(freeWorkspaceName(' Aarhus ', ['Eksempel Kommune'])).toBe('Aarhus');
    expect(freeWorkspaceName('Eksempel Kommune', ['eksempel kommune'])).toBe('Eksempel Kommune (2)');
    expect(freeWorkspaceName('Eksempel Kommune', ['Eksempel Kommune', 'Eksempel Kommune (2)', 'Eksempel Kommune (4)'])).toBe('Eksempel Kommune (3)');
    // a copy of "X (2)" is "X (3)", not "X (2) (2)"
    expect(freeWorkspaceName('Eksempel Kommune (2)', ['Eksempel Kommune', 'Eksempel Kommune (2)'])).toBe('Eksempel Kommune (3)');
  });

  it('cuts the base so the suffix stays within the name limit, never halving a character', () => {
    const long = 'x'.repeat(LIMITS.name);
    const free = freeWorkspaceName(long, [long]);
    expect(free).toBe(`${'x'.repeat(LIMITS.name - 4)} (2)`);
    expect(free.length).toBe(LIMITS.name);
    const emoji = `${'x'.repeat(LIMITS.name - 5)}😀😀`.slice(0, LIMITS.name);
    const cut = freeWorkspaceName(emoji, [emoji]);
    expect(cut.length).toBeLessThanOrEqual(LIMITS.name);
    expect(cut.isWellFormed()).toBe(true);
    expect(cut).toBe(`${'x'.repeat(LIMITS.name - 5)} (2)`);
  });

  it('says in Danish when a rename would take another workspace’s name', () => {
    expect(workspaceNameTaken(' aarhus', ['Aarhus'])).toBe('Der findes allerede et arbejdsområde med navnet »\u2068aarhus\u2069«. Vælg et andet navn, så I kan kende dem fra hinanden.');
    expect(workspaceNameTaken('Aalborg', ['Aarhus'])).toBeNull();
  });
});
