import { test, expect } from './fixtures';
import { iso, WorkspacePage } from './workspace-page';

test.describe('workspaces and assignments', () => {
  test('the first start opens the demo workspace with people on roles', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await expect(w.workspaceSelect).toHaveValue(/.+/);
    await expect(w.workspaceSelect.locator('option:checked')).toHaveText('Eksempel Kommune');
    await expect(w.person('Bo Madsen')).toBeVisible();
    await expect(w.system.locator('option:checked')).toHaveText(/AULA/);
    await expect(w.names('projektleder')).toHaveText(['Bo Madsen']);
    await expect(w.node('projektleder')).toHaveAccessibleName(/varetages af Bo Madsen/);
  });

  test('add a person, drag them onto a role, reload: the assignment is still there', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await w.addPerson('Karla Kode', { title: 'Gevinstkonsulent', unit: 'Børn og Unge', email: 'karla@kommune.dk' });
    await expect(w.node('gevinstejer')).toHaveAttribute('data-unfilled', 'true');
    // AULA is in fase 2, where Systemejer is appointed (its tasks come later): it must be held already
    await expect(w.node('systemejer')).toHaveAttribute('data-unfilled', 'true');
    await w.person('Karla Kode').dragTo(w.node('gevinstejer'));
    await expect(w.names('gevinstejer')).toHaveText(['Karla Kode']);
    await expect(w.node('gevinstejer')).toHaveAttribute('data-unfilled', 'false');
    await w.saved();
    await page.reload();
    await expect(w.names('gevinstejer')).toHaveText(['Karla Kode']);
    await expect(w.person('Karla Kode')).toBeVisible();
  });

  test('the whole flow works from the keyboard', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await w.person('Cecilie Lund').getByRole('button').focus();
    await page.keyboard.press('ArrowDown');
    await expect(w.person('Dennis Kjær').getByRole('button')).toBeFocused();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Tildel rolle til Dennis Kjær' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: /^Superbruger/ })).toContainText('har rollen');
    await expect(dialog.getByRole('button', { name: /^Gevinstejer/ })).not.toContainText('har rollen');
    await page.keyboard.type('gevinst');
    await expect(dialog.getByRole('list', { name: 'Roller' }).getByRole('button')).toHaveCount(1);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(w.names('gevinstejer')).toHaveText(['Dennis Kjær']);
    // remove again with the chip's named button, from the keyboard; chips show once zoomed in
    await w.zoomToRole('gevinstejer');
    const remove = page.getByRole('button', { name: 'Fjern Dennis Kjær fra Gevinstejer' });
    await remove.focus();
    await page.keyboard.press('Enter');
    await expect(w.chips('gevinstejer')).toHaveCount(0);
    await expect(w.node('gevinstejer')).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: `${iso('Dennis Kjær')} er fjernet fra Gevinstejer` })).toBeVisible();
  });

  test('a system-specific role without a system, or a duplicate, is explained and changes nothing', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    const before = await w.chips('projektleder').count();
    await w.person('Bo Madsen').dragTo(w.node('projektleder'));
    await expect(w.chips('projektleder')).toHaveCount(before);
    await expect(page.getByRole('status').filter({ hasText: `${iso('Bo Madsen')} har allerede rollen Projektleder.` })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Fortryd' })).toBeDisabled();
    // without any IT system, a system-specific role cannot be given
    await page.getByRole('tab', { name: 'Dækning' }).click();
    for (const name of ['AULA', 'SAPA', 'BBR']) await page.getByRole('button', { name: `Fjern ${name}` }).click();
    await w.showPeople();
    await w.person('Anne Holm').dragTo(w.node('gevinstejer'));
    await expect(page.getByRole('alert')).toContainText('Gevinstejer er en systemspecifik rolle. Vælg først et it-system.');
    await expect(w.chips('gevinstejer')).toHaveCount(0);
  });

  test('undo and redo, with buttons and with Ctrl+Z / Ctrl+Shift+Z', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await w.zoomToRole('projektleder');
    await page.getByRole('button', { name: 'Fjern Bo Madsen fra Projektleder' }).click();
    await expect(w.chips('projektleder')).toHaveCount(0);
    await page.locator('body').press('Control+z');
    await expect(w.names('projektleder')).toHaveText(['Bo Madsen']);
    await page.locator('body').press('Control+Shift+z');
    await expect(w.chips('projektleder')).toHaveCount(0);
    await page.getByRole('button', { name: 'Fortryd' }).click();
    await expect(w.names('projektleder')).toHaveText(['Bo Madsen']);
    await w.saved();
    await page.reload();
    await expect(w.names('projektleder')).toHaveText(['Bo Madsen']);
  });

  test('dragging a chip to another role moves the assignment', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await w.zoomToRole('superbruger');
    await w.chips('superbruger').filter({ hasText: 'Dennis Kjær' }).dragTo(w.node('gevinstejer'));
    await expect(w.names('gevinstejer')).toHaveText(['Dennis Kjær']);
    await expect(w.chips('superbruger')).toHaveCount(0);
  });

  test('the chosen IT system decides which assignments show and what is unfilled', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await expect(w.node('projektleder')).toHaveAttribute('data-unfilled', 'false');
    await w.system.selectOption({ label: `${iso('SAPA')} (I drift)` });
    await expect(w.chips('projektleder')).toHaveCount(0);
    await expect(w.names('systemansvarlig')).toHaveText(['Hassan Ali']);
    await expect(w.node('systemansvarlig')).toHaveAttribute('data-unfilled', 'false');
    await expect(w.node('superbruger')).toHaveAttribute('data-unfilled', 'true');
    // Projektleder is not active in operations, so it is not "unfilled"
    await expect(w.node('projektleder')).toHaveAttribute('data-unfilled', 'false');
    // municipality-wide roles are held whatever the system
    await expect(w.names('it-arkitekt')).toHaveText(['Frederik Berg']);
  });

  test('the coverage panel counts filled and unfilled roles per system and links to them', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await page.getByRole('tab', { name: 'Dækning' }).click();
    const aula = page.getByRole('region', { name: 'AULA' });
    const count = aula.locator('[data-unfilled]');
    const unfilledBefore = Number(await count.getAttribute('data-unfilled'));
    expect(unfilledBefore).toBeGreaterThan(0);
    await aula.getByRole('button', { name: 'Gevinstejer' }).click();
    await expect(page.getByRole('region', { name: 'Gevinstejer', exact: true })).toBeVisible();
    await w.showPeople();
    await w.person('Anne Holm').dragTo(await w.settledNode('gevinstejer'));
    await page.getByRole('tab', { name: 'Dækning' }).click();
    await expect(count).toHaveAttribute('data-unfilled', String(unfilledBefore - 1));
    await expect(page.getByRole('region', { name: 'Råd fra Rollegalleriet' })).toContainText('føre tilsyn med egen opgaveløsning');
  });

  test('selecting a person shows their roles and what would be unfilled if they left', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await w.person('Hassan Ali').getByRole('button').click();
    const summary = page.getByRole('region', { name: 'Hassan Ali' });
    await expect(summary).toContainText('Systemadministrator (it-systemet) – AULA');
    await expect(summary).toContainText('Rolleadministrator – hele kommunen');
    await expect(w.node('systemadministrator')).toHaveAttribute('data-at-risk', 'true');
    await expect(w.node('rolleadministrator')).toHaveAttribute('data-at-risk', 'true');
    await expect(w.node('projektleder')).not.toHaveAttribute('data-at-risk', 'true');
  });

  test('the detail panel quotes the source’s advice on combining roles', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open('?rolle=gevinstejer');
    await expect(page.getByRole('note', { name: 'Råd fra Rollegalleriet' })).toContainText('ikke har ansvar ift. forretningsområdet');
    await w.open('?rolle=projektejer');
    await expect(page.getByRole('note', { name: 'Råd fra Rollegalleriet' })).toContainText('personsammenfald');
  });

  test('create, rename, duplicate and delete workspaces; delete asks first and can be undone', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await w.workspaceAction('Nyt arbejdsområde');
    await page.getByRole('dialog', { name: 'Nyt arbejdsområde' }).getByLabel('Navn').fill('Aabenraa Kommune');
    await page.getByRole('button', { name: 'Opret' }).click();
    await expect(w.workspaceSelect.locator('option:checked')).toHaveText('Aabenraa Kommune');
    await expect(w.people.locator('li[draggable]')).toHaveCount(0);
    await w.workspaceAction('Omdøb arbejdsområdet');
    await page.getByRole('dialog', { name: 'Omdøb arbejdsområde' }).getByLabel('Navn').fill('Aabenraa');
    await page.getByRole('button', { name: 'Gem navn' }).click();
    await expect(w.workspaceSelect.locator('option:checked')).toHaveText('Aabenraa');
    await w.workspaceAction('Duplikér arbejdsområdet');
    await expect(w.workspaceSelect.locator('option:checked')).toHaveText('Aabenraa (kopi)');
    await w.workspaceAction('Slet arbejdsområdet');
    const confirm = page.getByRole('dialog', { name: 'Slet arbejdsområde?' });
    await expect(confirm).toContainText('Aabenraa (kopi)');
    await confirm.getByRole('button', { name: 'Annullér' }).click();
    await expect(w.workspaceSelect.locator('option')).toHaveCount(3);
    await w.workspaceAction('Slet arbejdsområdet');
    await confirm.getByRole('button', { name: 'Slet' }).click();
    await expect(w.workspaceSelect.locator('option')).toHaveCount(2);
    await page.getByRole('button', { name: 'Fortryd sletning' }).click();
    await expect(w.workspaceSelect.locator('option')).toHaveCount(3);
    await w.saved();
    await page.reload();
    await expect(w.workspaceSelect.locator('option')).toHaveText(['Eksempel Kommune', 'Aabenraa', 'Aabenraa (kopi)']);
  });

  test('undoing the deletion of the only workspace leaves just that workspace, also after a reload', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await w.saved();
    await w.workspaceAction('Slet arbejdsområdet');
    await page.getByRole('dialog', { name: 'Slet arbejdsområde?' }).getByRole('button', { name: 'Slet' }).click();
    await expect(w.workspaceSelect.locator('option')).toHaveText(['Min kommune']);
    await page.getByRole('button', { name: 'Fortryd sletning' }).click();
    await expect(w.workspaceSelect.locator('option')).toHaveText(['Eksempel Kommune']);
    await expect(w.person('Bo Madsen')).toBeVisible();
    await w.saved();
    await page.reload();
    await expect(w.workspaceSelect.locator('option')).toHaveText(['Eksempel Kommune']);
  });

  test('people can be imported from rows pasted out of a spreadsheet, with a preview', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await page.getByRole('button', { name: 'Importér personer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Importér personer' });
    await dialog.getByLabel('Rækker fra regneark').fill('Navn\tStilling\tEnhed\tE-mail\nMona Mønster\tJurist\tJura\tmona@k.dk\nNiels\t\t\t\n\tmangler navn\t\t\n');
    await expect(dialog).toContainText('2 personer klar til import, overskriftsrække fundet');
    await expect(dialog.locator('[data-skipped-rows] li')).toHaveText(['Række 4: Navn skal udfyldes.']);
    await dialog.getByRole('button', { name: 'Importér 2 personer' }).click();
    await expect(w.person('Mona Mønster')).toBeVisible();
    await expect(w.person('Niels')).toBeVisible();
  });

  test('a people import skips people already in the workspace or twice in the text, and rows that are no one', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await page.getByRole('button', { name: 'Importér personer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Importér personer' });
    await dialog.getByLabel('Rækker fra regneark').fill('Bo Madsen;Projektleder;Børn og Unge\nLis Ny;Jurist\n  lis ny ;Jurist\n;;;;\n,,,,\n"unterminated\n');
    await expect(dialog).toContainText('1 person klar til import');
    const duplicates = dialog.locator('[data-duplicate-rows]');
    await expect(duplicates).toContainText('2 findes allerede og springes over:');
    await expect(duplicates.locator('li')).toHaveText([
      `Række 1: ${iso('Bo Madsen')} – ${iso('Bo Madsen')} findes allerede i arbejdsområdet`,
      `Række 3: ${iso('lis ny')} – samme person som i række 2`,
    ]);
    await expect(dialog.locator('[data-skipped-rows] li')).toHaveText([
      // split by the semicolons, ";;;;" is empty cells; ",,,," is one cell of commas
      'Række 4: Rækken er tom.',
      `Række 5: Navnet »${iso(',,,,')}« har hverken bogstaver eller tal.`,
      'Række 6: Rækken har et anførselstegn, der ikke lukkes, så den kan ikke læses sikkert.',
    ]);
    await dialog.getByRole('button', { name: 'Importér 1 person' }).click();
    await expect(page.getByRole('status').filter({ hasText: '1 person er importeret.' })).toBeVisible();
    await expect(w.person('Lis Ny')).toHaveCount(1);
    await expect(w.person('Bo Madsen')).toHaveCount(1);
    await expect(w.people.locator('li[draggable="true"]', { hasText: ';;;;' })).toHaveCount(0);
    await expect(w.people.locator('li[draggable="true"]', { hasText: 'unterminated' })).toHaveCount(0);

    // the same rows again: everyone is there now, so nothing is offered unless asked for
    await page.getByRole('button', { name: 'Importér personer' }).click();
    await dialog.getByLabel('Rækker fra regneark').fill('Bo Madsen;Projektleder\nLis Ny;Jurist\n');
    await expect(dialog).toContainText('0 personer klar til import');
    await expect(dialog.getByRole('button', { name: 'Importér', exact: true })).toBeDisabled();
    await dialog.getByLabel('Importér dem alligevel').check();
    await expect(dialog.locator('[data-duplicate-rows]')).toContainText('2 findes allerede og importeres alligevel som dubletter:');
    await dialog.getByRole('button', { name: 'Importér 2 personer' }).click();
    await expect(w.person('Bo Madsen')).toHaveCount(2);
    await w.saved();
    await page.reload();
    await expect(w.person('Bo Madsen')).toHaveCount(2);
    await expect(w.person('Lis Ny')).toHaveCount(2);
  });

  test('the person form refuses a name without letters or digits, as the import does', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await page.getByRole('button', { name: 'Tilføj person' }).click();
    const form = page.getByRole('form', { name: 'Tilføj person' });
    await form.getByLabel('Navn').fill(';;;;');
    await form.getByRole('button', { name: 'Tilføj', exact: true }).click();
    await expect(form.getByRole('alert')).toHaveText(`Navnet »${iso(';;;;')}« har hverken bogstaver eller tal.`);
  });

  test('a new workspace with a taken name gets a free suffix and says so; a rename to a taken name is refused', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await w.workspaceAction('Nyt arbejdsområde');
    await page.getByRole('dialog', { name: 'Nyt arbejdsområde' }).getByLabel('Navn').fill('Eksempel Kommune');
    await page.getByRole('button', { name: 'Opret' }).click();
    await expect(w.workspaceSelect.locator('option')).toHaveText(['Eksempel Kommune', 'Eksempel Kommune (2)']);
    await expect(w.workspaceSelect.locator('option:checked')).toHaveText('Eksempel Kommune (2)');
    await expect(
      page.getByRole('status').filter({ hasText: `Der findes allerede et arbejdsområde med navnet »${iso('Eksempel Kommune')}«, så det nye hedder »${iso('Eksempel Kommune (2)')}«.` }),
    ).toBeVisible();

    await w.workspaceAction('Omdøb arbejdsområdet');
    const rename = page.getByRole('dialog', { name: 'Omdøb arbejdsområde' });
    await rename.getByLabel('Navn').fill(' eksempel kommune ');
    await rename.getByRole('button', { name: 'Gem navn' }).click();
    await expect(rename.getByRole('alert')).toHaveText(
      `Der findes allerede et arbejdsområde med navnet »${iso('eksempel kommune')}«. Vælg et andet navn, så I kan kende dem fra hinanden.`,
    );
    await expect(rename).toBeVisible();
    await rename.getByLabel('Navn').fill('Aabenraa');
    await rename.getByRole('button', { name: 'Gem navn' }).click();
    await expect(rename).toBeHidden();
    await w.saved();
    await page.reload();
    await expect(w.workspaceSelect.locator('option')).toHaveText(['Eksempel Kommune', 'Aabenraa']);
  });

  test('people can be imported from a CSV file', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await page.getByRole('button', { name: 'Importér personer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Importér personer' });
    await dialog.getByLabel('CSV-fil').setInputFiles({ name: 'personer.csv', mimeType: 'text/csv', buffer: Buffer.from('Navn;E-mail\nOle Olsen;ole@k.dk\n') });
    await expect(dialog).toContainText('1 person klar til import');
    await dialog.getByRole('button', { name: 'Importér 1 person' }).click();
    await expect(w.person('Ole Olsen')).toBeVisible();
  });

  test('markup in names is shown as text and never executed', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    const evil = '<img src=x onerror="window.__xss=1">';
    await w.addPerson(evil);
    await w.person(evil).dragTo(w.node('gevinstejer'));
    await expect(w.names('gevinstejer')).toHaveText([evil]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
  });
});

