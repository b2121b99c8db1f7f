// The parts Danish role names are compounded from; a long name may break before them.
// (and after a slash, as in "Klassifikations-/sortimentsadministrator")
const PARTS = /(?<=\p{L}{3})(?=(?:administrator|ansvarlig|ejer|berettiget|behandler|aftaler|komponent|system|chef|leder))|(?<=\/)(?=\p{L})/giu;

/**
 * A role name cut where a line may break inside a long compound word ("System|administrator"),
 * so that large type breaks between word parts instead of mid-syllable. Rendering only.
 */
export function nameParts(name: string): string[] {
  return name.split(PARTS);
}
