import * as v from 'valibot';
import { safeFileStem } from '../domain/text';
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

/** The JSON text of an export. */
export function serializeDocument(doc: WorkspaceDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
