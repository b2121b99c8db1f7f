import { describe, expect, it } from 'vitest';
import { nameParts, segments } from './word-breaks';

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

describe('segments', () => {
  it('breaks a compound with a hyphen and a slash without one', () => {
    expect(segments('Klassifikations-/sortimentsadministrator')).toEqual([
      { text: 'Klassifikations-/', before: 'none' },
      { text: 'sortiments', before: 'break' },
      { text: 'administrator', before: 'hyphen' },
    ]);
  });

  it('breaks the timeline’s stages between the parts of their words', () => {
    const cut = (s: string) => segments(s).map((x) => x.text);
    expect(cut('Opvarmningsperiode')).toEqual(['Opvarm', 'nings', 'periode']);
    expect(cut('Fase 2: Forberedelse')).toEqual(['Fase 2: For', 'beredelse']);
    expect(cut('Fase 3: Ibrugtagning')).toEqual(['Fase 3: Ibrug', 'tagning']);
    expect(cut('Fase 4: Forankring')).toEqual(['Fase 4: For', 'ankring']);
    expect(cut('I drift')).toEqual(['I drift']);
  });
});
