import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { ExplorerPage } from './explorer-page';

/** Page object for the map itself: what is in view, how large it is drawn, where the camera is. */
export class MapPage extends ExplorerPage {
  constructor(page: Page) {
    super(page);
  }

  get flow(): Locator {
    return this.page.locator('.svelte-flow');
  }
  get map(): Locator {
    return this.page.locator('section.graph');
  }
  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Waits until the camera has stopped moving (fits and focus moves are animated). */
  async settle() {
    let last = '';
    await expect
      .poll(async () => {
        const now = await this.transform();
        const same = now === last;
        last = now;
        return same;
      }, { intervals: [150] })
      .toBe(true);
  }

  async transform(): Promise<string> {
    return this.page.locator('.svelte-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  }

  async zoom(): Promise<number> {
    return Number(/scale\(([\d.]+)\)/.exec(await this.transform())?.[1] ?? NaN);
  }

  /** The smallest role name as drawn on screen: its computed font size times the map's zoom, in CSS px. */
  async smallestName(): Promise<number> {
    const zoom = await this.zoom();
    const sizes = await this.page
      .locator('.svelte-flow__node-role .name')
      .evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
    return Math.min(...sizes) * zoom;
  }

  /** Ids of the shown roles whose box is not wholly inside the map's visible rectangle. */
  async outOfView(): Promise<string[]> {
    return this.page.evaluate(() => {
      const view = document.querySelector('.svelte-flow')!.getBoundingClientRect();
      return [...document.querySelectorAll<HTMLElement>('.svelte-flow__node-role')]
        .filter((n) => {
          const r = n.getBoundingClientRect();
          return r.left < view.left - 0.5 || r.top < view.top - 0.5 || r.right > view.right + 0.5 || r.bottom > view.bottom + 0.5;
        })
        .map((n) => n.dataset.id!);
    });
  }

  /**
   * How well the shown roles fill the map: the larger of the width and height share their
   * bounding box takes of the map (1 when a fit makes them touch two opposite edges).
   */
  async fill(): Promise<number> {
    return this.page.evaluate(() => {
      const view = document.querySelector('.svelte-flow')!.getBoundingClientRect();
      const boxes = [...document.querySelectorAll('.svelte-flow__node-role')].map((n) => n.getBoundingClientRect());
      const w = Math.max(...boxes.map((b) => b.right)) - Math.min(...boxes.map((b) => b.left));
      const h = Math.max(...boxes.map((b) => b.bottom)) - Math.min(...boxes.map((b) => b.top));
      return Math.max(w / view.width, h / view.height);
    });
  }

  /** The map's share of the browser window, 0 to 1. */
  async share(): Promise<number> {
    return this.flow.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return (r.width * r.height) / (innerWidth * innerHeight);
    });
  }

  /**
   * Crossings between the rendered relation curves of the given strength: each path is
   * sampled into a polyline and every proper intersection between two different edges
   * counts, except near the curves' ends (relations meeting at a role share an end point).
   */
  async crossings(strength: 'strong' | 'quiet' | 'faded' | 'all'): Promise<{ edges: number; crossings: number }> {
    return this.page.evaluate((strength) => {
      const sel = strength === 'all' ? '.svelte-flow__edge' : `.svelte-flow__edge[data-strength="${strength}"]`;
      const paths = [...document.querySelectorAll<SVGPathElement>(`${sel} path.svelte-flow__edge-path`)];
      const polys = paths.map((p) => {
        const len = p.getTotalLength();
        const n = Math.max(8, Math.ceil(len / 12));
        return Array.from({ length: n + 1 }, (_, i) => p.getPointAtLength((len * i) / n));
      });
      const ends = polys.flatMap((pts) => [pts[0]!, pts[pts.length - 1]!]);
      const nearEnd = (x: number, y: number) => ends.some((e) => Math.hypot(e.x - x, e.y - y) < 8);
      let count = 0;
      for (let a = 0; a < polys.length; a++)
        for (let b = a + 1; b < polys.length; b++) {
          const P = polys[a]!;
          const Q = polys[b]!;
          for (let i = 0; i + 1 < P.length; i++)
            for (let j = 0; j + 1 < Q.length; j++) {
              const p = P[i]!, p2 = P[i + 1]!, q = Q[j]!, q2 = Q[j + 1]!;
              const d = (p2.x - p.x) * (q2.y - q.y) - (p2.y - p.y) * (q2.x - q.x);
              if (d === 0) continue;
              const t = ((q.x - p.x) * (q2.y - q.y) - (q.y - p.y) * (q2.x - q.x)) / d;
              const u = ((q.x - p.x) * (p2.y - p.y) - (q.y - p.y) * (p2.x - p.x)) / d;
              if (t < 0 || t >= 1 || u < 0 || u >= 1) continue;
              const x = p.x + t * (p2.x - p.x);
              const y = p.y + t * (p2.y - p.y);
              if (!nearEnd(x, y)) count++;
            }
        }
      return { edges: paths.length, crossings: count };
    }, strength);
  }

  /** Pairs of edge labels whose boxes on screen overlap. */
  /** Roles whose name runs into their summary line ("1 person", "Ubesat"), or whose summary runs out of the box. */
  async crowdedRoles(): Promise<string[]> {
    return this.page.locator('.svelte-flow__node-role').evaluateAll((nodes) =>
      nodes
        .filter((n) => {
          const box = n.querySelector('.role')!.getBoundingClientRect();
          const name = n.querySelector('.name')!.getBoundingClientRect();
          const summary = n.querySelector('.summary');
          if (!summary || getComputedStyle(summary).display === 'none' || !summary.textContent?.trim()) return false;
          const s = summary.getBoundingClientRect();
          return name.bottom > s.top + 0.5 || s.bottom > box.bottom + 0.5;
        })
        .map((n) => (n as HTMLElement).dataset.id!),
    );
  }

  /** The relation labels drawn wider (in graph units) than `estimate` says. */
  async labelsWiderThan(estimate: (text: string) => number): Promise<string[]> {
    const zoom = await this.zoom();
    const drawn = await this.page.locator('.svelte-flow__edge-label').evaluateAll((els) =>
      els.map((el) => ({ text: el.textContent ?? '', width: el.getBoundingClientRect().width })),
    );
    return drawn.filter((l) => l.width / zoom > estimate(l.text) + 0.5).map((l) => `${l.text}: ${(l.width / zoom).toFixed(1)} > ${estimate(l.text)}`);
  }

  async overlappingLabels(): Promise<string[]> {
    return this.page.evaluate(() => {
      const boxes = [...document.querySelectorAll<HTMLElement>('.svelte-flow__edge-label')].map((el) => ({
        text: el.textContent ?? '',
        r: el.getBoundingClientRect(),
      }));
      const out: string[] = [];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!.r;
          const b = boxes[j]!.r;
          if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) out.push(`${boxes[i]!.text} / ${boxes[j]!.text}`);
        }
      return out;
    });
  }

  /** Writes a screenshot to test-results/screenshots (not committed) for a person to look at. */
  async screenshot(name: string) {
    mkdirSync('test-results/screenshots', { recursive: true });
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png` });
  }
}