test.describe('editing people and IT systems', () => {
  test('adding a second person with the same name is allowed, with a warning', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await page.getByRole('button', { name: 'Tilføj person' }).click();
    const form = page.getByRole('form', { name: 'Tilføj person' });
    await form.getByLabel('Navn').fill('bo madsen');
    await expect(form.getByLabel('Navn')).toHaveAccessibleDescription(/allerede en person med dette navn/);
    await form.getByRole('button', { name: 'Tilføj', exact: true }).click();
    await expect(w.people.locator('li[draggable]', { hasText: /^bo madsen$/i })).toHaveCount(2);
  });

  test('a person can be edited, and the change is saved', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await w.person('Bo Madsen').getByRole('button').click();
    await page.getByRole('button', { name: 'Redigér' }).click();
    const form = page.getByRole('form', { name: 'Redigér Bo Madsen' });
    await expect(form.getByLabel('Stilling')).toHaveValue('Projektleder');
    await form.getByLabel('Navn').fill('Bo Madsen Holm');
    await form.getByText('Telefon og note').click();
    await form.getByLabel('Telefon').fill('12 34 56 78');
    await form.getByRole('button', { name: 'Gem' }).click();
    await expect(w.names('projektleder')).toHaveText(['Bo Madsen Holm']);
    await w.saved();
    await page.reload();
    await expect(w.person('Bo Madsen Holm')).toBeVisible();
  });

  test('an IT system can be added and removed, and the removal undone', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await page.getByRole('button', { name: 'Tilføj it-system' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tilføj it-system' });
    await dialog.getByLabel('Navn').fill('DUBU');
    await dialog.getByLabel('Hvor er it-systemet nu?').selectOption({ label: 'Fase 3: Ibrugtagning' });
    await dialog.getByRole('button', { name: 'Tilføj' }).click();
    await expect(w.system.locator('option:checked')).toHaveText(`${iso('DUBU')} (Fase 3: Ibrugtagning)`);
    await expect(w.names('projektleder')).toHaveCount(0);
    await expect(w.node('projektleder')).toHaveAttribute('data-unfilled', 'true');
    await page.getByRole('tab', { name: 'Dækning' }).click();
    await page.getByRole('button', { name: 'Fjern AULA' }).click();
    await expect(page.getByRole('region', { name: 'AULA' })).toHaveCount(0);
    await expect(page.getByText(`${iso('AULA')} er fjernet sammen med 6 tildelinger`)).toBeVisible();
    await page.getByRole('button', { name: 'Fortryd', exact: true }).click();
    await expect(page.getByRole('region', { name: 'AULA' })).toBeVisible();
  });
});

