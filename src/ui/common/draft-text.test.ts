import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DRAFT_IDLE_MS, draftText, type DraftHost } from './draft-text';

/** Just what the action uses of a text field: its value and its input and change events. */
class Field extends EventTarget {
  value = '';
  type(text: string) {
    this.value += text;
    this.dispatchEvent(new Event('input'));
  }
  leave() {
    this.dispatchEvent(new Event('change'));
  }
}

/** A host like the workspace: it holds the drafts and can commit them all, as it does on pagehide. */
function host() {
  const drafts = new Map<object, () => void>();
  return {
    drafts,
    holdDraft: (key: object, commit: () => void) => void drafts.set(key, commit),
    releaseDraft: (key: object) => void drafts.delete(key),
    commitAll: () => [...drafts.values()].forEach((commit) => commit()),
  } satisfies DraftHost & Record<string, unknown>;
}

function setup(value = '') {
  const field = new Field();
  field.value = value;
  const h = host();
  const commits: string[] = [];
  const action = draftText(field as unknown as HTMLTextAreaElement, { host: h, value, commit: (v) => void commits.push(v) });
  return { field, h, commits, action };
}

describe('draftText', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('holds typed text as a draft and commits it once at a pause in typing', () => {
    const { field, h, commits } = setup();
    field.type('Ab');
    vi.advanceTimersByTime(DRAFT_IDLE_MS - 1);
    field.type('c');
    expect(h.drafts.size).toBe(1);
    vi.advanceTimersByTime(DRAFT_IDLE_MS - 1);
    expect(commits).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(commits).toEqual(['Abc']);
    expect(h.drafts.size).toBe(0);
    // leaving the field with nothing new commits nothing more
    field.leave();
    expect(commits).toEqual(['Abc']);
  });

  it('commits at once when the field is left, and not again at the pause', () => {
    const { field, commits } = setup('x');
    field.type('y');
    field.leave();
    vi.advanceTimersByTime(DRAFT_IDLE_MS * 2);
    expect(commits).toEqual(['xy']);
  });

  it('commits when the host commits every draft (the page is going)', () => {
    const { field, h, commits } = setup();
    field.type('Til drift');
    h.commitAll();
    expect(commits).toEqual(['Til drift']);
    expect(h.drafts.size).toBe(0);
  });

  it('typed back to the stored text is no draft, and commits nothing', () => {
    const { field, h, commits } = setup('ab');
    field.type('c');
    field.value = 'ab';
    field.dispatchEvent(new Event('input'));
    expect(h.drafts.size).toBe(0);
    vi.advanceTimersByTime(DRAFT_IDLE_MS);
    field.leave();
    expect(commits).toEqual([]);
  });

  it('follows the stored value: after an undo, typing the old text again is committed', () => {
    const { field, h, commits, action } = setup();
    field.type('Ny');
    field.leave();
    // undo: the workspace shows '' again
    field.value = '';
    action.update!({ host: h, value: '', commit: (v) => void commits.push(v) });
    field.type('Ny');
    field.leave();
    expect(commits).toEqual(['Ny', 'Ny']);
  });

  it('commits a waiting draft by its own commit before the field shows something else, and when it goes', () => {
    const { field, h, commits, action } = setup();
    const other: string[] = [];
    field.type('til rolle A');
    action.update!({ host: h, value: '', commit: (v) => void other.push(v) });
    expect(commits).toEqual(['til rolle A']);
    field.type(' mere');
    action.destroy!();
    expect(other).toEqual(['til rolle A mere']);
    expect(h.drafts.size).toBe(0);
  });

  it('text the commit refuses at a pause stays a draft until the field is left', () => {
    const field = new Field();
    const h = host();
    const seen: [string, string][] = [];
    // like a title: a trailing space is still being typed, and is stored trimmed when the field is left
    draftText(field as unknown as HTMLInputElement, {
      host: h,
      value: '',
      commit: (v, how) => {
        if (how === 'pause' && v !== v.trim()) return false;
        seen.push([v, how]);
      },
    });
    field.type('Fra projekt ');
    vi.advanceTimersByTime(DRAFT_IDLE_MS);
    expect(seen).toEqual([]);
    expect(h.drafts.size).toBe(1);
    field.type('til drift');
    vi.advanceTimersByTime(DRAFT_IDLE_MS);
    expect(seen).toEqual([['Fra projekt til drift', 'pause']]);
    field.type(' ');
    h.commitAll();
    expect(seen.at(-1)).toEqual(['Fra projekt til drift ', 'leave']);
    expect(h.drafts.size).toBe(0);
  });
});
