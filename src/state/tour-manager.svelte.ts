import * as v from 'valibot';
import {
  addStep,
  addTour,
  moveStep,
  readTourText,
  removeStep,
  removeTour,
  renameTour,
  serializeTour,
  stepProblems,
  stepRoleIds,
  TourFileSchema,
  tourFileName,
  updateStep,
  usableStep,
  type Tour,
  type TourStep,
} from '../domain/tours';
import { newId } from '../domain/workspace';
import type { ExplorerManager } from './explorer-manager.svelte';
import type { WorkspaceManager } from './workspace-manager.svelte';

const FILES = import.meta.glob<unknown>('../../static/tours/*.rundvisning.json', { eager: true, import: 'default' });

/** The tours shipped with the app, in file-name order (each file is checked by the unit tests). */
export const BUILT_IN_TOURS: readonly Tour[] = Object.keys(FILES)
  .sort()
  .flatMap((k) => {
    const r = v.safeParse(TourFileSchema, FILES[k]);
    return r.success ? [r.output.tour] : [];
  });

/** The channel the main window and the presenter's window ("Talerens visning") talk over. */
export const SPEAKER_CHANNEL = 'rollekort-rundvisning';
/**
 * Messages over the speaker channel: the main window says where the tour is, and that it has ended;
 * the speaker's window asks to go somewhere.
 */
export type SpeakerMessage = { type: 'hello' } | { type: 'state'; tour: Tour | null; step: number } | { type: 'ended' } | { type: 'go'; step: number };

/** Playing tours (built-in and the workspace's own) and editing the workspace's own. */
export class TourManager {
  readonly builtIn = BUILT_IN_TOURS;
  #explorer: ExplorerManager;
  #workspace: WorkspaceManager;
  #channel: BroadcastChannel | null = null;

  constructor(explorer: ExplorerManager, workspace: WorkspaceManager) {
    this.#explorer = explorer;
    this.#workspace = workspace;
  }

