import { describe, expect, it } from 'vitest';
import { nameParts } from './name-breaks';

describe('nameParts', () => {
  it('cuts long compounds before their last parts and keeps the text whole', () => {
    expect(nameParts('Fordelingskomponentadministrator')).toEqual(['Fordelings', 'komponent', 'administrator']);
    expect(nameParts('Systemansvarlig opkrævningssystemet (ØiR debitor)').join('')).toBe('Systemansvarlig opkrævningssystemet (ØiR debitor)');
    expect(nameParts('Systemejer (it-systemet)')).toEqual(['System', 'ejer (it-systemet)']);
    expect(nameParts('Klassifikations-/sortimentsadministrator')).toEqual(['Klassifikations-/', 'sortiments', 'administrator']);
  });

  it('leaves short words alone', () => {
    expect(nameParts('Projektejer')).toEqual(['Projekt', 'ejer']);
    expect(nameParts('Superbruger')).toEqual(['Superbruger']);
  });
});
