import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { test, expect } from './fixtures';
import { WorkspacePage } from './workspace-page';

interface Dump {
  version: number;
  stores: { workspaces: { id: string; doc: { workspace: { people: unknown[] } } }[]; meta: unknown[]; backups?: unknown[] };
}
const fixture = (): Dump => JSON.parse(readFileSync('test/fixtures/damaged-v1.idb.json', 'utf8'));

/**
 * Writes a database dump into the origin's real IndexedDB, as the version of the app that
 * made it would have. `page` is a tab of its own, not the app's (its favicon request 404s).
 */
async function seed(page: Page, dump: Dump, keepOpen = false) {
  await page.goto('/favicon.svg');
  await page.evaluate(
    ({ dump, keepOpen }) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('rollekort', dump.version);
        req.onupgradeneeded = () => {
          req.result.createObjectStore('workspaces', { keyPath: 'id' });
          req.result.createObjectStore('meta', { keyPath: 'key' });
          if (dump.stores.backups) req.result.createObjectStore('backups', { keyPath: 'id' });
        };
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['workspaces', 'meta'], 'readwrite');
          for (const w of dump.stores.workspaces) tx.objectStore('workspaces').put(w);
          for (const m of dump.stores.meta) tx.objectStore('meta').put(m);
          tx.oncomplete = () => {
            // an old tab's connection that never answers a request to close
            if (keepOpen) (window as unknown as { oldConnection: IDBDatabase }).oldConnection = db;
            else db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { dump, keepOpen },
  );
}

/** True when the first character of `text` inside the element is drawn left of its last: the app's words read left to right. */
function drawnLeftToRight(locator: Locator, text: string): Promise<boolean> {
  return locator.evaluate((el, text) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(text);
      if (at < 0) continue;
      const x = (i: number) => {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        return range.getBoundingClientRect().left;
      };
      return x(at) < x(at + text.length - 1);
    }
    throw new Error(`»${text}« is not in the element`);
  }, text);
}

