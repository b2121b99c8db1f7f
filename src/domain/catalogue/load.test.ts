import { describe, expect, it } from 'vitest';
import { parseCatalogue } from './load';
import { makeCatalogue, makeRole } from './fixtures';

function expectError(json: unknown) {
  const result = parseCatalogue(json);
  if (result.ok) throw new Error('expected the catalogue to be rejected');
  return result.error;
}

describe('parseCatalogue', () => {
  it('accepts a valid catalogue', () => {
    const result = parseCatalogue(makeCatalogue());
    expect(result.ok).toBe(true);
  });

  it('rejects something that is not a catalogue', () => {
    expect(expectError({ format: 'rollekort-workspace' }).kind).toBe('not-a-catalogue');
    expect(expectError(null).kind).toBe('not-a-catalogue');
    expect(expectError([1, 2]).kind).toBe('not-a-catalogue');
  });

  it('rejects a newer format version with a Danish message', () => {
    const error = expectError({ ...makeCatalogue(), formatVersion: 2 });
    expect(error.kind).toBe('newer-format');
    expect(error.message).toContain('Opdatér Rollekort');
  });

  it('names the path of a bad mark', () => {
    const role = makeRole({ tasks: [{ text: 'Opgave', implementering: 'x' as 'X', drift: '' }] });
    const error = expectError(makeCatalogue({ roles: [role] }));
    expect(error.kind).toBe('invalid');
    expect(error.path).toBe('roles[0].tasks[0].implementering');
    expect(error.message).toMatch(/^roles\[0\]\.tasks\[0\]\.implementering: ugyldig værdi/);
  });

  it('rejects a role without tasks', () => {
    const error = expectError(makeCatalogue({ roles: [makeRole({ tasks: [] })] }));
    expect(error.path).toBe('roles[0].tasks');
    expect(error.message).toContain('mindst én opgave');
  });

  it('rejects unknown fields', () => {
    const error = expectError({ ...makeCatalogue(), extra: 1 });
    expect(error.message).toContain('ukendt');
  });

  it('rejects a relation to a role that does not exist', () => {
    const cat = makeCatalogue();
    const error = expectError({
      ...cat,
      relations: [{ id: 'r1', from: 'projektejer', to: 'findes-ikke', type: 'afloeses-af', quote: 'q' }],
    });
    expect(error).toMatchObject({ kind: 'broken-reference', path: 'relations[0].to' });
    expect(error.message).toContain('findes-ikke');
  });

  it('rejects duplicate role ids', () => {
    const error = expectError(makeCatalogue({ roles: [makeRole(), makeRole()] }));
    expect(error).toMatchObject({ kind: 'broken-reference', path: 'roles[1].id' });
  });

  it('rejects a lifecycle that names an unknown phase', () => {
    const role = makeRole();
    const bad = makeRole({ id: 'systemejer', lifecycle: { ...role.lifecycle, activeFrom: 'fase-9' } });
    const error = expectError(makeCatalogue({ roles: [role, bad] }));
    expect(error.path).toBe('roles[1].lifecycle.activeFrom');
  });
});
