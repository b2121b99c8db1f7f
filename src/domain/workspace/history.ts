/** Undo and redo over immutable snapshots. */
export class UndoHistory<T> {
  #past: T[] = [];
  #future: T[] = [];
  #limit: number;

  constructor(limit = 100) {
    this.#limit = limit;
  }

  get canUndo() {
    return this.#past.length > 0;
  }
  get canRedo() {
    return this.#future.length > 0;
  }

  /** Records the state before a change; a new change clears what could be redone. */
  record(before: T) {
    this.#past.push(before);
    if (this.#past.length > this.#limit) this.#past.shift();
    this.#future = [];
  }

  /** The state to go back to, given the current one; null when there is nothing to undo. */
  undo(current: T): T | null {
    const previous = this.#past.pop();
    if (previous === undefined) return null;
    this.#future.push(current);
    return previous;
  }

  redo(current: T): T | null {
    const next = this.#future.pop();
    if (next === undefined) return null;
    this.#past.push(current);
    return next;
  }

  clear() {
    this.#past = [];
    this.#future = [];
  }
}
