import { describe, expect, it } from 'vitest';
import { checkWorkspace, demoWorkspace, type WorkspaceData } from '../workspace';
import { assignment, makeWorkspace, person, shippedCatalogue } from '../workspace/fixtures';
import type { Result } from '../result';
import {
  addKlikTask,
  appointmentStage,
  defaultAppointment,
  isRelevant,
  obligatoryStages,
  removeKlikTask,
  roleStatus,
  setSpoc,
  setStepDone,
  spocTimeline,
  stages,
  tasksOfRole,
  updateCatalogueRole,
} from '.';

const cat = shippedCatalogue();
const role = (id: string) => cat.roles.find((r) => r.id === id)!;
const value = (r: Result<WorkspaceData, string>) => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('bilag1-3: cross-cutting roles are locked', () => {
  it('refuses tailored text on a cross-cutting role, in the source words, and accepts it on a system-specific one', () => {
    const ws = makeWorkspace();
    const refused = updateCatalogueRole(ws, cat, 's-sapa', 'it-arkitekt', { effectAddition: 'Også SAPA-integrationer' });
    expect(refused).toEqual({ ok: false, error: expect.stringContaining('Der kan ikke ændres i navn og beskrivelser af tværgående roller.') });
    const tailored = value(updateCatalogueRole(ws, cat, 's-sapa', 'projektleder', { tasksAddition: 'Koordinerer med Ydelsesservice' }));
    expect(tailored.catalogueRoles).toEqual([{ id: 's-sapa__projektleder', systemId: 's-sapa', roleId: 'projektleder', relevant: true, tasksAddition: 'Koordinerer med Ydelsesservice' }]);
    // the same rule guards every way data comes in
    const smuggled = { ...ws, catalogueRoles: [{ id: 's-sapa__it-arkitekt', systemId: 's-sapa', roleId: 'it-arkitekt', relevant: true, effectAddition: 'x' }] };
    expect(checkWorkspace(smuggled, cat).map((i) => i.message)).toEqual([expect.stringMatching(/tværgående rolle og kan ikke tilpasses/)]);
  });

  it('lets a cross-cutting role be chosen as relevant (bilag1-1) and gives its timing, status and deputy', () => {
    const ws = makeWorkspace();
    expect(isRelevant(ws, 's-sapa', role('it-arkitekt'))).toBe(false);
    const next = value(updateCatalogueRole(ws, cat, 's-sapa', 'it-arkitekt', { relevant: true, deputyId: 'p-2', appointedOn: '2026-03-01' }));
    expect(isRelevant(next, 's-sapa', role('it-arkitekt'))).toBe(true);
    expect(updateCatalogueRole(ws, cat, 's-sapa', 'it-arkitekt', { deputyId: 'p-99' }).ok).toBe(false);
  });
});

describe('bilag1-2: SPOC per stage', () => {
  it('follows the source when nothing is chosen: Projektleder in Fase 1-3, Systemansvarlig from Fase 4, nobody named before', () => {
    const line = spocTimeline(makeWorkspace(), cat, 's-sapa');
    expect(line.map((s) => [s.id, s.roleId, s.origin])).toEqual([
      ['opvarmningsperiode', null, 'ingen'],
      ['fase-1-opstart', 'projektleder', 'kilde'],
      ['fase-2-forberedelse', 'projektleder', 'kilde'],
      ['fase-3-ibrugtagning', 'projektleder', 'kilde'],
      ['fase-4-forankring', 'systemansvarlig', 'kilde'],
      ['drift', 'systemansvarlig', 'kilde'],
    ]);
    expect(line[1]!.quote).toBe(role('projektleder').spoc[0]!.quote);
  });

  it('takes the consultant choice per stage and goes back to the source when it is cleared', () => {
    const ws = value(setSpoc(makeWorkspace(), cat, 's-sapa', 'opvarmningsperiode', 'projektejer'));
    expect(spocTimeline(ws, cat, 's-sapa')[0]).toMatchObject({ roleId: 'projektejer', origin: 'valgt' });
    const again = value(setSpoc(ws, cat, 's-sapa', 'opvarmningsperiode', null));
    expect(spocTimeline(again, cat, 's-sapa')[0]).toMatchObject({ roleId: null, origin: 'ingen' });
    expect(setSpoc(ws, cat, 's-sapa', 'fase-9', 'projektleder').ok).toBe(false);
  });
});

