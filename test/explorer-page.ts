import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** The shipped catalogue, read the way the tests need it. */
export const catalogue = JSON.parse(readFileSync('static/catalogues/rollegalleri-1.5.json', 'utf8')) as {
  roles: { id: string; name: string; group: string; effect: string; aliases: string[]; notes: string[] }[];
  relations: { id: string; from: string; to: string; type: string; quote: string }[];
  relationTypes: { id: string; label: string }[];
};

/** Page object for the role explorer: locators by catalogue id, accessible name or label. */
export class ExplorerPage {
  constructor(readonly page: Page) {}

  async open(query = '') {
    await this.page.goto(`/${query}`);
    await this.roleNodes.first().waitFor();
  }
  get roleNodes(): Locator {
    return this.page.locator('.svelte-flow__node-role');
  }
  node(id: string): Locator {
    return this.page.locator(`.svelte-flow__node[data-id="${id}"]`);
  }
  edge(id: string): Locator {
    return this.page.locator(`.svelte-flow__edge[data-id="${id}"]`);
  }
  get phase(): Locator {
    return this.page.getByLabel('Fase', { exact: true });
  }
  /** The task column control ("Implementering" / "Drift og forvaltning"), split off "Fase". */
  get column(): Locator {
    return this.page.getByLabel('Kolonne', { exact: true });
  }
  get spoc(): Locator {
    return this.page.getByLabel('Fremhæv SPOC');
  }
  get search(): Locator {
    return this.page.getByLabel('Søg i roller');
  }
  details(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }
}
