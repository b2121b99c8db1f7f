import { readFileSync } from 'node:fs';
import { HOSTILE_CASES } from '../src/document/hostile-fixtures';
import { READ_STEP_NAMES } from '../src/document/read';
import { test, expect } from './fixtures';
import { iso, WorkspacePage } from './workspace-page';
import { WORKSPACE_VERSION } from '../src/domain/workspace/schema';

test.describe('storage, export and import', () => {
  test('two tabs on the same workspace stay in step', async ({ page, context }) => {
    const a = new WorkspacePage(page);
    await a.open();
    const other = await context.newPage();
    const b = new WorkspacePage(other);
    await b.open();
    await a.addPerson('Fra Fane A');
    // the issue asks for other tabs to show a change within a second
    await expect(b.person('Fra Fane A')).toBeVisible({ timeout: 1000 });
    await b.person('Fra Fane A').dragTo(b.node('gevinstejer'));
    await expect(a.names('gevinstejer')).toHaveText(['Fra Fane A'], { timeout: 1000 });
    await a.saved();
    await b.saved();
    // both edits are stored as updates of the one workspace, and a third tab opens with them
    expect(await a.stored()).toHaveLength(1);
    expect(await a.storedUpdates()).toBeGreaterThanOrEqual(2);
    const c = new WorkspacePage(await context.newPage());
    await c.open();
    await expect(c.person('Fra Fane A')).toBeVisible();
    await expect(c.names('gevinstejer')).toHaveText(['Fra Fane A']);
  });

  test('export, then import into a new workspace with the same content', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await w.addPerson('Eksport Person');
    await w.saved();
    const download = page.waitForEvent('download');
    await w.workspaceAction('Eksportér');
    const file = await download;
    expect(file.suggestedFilename()).toBe('Eksempel Kommune.rollekort.json');
    const text = readFileSync((await file.path())!, 'utf8');
    const doc = JSON.parse(text);
    expect(doc).toMatchObject({ format: 'rollekort-workspace', version: WORKSPACE_VERSION, catalogue: { id: 'rollegalleri', version: '1.5' } });
    expect(doc.workspace.people.some((p: { name: string }) => p.name === 'Eksport Person')).toBe(true);

    await page.getByLabel('Importér', { exact: true }).setInputFiles({ name: 'kopi.rollekort.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    // the original is still there, so the copy gets a name of its own, and the user is told
    await expect(w.workspaceSelect.locator('option')).toHaveText(['Eksempel Kommune', 'Eksempel Kommune (2)']);
    await expect(w.workspaceSelect.locator('option:checked')).toHaveText('Eksempel Kommune (2)');
    await expect(
      page.getByRole('status').filter({
        hasText: `${iso('kopi.rollekort.json')} er importeret som et nyt arbejdsområde. Der findes allerede et arbejdsområde med navnet »${iso('Eksempel Kommune')}«, så det nye hedder »${iso('Eksempel Kommune (2)')}«.`,
      }),
    ).toBeVisible();
    await expect(w.person('Eksport Person')).toBeVisible();
    await w.saved();
    const again = page.waitForEvent('download');
    await w.workspaceAction('Eksportér');
    const second = JSON.parse(readFileSync((await (await again).path())!, 'utf8'));
    expect(second.workspace).toEqual({ ...doc.workspace, name: 'Eksempel Kommune (2)' });
  });

  test(`refuses ${HOSTILE_CASES.length} malformed or hostile files with a Danish message, changing nothing`, async ({ page }) => {
    test.setTimeout(90_000);
    const w = new WorkspacePage(page);
    await w.open();
    await w.saved();
    const before = await w.stored();
    const options = await w.workspaceSelect.locator('option').allTextContents();
    const input = page.getByLabel('Importér', { exact: true });
    for (const c of HOSTILE_CASES) {
      await input.setInputFiles({ name: `${c.name}.json`, mimeType: 'application/json', buffer: Buffer.from(c.text) });
      const alert = page.getByRole('alert').filter({ hasText: `Importen af ${iso(`${c.name}.json`)} mislykkedes` });
      await expect(alert, c.name).toBeVisible();
      await expect(alert, c.name).toContainText('Intet er ændret');
      if (c.step !== 'size') await expect(alert, c.name).toContainText(new RegExp(c.message.source.replace(/^\^/, '')));
      // the technical place, apart from the Danish sentence
      if (c.step !== 'size') await expect(alert, c.name).toContainText(`Detaljer: ${READ_STEP_NAMES[c.step as keyof typeof READ_STEP_NAMES]}`);
    }
    expect(await w.stored()).toEqual(before);
    expect(await w.workspaceSelect.locator('option').allTextContents()).toEqual(options);
    expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted ?? null)).toBeNull();
  });

  test('a file with markup in names imports, and the markup is shown as text', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    const evil = '<script>window.__xss=1</script>';
    const doc = {
      format: 'rollekort-workspace',
      version: 1,
      catalogue: { id: 'rollegalleri', version: '1.5' },
      workspace: {
        name: '<b>Kommune</b>',
        orgUnits: [],
        people: [{ id: 'p-1', name: evil }],
        systems: [{ id: 's-1', name: '<i>AULA</i>', phase: 'fase-1-opstart' }],
        assignments: [{ id: 'a-1', personId: 'p-1', roleId: 'projektleder', systemId: 's-1' }],
      },
    };
    await page.getByLabel('Importér', { exact: true }).setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await expect(w.workspaceSelect.locator('option:checked')).toHaveText('<b>Kommune</b>');
    await expect(w.names('projektleder')).toHaveText([evil]);
    await expect(w.person(evil)).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  test('quota exceeded (through the DevTools Protocol) keeps edits in memory, keeps export working, and saves on retry', async ({ page, context }) => {
    // Chromium applies an override when the origin's IndexedDB is first opened, so set it before loading
    const cdp = await context.newCDPSession(page);
    const origin = new URL(test.info().project.use.baseURL!).origin;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
    const w = new WorkspacePage(page);
    await w.open();
    await expect(page.getByRole('alert')).toContainText('ikke mere lagerplads');
    await expect(w.saveState).toHaveAttribute('data-save-state', 'error');
    await expect(w.person('Bo Madsen')).toBeVisible();
    await w.addPerson('Over Kvoten');
    await w.person('Over Kvoten').dragTo(w.node('gevinstejer'));
    await expect(w.names('gevinstejer')).toHaveText(['Over Kvoten']);
    await expect(w.saveState).toHaveAttribute('data-save-state', 'error');
    const download = page.waitForEvent('download');
    await w.workspaceAction('Eksportér');
    const exported = readFileSync((await (await download).path())!, 'utf8');
    expect(exported).toContain('Over Kvoten');
    // nothing empty or partial was written
    expect(await w.stored()).toEqual([]);

    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await page.getByRole('button', { name: 'Prøv at gemme igen' }).click();
    await w.saved();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.reload();
    await expect(w.names('gevinstejer')).toHaveText(['Over Kvoten']);
  });

  test('without IndexedDB (e.g. private mode) the app works from memory and says so', async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
    const w = new WorkspacePage(page);
    await w.open();
    await expect(page.getByRole('alert')).toContainText('Browseren giver ikke Rollekort adgang til lagring');
    await w.addPerson('Kun I Hukommelsen');
    await w.person('Kun I Hukommelsen').dragTo(w.node('gevinstejer'));
    await expect(w.names('gevinstejer')).toHaveText(['Kun I Hukommelsen']);
    const download = page.waitForEvent('download');
    await w.workspaceAction('Eksportér');
    expect(readFileSync((await (await download).path())!, 'utf8')).toContain('Kun I Hukommelsen');
  });

  test('a newer version of the app in another tab stops this tab from writing, with a message', async ({ page, context }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await w.saved();
    const other = await context.newPage();
    await other.goto('/favicon.svg');
    await other.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('rollekort', 99);
          req.onsuccess = () => {
            req.result.close();
            resolve();
          };
          req.onerror = () => reject(req.error);
        }),
    );
    await expect(page.getByRole('alert')).toContainText('En nyere version af Rollekort er åbnet i en anden fane');
    await w.addPerson('Efter Opgradering');
    await expect(w.saveState).toHaveAttribute('data-save-state', 'error');
    await expect(w.person('Efter Opgradering')).toBeVisible();
  });

  test('asks for persistent storage and shows the answer', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await expect(page.locator('[data-persisted]')).toHaveText(/Lagringen er sikret mod oprydning|Browseren kan rydde lagringen ved pladsmangel/);
  });
});
