/** The explorer's shareable view, as it is kept in the query string. */
export interface UrlView {
  fase: string | null;
  spoc: boolean;
  rolle: string | null;
  q: string;
  /** Relation types switched off in the legend. */
  skjul: string[];
  /** The top-level view ("tidslinje"; null is the map). */
  visning: string | null;
  /** The tour being played, and its step (1-based, as people count). */
  rundvisning: string | null;
  trin: number | null;
}

export function readUrlView(search: string): UrlView {
  const p = new URLSearchParams(search);
  return { fase: p.get('fase'), spoc: p.get('spoc') === '1', rolle: p.get('rolle'), q: p.get('q') ?? '',
    skjul: (p.get('skjul') ?? '').split(',').filter(Boolean),
    visning: p.get('visning'),
    rundvisning: p.get('rundvisning'),
    trin: /^\d{1,3}$/.test(p.get('trin') ?? '') ? Number(p.get('trin')) : null,
  };
}

/** The query string for a view, leaving out defaults so links stay short. */
export function writeUrlView(view: UrlView): string {
  const p = new URLSearchParams();
  if (view.fase && view.fase !== 'alle') p.set('fase', view.fase);
  if (view.spoc) p.set('spoc', '1');
  if (view.rolle) p.set('rolle', view.rolle);
  if (view.q) p.set('q', view.q);
  if (view.skjul.length) p.set('skjul', view.skjul.join(','));
  if (view.visning) p.set('visning', view.visning);
  if (view.rundvisning) {
    p.set('rundvisning', view.rundvisning);
    if (view.trin !== null) p.set('trin', String(view.trin));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}
