import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { toJsonSchema } from '@valibot/to-json-schema';
import Ajv from 'ajv';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { shippedCatalogue } from '../catalogue/fixtures';
import { unwrap } from '../result';
import { makeWorkspace } from '../workspace/fixtures';
import { validateWorkspace } from '../workspace/validate';
import { makeStep, makeTour, readShippedTourFiles, TOURS_DIR } from './fixtures';
import { readTourText, serializeTour, tourFileName } from './file';
import { addStep, addTour, moveStep, removeStep, removeTour, updateStep } from './operations';
import { checkTourRefs, stepRoleIds, usableStep } from './refs';
import { TourFileSchema } from './schema';

const cat = shippedCatalogue();
const files = readShippedTourFiles();

describe('the built-in tours', () => {
  it('are at least the five the issue names', () => {
    const titles = files.map((f) => JSON.parse(f.text).tour.title);
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(titles).toEqual(expect.arrayContaining(['Fra projekt til drift', 'SPOC gennem faserne', 'Den fælleskommunale infrastruktur', 'Sikkerhed og GDPR']));
    expect(titles.some((t) => t.startsWith('ØiR'))).toBe(true);
  });

  it.each(files.map((f) => [f.file, f.text] as const))('%s passes the schema, names only what exists, and reads as an import', (_file, text) => {
    const parsed = v.safeParse(TourFileSchema, JSON.parse(text));
    expect(parsed.issues ?? []).toEqual([]);
    const tour = unwrap(readTourText(text, cat));
    expect(checkTourRefs(tour, cat)).toEqual([]);
    expect(tour.steps.length).toBeGreaterThanOrEqual(3);
    for (const step of tour.steps) {
      expect(step.quotes.length, step.title).toBeGreaterThan(0);
      expect(stepRoleIds(step, cat).length, step.title).toBeGreaterThan(0);
    }
  });

  it('have unique ids', () => {
    const ids = files.map((f) => JSON.parse(f.text).tour.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the published JSON Schema matches the validator and accepts every shipped tour', () => {
    const path = resolve(TOURS_DIR, 'tour.schema.json');
    const generated = `${JSON.stringify(
      {
        $schema: 'http://json-schema.org/draft-07/schema#',
        title: 'Rollekort-rundvisning',
        description: 'A Rollekort guided tour (.rundvisning.json). Generated from src/domain/tours/schema.ts; UPDATE_SCHEMAS=1 npm run test:unit rewrites it.',
        ...toJsonSchema(TourFileSchema, { errorMode: 'ignore' }),
      },
      null,
      2,
    )}\n`;
    if (process.env.UPDATE_SCHEMAS) writeFileSync(path, generated);
    expect(readFileSync(path, 'utf8')).toBe(generated);
    const validate = new Ajv({ strict: false }).compile(JSON.parse(generated));
    for (const f of files) expect(validate(JSON.parse(f.text)), f.file).toBe(true);
    expect(validate({ format: 'rollekort-rundvisning', version: 1, tour: {} })).toBe(false);
  });
});

describe('reading a tour file', () => {
  const good = serializeTour(makeTour(), cat);
  const edit = (fn: (d: { version: number; tour: { steps: [Record<string, unknown>, ...Record<string, unknown>[]] } }) => void) => {
    const d = JSON.parse(good);
    fn(d);
    return JSON.stringify(d);
  };

  it('round-trips what it writes', () => {
    expect(unwrap(readTourText(good, cat))).toEqual(makeTour());
  });

  it.each([
    ['not JSON', '{', /ikke gyldig JSON/],
    ['a workspace file', JSON.stringify({ format: 'rollekort-workspace', version: 2 }), /ikke en Rollekort-rundvisning/],
    ['a newer version', edit((d) => (d.version = 9)), /nyere version/],
    ['a step without a title', edit((d) => delete d.tour.steps[0].title), /Trin 1, titel: feltet mangler/],
    ['an unknown field', edit((d) => (d.tour.steps[0].evil = 1)), /ikke tilladt/],
    ['a role that does not exist', edit((d) => (d.tour.steps[0].roles = ['borgmester'])), /Trin 1: rollen »borgmester« findes ikke/],
    ['a relation that does not exist', edit((d) => (d.tour.steps[0].relations = ['a--b'])), /relationen »a--b« findes ikke/],
    ['an unknown phase', edit((d) => (d.tour.steps[0].phase = 'fase-9')), /fasen »fase-9« findes ikke/],
    ['too many steps', edit((d) => (d.tour.steps = [d.tour.steps[0], ...Array.from({ length: 100 }, () => d.tour.steps[0])])), /for mange trin/],
    ['a huge text', edit((d) => (d.tour.steps[0].text = 'x'.repeat(3000))), /for lang/],
  ])('refuses %s with a Danish reason', (_name, text, message) => {
    const r = readTourText(text, cat);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it('names the file after the title, safely', () => {
    expect(tourFileName('Fra projekt/til drift')).toBe('Fra projekt-til drift.rundvisning.json');
  });
});

describe('stale steps', () => {
  it('keep what exists and drop what does not, so the map never sees an unknown id', () => {
    const step = makeStep({ roles: ['projektejer', 'borgmester'], relations: ['x'], hiddenTypes: ['nope'], phase: 'fase-9' });
    expect(usableStep(step, cat)).toEqual(makeStep({ roles: ['projektejer'], relations: [], hiddenTypes: [], phase: 'alle' }));
  });
});

describe('tours in the workspace', () => {
  const ws = () => makeWorkspace();
  it('add, edit, reorder and remove steps through pure edits', () => {
    let w = unwrap(addTour(makeTour(), 't-2')(ws()));
    w = unwrap(addStep('t-1', makeStep({ title: 'B' }))(w));
    w = unwrap(addStep('t-1', makeStep({ title: 'C' }))(w));
    w = unwrap(moveStep('t-1', 2, 0)(w));
    expect(w.tours[0]!.steps.map((s) => s.title)).toEqual(['C', 'Trin', 'B']);
    w = unwrap(updateStep('t-1', 1, makeStep({ title: 'A' }))(w));
    w = unwrap(removeStep('t-1', 2)(w));
    expect(w.tours[0]!.steps.map((s) => s.title)).toEqual(['C', 'A']);
    expect(moveStep('t-1', 0, 5)(w).ok).toBe(false);
    expect(unwrap(removeTour('t-1')(w)).tours).toEqual([]);
  });

  it('gives an imported tour a fresh id when its id is taken', () => {
    const w = unwrap(addTour(makeTour(), 't-x')(unwrap(addTour(makeTour(), 't-2')(ws()))));
    expect(w.tours.map((t) => t.id)).toEqual(['t-1', 't-x']);
  });

  it('the workspace rules refuse a tour that names a missing role, and duplicate tour ids', () => {
    const bad = validateWorkspace({ ...ws(), tours: [makeTour({ steps: [makeStep({ roles: ['borgmester'] })] })] }, cat);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/borgmester/);
    const twice = validateWorkspace({ ...ws(), tours: [makeTour(), makeTour()] }, cat);
    expect(twice.ok).toBe(false);
    expect(validateWorkspace({ ...ws(), tours: [makeTour()] }, cat).ok).toBe(true);
  });
});
