import { parseCatalogue, type Catalogue } from '../domain/catalogue';

/** The catalogue the app shows, loaded from static/catalogues and validated before use. */
export class CatalogueManager {
  #status = $state<'loading' | 'ready' | 'error'>('loading');
  #catalogue = $state.raw<Catalogue | null>(null);
  #error = $state<string | null>(null);

  get status() {
    return this.#status;
  }
  get catalogue() {
    return this.#catalogue;
  }
  get error() {
    return this.#error;
  }

  async load(url: string): Promise<void> {
    this.#status = 'loading';
    let json: unknown;
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      json = await response.json();
    } catch (e) {
      this.#fail(`Kataloget kunne ikke hentes (${url}): ${e instanceof Error ? e.message : String(e)}. Tjek forbindelsen, og genindlæs siden.`);
      return;
    }
    const result = parseCatalogue(json);
    if (!result.ok) {
      this.#fail(`Kataloget er ugyldigt: ${result.error.message}`);
      return;
    }
    this.#catalogue = result.value;
    this.#status = 'ready';
  }

  #fail(message: string) {
    this.#error = message;
    this.#catalogue = null;
    this.#status = 'error';
  }
}
