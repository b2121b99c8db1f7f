import { displayName } from '../src/domain/catalogue/display-name';
import { test, expect } from './fixtures';
import { catalogue, ExplorerPage } from './explorer-page';

test.describe('role explorer', () => {
  test('draws one node per role and one edge per relation, keyed by catalogue id', async ({ page }) => {
    const x = new ExplorerPage(page);
    await x.open();
    await expect(x.roleNodes).toHaveCount(32);
    for (const role of catalogue.roles) {
      await expect(x.node(role.id)).toBeVisible();
      await expect(x.node(role.id)).toContainText(displayName(role).name);
    }
    await expect(page.locator('.svelte-flow__edge')).toHaveCount(catalogue.relations.length);
    for (const rel of catalogue.relations) await expect(x.edge(rel.id)).toHaveCount(1);
    await expect(x.edge('projektejer--afloeses-af--systemejer')).toHaveAttribute('data-type', 'afloeses-af');
    // relations are drawn quietly and unlabelled until a role is selected; then its own carry labels
    await expect(page.locator('.svelte-flow__edge-label')).toHaveCount(0);
    await x.node('projektejer').click();
    const own = catalogue.relations.filter((r) => r.from === 'projektejer' || r.to === 'projektejer');
    const successions = own.filter((r) => r.type === 'afloeses-af').length;
    expect(successions).toBeGreaterThan(0);
    await expect(page.locator('.svelte-flow__edge-label', { hasText: 'bliver til' })).toHaveCount(successions);
    await expect(page.locator('.svelte-flow__edge-label')).toHaveCount(own.length);
  });

  test('has a legend naming every relation type in Danish', async ({ page }) => {
    const x = new ExplorerPage(page);
    await x.open();
    await page.getByRole('tab', { name: 'Detaljer' }).click();
    const legend = page.getByRole('group').filter({ has: page.getByText('Signaturforklaring') }).first();
    for (const t of catalogue.relationTypes) {
      await expect(page.locator(`[data-relation-type="${t.id}"]`)).toContainText(t.label);
    }
    await expect(legend).toBeVisible();
  });

  test('the phase filter dims inactive roles and lives in the URL', async ({ page }) => {
    const x = new ExplorerPage(page);
    await x.open();
    await expect(x.node('projektleder')).toHaveAttribute('data-active', 'true');
    await x.viewOptions();
    await x.phase.selectOption({ label: 'Fase 1: Opstart' });
    await expect(x.node('projektleder')).toHaveAttribute('data-active', 'true');
    await expect(x.node('systemansvarlig')).toHaveAttribute('data-active', 'false');
    await expect(x.node('gevinstejer')).toHaveAttribute('data-active', 'false');
    await expect(page).toHaveURL(/fase=fase-1-opstart/);
    await expect(x.column).toHaveValue('implementering');

    await x.column.selectOption({ label: 'Drift og forvaltning' });
    await expect(x.node('projektleder')).toHaveAttribute('data-active', 'false');
    await expect(x.node('systemansvarlig')).toHaveAttribute('data-active', 'true');
    await expect(x.roleNodes).toHaveCount(32);

    // the operations column is the phase "I drift", as for an IT system in "Dækning"
    await expect(x.phase.locator('option:checked')).toHaveText('I drift');
    await page.reload();
    await expect(x.phase).toHaveValue('drift');
    await expect(x.column).toHaveValue('drift');
    await expect(x.node('projektleder')).toHaveAttribute('data-active', 'false');
  });

  test('SPOC highlighting follows the column: Projektleder, then Systemansvarlig', async ({ page }) => {
    const x = new ExplorerPage(page);
    await x.open('?fase=implementering');
    await x.viewOptions();
    await x.spoc.check();
    await expect(page).toHaveURL(/spoc=1/);
    await expect(x.node('projektleder')).toHaveAttribute('data-spoc', 'true');
    await expect(x.node('projektleder')).toContainText('SPOC for it-systemet');
    await expect(x.node('systemansvarlig')).toHaveAttribute('data-spoc', 'false');
    await expect(x.node('oir-koordinator')).toContainText('SPOC for ØiR');

    await x.column.selectOption({ label: 'Drift og forvaltning' });
    await expect(x.node('systemansvarlig')).toHaveAttribute('data-spoc', 'true');
    await expect(x.node('systemansvarlig')).toContainText('SPOC for it-systemet');
    await expect(x.node('projektleder')).toHaveAttribute('data-spoc', 'false');

    await x.spoc.uncheck();
    await expect(page.locator('.svelte-flow__node[data-spoc="true"]')).toHaveCount(0);
  });

  test('a shared link opens the same view', async ({ page }) => {
    const x = new ExplorerPage(page);
    await x.open('?fase=fase-4-forankring&spoc=1');
    await expect(x.phase).toHaveValue('fase-4-forankring');
    await expect(x.spoc).toBeChecked();
    await expect(x.node('systemansvarlig')).toHaveAttribute('data-spoc', 'true');
  });

  test('selecting a role opens its details with marks, lifecycle and quoted relations', async ({ page }) => {
    const x = new ExplorerPage(page);
    await x.open();
    await x.node('projektejer').click();
    const panel = x.details('Projektejer');
    await expect(panel).toBeVisible();
    await expect(panel).toContainText('Styr på strategi, business case og allokering');
    await expect(panel.getByRole('list', { name: 'Opgaver' }).getByRole('listitem')).toHaveCount(8);
    await expect(panel).toContainText('Udpeges');
    await expect(panel).toContainText('Opvarmningsperiode');
    const succession = panel.locator('[data-relation-id="projektejer--afloeses-af--systemejer"]');
    await expect(succession).toContainText('afløses af');
    await expect(succession).toContainText('Rollen som Projektejer veksles til rollen som Systemejer');
    await succession.getByRole('button', { name: 'Systemejer (it-systemet)' }).click();
    await expect(x.details('Systemejer (it-systemet)')).toBeVisible();
    await expect(x.node('systemejer')).toHaveClass(/selected/);
    await expect(page).toHaveURL(/rolle=systemejer/);
  });

  test('the panel shows bracketed and missing marks distinctly', async ({ page }) => {
    const x = new ExplorerPage(page);
    await x.open('?rolle=systemansvarlig-opkraevning');
    const panel = x.details('Systemansvarlig opkrævningssystemet (ØiR debitor)');
    await expect(panel.locator('[data-implementering="(X)"]')).toContainText('(Implementering)');
    await x.open('?rolle=infrastrukturejer');
    await expect(x.details('Infrastrukturejer').locator('[data-implementering=""][data-drift=""]')).toContainText(
      'Ingen markering i kilden',
    );
  });

  test('with a phase chosen, the panel lists that column first and folds the rest', async ({ page }) => {
    const x = new ExplorerPage(page);
    await x.open('?fase=drift&rolle=faglig-leder');
    const panel = x.details('Faglig leder');
    const first = panel.getByRole('list', { name: 'Opgaver', exact: true });
    await expect(first.getByRole('listitem')).toHaveCount(6);
    await expect(panel.getByText('Øvrige opgaver (3)')).toBeVisible();
    await expect(panel.getByRole('list', { name: 'Øvrige opgaver' })).toBeHidden();
  });

  test('selecting an edge shows its type and quote', async ({ page }) => {
    const x = new ExplorerPage(page);
    await x.open();
    await expect(page.locator('[data-save-state="saved"]')).toBeVisible();
    // a real click on a long drawn line, at a point along it where nothing else lies on top
    await page.getByRole('button', { name: 'Vis hele kortet' }).click();
    const edge = x.edge('oir-koordinator--sparringspart-for--projektleder');
    const point = await edge.evaluate((g: SVGGElement) => {
      const path = g.querySelector<SVGPathElement>('path.svelte-flow__edge-path')!;
      const m = path.getScreenCTM()!;
      for (let t = 0.2; t <= 0.8; t += 0.05) {
        const p = path.getPointAtLength(path.getTotalLength() * t);
        const at = { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
        if (g.contains(document.elementFromPoint(at.x, at.y))) return at;
      }
      throw new Error('the edge is covered everywhere');
    });
    await page.mouse.click(point.x, point.y);
    const panel = page.getByRole('region', { name: 'Relation: er sparringspart for' });
    await expect(panel).toContainText('Er sparringspart for den fagsystemsspecifikke projektleder');
    await expect(edge).toHaveClass(/selected/);
  });

  test('from the keyboard, a relation is shown from the role’s details', async ({ page }) => {
    const x = new ExplorerPage(page);
    await x.open('?rolle=projektleder');
    const item = x.details('Projektleder').locator('[data-relation-id="projektleder--rapporterer-til--projektejer"]');
    await item.getByRole('button', { name: 'Vis relationen i kortet' }).focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: 'Relation: rapporterer til' });
    await expect(panel).toContainText('Rapporterer til projektejer, styregruppe m.fl.');
    await expect(panel.getByRole('button', { name: 'Projektleder' })).toBeVisible();
  });

  test('search marks matching roles, counts them, and "/" focuses it', async ({ page }) => {
    const x = new ExplorerPage(page);
    await x.open();
    await page.locator('body').press('/');
    await expect(x.search).toBeFocused();
    await page.keyboard.type('oir');
    await expect(x.node('oir-koordinator')).toHaveAttribute('data-match', 'true');
    await expect(x.node('projektejer')).toHaveAttribute('data-match', 'false');
    const hits = await page.locator('.svelte-flow__node[data-match="true"]').count();
    expect(hits).toBeGreaterThan(1);
    await expect(page.getByText(`${hits} roller fundet`)).toBeVisible();
    await x.search.fill('');
    await expect(x.node('projektejer')).not.toHaveAttribute('data-match', /.*/);
  });

  test('focus mode dims everything beyond one relation', async ({ page }) => {
    const x = new ExplorerPage(page);
    await x.open();
    const toggle = page.getByLabel('Vis kun naboer');
    await expect(toggle).toBeDisabled();
    await x.node('projektejer').click();
    await x.viewOptions();
    await toggle.check();
    await expect(x.node('systemejer')).toHaveAttribute('data-focus', 'true');
    await expect(x.node('projektleder')).toHaveAttribute('data-focus', 'true');
    await expect(x.node('organisationsadministrator')).toHaveAttribute('data-focus', 'false');
    await expect(x.node('organisationsadministrator')).toHaveClass(/dimmed/);
  });

  test('the keyboard alone selects a role; nodes are named after their role', async ({ page }) => {
    const x = new ExplorerPage(page);
    await x.open();
    const node = page.getByRole('group', { name: /^Projektleder\./ });
    await expect(node).toHaveAttribute('data-id', 'projektleder');
    await node.focus();
    await page.keyboard.press('Enter');
    await expect(x.details('Projektleder')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(x.details('Projektleder')).toBeHidden();
  });
});
