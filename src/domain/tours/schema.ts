import * as v from 'valibot';
import { boundedList, boundedText, recordId, visibleName } from '../schema-parts';

/** The `format` of a tour file (`*.rundvisning.json`, and the built-in tours in static/tours). */
export const TOUR_FORMAT = 'rollekort-rundvisning';
/** Version of the tour file shape. */
export const TOUR_VERSION = 1;

/** Bounds of a tour: every string and list is bounded, as in the workspace. */
export const TOUR_LIMITS = {
  id: 100,
  title: 200,
  text: 2000,
  quote: 2000,
  quotes: 10,
  roles: 64,
  relations: 200,
  types: 30,
  steps: 100,
  tours: 200,
} as const;

const id = recordId(TOUR_LIMITS.id);
const bounded = boundedText;
const title = visibleName(TOUR_LIMITS.title);
const list = boundedList;
const coordinate = v.pipe(v.number('skal være et tal'), v.finite('skal være et endeligt tal'), v.minValue(-1e6, 'er for lille'), v.maxValue(1e6, 'er for stor'));

/** Where the camera goes for a step: framing the step's roles, or a viewport the trainer stored. */
export const TourCameraSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('fit') }),
  v.strictObject({
    kind: v.literal('viewport'),
    x: coordinate,
    y: coordinate,
    zoom: v.pipe(v.number('skal være et tal'), v.minValue(0.05, 'er for lille'), v.maxValue(5, 'er for stor')),
  }),
]);

/** One step: words, the source's words, what the map shows and where the camera goes. */
export const TourStepSchema = v.strictObject({
  title,
  text: bounded(TOUR_LIMITS.text),
  /** Sentences from the Rollegalleri, verbatim. */
  quotes: list(bounded(TOUR_LIMITS.quote), TOUR_LIMITS.quotes, 'citater'),
  roles: list(id, TOUR_LIMITS.roles, 'roller'),
  relations: list(bounded(TOUR_LIMITS.id * 3), TOUR_LIMITS.relations, 'relationer'),
  /** The phase and column filter, as the map's URL writes it: "alle", a phase id, "implementering" or "drift". */
  phase: id,
  /** Relation types switched off in this step. */
  hiddenTypes: list(id, TOUR_LIMITS.types, 'relationstyper'),
  camera: TourCameraSchema,
  /** For the presenter's window only. */
  notes: v.optional(bounded(TOUR_LIMITS.text)),
});

/** A guided tour ("Rundvisning"). */
export const TourSchema = v.strictObject({
  id,
  title,
  audience: bounded(TOUR_LIMITS.title),
  steps: list(TourStepSchema, TOUR_LIMITS.steps, 'trin'),
});

/** A tour file: the envelope around one tour. */
export const TourFileSchema = v.strictObject({
  $schema: v.optional(bounded(200)),
  format: v.literal(TOUR_FORMAT, `skal være "${TOUR_FORMAT}"`),
  version: v.literal(TOUR_VERSION),
  catalogue: v.strictObject({
    id: v.literal('rollegalleri', 'skal være "rollegalleri"'),
    version: bounded(20),
  }),
  tour: TourSchema,
});

export type TourCamera = v.InferOutput<typeof TourCameraSchema>;
export type TourStep = v.InferOutput<typeof TourStepSchema>;
export type Tour = v.InferOutput<typeof TourSchema>;
export type TourFile = v.InferOutput<typeof TourFileSchema>;