describe('bilag1-5 and bilag1-6: timing and what is obligatory when', () => {
  it('takes the default timing from the lifecycle', () => {
    expect(defaultAppointment(role('projektejer'))).toBe('opvarmningsperiode');
    expect(defaultAppointment(role('projektleder'))).toBe('fase-1-opstart');
    expect(defaultAppointment(role('systemansvarlig'))).toBe('fase-4-forankring');
    expect(defaultAppointment(role('underskriftberettiget'))).toBeNull();
    const ws = value(updateCatalogueRole(makeWorkspace(), cat, 's-sapa', 'systemansvarlig', { appointIn: 'fase-2-forberedelse' }));
    expect(appointmentStage(ws, 's-sapa', role('systemansvarlig'))).toBe('fase-2-forberedelse');
    expect(appointmentStage(makeWorkspace(), 's-sapa', role('systemansvarlig'))).toBe('fase-4-forankring');
  });

  it('makes the Projektleder not obligatory after the shift to Fase 4, and Systemejer and Systemansvarlig obligatory from there', () => {
    expect(obligatoryStages(cat, role('projektleder'), 'fase-1-opstart')).toEqual(['fase-1-opstart', 'fase-2-forberedelse', 'fase-3-ibrugtagning']);
    // even when the consultant stretches its lifecycle by appointing it early
    expect(obligatoryStages(cat, role('projektleder'), 'opvarmningsperiode')).not.toContain('fase-4-forankring');
    expect(obligatoryStages(cat, role('systemansvarlig'), 'fase-4-forankring')).toEqual(['fase-4-forankring', 'drift']);
    expect(obligatoryStages(cat, role('systemansvarlig'), 'drift')).toEqual(['fase-4-forankring', 'drift']);
    // appointed earlier for a solid handover (bilag1-6 allows it)
    expect(obligatoryStages(cat, role('systemansvarlig'), 'fase-2-forberedelse')).toEqual(['fase-2-forberedelse', 'fase-3-ibrugtagning', 'fase-4-forankring', 'drift']);
    expect(obligatoryStages(cat, role('superbruger'), 'fase-2-forberedelse')).toEqual(['fase-2-forberedelse', 'fase-3-ibrugtagning', 'fase-4-forankring', 'drift']);
    expect(stages(cat).map((s) => s.id)).toHaveLength(6);
  });

  it('gives each role a status: from the assignments, or what the consultant set, or "ikke relevant"', () => {
    const ws = makeWorkspace({ assignments: [assignment('a-1', 'p-1', 'projektleder', 's-sapa')] });
    expect(roleStatus(ws, 's-sapa', role('projektleder'))).toBe('udpeget');
    expect(roleStatus(ws, 's-sapa', role('projektejer'))).toBe('mangler');
    expect(roleStatus(ws, 's-sapa', role('it-arkitekt'))).toBe('ikke-relevant');
    const set = value(updateCatalogueRole(ws, cat, 's-sapa', 'projektejer', { status: 'udpeget' }));
    expect(roleStatus(set, 's-sapa', role('projektejer'))).toBe('udpeget');
    const off = value(updateCatalogueRole(ws, cat, 's-sapa', 'projektejer', { relevant: false }));
    expect(roleStatus(off, 's-sapa', role('projektejer'))).toBe('ikke-relevant');
  });
});

