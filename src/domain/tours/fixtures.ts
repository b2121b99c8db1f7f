import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Tour, TourStep } from './schema';

/** Test-only helpers: the built-in tour files, and a small step to vary. */
export const TOURS_DIR = resolve(process.cwd(), 'static/tours');

/** Every shipped tour file, by file name, as raw JSON text. */
export function readShippedTourFiles(): { file: string; text: string }[] {
  return readdirSync(TOURS_DIR)
    .filter((f) => f.endsWith('.rundvisning.json'))
    .sort()
    .map((file) => ({ file, text: readFileSync(resolve(TOURS_DIR, file), 'utf8') }));
}

export const makeStep = (over: Partial<TourStep> = {}): TourStep => ({
  title: 'Trin',
  text: 'Tekst',
  quotes: [],
  roles: ['projektejer'],
  relations: [],
  phase: 'alle',
  hiddenTypes: [],
  camera: { kind: 'fit' },
  ...over,
});

export const makeTour = (over: Partial<Tour> = {}): Tour => ({ id: 't-1', title: 'Min rundvisning', audience: '', steps: [makeStep()], ...over });
