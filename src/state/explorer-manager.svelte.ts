import type { Catalogue } from '../domain/catalogue';
import {
  ALL_PHASES,
  isRoleActive,
  neighbourhood,
  parsePhaseFilter,
  phaseFilterKey,
  phaseOptions,
  columnOptions,
  namesFirst,
  searchRoles,
  spocScopes,
  type PhaseFilter,
} from '../domain/explorer';
import { layoutInputFor, type Layout, type LayoutInput } from '../graph/elk-graph';
import { buildFlowEdges, buildFlowNodes, isDimmed, type AssigneeChip, type FlowNode, type RelationFlowEdge, type RoleView } from '../graph/flow';
import { keepUnchanged } from '../graph/keep-unchanged';
import type { LayoutEngine } from '../graph/layout-engine';
import type { MapPicture } from './map-picture';
import { readUrlView, writeUrlView } from './url-state';

type Point = { x: number; y: number };

/** What a tour step or the timeline puts in the light: roles not named dim (null: none dim), relations named are drawn at full strength. */
export interface Spotlight {
  roles: ReadonlySet<string> | null;
  relations: ReadonlySet<string>;
}

/** The app's top-level views, as `?visning=` names them ("kort" is the default and is left out). */
export type TopView = 'kort' | 'rollekatalog' | 'tidslinje' | 'taler';
const TOP_VIEWS: readonly TopView[] = ['kort', 'rollekatalog', 'tidslinje', 'taler'];

/** What the graph needs to know about people on roles; the explorer reads it without knowing workspaces. */
export interface RoleStatusSource {
  assignees(roleId: string): readonly AssigneeChip[];
  unfilled(phase: PhaseFilter): ReadonlySet<string>;
  readonly atRisk: ReadonlySet<string>;
}

/** State of the role explorer: filters, selection, layout and dragged positions. */
export class ExplorerManager {
  readonly catalogue: Catalogue;
  #engine: LayoutEngine;
  #initialLayout: (input: LayoutInput) => Layout | undefined;
  #status: RoleStatusSource | null;

  #phase = $state.raw<PhaseFilter>(ALL_PHASES);
  #showSpoc = $state(false);
  #query = $state('');
  #focusNeighbours = $state(false);
  #hideDimmed = $state(false);
  #selectedRoleId = $state<string | null>(null);
  #selectedEdgeId = $state<string | null>(null);
  #hiddenTypes = $state.raw<ReadonlySet<string>>(new Set());
  #layout = $state.raw<Layout | null>(null);
  #layoutVersion = $state(0);
  #dragged = $state.raw<ReadonlyMap<string, Point>>(new Map());
  #layoutStatus = $state<'idle' | 'running' | 'error'>('idle');
  #layoutError = $state<string | null>(null);
  #spotlight = $state.raw<Spotlight | null>(null);
  #showPeople = $state(true);
  #view = $state<TopView>('kort');
  #tourRef = $state.raw<{ id: string; step: number } | null>(null);