test.describe('focus after dialogs and removals', () => {
  test('a dialog opened from »Handlinger« gives focus back to »Handlinger« when it closes', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    const toggle = page.getByRole('button', { name: 'Handlinger', exact: true });
    const cases: [string, string, 'Escape' | 'Annullér' | 'Luk'][] = [
      ['Nyt arbejdsområde', 'Nyt arbejdsområde', 'Escape'],
      ['Nyt arbejdsområde', 'Nyt arbejdsområde', 'Annullér'],
      ['Omdøb arbejdsområdet', 'Omdøb arbejdsområde', 'Escape'],
      ['Omdøb arbejdsområdet', 'Omdøb arbejdsområde', 'Annullér'],
      ['Slet arbejdsområdet', 'Slet arbejdsområde?', 'Escape'],
      ['Slet arbejdsområdet', 'Slet arbejdsområde?', 'Annullér'],
      ['Del arbejdsområde', 'Del arbejdsområde', 'Escape'],
    ];
    for (const [action, title, how] of cases) {
      await w.workspaceAction(action);
      const dialog = page.getByRole('dialog', { name: title });
      await expect(dialog).toBeVisible();
      if (how === 'Escape') await page.keyboard.press('Escape');
      else await dialog.getByRole('button', { name: how, exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(toggle, `${action}, closed with ${how}`).toBeFocused();
    }
    // from the keyboard alone: open the menu, go down to "Omdøb", open it, and leave with Escape
    await toggle.press('Enter');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('button', { name: 'Omdøb arbejdsområdet …' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Omdøb arbejdsområde' }).getByLabel('Navn')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(toggle).toBeFocused();
  });

  test('the person form gives focus back to the button that opened it; removing the last person in the list focuses the one above', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await w.person('Bo Madsen').getByRole('button').click();
    const edit = page.getByRole('button', { name: 'Redigér' });
    await edit.press('Enter');
    const form = page.getByRole('form', { name: 'Redigér Bo Madsen' });
    await form.getByRole('button', { name: 'Gem' }).press('Enter');
    await expect(form).toBeHidden();
    await expect(edit).toBeFocused();
    await edit.press('Enter');
    await form.getByLabel('Navn').press('Escape');
    await expect(form).toBeHidden();
    await expect(edit).toBeFocused();
    const add = page.getByRole('button', { name: 'Tilføj person' });
    await add.press('Enter');
    await page.getByRole('form', { name: 'Tilføj person' }).getByRole('button', { name: 'Annullér' }).press('Enter');
    await expect(add).toBeFocused();

    for (const name of ['Åxa Test', 'Åxb Test', 'Åxc Test']) await w.addPerson(name);
    await page.getByLabel('Søg i personer').fill('Åx');
    await w.person('Åxc Test').getByRole('button').click();
    await page.getByRole('button', { name: 'Fjern person' }).click();
    await expect(w.person('Åxc Test')).toHaveCount(0);
    await expect(w.person('Åxb Test').getByRole('button')).toBeFocused();
  });

  test('after undo and redo focus never drops to the page: not when »Fortryd« turns off, nor when Ctrl+Z removes what had focus', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await w.addPerson('Karla Kode');
    const undo = page.getByRole('button', { name: 'Fortryd', exact: true });
    const redo = page.getByRole('button', { name: 'Gentag', exact: true });
    await undo.press('Enter');
    await expect(w.person('Karla Kode')).toHaveCount(0);
    await expect(undo).toBeDisabled();
    await expect(redo).toBeFocused();
    await redo.press('Enter');
    await expect(w.person('Karla Kode')).toBeVisible();
    await expect(redo).toBeDisabled();
    await expect(undo).toBeFocused();
    // Ctrl+Z with focus on the person the undo removes
    await w.person('Karla Kode').getByRole('button').focus();
    await page.keyboard.press('Control+z');
    await expect(w.person('Karla Kode')).toHaveCount(0);
    await expect(redo).toBeFocused();
  });

  test.describe('with no sync server answering', () => {
    // the app's own /sync has no server behind it in this test: the browser logs the failed connection
    test.use({ expectedConsoleErrors: [/^WebSocket connection to .*\/sync.* failed/] });
    test('»Del arbejdsområde«: focus goes to the field that is wrong, to the link once shared, and back to the form when sharing stops', async ({ page }) => {
      const w = new WorkspacePage(page);
      await w.open();
      await w.workspaceAction('Del arbejdsområde …');
      const dialog = page.getByRole('dialog', { name: 'Del arbejdsområde' });
      const name = dialog.getByLabel('Dit navn (vises for de andre)');
      const server = dialog.getByLabel('Serverens adresse');
      const share = dialog.getByRole('button', { name: 'Del', exact: true });
      await name.fill('');
      await share.click();
      await expect(dialog.getByRole('alert')).toHaveText('Skriv dit navn, så de andre kan se, hvem du er.');
      await expect(name).toBeFocused();
      await expect(name).toHaveAttribute('aria-invalid', 'true');
      await name.fill('Mette');
      await server.fill('ftp://server.example/sync');
      await share.click();
      await expect(dialog.getByRole('alert')).toBeVisible();
      await expect(server).toBeFocused();
      await expect(server).toHaveAttribute('aria-invalid', 'true');
      await expect(name).not.toHaveAttribute('aria-invalid', 'true');
      // the app's own /sync (no server answers here: the links are made, and the status says so)
      await server.fill('/sync');
      await share.click();
      await expect(dialog.getByLabel('Link til at redigere')).toBeFocused();
      await dialog.getByRole('button', { name: 'Stop deling på denne computer' }).click();
      await expect(name).toBeFocused();
    });
  });

  test('»Fjern« on a person’s role moves focus to a neighbouring role’s »Fjern«, then to the heading', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await w.person('Hassan Ali').getByRole('button').click();
    const summary = page.getByRole('region', { name: 'Hassan Ali' });
    const remove = summary.getByRole('button', { name: /^Fjern rollen/ });
    const labels = await remove.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')!));
    expect(labels.length).toBeGreaterThan(2);
    // the first: focus goes to the one that was next
    await remove.first().click();
    await expect(remove).toHaveCount(labels.length - 1);
    await expect(summary.getByRole('button', { name: labels[1], exact: true })).toBeFocused();
    // the last: focus goes to the one before
    await remove.last().click();
    await expect(remove).toHaveCount(labels.length - 2);
    await expect(summary.getByRole('button', { name: labels[labels.length - 2], exact: true })).toBeFocused();
    // the rest with Enter, each time on the button that has focus; with none left, the heading has it
    for (let left = labels.length - 2; left > 0; left--) {
      await page.keyboard.press('Enter');
      await expect(remove).toHaveCount(left - 1);
    }
    await expect(summary.getByRole('heading', { name: 'Roller (0)' })).toBeFocused();
  });
});
