import { Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { updateCatalogueRole } from '../domain/rollekatalog';
import { demoWorkspace } from '../domain/workspace';
import { shippedCatalogue } from '../domain/workspace/fixtures';
import { catalogueDocument } from './docx';
import { catalogueReport } from './report';

const cat = shippedCatalogue();

describe('the Word document', () => {
  it('has real headings, a table of contents, page numbers, the roles and the tailored text apart', async () => {
    const tailored = updateCatalogueRole(demoWorkspace(), cat, 's-sapa', 'systemejer', { effectAddition: 'Ejer også snitfladen til Udbetaling Danmark' });
    if (!tailored.ok) throw new Error(tailored.error);
    const report = catalogueReport(tailored.value, cat, 's-sapa', new Date('2026-11-29T00:00:00Z'));
    const files = unzipSync(new Uint8Array(await Packer.toArrayBuffer(catalogueDocument(report, null))));
    const xml = strFromU8(files['word/document.xml']!);
    const text = xml.replace(/<[^>]+>/g, ' ');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toMatch(/TOC [^<]*\\o &quot;1-2&quot;/);
    expect(xml).toContain('<w:pStyle w:val="Tilpasning"/>');
    expect(text).toContain('Tilpasset for SAPA:');
    expect(text).toContain('Ejer også snitfladen til Udbetaling Danmark');
    expect(text).toContain('Lars Friis');
    for (const r of report.roles) expect(text).toContain(r.name);
    expect(text).toContain('SPOC-tidslinje');
    const footers = Object.keys(files).filter((f) => /^word\/footer\d*\.xml$/.test(f)).map((f) => strFromU8(files[f]!));
    expect(footers.join('')).toMatch(/PAGE/);
  });
});