describe('KLIK tasks, steps and clean-up', () => {
  it('links a task to roles that perform, answer for and take part in it', () => {
    const ws = value(addKlikTask(makeWorkspace(), cat, 's-sapa', { title: 'Tilslut SAPA', deadline: '2026-05-01', phase: 'fase-2-forberedelse', perform: ['projektleder'], answer: ['projektejer'], takePart: ['projektleder', 'superbruger'] }, 'k-1'));
    expect(tasksOfRole(ws, 's-sapa', 'projektleder')).toEqual([{ task: ws.klikTasks[0], how: ['udfører', 'deltager'] }]);
    expect(addKlikTask(ws, cat, 's-sapa', { title: '  ', perform: [], answer: [], takePart: [] }, 'k-2')).toEqual({ ok: false, error: 'KLIK-opgaven skal have en titel.' });
    expect(addKlikTask(ws, cat, 's-sapa', { title: 'x', perform: ['kejser'], answer: [], takePart: [] }, 'k-2').ok).toBe(false);
    expect(removeKlikTask(ws, 'k-1').klikTasks).toEqual([]);
  });

  it('counts the steps done and keeps them sorted and unique', () => {
    let ws = value(setStepDone(makeWorkspace(), 's-sapa', 'bilag1-3', true));
    ws = value(setStepDone(ws, 's-sapa', 'bilag1-1', true));
    ws = value(setStepDone(ws, 's-sapa', 'bilag1-1', true));
    expect(ws.catalogueDrafts).toEqual([{ id: 's-sapa', systemId: 's-sapa', status: 'udkast', stepsDone: ['bilag1-1', 'bilag1-3'], spoc: [] }]);
    expect(value(setStepDone(ws, 's-sapa', 'bilag1-1', false)).catalogueDrafts[0]!.stepsDone).toEqual(['bilag1-3']);
    expect(setStepDone(ws, 's-nope', 'bilag1-1', true).ok).toBe(false);
  });

  it('removing a system removes its catalogue; removing a person clears them as deputy', async () => {
    const { removeSystem, removePerson } = await import('../workspace');
    let ws: WorkspaceData = { ...demoWorkspace(), people: [...demoWorkspace().people, person('p-x', 'Xenia')] };
    ws = value(updateCatalogueRole(ws, cat, 's-sapa', 'projektleder', { deputyId: 'p-x', tasksAddition: 'y' }));
    ws = value(setStepDone(ws, 's-sapa', 'bilag1-1', true));
    const noDeputy = removePerson(ws, 'p-x');
    expect(noDeputy.catalogueRoles).toEqual([{ id: 's-sapa__projektleder', systemId: 's-sapa', roleId: 'projektleder', relevant: true, tasksAddition: 'y' }]);
    expect(checkWorkspace(noDeputy, cat)).toEqual([]);
    const gone = removeSystem(ws, 's-sapa');
    expect([gone.catalogueDrafts, gone.catalogueRoles]).toEqual([[], []]);
    expect(checkWorkspace(gone, cat)).toEqual([]);
  });
});

describe('the write gate knows the catalogue records', () => {
  it('refuses broken references with a Danish place and reason', async () => {
    const { validateWorkspace, describeIssue } = await import('../workspace');
    const ws = makeWorkspace();
    const bad = (over: Partial<WorkspaceData>) => {
      const r = validateWorkspace({ ...ws, ...over }, cat);
      return r.ok ? null : describeIssue(r.error);
    };
    expect(bad({ klikTasks: [{ id: 'k-1', systemId: 's-sapa', title: 'T', perform: ['kejser'], answer: [], takePart: [] }] })).toBe(
      'KLIK-opgave nr. 1, udfører: rollen kejser findes ikke i Rollegalleri 1.5',
    );
    expect(bad({ catalogueDrafts: [{ id: 's-x', systemId: 's-x', status: 'udkast', stepsDone: [], spoc: [] }] })).toBe('Rollekatalog nr. 1: it-systemet s-x findes ikke');
    expect(bad({ catalogueRoles: [{ id: 'forkert', systemId: 's-sapa', roleId: 'projektleder', relevant: true }] })).toBe('Katalogrolle nr. 1, id: id\'et skal være s-sapa__projektleder');
    expect(bad({ catalogueRoles: [{ id: 's-sapa__projektleder', systemId: 's-sapa', roleId: 'projektleder', relevant: true, appointedOn: '1. maj' }] })).toMatch(/^Katalogrolle nr\. 1, udpeget dato: skal være en dato/);
    expect(bad({ catalogueDrafts: [{ id: 's-sapa', systemId: 's-sapa', status: 'udkast', stepsDone: [], spoc: [{ stage: 'fase-1-opstart', roleId: 'projektleder' }, { stage: 'fase-1-opstart', roleId: 'projektejer' }] }] })).toMatch(/har allerede en SPOC/);
    expect(bad({})).toBeNull();
  });
});
