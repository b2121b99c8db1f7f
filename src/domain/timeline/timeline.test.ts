import { describe, expect, it } from 'vitest';
import { readShippedCatalogue } from '../catalogue/fixtures';
import type { Catalogue } from '../catalogue';
import { handoverRelations, IN_OPERATION_STAGE, spocAt, stages, timelineAt, timelineGrid } from './timeline';

const cat = readShippedCatalogue() as Catalogue;
const list = stages(cat);
const at = (stageId: string) => list.findIndex((s) => s.id === stageId);
const marks = (roleId: string) => timelineGrid(cat).get(roleId)!.map((s) => s.mark);

describe('timeline stages', () => {
  it('are the source phases in order, then "I drift"', () => {
    expect(list.map((s) => s.name)).toEqual(['Opvarmningsperiode', 'Fase 1: Opstart', 'Fase 2: Forberedelse', 'Fase 3: Ibrugtagning', 'Fase 4: Forankring', 'I drift']);
    expect(list.at(-1)).toEqual({ id: IN_OPERATION_STAGE, name: 'I drift', filterKey: 'drift' });
  });
});

describe('timeline states against the lifecycle data', () => {
  it('Projektejer: appointed in the warm-up, active to phase 3, becomes Systemejer at phase 4', () => {
    expect(marks('projektejer')).toEqual(['appointed', 'active', 'active', 'active', 'handover', 'inactive']);
    expect(timelineAt(cat, at('fase-4-forankring')).get('projektejer')!.becomes).toBe('systemejer');
  });

  it('Projektleder: appointed in phase 1, becomes Systemansvarlig at phase 4', () => {
    expect(marks('projektleder')).toEqual(['inactive', 'appointed', 'active', 'active', 'handover', 'inactive']);
    expect(timelineAt(cat, at('fase-4-forankring')).get('projektleder')!.becomes).toBe('systemansvarlig');
  });

  it('Systemansvarlig is appointed at phase 4 and goes on in operation', () => {
    expect(marks('systemansvarlig')).toEqual(['inactive', 'inactive', 'inactive', 'inactive', 'appointed', 'active']);
  });

  it('Systemejer is appointed in phase 2, as its Kendetegn says, though its tasks are all drift og forvaltning', () => {
    // the tour "Fra projekt til drift" says so too; the timeline once showed nothing before phase 4
    expect(cat.roles.find((r) => r.id === 'systemejer')!.lifecycle.quotes).toContain('Udpeges i fase 2:Forberedelse.');
    expect(marks('systemejer')).toEqual(['inactive', 'inactive', 'appointed', 'inactive', 'active', 'active']);
    // appointed, but not at work on the map until its tasks begin
    expect(timelineGrid(cat).get('systemejer')!.map((s) => s.active)).toEqual([false, false, false, false, true, true]);
  });

  it('Faglig leder is activated (aktiveres) in phase 1', () => {
    expect(marks('faglig-leder')).toEqual(['inactive', 'appointed', 'active', 'active', 'active', 'active']);
  });

  it('the system SPOC moves from Projektleder (phases 1-3) to Systemansvarlig (phase 4, in operation)', () => {
    const spocFor = (i: number) => spocAt(cat, i).filter((s) => s.scopes.some((x) => x.scope === 'it-systemet')).map((s) => s.roleId);
    expect(list.map((_, i) => spocFor(i))).toEqual([[], ['projektleder'], ['projektleder'], ['projektleder'], ['systemansvarlig'], ['systemansvarlig']]);
  });

  it('lights exactly the two succession relations, and only at the handover', () => {
    expect(handoverRelations(cat, at('fase-4-forankring')).sort()).toEqual(['projektejer--afloeses-af--systemejer', 'projektleder--afloeses-af--systemansvarlig']);
    for (const s of list.filter((x) => x.id !== 'fase-4-forankring')) expect(handoverRelations(cat, at(s.id))).toEqual([]);
  });

  it('for every role: active only inside its lifecycle, appointed at most once and where the lifecycle says', () => {
    const order = cat.phases.map((p) => p.id);
    for (const role of cat.roles) {
      const row = timelineGrid(cat).get(role.id)!;
      const { activeFrom, activeUntil, appointedIn, becomes } = role.lifecycle;
      const from = activeFrom ? order.indexOf(activeFrom) : 0;
      const until = activeUntil ? order.indexOf(activeUntil) : order.length - 1;
      row.forEach((s, i) => {
        if (i < order.length && (s.mark === 'active' || s.mark === 'appointed')) {
          expect(i, `${role.id} at ${list[i]!.id}`).toBeGreaterThanOrEqual(from);
          expect(i, `${role.id} at ${list[i]!.id}`).toBeLessThanOrEqual(until);
        }
        if (s.mark === 'appointed') expect(list[i]!.id).toBe(appointedIn ?? activeFrom);
      });
      expect(row.filter((s) => s.mark === 'appointed').length).toBeLessThanOrEqual(1);
      const handovers = row.filter((s) => s.mark === 'handover');
      expect(handovers.length).toBe(becomes && until < order.length - 1 ? 1 : 0);
      // SPOC marks are the catalogue's own: a scope shows at a phase stage exactly when it lists that phase
      row.forEach((s, i) => {
        const stage = list[i]!;
        if (stage.id === IN_OPERATION_STAGE) return;
        expect(s.spoc).toEqual(role.spoc.filter((x) => x.phases.includes(stage.id)));
      });
    }
  });
});
