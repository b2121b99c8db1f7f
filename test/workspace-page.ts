import * as Y from 'yjs';
import { rawWorkspace } from '../src/sync/workspace-doc';
import { expect, type Locator, type Page } from '@playwright/test';

/** A user-supplied name as the app puts it into its own sentences: isolated between FSI and PDI. */
export const iso = (name: string) => `\u2068${name}\u2069`;

/** The zoom factor of the map's viewport. */
export async function mapZoom(page: Page): Promise<number> {
  const transform = await page.locator('.svelte-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? NaN);
}

/** Page object for the workshop: people, IT systems, assignments and storage. */
export class WorkspacePage {
  constructor(readonly page: Page) {}

  async open(query = '') {
    await this.page.goto(`/${query}`);
    await expect(this.saveState).toHaveAttribute('data-save-state', /saved|memory|error/);
  }
  get saveState(): Locator {
    return this.page.locator('[data-save-state]');
  }
  async saved() {
    await expect(this.saveState).toHaveAttribute('data-save-state', 'saved');
  }
  get people(): Locator {
    return this.page.getByRole('list', { name: 'Personer' });
  }
  person(name: string): Locator {
    return this.people.locator('li[draggable="true"]', { hasText: name });
  }
  node(id: string): Locator {
    return this.page.locator(`.svelte-flow__node[data-id="${id}"]`);
  }
  /** Waits until a role node stops moving (the camera glides to a selected role), so a drag lands on it. */
  async settledNode(id: string): Promise<Locator> {
    const node = this.node(id);
    let last = '';
    await expect
      .poll(async () => {
        const box = JSON.stringify(await node.boundingBox());
        const still = box === last;
        last = box;
        return still;
      }, { intervals: [100] })
      .toBe(true);
    return node;
  }
  chips(roleId: string): Locator {
    return this.node(roleId).locator('[data-assignment-id]');
  }
  /** The names on a role node's assignee chips. */
  names(roleId: string): Locator {
    return this.node(roleId).locator('[data-assignment-id] [data-chip-name]');
  }
  /**
   * Zooms the map in around a role until role boxes show their detail (the holder chips):
   * zoomed out, a role shows only its name in large type.
   */
  async zoomToRole(roleId: string) {
    await this.node(roleId).focus();
    const map = this.page.locator('.graph');
    for (let i = 0; i < 8 && (await map.getAttribute('data-zoom-level')) !== 'detail'; i++) {
      const before = await mapZoom(this.page);
      await this.page.keyboard.press('+');
      // each press zooms by 1.25 (smoothly); wait for the move to end before the next
      await expect.poll(() => mapZoom(this.page)).toBeGreaterThan(before * 1.24);
    }
    await expect(map).toHaveAttribute('data-zoom-level', 'detail');
  }
  /** Opens the "Personer" tab of the side panel, where the people list is. */
  async showPeople() {
    await this.page.getByRole('tab', { name: 'Personer' }).click();
  }
  get system(): Locator {
    return this.page.getByLabel('It-system', { exact: true });
  }
  /** Opens the workspace menu ("Handlinger") when it is closed, and clicks the action named. */
  async workspaceAction(name: string) {
    const toggle = this.page.getByRole('button', { name: 'Handlinger', exact: true });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await this.page.getByRole('group', { name: 'Handlinger for arbejdsområdet' }).getByRole('button', { name }).click();
  }
  get workspaceSelect(): Locator {
    return this.page.getByLabel('Arbejdsområde', { exact: true });
  }
  async addPerson(name: string, extra: { title?: string; unit?: string; email?: string } = {}) {
    await this.page.getByRole('button', { name: 'Tilføj person' }).click();
    const form = this.page.getByRole('form', { name: 'Tilføj person' });
    await form.getByLabel('Navn').fill(name);
    if (extra.title) await form.getByLabel('Stilling').fill(extra.title);
    if (extra.unit) await form.getByLabel('Enhed').fill(extra.unit);
    if (extra.email) await form.getByLabel('E-mail').fill(extra.email);
    await form.getByRole('button', { name: 'Tilføj', exact: true }).click();
    await expect(this.person(name)).toBeVisible();
  }
  /** Every stored workspace record (the checkpoints), read straight from IndexedDB. */
  stored(): Promise<unknown[]> {
    return this.#readAll('workspaces');
  }
  /** How many workspace updates are stored since their checkpoints. */
  async storedUpdates(): Promise<number> {
    return (await this.#readAll('updates')).length;
  }
  /**
   * Every stored workspace as the app would open it: its checkpoint's Yjs state with the
   * updates since, decoded here (or, stored by an older version, its JSON document).
   */
  async storedWorkspaces(): Promise<{ id: string; workspace: Record<string, unknown> }[]> {
    const [records, updates] = (await this.#readAll('workspaces', 'updates')) as unknown as [
      { id: string; state?: number[]; doc: { workspace: Record<string, unknown> } }[],
      { workspaceId: string; update: number[] }[],
    ];
    return records.map((r) => {
      if (!r.state) return { id: r.id, workspace: r.doc.workspace };
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Uint8Array.from(r.state));
      for (const u of updates) if (u.workspaceId === r.id) Y.applyUpdate(doc, Uint8Array.from(u.update));
      return { id: r.id, workspace: rawWorkspace(doc) };
    });
  }
  /** The records of one store; with a second store, both (as a pair), read in one transaction. Bytes come back as number arrays. */
  #readAll(store: string, second?: string): Promise<unknown[]> {
    return this.page.evaluate(
      ([store, second]) =>
        new Promise<unknown[]>((resolve, reject) => {
          const plain = (x: unknown): unknown =>
            x instanceof Uint8Array ? Array.from(x) : x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, plain(v)])) : x;
          const req = indexedDB.open('rollekort');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const db = req.result;
            const names = second ? [store, second] : [store];
            const tx = db.transaction(names);
            const gets = names.map((n) => tx.objectStore(n).getAll());
            tx.oncomplete = () => {
              db.close();
              const all = gets.map((g) => (g.result as unknown[]).map(plain));
              resolve(second ? all : all[0]!);
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      [store, second] as const,
    );
  }
}
