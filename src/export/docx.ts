import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { SOURCE_NOTE, type CatalogueReport, type HolderView, type ItemGroup, type RoleReport } from './report';

// The rollekatalog as a Word document, built in the browser with `docx` (loaded only when
// the user exports). Real heading styles, so Word's and LibreOffice's table of contents work.

/** The map picture to put in the document. */
export interface MapImage {
  png: Uint8Array;
  width: number;
  height: number;
}

const TAILORED_COLOUR = '1F5FA8';
const p = (text: string, opts: { bold?: boolean; italics?: boolean; size?: number } = {}) => new Paragraph({ children: [new TextRun({ text, ...opts })] });
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel], pageBreakBefore = false) =>
  new Paragraph({ text, heading: level, pageBreakBefore });
const names = (people: HolderView[]) => people.map((h) => h.name).join(', ');

function cell(text: string, header = false): TableCell {
  return new TableCell({
    children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: header, size: 18 })] })),
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8F0FA' } } : {}),
  });
}

function table(header: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c) => cell(c)) })),
    ],
  });
}

/** Tailored text: its own paragraph, labelled, in colour and with a bar beside it, never mixed with the source's words. */
function tailored(system: string, text: string): Paragraph[] {
  return [
    new Paragraph({
      style: 'Tilpasning',
      children: [new TextRun({ text: `Tilpasset for ${system}: `, bold: true }), ...lines(text)],
    }),
  ];
}

const lines = (text: string) => text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 }));

function items(groups: ItemGroup[]): Paragraph[] {
  return groups.flatMap((g) => [
    new Paragraph({ children: [new TextRun({ text: g.heading, bold: true })], spacing: { before: 120 } }),
    ...g.items.map((text) => new Paragraph({ text, bullet: { level: 0 } })),
  ]);
}

function roleSection(r: RoleReport, system: string, newPage: boolean): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading(r.name, HeadingLevel.HEADING_2, newPage), p(r.group, { italics: true })];
  out.push(
    p(`Varetages af: ${names(r.holders) || 'ingen (ubesat)'}`),
    p(`Stedfortræder: ${r.deputy?.name ?? 'ingen'}`),
    p(`Udpeges i: ${r.appointIn}${r.appointedOn ? ` · udpeget ${r.appointedOn}` : ''} · Status: ${r.status}`),
  );
  if (r.spoc.length) out.push(p(`SPOC for it-systemet: ${r.spoc.join(', ')}`, { bold: true }));
  out.push(heading('Effekt', HeadingLevel.HEADING_3), p(r.effect));
  if (r.tailored.effect) out.push(...tailored(system, r.tailored.effect));
  out.push(heading('Opgaver', HeadingLevel.HEADING_3), ...items(r.tasks));
  if (r.tailored.tasks) out.push(...tailored(system, r.tailored.tasks));
  if (r.responsibilities.length || r.tailored.responsibilities) {
    out.push(heading('Ansvar', HeadingLevel.HEADING_3), ...items(r.responsibilities));
    if (r.tailored.responsibilities) out.push(...tailored(system, r.tailored.responsibilities));
  }
  if (r.crossCutting) out.push(p('Tværgående rolle: navn og beskrivelse er Rollegalleriets og kan ikke ændres (Bilag 1, punkt 3).', { italics: true, size: 18 }));
  out.push(heading('KLIK-opgaver', HeadingLevel.HEADING_3));
  if (r.klik.length)
    out.push(table(['Opgave', 'Rollens del', 'Frist', 'Fase'], r.klik.map((k) => [k.title, k.how, k.deadline, k.phase])));
  else out.push(p('Ingen KLIK-opgaver knyttet til rollen endnu.', { italics: true }));
  return out;
}

