import { demoWorkspace, WORKSPACE_VERSION } from '../domain/workspace';
import { toDocument } from './envelope';

/** Test-only: malformed and hostile workspace files, each with the step that must refuse it. */
export interface HostileCase {
  name: string;
  text: string;
  step: string;
  message: RegExp;
}

// Loose on purpose: the cases break the document in ways its type forbids.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
const valid = () => JSON.parse(JSON.stringify(toDocument(demoWorkspace(), { id: 'rollegalleri', version: '1.5' }))) as Loose;
const text = (doc: unknown) => JSON.stringify(doc);
const edit = (f: (doc: Loose) => void) => {
  const doc = valid();
  f(doc);
  return text(doc);
};

function nested(depth: number): string {
  return '{"format":"rollekort-workspace","version":1,"x":' + '['.repeat(depth) + ']'.repeat(depth) + '}';
}

export const HOSTILE_CASES: HostileCase[] = [
  { name: 'broken JSON', text: '{"format": "rollekort-workspace", ', step: 'parse', message: /ikke gyldig JSON/ },
  { name: 'empty file', text: '', step: 'parse', message: /ikke gyldig JSON/ },
  { name: 'a bare array', text: '[]', step: 'format', message: /ikke et Rollekort-arbejdsområde/ },
  { name: 'a bare string', text: '"rollekort"', step: 'format', message: /ikke et Rollekort-arbejdsområde/ },
  { name: 'the catalogue file instead of a workspace', text: '{"format":"rollegalleri-catalogue","formatVersion":1}', step: 'format', message: /ikke et Rollekort-arbejdsområde/ },
  { name: 'a newer version', text: edit((d) => (d.version = WORKSPACE_VERSION + 1)), step: 'version', message: /nyere version af Rollekort/ },
  { name: 'version as text', text: edit((d) => (d.version = '1')), step: 'version', message: /helt tal/ },
  { name: 'version zero', text: edit((d) => (d.version = 0)), step: 'version', message: /helt tal/ },
  { name: 'missing workspace', text: edit((d) => delete d.workspace), step: 'validate', message: /^workspace: feltet mangler/ },
  { name: 'people is not a list', text: edit((d) => (d.workspace.people = { a: 1 })), step: 'validate', message: /^Listen over personer: skal være en liste/ },
  { name: 'a person without a name', text: edit((d) => (d.workspace.people[2].name = '')), step: 'validate', message: /^Person nr\. 3, navn: må ikke være tom/ },
  { name: 'an unknown field', text: edit((d) => (d.workspace.people[0].admin = true)), step: 'validate', message: /^Person nr\. 1: feltet »admin« er ikke tilladt/ },
  { name: 'a __proto__ key at the top', text: text(valid()).replace('{', '{"__proto__":{"polluted":true},'), step: 'validate', message: /__proto__/ },
  { name: 'a __proto__ key in a person', text: edit((d) => d).replace('"id":"p-anne"', '"__proto__":{"isAdmin":true},"id":"p-anne"'), step: 'validate', message: /__proto__/ },
  { name: 'a constructor.prototype key', text: edit((d) => (d.workspace.people[1].constructor = { prototype: { x: 1 } })), step: 'validate', message: /constructor/ },
  { name: 'an assignment to a person who does not exist', text: edit((d) => (d.workspace.assignments[3].personId = 'p-17')), step: 'integrity', message: /^Tildeling nr\. 4: personen p-17 findes ikke/ },
  { name: 'an assignment to a role that does not exist', text: edit((d) => (d.workspace.assignments[0].roleId = 'kejser')), step: 'integrity', message: /rollen kejser findes ikke/ },
  { name: 'an assignment to a missing system', text: edit((d) => (d.workspace.assignments[0].systemId = 's-mangler')), step: 'integrity', message: /it-systemet s-mangler findes ikke/ },
  { name: 'a system-specific role without a system', text: edit((d) => (d.workspace.assignments[0].systemId = null)), step: 'integrity', message: /systemspecifik og skal knyttes til et it-system/ },
  { name: 'duplicate person ids', text: edit((d) => (d.workspace.people[1].id = d.workspace.people[0].id)), step: 'integrity', message: /bruges mere end én gang/ },
  { name: 'an unknown catalogue version', text: edit((d) => (d.catalogue.version = '9.9')), step: 'integrity', message: /Rollegalleri 9\.9/ },
  { name: 'an id with markup', text: edit((d) => (d.workspace.people[0].id = '<img src=x onerror=alert(1)>')), step: 'validate', message: /må kun indeholde/ },
  { name: 'deeply nested input', text: nested(5000), step: 'shape', message: /for dybt indlejret/ },
  { name: 'a huge name', text: edit((d) => (d.workspace.people[0].name = 'x'.repeat(100_000))), step: 'validate', message: /for lang/ },
  { name: 'a file over the size cap', text: edit((d) => (d.workspace.padding = 'x'.repeat(21 * 1024 * 1024))), step: 'size', message: /for stor/ },
];
