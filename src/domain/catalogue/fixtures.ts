import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCatalogue } from './load';
import type { Catalogue, Role } from './schema';

/** Test-only helpers: the shipped catalogue file and a small valid catalogue to break on purpose. */
export const CATALOGUE_PATH = resolve(process.cwd(), 'static/catalogues/rollegalleri-1.5.json');
export const SCHEMA_PATH = resolve(process.cwd(), 'static/catalogues/catalogue.schema.json');

export function readShippedCatalogue(): unknown {
  return JSON.parse(readFileSync(CATALOGUE_PATH, 'utf8'));
}

/** The shipped catalogue, parsed and checked like the app does. */
export function shippedCatalogue(): Catalogue {
  const r = parseCatalogue(readShippedCatalogue());
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

export function makeRole(overrides: Partial<Role> = {}): Role {
  return {
    id: 'projektejer',
    name: 'Projektejer',
    aliases: [],
    group: 'systemspecifik',
    perSystem: 'required',
    effect: 'Styr på strategi',
    tasks: [{ text: 'Sparrer med kommunens projektleder', implementering: 'X', drift: '' }],
    responsibilities: [],
    competencies: [],
    characteristics: 'Systemspecifik rolle',
    lifecycle: {
      appointment: 'udpeges',
      appointedIn: 'fase-1-opstart',
      appointedWhen: null,
      initiatedBy: null,
      phasedOut: null,
      activeFrom: null,
      activeUntil: null,
      becomes: null,
      quotes: [],
    },
    spoc: [],
    notes: [],
    ...overrides,
  };
}

export function makeCatalogue(overrides: Partial<Catalogue> = {}): Catalogue {
  return {
    format: 'rollegalleri-catalogue',
    formatVersion: 1,
    catalogueVersion: '1.5',
    title: 'Rollegalleri',
    publisher: 'KOMBIT',
    published: '2022-12',
    source: { file: 'x.txt', note: 'test' },
    intro: { risk: 'risiko', manyToMany: 'mange' },
    columns: [
      { id: 'implementering', name: 'Implementering' },
      { id: 'drift', name: 'Drift og forvaltning' },
    ],
    phases: [{ id: 'fase-1-opstart', name: 'Fase 1: Opstart', order: 1, column: 'implementering' }],
    phaseNotes: [],
    groups: [{ id: 'systemspecifik', name: 'Systemspecifikke roller', order: 0, tasks: 'opgaver' }],
    relationTypes: [{ id: 'afloeses-af', label: 'afløses af', description: 'bliver til' }],
    roles: [makeRole(), makeRole({ id: 'systemejer', name: 'Systemejer' })],
    relations: [
      { id: 'r1', from: 'projektejer', to: 'systemejer', type: 'afloeses-af', quote: 'veksles' },
    ],
    advice: [],
    checklist: [],
    systems: [],
    notes: [],
    ...overrides,
  };
}
