import { describe, expect, it } from 'vitest';
import { displayName } from './display-name';
import { shippedCatalogue } from './fixtures';

describe('displayName', () => {
  const cat = shippedCatalogue();

  it('shows the common spelling where the source misspells a role, and keeps the source’s', () => {
    const oir = cat.roles.find((r) => r.id === 'oir-koordinator')!;
    expect(oir.name).toBe('ØiR-kordinator');
    expect(displayName(oir)).toEqual({ name: 'ØiR-koordinator', sourceSpelling: 'ØiR-kordinator', note: expect.stringContaining('ØiR-kordinator') });
  });

  it('leaves every other role’s name as the catalogue has it', () => {
    const changed = cat.roles.filter((r) => displayName(r).name !== r.name).map((r) => r.id);
    expect(changed).toEqual(['oir-koordinator']);
  });
});