async function importPeople(page: Page, csv: string) {
  await page.getByRole('button', { name: 'Importér personer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Importér personer' });
  // as one paste: Playwright's fill() takes seconds per thousand lines, which the app does not
  await dialog.getByLabel('Rækker fra regneark').evaluate((el, text) => {
    (el as HTMLTextAreaElement).value = text;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, csv);
  return dialog;
}

test.describe('a saved workspace always opens again', () => {
  test('each trigger of the old fault, through the UI: refused in Danish, and the workspace opens after a reload', async ({ page }) => {
    test.setTimeout(180_000);
    const w = new WorkspacePage(page);
    await w.open();
    const reloadOpens = async () => {
      await w.saved();
      await page.reload();
      await w.saved();
      await expect(w.workspaceSelect.locator('option:checked')).toHaveText('Eksempel Kommune');
      await expect(page.locator('[data-damaged-list]')).toHaveCount(0);
      await expect(w.person('Bo Madsen')).toBeVisible();
    };

    // a unit name of 201 characters, and an e-mail of 501, in pasted rows: those rows are left out, with why
    let dialog = await importPeople(page, `Navn;Enhed;E-mail\nLang Enhed;${'E'.repeat(201)};le@k.dk\nLang Mail;IT;${'m'.repeat(490)}@example.dk\nKort Navn;IT;kn@k.dk\n`);
    await expect(dialog.locator('[data-skipped-rows] li')).toHaveText([
      'Række 2: Enhedens navn er for langt (højst 200 tegn, her 201).',
      'Række 3: E-mailadressen er for lang (højst 500 tegn, her 501).',
    ]);
    await dialog.getByRole('button', { name: 'Importér 1 person' }).click();
    await expect(w.person('Kort Navn')).toBeVisible();
    await reloadOpens();

    // the same e-mail typed into the form
    await page.getByRole('button', { name: 'Tilføj person' }).click();
    const form = page.getByRole('form', { name: 'Tilføj person' });
    await form.getByLabel('Navn').fill('Lang Mail');
    await form.getByLabel('E-mail').evaluate((el, v) => {
      (el as HTMLInputElement).removeAttribute('maxlength'); // a pasted or scripted value can pass the attribute
      (el as HTMLInputElement).value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, `${'m'.repeat(490)}@example.dk`);
    await form.getByRole('button', { name: 'Tilføj', exact: true }).click();
    await expect(form.getByRole('alert')).toHaveText('E-mailadressen er for lang (højst 500 tegn, her 501).');
    await form.getByRole('button', { name: 'Annullér' }).click();

    // 2,001 units in one import
    const units = Array.from({ length: 2001 }, (_, i) => `Person ${i};Enhed ${i}`).join('\n');
    dialog = await importPeople(page, `Navn;Enhed\n${units}\n`);
    await dialog.getByRole('button', { name: 'Importér 2001 personer' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Importen ville give 2.00');
    await expect(dialog.getByRole('alert')).toContainText('enheder, men et arbejdsområde kan højst have 2.000');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await reloadOpens();

    // 20,013 people: four imports of 5,000 (the most one import takes), the fourth one too many
    const people = (p: string) => `Navn\n${Array.from({ length: 5000 }, (_, i) => `${p} ${i}`).join('\n')}\n`;
    for (const batch of ['Første', 'Næste', 'Tredje']) { // all sort after »Bo Madsen«, whom reloadOpens looks for
      dialog = await importPeople(page, people(batch));
      await dialog.getByRole('button', { name: 'Importér 5000 personer' }).click();
      await expect(dialog).toBeHidden();
    }
    dialog = await importPeople(page, people('Sidste'));
    await dialog.getByRole('button', { name: 'Importér 5000 personer' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      'Importen ville give 20.013 personer, men et arbejdsområde kan højst have 20.000. Der er plads til 4.987 mere.',
    );
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await reloadOpens();
    // the list draws only the rows in view; the search finds one from the first import
    await page.getByLabel('Søg i personer').fill('Første 4999');
    await expect(w.person('Første 4999')).toBeVisible();
  });

  test('a damaged workspace stored by the previous version is listed, exported raw, repaired with a report, and opens after a reload', async ({ page, context }) => {
    const dump = fixture();
    await seed(await context.newPage(), dump);
    await page.goto('/');
    const damaged = page.locator('[data-damaged-list]');
    await expect(damaged).toContainText('Eksempel Kommune');
    await expect(damaged).toContainText('Enhed nr. 5, navn: er for lang (højst 200 tegn)');
    // never hidden behind a new, empty workspace
    await expect(page.getByLabel('Arbejdsområde', { exact: true }).locator('option')).toHaveText(['Intet arbejdsområde er åbent', /Eksempel Kommune.*\(beskadiget\)/]);

    expect(await seriousViolations(page)).toEqual([]);
    for (const [width, height] of [[1920, 1080], [1366, 768]] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `test-results/screenshots/damaged-${width}x${height}.png` });
    }

    const download = page.waitForEvent('download');
    await damaged.getByRole('button', { name: /Eksportér rå data/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Eksempel Kommune.raa-data.json');
    expect(JSON.parse(readFileSync((await file.path())!, 'utf8'))).toEqual(dump.stores.workspaces[0]!.doc);

    await damaged.getByRole('button', { name: /^Reparér/ }).click();
    const report = page.locator('[data-repair-report]');
    await expect(report.getByRole('listitem')).toHaveText([
      'Enhed nr. 5: navnet er forkortet fra 201 til 200 tegn.',
      /^Person nr\. 14 \(.Lang Mail.\): e-mailadressen er forkortet fra 501 til 500 tegn\.$/,
    ]);
    const w = new WorkspacePage(page);
    await w.saved();
    await expect(w.person('Lang Mail')).toBeVisible();
    await expect(damaged).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/screenshots/repaired-1366x768.png' });
    await page.reload();
    await w.saved();
    await expect(w.workspaceSelect.locator('option:checked')).toHaveText('Eksempel Kommune');
    await expect(w.person('Lang Enhed')).toBeVisible();
  });

  test('a database stored by version 2 (one JSON document per workspace) opens on the update log with nothing lost', async ({ page, context }) => {
    const dump = JSON.parse(readFileSync('test/fixtures/workspaces-v2.idb.json', 'utf8')) as Dump;
    await seed(await context.newPage(), dump);
    const w = new WorkspacePage(page);
    await w.open();
    await expect(w.names('gevinstejer')).toContainText(['Migreret Person']);
    await expect(page.getByRole('heading', { name: 'Beskadigede arbejdsområder' })).toHaveCount(0);
    await w.addPerson('Efter migreringen');
    await w.saved();
    await page.reload();
    await w.showPeople();
    await expect(w.person('Migreret Person')).toBeVisible();
    await expect(w.person('Efter migreringen')).toBeVisible();
    await expect(w.names('gevinstejer')).toContainText(['Migreret Person']);
    expect(await w.storedUpdates()).toBeGreaterThanOrEqual(1);
  });

  test('the repair can be undone: the workspace is damaged again, exactly as it was', async ({ page, context }) => {
    const dump = fixture();
    await seed(await context.newPage(), dump);
    await page.goto('/');
    await page.locator('[data-damaged-list]').getByRole('button', { name: /^Reparér/ }).click();
    await page.getByRole('button', { name: 'Fortryd reparationen' }).click();
    await expect(page.locator('[data-damaged-list]')).toContainText('Enhed nr. 5, navn: er for lang');
    const w = new WorkspacePage(page);
    const stored = (await w.stored()) as { doc: unknown }[];
    expect(stored.map((s) => s.doc)).toEqual([dump.stores.workspaces[0]!.doc]);
  });

  test('a blocked open says why, works in memory with export, and stores the work when the block lifts', async ({ page, context }) => {
    const oldTab = await context.newPage();
    await seed(oldTab, { version: 1, stores: { workspaces: [], meta: [] } }, true);
    const w = new WorkspacePage(page);
    await page.goto('/');
    await expect(page.getByRole('alert')).toContainText('Browserens lager svarer ikke, fordi en anden fane med en ældre udgave af Rollekort holder det åbent');
    await expect(w.saveState).toHaveAttribute('data-save-state', 'memory');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: 'test-results/screenshots/blocked-1366x768.png' });
    await w.addPerson('Under Blokering');
    const download = page.waitForEvent('download');
    await w.workspaceAction('Eksportér');
    expect(readFileSync((await (await download).path())!, 'utf8')).toContain('Under Blokering');

    await oldTab.evaluate(() => (window as unknown as { oldConnection: IDBDatabase }).oldConnection.close());
    await expect(page.getByRole('status').filter({ hasText: 'Browserens lager svarer nu' })).toContainText('Det, du lavede imens, er gemt');
    await w.saved();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.reload();
    await w.saved();
    await expect(w.person('Under Blokering')).toBeVisible();
  });

  test('two tabs opened at once on a fresh browser make one demo between them', async ({ context }) => {
    const [a, b] = [await context.newPage(), await context.newPage()];
    await Promise.all([a.goto('/'), b.goto('/')]);
    const [wa, wb] = [new WorkspacePage(a), new WorkspacePage(b)];
    await wa.saved();
    await wb.saved();
    expect(await wa.stored()).toHaveLength(1);
    await expect(wa.workspaceSelect.locator('option')).toHaveText(['Eksempel Kommune']);
    await expect(wb.workspaceSelect.locator('option')).toHaveText(['Eksempel Kommune']);
  });
});

test.describe('names with bidirectional controls cannot turn the app\'s own words around', () => {
  const RLO = '\u202E';

  test('status line, "Hvis … stopper", delete dialog and file name', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await w.addPerson(`Ole${RLO}`);
    const status = page.locator('.status-line');
    await w.person(`Ole${RLO}`).dragTo(w.node('gevinstejer'));
    await expect(status).toContainText('varetager nu Gevinstejer.');
    expect(await drawnLeftToRight(status, 'varetager nu Gevinstejer')).toBe(true);

    await w.person(`Ole${RLO}`).getByRole('button').click();
    const heading = page.getByRole('heading', { level: 4 }).filter({ hasText: 'stopper' });
    expect(await drawnLeftToRight(heading, ' stopper')).toBe(true);

    await w.workspaceAction('Omdøb arbejdsområdet');
    await page.getByRole('dialog', { name: 'Omdøb arbejdsområde' }).getByLabel('Navn').fill(`rapport${RLO}fdp.exe`);
    await page.getByRole('button', { name: 'Gem navn' }).click();
    await w.workspaceAction('Slet arbejdsområdet');
    const dialog = page.getByRole('dialog', { name: 'Slet arbejdsområde?' });
    expect(await drawnLeftToRight(dialog.locator('p'), 'personer og')).toBe(true);
    await dialog.getByRole('button', { name: 'Annullér' }).click();

    const download = page.waitForEvent('download');
    await w.workspaceAction('Eksportér');
    expect((await download).suggestedFilename()).toBe('rapportfdp.exe.rollekort.json');
  });

  test('the import alert', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await page.getByLabel('Importér', { exact: true }).setInputFiles({ name: `liste${RLO}nosj.json`, mimeType: 'application/json', buffer: Buffer.from('{') });
    const alert = page.getByRole('alert').filter({ hasText: 'mislykkedes' });
    await expect(alert).toContainText('Intet er ændret');
    // where it went wrong, in Danish too: no internal step names
    await expect(alert).toContainText('Detaljer: læsning af JSON');
    expect(await drawnLeftToRight(alert, 'mislykkedes')).toBe(true);
    expect(await drawnLeftToRight(alert, 'Intet er ændret')).toBe(true);
  });

  test('a name of invisible characters alone is refused in Danish', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await page.getByRole('button', { name: 'Tilføj person' }).click();
    const form = page.getByRole('form', { name: 'Tilføj person' });
    await form.getByLabel('Navn').fill('\u200B\u200B');
    await form.getByRole('button', { name: 'Tilføj', exact: true }).click();
    await expect(form.getByRole('alert')).toHaveText('Navn består kun af usynlige tegn.');
  });
});
