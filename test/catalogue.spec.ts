import { readFileSync } from 'node:fs';
import { displayName } from '../src/domain/catalogue/display-name';
import { openViewOptions } from './explorer-page';
import { test, expect } from './fixtures';

const catalogue = JSON.parse(readFileSync('static/catalogues/rollegalleri-1.5.json', 'utf8')) as {
  roles: { id: string; name: string; group: string; aliases: string[]; notes: string[] }[];
  groups: { id: string; name: string }[];
};

test('the built app shows all 32 role names, and lists them by group', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Rollekort');
  await expect(page.getByRole('heading', { level: 1, name: 'Rollekort' })).toBeVisible();
  expect(catalogue.roles).toHaveLength(32);
  for (const role of catalogue.roles) {
    await expect(page.locator(`.svelte-flow__node[data-id="${role.id}"]`).getByText(displayName(role).name, { exact: true })).toBeVisible();
  }
  await openViewOptions(page);
  await page.getByLabel('Liste').check();
  for (const group of catalogue.groups) {
    const section = page.getByRole('region', { name: new RegExp(`^${group.name.replace(/[()]/g, '\\$&')}`) });
    await expect(section).toBeVisible();
    const names = catalogue.roles.filter((r) => r.group === group.id).map((r) => displayName(r).name);
    await expect(section.locator('[data-role-id] .name')).toHaveText(names);
  }
  await expect(page.locator('[data-role-id]')).toHaveCount(32);
});

test('a catalogue that fails to load shows a Danish error', async ({ page, consoleErrors }) => {
  await page.route('**/catalogues/rollegalleri-1.5.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ format: 'noget-andet' }) }),
  );
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('Kataloget er ugyldigt');
  expect(consoleErrors).toEqual([]);
});