/** The Word document for a system's catalogue. */
export function catalogueDocument(report: CatalogueReport, map: MapImage | null): Document {
  const title = `Rollekatalog for ${report.system}`;
  const header = new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `${title} · ${report.municipality}`, size: 16, color: '4A4A4A' })] })] });
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['Side ', PageNumber.CURRENT, ' af ', PageNumber.TOTAL_PAGES], size: 16 })],
      }),
    ],
  });
  const cover: (Paragraph | Table | TableOfContents)[] = [
    new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
    p(report.municipality, { size: 32, bold: true }),
    p(`It-system: ${report.system}`, { size: 26 }),
    p(`Dato: ${report.date}`, { size: 26 }),
    p(`Status: ${report.status}`, { size: 26, bold: true }),
    p(`Udarbejdet efter tjeklisten i Bilag 1 til Rollegalleriet.`, { italics: true }),
    p(report.source, { italics: true, size: 18 }),
    // not a heading itself, so the table of contents does not list itself
    new Paragraph({ pageBreakBefore: true, children: [new TextRun({ text: 'Indhold', bold: true, size: 32 })] }),
    new TableOfContents('Indhold', { hyperlink: true, headingStyleRange: '1-2' }),
  ];
  // eight columns: the overview gets a landscape page of its own
  const overview: (Paragraph | Table)[] = [
    heading('Rollerne i kataloget', HeadingLevel.HEADING_1),
    table(
      ['Rolle', 'Varetages af', 'Stedfortræder', 'Enhed', 'E-mail', 'Udpeges i', 'Status', 'SPOC'],
      report.roles.map((r) => [
        r.name,
        names(r.holders),
        r.deputy?.name ?? '',
        [...new Set(r.holders.map((h) => h.unit).filter(Boolean))].join('\n'),
        r.holders.map((h) => h.email).filter(Boolean).join('\n'),
        r.appointIn,
        r.status,
        r.spoc.join(', '),
      ]),
    ),
  ];
  const timeline: (Paragraph | Table)[] = [
    heading('SPOC-tidslinje', HeadingLevel.HEADING_1),
    p('KOMBITs kontaktperson (SPOC) for it-systemet skifter over tid (Bilag 1, punkt 2 og 6). Kildens figur 5 er ikke med i teksten; tidslinjen er bygget af rollernes SPOC-opgaver og livsforløb.'),
    table(
      ['Fase', 'SPOC', 'Varetages af', 'Grundlag'],
      report.spoc.map((s) => [s.name, s.roleName || '(ingen angivet)', s.holders.join(', '), s.origin === 'valgt' ? 'Valgt i kataloget' : s.origin === 'kilde' ? `Kilden: »${s.quote}«` : 'Kilden nævner ingen']),
    ),
    p('»Ved faseskift fra fase 3:Ibrugtagning til fase 4:Forankring udpeges systemejer og systemansvarlig. KOMBIT SPOC for it-systemet skifter hermed også.« (Bilag 1)', { italics: true, size: 18 }),
    heading('Overdragelse til drift og forvaltning', HeadingLevel.HEADING_1),
    table(['Spørgsmål', 'Svar'], [
      ['Fortsætter projektejeren som systemejer?', report.handover.owner],
      ['Fortsætter projektlederen som systemansvarlig?', report.handover.lead],
      ...(report.handover.note ? [['Bemærkning', report.handover.note]] : []),
    ]),
  ];
  const roles = [heading('Rollebeskrivelser', HeadingLevel.HEADING_1, true), ...report.roles.flatMap((r, i) => roleSection(r, report.system, i > 0))];
  const closing = [heading('Kilde', HeadingLevel.HEADING_1), p(report.source), p(SOURCE_NOTE)];
  const portrait = { headers: { default: header }, footers: { default: footer } };
  const landscape = { properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } } };
  const sections: ISectionOptions[] = [
    { ...portrait, children: cover },
    { ...portrait, ...landscape, children: overview },
    { ...portrait, children: [...timeline, ...roles] },
  ];
  if (map) {
    // landscape, about 24 cm wide inside the margins at 96 px per inch
    const scale = Math.min(1, 900 / map.width, 560 / map.height);
    sections.push({
      ...portrait,
      ...landscape,
      children: [
        heading('Kort over rollerne', HeadingLevel.HEADING_1),
        new Paragraph({ children: [new ImageRun({ type: 'png', data: map.png, transformation: { width: Math.round(map.width * scale), height: Math.round(map.height * scale) }, altText: { name: 'Kort', title: 'Kort over rollerne', description: `Rollerne for ${report.system} og relationerne mellem dem` } })] }),
      ],
    });
  }
  sections.push({ ...portrait, children: closing });
  return new Document({
    creator: 'Rollekort',
    title,
    description: `Rollekatalog for ${report.system}, ${report.municipality}`,
    features: { updateFields: true },
    styles: {
      paragraphStyles: [
        {
          id: 'Tilpasning',
          name: 'Tilpasning',
          basedOn: 'Normal',
          run: { color: TAILORED_COLOUR, italics: true },
          paragraph: {
            indent: { left: 240 },
            spacing: { before: 80, after: 80 },
            border: { left: { style: BorderStyle.SINGLE, size: 18, color: TAILORED_COLOUR, space: 8 } },
          },
        },
      ],
    },
    sections,
  });
}

/** The .docx file of a system's catalogue. */
export async function catalogueDocx(report: CatalogueReport, map: MapImage | null): Promise<Blob> {
  return Packer.toBlob(catalogueDocument(report, map));
}
