import * as v from 'valibot';
import type { Catalogue } from '../catalogue';
import { err, ok, type Result } from '../result';
import { safeFileStem } from '../text';
import { danishIssue } from '../workspace/validate';
import { checkTourRefs } from './refs';
import { TOUR_FORMAT, TOUR_VERSION, TourFileSchema, type Tour, type TourFile } from './schema';

/** Upper bound for a tour file: a full tour of long steps is far below it. */
export const MAX_TOUR_BYTES = 2 * 1024 * 1024;

/** The file envelope for a tour. */
export function toTourFile(tour: Tour, catalogue: Catalogue): TourFile {
  return { format: TOUR_FORMAT, version: TOUR_VERSION, catalogue: { id: 'rollegalleri', version: catalogue.catalogueVersion }, tour };
}

/** The JSON text of a tour file. */
export const serializeTour = (tour: Tour, catalogue: Catalogue) => `${JSON.stringify(toTourFile(tour, catalogue), null, 2)}\n`;

/** The file name of an exported tour, made safe for file systems. */
export function tourFileName(title: string): string {
  return `${safeFileStem(title, 'rundvisning')}.rundvisning.json`;
}

/** Says in Danish where a path in a tour file points: "tour.steps[1].title" is "Trin 2, titel". */
function describeTourPath(path: string): string {
  const FIELDS: Record<string, string> = { title: 'titel', text: 'tekst', quotes: 'citater', roles: 'roller', relations: 'relationer', phase: 'fase', hiddenTypes: 'skjulte relationstyper', camera: 'kamera', notes: 'noter', audience: 'målgruppe', id: 'id', steps: 'trin' };
  const step = /^tour\.steps\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (step) return `Trin ${Number(step[1]) + 1}${step[2] ? `, ${FIELDS[step[2]] ?? step[2]}` : ''}`;
  const field = /^tour\.(\w+)/.exec(path);
  if (field) return `Rundvisningens ${FIELDS[field[1]!] ?? field[1]}`;
  return path || 'Filen';
}

/**
 * Reads a `*.rundvisning.json` file: size, JSON, envelope, schema, then every role,
 * relation and phase it names must exist. Returns the tour or a Danish reason.
 */
export function readTourText(text: string, catalogue: Catalogue): Result<Tour, string> {
  if (new TextEncoder().encode(text).length > MAX_TOUR_BYTES) return err('Filen er for stor til at være en rundvisning (højst 2 MB).');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err('Filen er ikke gyldig JSON, så den kan ikke være en rundvisning. Vælg en fil, der er gemt med »Eksportér rundvisning«.');
  }
  if (typeof json !== 'object' || json === null || (json as Record<string, unknown>).format !== TOUR_FORMAT)
    return err('Filen er ikke en Rollekort-rundvisning. Vælg en fil, der hedder ….rundvisning.json.');
  const version = (json as Record<string, unknown>).version;
  if (typeof version === 'number' && version > TOUR_VERSION)
    return err(`Rundvisningen er gemt af en nyere version af Rollekort (format ${version}; denne version kender op til ${TOUR_VERSION}).`);
  const parsed = v.safeParse(TourFileSchema, json);
  if (!parsed.success) {
    const issue = danishIssue(parsed.issues[0]);
    return err(`${describeTourPath(issue.place ?? issue.path)}: ${issue.message}`);
  }
  const [problem] = checkTourRefs(parsed.output.tour, catalogue);
  if (problem) return err(`Trin ${problem.step + 1}: ${problem.message}. Rundvisningen passer ikke til dette rollegalleri og er ikke indlæst.`);
  return ok(parsed.output.tour);
}