  /**
   * `initialLayout` gives the layout of the full graph without the worker (the build-time
   * layout in the app); when it has none, the worker lays the graph out on load.
   */
  constructor(
    catalogue: Catalogue,
    engine: LayoutEngine,
    initialLayout: (input: LayoutInput) => Layout | undefined,
    status: RoleStatusSource | null = null,
  ) {
    this.catalogue = catalogue;
    this.#engine = engine;
    this.#initialLayout = initialLayout;
    this.#status = status;
    this.#layout = initialLayout(layoutInputFor(catalogue)) ?? null;
    engine.warm();
    if (!this.#layout) void this.relayout();
  }

  /** Reads the view from a query string (on start and on back/forward). */
  applyUrl(search: string) {
    const view = readUrlView(search);
    this.#phase = parsePhaseFilter(this.catalogue, view.fase);
    this.#showSpoc = view.spoc;
    this.#query = view.q;
    this.#selectedRoleId = this.catalogue.roles.some((r) => r.id === view.rolle) ? view.rolle : null;
    this.#hiddenTypes = new Set(view.skjul.filter((t) => this.catalogue.relationTypes.some((rt) => rt.id === t)));
    this.#view = TOP_VIEWS.find((v) => v === view.visning) ?? 'kort';
    this.#tourRef = view.rundvisning ? { id: view.rundvisning, step: Math.max(0, (view.trin ?? 1) - 1) } : null;
  }

  /** The query string for the current view. */
  get urlSearch() {
    return writeUrlView({
      fase: phaseFilterKey(this.#phase),
      spoc: this.#showSpoc,
      rolle: this.#selectedRoleId,
      q: this.#query,
      skjul: this.catalogue.relationTypes.filter((t) => this.#hiddenTypes.has(t.id)).map((t) => t.id),
      visning: this.#view === 'kort' ? null : this.#view,
      rundvisning: this.#tourRef?.id ?? null,
      trin: this.#tourRef ? this.#tourRef.step + 1 : null,
    });
  }

  get view() { return this.#view; }
  set view(v: TopView) { this.#view = v; }
  /** The tour and step (0-based) being played, as the URL keeps it; set by the tour player. */
  get tourRef() { return this.#tourRef; }
  set tourRef(ref: { id: string; step: number } | null) { this.#tourRef = ref; }
  get spotlight() { return this.#spotlight; }
  /** People on the role boxes, or the bare gallery (when presenting). */
  get showPeople() { return this.#showPeople; }
  set showPeople(v: boolean) { this.#showPeople = v; }

  /** Shows a tour step or a timeline stage: its phase filter, relation types and spotlight; no selection. */
  showStep(step: { phase: string; hiddenTypes: readonly string[]; spotlight: Spotlight | null; spoc?: boolean }) {
    this.#phase = parsePhaseFilter(this.catalogue, step.phase);
    this.#hiddenTypes = new Set(step.hiddenTypes);
    this.#spotlight = step.spotlight;
    if (step.spoc !== undefined) this.#showSpoc = step.spoc;
    this.#selectedRoleId = null;
    this.#selectedEdgeId = null;
    this.#afterFilterChange();
  }

  /** Back to the plain map after a tour or the timeline. */
  clearSpotlight() {
    this.#spotlight = null;
    this.#afterFilterChange();
  }

  get phase() { return this.#phase; }
  get phaseKey() { return phaseFilterKey(this.#phase); }
  setPhaseKey(key: string) {
    this.#phase = parsePhaseFilter(this.catalogue, key);
    this.#afterFilterChange();
  }
  get showSpoc() { return this.#showSpoc; }
  set showSpoc(v: boolean) { this.#showSpoc = v; }
  get query() { return this.#query; }
  set query(v: string) {
    this.#query = v;
    this.#afterFilterChange();
  }
  get focusNeighbours() { return this.#focusNeighbours && this.#selectedRoleId !== null; }
  set focusNeighbours(v: boolean) {
    this.#focusNeighbours = v;
    this.#afterFilterChange();
  }
  get hideDimmed() { return this.#hideDimmed; }
  set hideDimmed(v: boolean) {
    this.#hideDimmed = v;
    void this.relayout();
  }
  get selectedRoleId() { return this.#selectedRoleId; }
  get hiddenTypes() { return this.#hiddenTypes; }
  /** Shows or hides one relation type (the legend's switches). */
  toggleType(typeId: string) {
    const next = new Set(this.#hiddenTypes);
    if (!next.delete(typeId)) next.add(typeId);
    this.#hiddenTypes = next;
  }
  get selectedEdgeId() { return this.#selectedEdgeId; }
  get layoutStatus() { return this.#layoutStatus; }
  /** Changes with every layout the map receives (also a new run of the same graph), so the map can frame itself again. */
  get layoutVersion() { return this.#layoutVersion; }
  get layoutError() { return this.#layoutError; }

  selectRole(id: string | null) {
    this.#selectedRoleId = id;
    if (id) this.#selectedEdgeId = null;
    if (this.#focusNeighbours) this.#afterFilterChange();
  }
  selectEdge(id: string | null) {
    this.#selectedEdgeId = id;
    if (id) this.#selectedRoleId = null;
  }

  readonly selectedRole = $derived.by(() => this.catalogue.roles.find((r) => r.id === this.#selectedRoleId) ?? null);
  readonly selectedRelation = $derived.by(() => this.catalogue.relations.find((r) => r.id === this.#selectedEdgeId) ?? null);

  readonly matches = $derived.by(() => searchRoles(this.catalogue.roles, this.#query));
  readonly hitCount = $derived(this.matches?.size ?? null);

  readonly views: ReadonlyMap<string, RoleView> = $derived.by(() => {
    const focus = this.focusNeighbours && this.#selectedRoleId ? neighbourhood(this.catalogue.relations, this.#selectedRoleId) : null;
    const status = this.#status;
    const unfilled = this.#showPeople ? (status?.unfilled(this.#phase) ?? null) : null;
    return new Map(
      this.catalogue.roles.map((role) => [
        role.id,
        {
          active: isRoleActive(this.catalogue, role, this.#phase),
          match: this.matches ? this.matches.has(role.id) : null,
          inFocus: focus ? focus.has(role.id) : this.#spotlight?.roles ? this.#spotlight.roles.has(role.id) : true,
          spoc: spocScopes(this.catalogue, role, this.#phase),
          selected: role.id === this.#selectedRoleId,
          assignees: this.#showPeople ? (status?.assignees(role.id) ?? []) : [],
          unfilled: unfilled ? unfilled.has(role.id) : null,
          atRisk: this.#showPeople && (status?.atRisk.has(role.id) ?? false),
        },
      ]),
    );
  });

  readonly visible: ReadonlySet<string> = $derived.by(() => {
    if (!this.#hideDimmed) return new Set(this.catalogue.roles.map((r) => r.id));
    return new Set([...this.views].filter(([, v]) => !isDimmed(v)).map(([id]) => id));
  });

  // The last nodes and edges handed to the map: a rebuild keeps every object that did not
  // change (keepUnchanged), so the map redraws only the boxes and lines an edit touched.
  #lastNodes: readonly FlowNode[] = [];
  #lastEdges: readonly RelationFlowEdge[] = [];

  readonly nodes: FlowNode[] = $derived.by(() => {
    const built = this.#layout ? buildFlowNodes(this.catalogue, this.#layout, this.#dragged, this.views, this.visible, this.#showSpoc) : [];
    return (this.#lastNodes = keepUnchanged(this.#lastNodes, built)) as FlowNode[];
  });
  readonly edges: RelationFlowEdge[] = $derived.by(() => {
    if (!this.#layout) return (this.#lastEdges = []);
    const positions = new Map(this.nodes.filter((n) => n.type === 'role').map((n) => [n.id, n.position]));
    const built = buildFlowEdges(this.catalogue, this.views, this.visible, {
      selectedEdgeId: this.#selectedEdgeId,
      selectedRoleId: this.#selectedRoleId,
      hiddenTypes: this.#hiddenTypes,
      lit: this.#spotlight?.relations,
      positions,
    });
    return (this.#lastEdges = keepUnchanged(this.#lastEdges, built)) as RelationFlowEdge[];
  });

  /**
   * What a picture of the map shows: exactly the map as it stands (filters, selection, hidden
   * relation types), or with `whole` every role and relation, unfiltered, at the same positions.
   */
  picture(whole = false): MapPicture {
    const phase = [...phaseOptions(this.catalogue), ...columnOptions(this.catalogue)].find((o) => o.key === this.phaseKey)?.label ?? 'Alle faser';
    if (!whole) return { nodes: this.nodes, edges: this.edges, hiddenTypes: this.#hiddenTypes, phase };
    const full = layoutInputFor(this.catalogue);
    const layout = this.#layout && Object.keys(this.#layout.roles).length === this.catalogue.roles.length ? this.#layout : (this.#initialLayout(full) ?? this.#layout);
    if (!layout) return { nodes: [], edges: [], hiddenTypes: new Set(), phase: 'Alle faser' };
    const views = new Map([...this.views].map(([id, v]) => [id, { ...v, active: true, match: null, inFocus: true, selected: false, spoc: [] }]));
    const visible = new Set(this.catalogue.roles.map((r) => r.id));
    const nodes = buildFlowNodes(this.catalogue, layout, this.#dragged, views, visible, false);
    const positions = new Map(nodes.filter((n) => n.type === 'role').map((n) => [n.id, n.position]));
    const edges = buildFlowEdges(this.catalogue, views, visible, { selectedEdgeId: null, selectedRoleId: null, hiddenTypes: new Set(), positions });
    return { nodes, edges, hiddenTypes: new Set(), phase: 'Alle faser' };
  }

  /** The roles the search finds: those whose name matches first, then the rest; each in the order they stand on the map. */
  readonly hits: string[] = $derived.by(() => {
    const m = this.matches;
    if (!m) return [];
    const onMap = this.nodes.filter((n) => n.type === 'role' && m.has(n.id)).map((n) => n.id);
    return namesFirst(this.catalogue.roles, onMap, this.#query);
  });

  /** Takes back what Svelte Flow changed: positions the user moved and the selection. */
  syncNodes(next: FlowNode[]) {
    let dragged: Map<string, Point> | null = null;
    let selected: string | null = null;
    for (const n of next) {
      if (n.type !== 'role') continue;
      if (n.selected) selected = n.id;
      const current = this.#dragged.get(n.id) ?? this.#layout?.roles[n.id];
      if (current && (current.x !== n.position.x || current.y !== n.position.y)) {
        dragged ??= new Map(this.#dragged);
        dragged.set(n.id, { x: n.position.x, y: n.position.y });
      }
    }
    if (dragged) this.#dragged = dragged;
    if (selected !== this.#selectedRoleId && (selected !== null || this.#selectedEdgeId === null)) this.selectRole(selected);
  }

  syncEdges(next: RelationFlowEdge[]) {
    const selected = next.find((e) => e.selected)?.id ?? null;
    if (selected !== this.#selectedEdgeId && (selected !== null || this.#selectedRoleId === null)) this.selectEdge(selected);
  }

  /** "Nulstil layout": forget dragged positions and lay out again. */
  async resetLayout() {
    this.#dragged = new Map();
    this.#layoutVersion++;
    await this.relayout();
  }

  /** Lays out the visible roles in the worker; a stale result is dropped by the engine. */
  async relayout() {
    const input = layoutInputFor(this.catalogue, this.visible);
    this.#layoutStatus = 'running';
    this.#layoutError = null;
    try {
      const layout = await this.#engine.layout(input);
      if (!layout) return;
      this.#layout = layout;
      this.#layoutVersion++;
      this.#layoutStatus = 'idle';
    } catch (e) {
      this.#layout ??= this.#initialLayout(layoutInputFor(this.catalogue)) ?? null;
      this.#layoutStatus = 'error';
      this.#layoutError = `Layoutet kunne ikke beregnes: ${e instanceof Error ? e.message : String(e)}. Rollerne vises på deres hidtidige pladser.`;
    }
  }

  #afterFilterChange() {
    if (this.#hideDimmed) void this.relayout();
  }
}