  /** The workspace the tours are stored in (text typed into the tour editor waits there as a draft). */
  get workspace() { return this.#workspace; }

  get own(): readonly Tour[] { return this.#workspace.data.tours; }
  isOwn(id: string) { return this.own.some((t) => t.id === id); }

  /** The tour being played, if the URL names one that exists. */
  readonly active: Tour | null = $derived.by(() => {
    const ref = this.#explorer.tourRef;
    return ref ? (this.builtIn.find((t) => t.id === ref.id) ?? this.own.find((t) => t.id === ref.id) ?? null) : null;
  });
  /** A tour named in the URL that is not there (yet: the workspace may still be loading). */
  readonly missing: string | null = $derived.by(() => {
    const ref = this.#explorer.tourRef;
    return ref && !this.active && this.#workspace.loaded ? ref.id : null;
  });
  readonly index: number = $derived.by(() => (this.active ? Math.min(this.#explorer.tourRef?.step ?? 0, Math.max(0, this.active.steps.length - 1)) : 0));
  readonly rawStep: TourStep | null = $derived(this.active?.steps[this.index] ?? null);
  /** The step as the map can show it: only what exists. */
  readonly step: TourStep | null = $derived.by(() => (this.rawStep ? usableStep(this.rawStep, this.#explorer.catalogue) : null));
  /** What the step names that the catalogue lacks, in Danish (shown beside the step). */
  readonly warnings: string[] = $derived.by(() => (this.rawStep ? stepProblems(this.rawStep, this.#explorer.catalogue) : []));
  /** The roles the step shows. */
  readonly roleIds: string[] = $derived.by(() => (this.step ? stepRoleIds(this.step, this.#explorer.catalogue) : []));

  start(id: string, step = 0) {
    this.#explorer.view = 'kort';
    this.#explorer.tourRef = { id, step };
  }
  go(step: number) {
    const t = this.active;
    if (!t || step < 0 || step >= t.steps.length) return;
    this.#explorer.tourRef = { id: t.id, step };
  }
  next() { this.go(this.index + 1); }
  prev() { this.go(this.index - 1); }
  leave() {
    this.#explorer.tourRef = null;
    this.#explorer.showStep({ phase: 'alle', hiddenTypes: [], spotlight: null });
  }

  /** Puts the current step on the map (the camera is moved by the player, which owns it). */
  applyStep() {
    const step = this.step;
    if (!step) return;
    this.#explorer.showStep({
      phase: step.phase,
      hiddenTypes: step.hiddenTypes,
      spotlight: { roles: new Set(this.roleIds), relations: new Set(step.relations) },
    });
  }

  /**
   * Opens the channel to the presenter's window; it answers "hello" and follows "go".
   * It says where the tour is at once: a speaker window opened before this tour started
   * (or left over from an earlier one) said "hello" long ago and would otherwise wait for the next step.
   */
  connectSpeaker() {
    if (this.#channel || typeof BroadcastChannel !== 'function') return;
    this.#channel = new BroadcastChannel(SPEAKER_CHANNEL);
    this.#channel.onmessage = (e: MessageEvent<SpeakerMessage>) => {
      if (e.data?.type === 'hello') this.broadcast();
      else if (e.data?.type === 'go' && typeof e.data.step === 'number') this.go(e.data.step);
    };
    // the presenter's window closed or reloaded mid-tour: its effects do not run, so say so here
    if (typeof addEventListener === 'function') addEventListener('pagehide', this.#onPageHide);
    this.broadcast();
  }
  #onPageHide = () => this.disconnect();
  /** Tells the presenter's window where the tour is. */
  broadcast() {
    // read first: the player's effect must depend on the tour and step even before the channel opens
    const message = { type: 'state', tour: this.active ? $state.snapshot(this.active) : null, step: this.index } satisfies SpeakerMessage;
    this.#channel?.postMessage(message);
  }
  /** Closes the channel when the tour ends, and first tells the presenter's window so, or it would keep showing the last step. */
  disconnect() {
    if (typeof removeEventListener === 'function') removeEventListener('pagehide', this.#onPageHide);
    this.#channel?.postMessage({ type: 'ended' } satisfies SpeakerMessage);
    this.#channel?.close();
    this.#channel = null;
  }

  // Editing the workspace's own tours: every change is one workspace edit, so undo covers it.

  /** Makes a new, empty tour and returns its id (or null and the reason in the workspace message). */
  create(title: string): string | null {
    const id = newId('t');
    const error = this.#workspace.edit(addTour({ id, title, audience: '', steps: [] }, id));
    return error ? null : id;
  }
  rename(id: string, title: string, audience: string) { return this.#workspace.edit(renameTour(id, title, audience)); }
  remove(id: string) {
    if (this.active?.id === id) this.leave();
    return this.#workspace.edit(removeTour(id));
  }
  addStep(id: string, step: TourStep) { return this.#workspace.edit(addStep(id, step)); }
  updateStep(id: string, index: number, step: TourStep) { return this.#workspace.edit(updateStep(id, index, step)); }
  removeStep(id: string, index: number) { return this.#workspace.edit(removeStep(id, index)); }
  moveStep(id: string, from: number, to: number) { return this.#workspace.edit(moveStep(id, from, to)); }

  /** Takes back the last workspace edit (a deleted tour or step). */
  undo() { this.#workspace.undo(); }

  /** What the map shows now, as a step: selection, filters, relation types and the camera. */
  capture(title: string, text: string, viewport: { x: number; y: number; zoom: number } | null): TourStep {
    const ex = this.#explorer;
    const relation = ex.selectedRelation;
    const roles = ex.selectedRoleId
      ? [ex.selectedRoleId]
      : relation
        ? []
        : ex.spotlight?.roles
          ? [...ex.spotlight.roles]
          : [...ex.views].filter(([, view]) => view.active && view.match !== false && view.inFocus).map(([id]) => id);
    return {
      title,
      text,
      quotes: relation ? [relation.quote] : [],
      roles,
      relations: relation ? [relation.id] : ex.spotlight ? [...ex.spotlight.relations] : [],
      phase: ex.phaseKey,
      hiddenTypes: [...ex.hiddenTypes],
      camera: viewport ? { kind: 'viewport', x: Math.round(viewport.x), y: Math.round(viewport.y), zoom: Math.round(viewport.zoom * 1000) / 1000 } : { kind: 'fit' },
    };
  }

  /** The file of one tour, to export alone. */
  exportFile(id: string): { fileName: string; text: string } | null {
    const tour = this.own.find((t) => t.id === id) ?? this.builtIn.find((t) => t.id === id);
    return tour ? { fileName: tourFileName(tour.title), text: serializeTour($state.snapshot(tour) as Tour, this.#explorer.catalogue) } : null;
  }

  /** Imports a tour file into the workspace; a bad file changes nothing and the reason comes back in Danish. */
  importText(text: string): { ok: true; id: string } | { ok: false; error: string } {
    const read = readTourText(text, this.#explorer.catalogue);
    if (!read.ok) return { ok: false, error: read.error };
    const fresh = newId('t');
    const taken = this.own.some((t) => t.id === read.value.id) || this.builtIn.some((t) => t.id === read.value.id);
    const tour = taken ? { ...read.value, id: fresh } : read.value;
    const error = this.#workspace.edit(addTour(tour, fresh));
    return error ? { ok: false, error } : { ok: true, id: tour.id };
  }
}
