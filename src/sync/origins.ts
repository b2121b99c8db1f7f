// Transaction origins of the workspace's Yjs document, in a module of their own so that
// code which only compares them does not load Yjs.

/** The origin of this user's own edits: the only ones this user's undo takes back. */
export const LOCAL_ORIGIN = 'rollekort-local';

/** The origin of updates read from storage: they are not stored again. */
export const FROM_STORAGE = 'rollekort-storage';

/** The origin of updates another tab of this browser sent: that tab has stored them. */
export const FROM_TAB = 'rollekort-tab';
