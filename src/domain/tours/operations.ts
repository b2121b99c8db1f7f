import { err, ok, type Result } from '../result';
import type { WorkspaceData } from '../workspace/schema';
import { TOUR_LIMITS, type Tour, type TourStep } from './schema';

type Edit = (ws: WorkspaceData) => Result<WorkspaceData, string>;

const withTour = (ws: WorkspaceData, tourId: string, change: (t: Tour) => Result<Tour, string>): Result<WorkspaceData, string> => {
  const i = ws.tours.findIndex((t) => t.id === tourId);
  if (i < 0) return err('Rundvisningen findes ikke længere.');
  const next = change(ws.tours[i]!);
  if (!next.ok) return next;
  return ok({ ...ws, tours: ws.tours.map((t, j) => (j === i ? next.value : t)) });
};

/** Adds a tour (a new one, or one read from a file); an id already in use gets a fresh one. */
export function addTour(tour: Tour, freshId: string): Edit {
  return (ws) => {
    if (ws.tours.length >= TOUR_LIMITS.tours) return err(`Arbejdsområdet har allerede ${TOUR_LIMITS.tours} rundvisninger, som er det højeste antal.`);
    const id = ws.tours.some((t) => t.id === tour.id) ? freshId : tour.id;
    return ok({ ...ws, tours: [...ws.tours, { ...tour, id }] });
  };
}

/** Changes a tour's title and audience line. */
export function renameTour(tourId: string, title: string, audience: string): Edit {
  return (ws) => withTour(ws, tourId, (t) => ok({ ...t, title, audience }));
}

export function removeTour(tourId: string): Edit {
  return (ws) => (ws.tours.some((t) => t.id === tourId) ? ok({ ...ws, tours: ws.tours.filter((t) => t.id !== tourId) }) : err('Rundvisningen findes ikke længere.'));
}

/** Adds a step at the end ("Tilføj trin"). */
export function addStep(tourId: string, step: TourStep): Edit {
  return (ws) =>
    withTour(ws, tourId, (t) =>
      t.steps.length >= TOUR_LIMITS.steps ? err(`En rundvisning kan højst have ${TOUR_LIMITS.steps} trin.`) : ok({ ...t, steps: [...t.steps, step] }),
    );
}

/** Replaces step `index`. */
export function updateStep(tourId: string, index: number, step: TourStep): Edit {
  return (ws) =>
    withTour(ws, tourId, (t) => (t.steps[index] ? ok({ ...t, steps: t.steps.map((s, i) => (i === index ? step : s)) }) : err('Trinnet findes ikke længere.')));
}

export function removeStep(tourId: string, index: number): Edit {
  return (ws) =>
    withTour(ws, tourId, (t) => (t.steps[index] ? ok({ ...t, steps: t.steps.filter((_, i) => i !== index) }) : err('Trinnet findes ikke længere.')));
}

/** Moves step `from` to position `to` (drag and drop, or Alt+arrow keys). */
export function moveStep(tourId: string, from: number, to: number): Edit {
  return (ws) =>
    withTour(ws, tourId, (t) => {
      if (!t.steps[from] || to < 0 || to >= t.steps.length) return err('Trinnet kan ikke flyttes dertil.');
      const steps = [...t.steps];
      const [moved] = steps.splice(from, 1);
      steps.splice(to, 0, moved!);
      return ok({ ...t, steps });
    });
}
