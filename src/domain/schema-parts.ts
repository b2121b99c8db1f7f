import * as v from 'valibot';
import { hasVisibleText, isWellFormed } from './text';

/** Text with half a surrogate pair is refused: it would not read back the same from UTF-8 (storage, export, sync). */
const WHOLE = 'indeholder et ugyldigt tegn (en halv tegnkode)';

/** The pieces the workspace and tour schemas share, each bounded, with Danish messages. */

/** A record id: letters a-z, digits, - and _. */
export const recordId = (max: number) =>
  v.pipe(
    v.string('skal være en tekst'),
    v.minLength(1, 'må ikke være tom'),
    v.maxLength(max, `er for lang (højst ${max} tegn)`),
    v.regex(/^[A-Za-z0-9_-]+$/, 'må kun indeholde bogstaver a-z, tal, - og _'),
  );

/** A name people read: trimmed, not empty, not invisible characters alone. */
export const visibleName = (max: number) =>
  v.pipe(
    v.string('skal være en tekst'),
    v.trim(),
    v.minLength(1, 'må ikke være tom'),
    v.maxLength(max, `er for lang (højst ${max} tegn)`),
    v.check(hasVisibleText, 'må ikke bestå af usynlige tegn alene'),
    v.check(isWellFormed, WHOLE),
  );

/** Any text up to `max` characters. */
export const boundedText = (max: number) =>
  v.pipe(v.string('skal være en tekst'), v.maxLength(max, `er for lang (højst ${max} tegn)`), v.check(isWellFormed, WHOLE));

/** A list of at most `max` items; `what` names them in the message. */
export const boundedList = <T extends v.GenericSchema>(item: T, max: number, what: string) =>
  v.pipe(v.array(item, 'skal være en liste'), v.maxLength(max, `har for mange ${what} (højst ${max})`));
