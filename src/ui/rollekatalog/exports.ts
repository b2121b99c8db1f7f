import type { Catalogue } from '../../domain/catalogue';
import type { WorkspaceData } from '../../domain/workspace';
import { safeFileStem } from '../../domain/text';
import { toCsv } from '../../export/csv';
import { mapSvg } from '../../export/map-svg';
import { catalogueReport } from '../../export/report';
import { sheetsFor } from '../../export/sheet-rows';
import type { MapPicture } from '../../state/map-picture';

// The exports as the browser runs them. The .docx and .xlsx writers are imported only here,
// when the user asks for one, so their code never weighs on the app's start.

/** A file name for an export: "<workspace> - <what>.<ext>". */
export const exportName = (ws: WorkspaceData, what: string, ext: string) => `${safeFileStem(`${ws.name} - ${what}`, 'rollekort')}.${ext}`;

const today = () =>
  new Date().toLocaleDateString('da-DK', { day: 'numeric', month: 'long', year: 'numeric' });

/** The SVG of the map with its caption: workspace, system, phase filter and date. */
export function pictureSvg(ws: WorkspaceData, catalogue: Catalogue, picture: MapPicture, systemName: string | null): string {
  return mapSvg(catalogue, picture.nodes, picture.edges, {
    title: `Rollekort: ${ws.name}`,
    caption: [`It-system: ${systemName ?? 'intet valgt'} · Fase: ${picture.phase}`, `Rollegalleri ${catalogue.catalogueVersion} (${catalogue.publisher}) · ${today()}`],
    hiddenTypes: picture.hiddenTypes,
  });
}

/** Draws an SVG into a canvas through an <img>, `scale` times its size, and gives the PNG. */
export async function svgToPng(svg: string, scale = 2): Promise<{ blob: Blob; width: number; height: number }> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const width = img.naturalWidth;
    const height = img.naturalHeight;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('Browseren kunne ikke tegne billedet.');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('Browseren kunne ikke lave PNG-filen.');
    return { blob, width, height };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The .docx of a system's catalogue, with the map as a picture. */
export async function docxFor(ws: WorkspaceData, catalogue: Catalogue, systemId: string, picture: MapPicture | null): Promise<Blob> {
  const system = ws.systems.find((s) => s.id === systemId);
  const [{ catalogueDocx }, png] = await Promise.all([
    import('../../export/docx'),
    picture ? svgToPng(pictureSvg(ws, catalogue, picture, system?.name ?? null), 1.5) : Promise.resolve(null),
  ]);
  const map = png ? { png: new Uint8Array(await png.blob.arrayBuffer()), width: png.width, height: png.height } : null;
  return catalogueDocx(catalogueReport(ws, catalogue, systemId, new Date()), map);
}

/** The CSV of every system's catalogue and the municipality's roles, in one table. */
export function csvFor(ws: WorkspaceData, catalogue: Catalogue): Blob {
  const sheets = sheetsFor(ws, catalogue);
  const rows = [sheets[0]!.rows[0]!, ...sheets.flatMap((s) => s.rows.slice(1))];
  return new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' });
}

/** The .xlsx: a sheet per IT system and one for the whole municipality. */
export async function xlsxFor(ws: WorkspaceData, catalogue: Catalogue): Promise<Blob> {
  const { xlsxBytes } = await import('../../export/xlsx');
  const bytes = xlsxBytes(sheetsFor(ws, catalogue), `Rollekatalog – ${ws.name}`);
  return new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
