import * as v from 'valibot';
import { stripBidiControls } from '../domain/text';
import { CatalogueRefSchema, WORKSPACE_VERSION, WorkspaceDataSchema, type CatalogueRef, type WorkspaceData } from '../domain/workspace';

/** The `format` of every Rollekort workspace file. */
export const WORKSPACE_FORMAT = 'rollekort-workspace';

/** The envelope of an export file, and of a stored workspace (which goes through the same checks). */
export const WorkspaceDocumentSchema = v.strictObject({
  format: v.literal(WORKSPACE_FORMAT),
  version: v.literal(WORKSPACE_VERSION),
  exportedAt: v.optional(v.pipe(v.string('skal være en tekst'), v.maxLength(40, 'er for lang (højst 40 tegn)'))),
  catalogue: CatalogueRefSchema,
  workspace: WorkspaceDataSchema,
});

export type WorkspaceDocument = v.InferOutput<typeof WorkspaceDocumentSchema>;

/** The export envelope for a workspace. */
export function toDocument(data: WorkspaceData, catalogue: CatalogueRef, exportedAt?: Date): WorkspaceDocument {
  return {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    ...(exportedAt ? { exportedAt: exportedAt.toISOString() } : {}),
    catalogue: { id: catalogue.id, version: catalogue.version },
    workspace: data,
  };
}

/** The file name of an export: the workspace name made safe for file systems. */
export function exportFileName(name: string): string {
  return `${safeFileStem(name, 'arbejdsomraade')}.rollekort.json`;
}

/** A name made safe as (part of) a file name on every common file system; `fallback` when nothing is left. */
export function safeFileStem(name: string, fallback: string): string {
  // bidi controls go first: "rapport\u202Efdp.exe" must not show as "…exe.pdf"
  const safe = stripBidiControls(name)
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
  return safe || fallback;
}

/** The JSON text of an export. */
export function serializeDocument(doc: WorkspaceDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
