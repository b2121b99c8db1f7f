import type { ChecklistStepId } from '../../domain/workspace';

/** The builder's six steps, one per Bilag 1 checklist item, with a short Danish title. */
export const STEPS: { id: ChecklistStepId; title: string }[] = [
  { id: 'bilag1-1', title: 'Relevante roller' },
  { id: 'bilag1-2', title: 'SPOC' },
  { id: 'bilag1-3', title: 'Tilpasning' },
  { id: 'bilag1-4', title: 'KLIK-opgaver' },
  { id: 'bilag1-5', title: 'Tidspunkt og status' },
  { id: 'bilag1-6', title: 'Overdragelse' },
];
