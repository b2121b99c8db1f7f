/** A storage fault the UI explains; the edits stay in memory whatever the kind. */
export interface StorageError {
  kind: 'unavailable' | 'quota' | 'newer-version' | 'conflict' | 'invalid' | 'unknown';
  message: string;
}

const EXPORT_HINT = 'Dine ændringer er bevaret i dette vindue; brug Eksportér for at gemme en kopi.';

/** Turns whatever IndexedDB threw into a Danish explanation of what happened and what to do. */
export function storageError(e: unknown): StorageError {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  if (name === 'QuotaExceededError')
    return { kind: 'quota', message: `Der er ikke mere lagerplads til Rollekort i browseren, så ændringen blev ikke gemt. Frigør plads (fx ved at slette gamle arbejdsområder), og prøv igen. ${EXPORT_HINT}` };
  if (name === 'VersionError')
    return { kind: 'newer-version', message: `En nyere version af Rollekort er åbnet i en anden fane. Genindlæs siden for at fortsætte. ${EXPORT_HINT}` };
  // the browser's own text is English and technical: name the error, explain in Danish
  return { kind: 'unknown', message: `Ændringen kunne ikke gemmes på grund af en fejl i browserens lager (${name || 'ukendt fejl'}). Prøv igen om lidt. ${EXPORT_HINT}` };
}

export const UNAVAILABLE: StorageError = {
  kind: 'unavailable',
  message: `Browseren giver ikke Rollekort adgang til lagring (IndexedDB), fx i privat tilstand. Intet gemmes, når siden lukkes. ${EXPORT_HINT}`,
};

export const NEWER_VERSION: StorageError = {
  kind: 'newer-version',
  message: `En nyere version af Rollekort er åbnet i en anden fane, så denne fane gemmer ikke længere. Genindlæs siden for at fortsætte. ${EXPORT_HINT}`,
};

const MEANWHILE =
  'Imens arbejder du i et midlertidigt arbejdsområde i hukommelsen: Eksportér virker, og det, du laver, gemmes, så snart lageret svarer.';

/** The open waits on an older connection in another tab that will not close. */
export const BLOCKED: StorageError = {
  kind: 'unavailable',
  message: `Browserens lager svarer ikke, fordi en anden fane med en ældre udgave af Rollekort holder det åbent. Luk eller genindlæs de andre Rollekort-faner. ${MEANWHILE}`,
};

/** The open has not answered, for no reason the browser gives. */
export const NO_ANSWER: StorageError = {
  kind: 'unavailable',
  message: `Browserens lager svarer ikke. Luk eventuelle andre Rollekort-faner, eller vent lidt. ${MEANWHILE}`,
};
