import { describe, expect, it } from 'vitest';
import { linksOf, newEditShare, normaliseServer, parseShareFragment, readSecretOf, tokenOf, workspaceIdOf } from './share-link';
import { colourBeside, PEER_COLOURS, readPresence, refusalText } from './presence';

const APP = 'https://rollekort.kommune.dk/app/?visning=kort';

describe('share links', () => {
  it('makes unguessable rooms and secrets (128 and 256 bits), different every time', () => {
    const a = newEditShare('wss://x/sync');
    const b = newEditShare('wss://x/sync');
    expect(a.room).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a.editSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.room).not.toBe(b.room);
    expect(a.editSecret).not.toBe(b.editSecret);
  });

  it('puts server, room and secret in the fragment, and reads them back', async () => {
    const share = newEditShare('wss://rollekort.kommune.dk/sync');
    const links = await linksOf(APP, share);
    const edit = new URL(links.edit);
    const read = new URL(links.read);
    // nothing secret in the part a web server sees
    expect(`${edit.origin}${edit.pathname}${edit.search}`).not.toContain(share.editSecret);
    expect(edit.search).toBe('?visning=kort');
    expect(links.read).not.toContain(share.editSecret);

    expect(parseShareFragment(edit.hash)).toEqual({
      ok: true,
      value: { server: share.server, room: share.room, access: 'edit', secret: share.editSecret },
    });
    expect(parseShareFragment(read.hash)).toEqual({
      ok: true,
      value: { server: share.server, room: share.room, access: 'read', secret: await readSecretOf(share.editSecret) },
    });
    expect(tokenOf({ access: 'read', secret: 's' })).toBe('read:s');
    expect(workspaceIdOf(share.room)).toBe(`live-${share.room}`);
  });

  it('ignores fragments that are no share link, and refuses broken ones in Danish', () => {
    expect(parseShareFragment('')).toBeNull();
    expect(parseShareFragment('#graph-title')).toBeNull();
    const broken = [
      '#rum=kort&rediger=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&server=wss%3A%2F%2Fx',
      '#rum=aaaaaaaaaaaaaaaaaaaaaaaa&server=wss%3A%2F%2Fx',
      '#rum=aaaaaaaaaaaaaaaaaaaaaaaa&se=aaaaaaaaaaaaaaaaaaaaaaaaaaaa&server=javascript%3Aalert(1)',
      '#rum=aaaaaaaaaaaaaaaaaaaaaaaa&se=aaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ];
    for (const hash of broken) expect(parseShareFragment(hash)).toEqual({ ok: false, error: expect.stringMatching(/ufuldstændigt/) });
  });

  it('turns a typed server address into a WebSocket URL', () => {
    expect(normaliseServer('/sync', APP)).toEqual({ ok: true, value: 'wss://rollekort.kommune.dk/sync' });
    expect(normaliseServer(' http://localhost:1234/ ', APP)).toEqual({ ok: true, value: 'ws://localhost:1234' });
    expect(normaliseServer('wss://sync.kommune.dk', APP)).toEqual({ ok: true, value: 'wss://sync.kommune.dk' });
    expect(normaliseServer('ftp://x', APP).ok).toBe(false);
    expect(normaliseServer('  ', APP).ok).toBe(false);
  });
});

describe('presence', () => {
  it('two people with one colour: the later one takes a free colour, the earlier one keeps theirs', () => {
    const [red, blue, green] = PEER_COLOURS;
    expect(colourBeside(red!, 20, [{ clientId: 10, color: red! }, { clientId: 30, color: blue! }])).toBe(green);
    expect(colourBeside(red!, 10, [{ clientId: 20, color: red! }])).toBe(red);
    expect(colourBeside(red!, 20, [{ clientId: 10, color: blue! }])).toBe(red);
    const everyColour = PEER_COLOURS.map((color, i) => ({ clientId: i, color }));
    expect(colourBeside(red!, 99, everyColour)).toBe(red);
  });

  it('reads a peer defensively', () => {
    expect(readPresence(3, null)).toBeNull();
    expect(readPresence(3, { name: '  ' })).toBeNull();
    const peer = readPresence(3, { name: 'Anne', color: 'red', role: 7, leading: { x: 0, y: 0, width: -1, height: 1 } });
    expect(peer).toEqual({ clientId: 3, name: 'Anne', color: expect.stringMatching(/^#/), role: null, leading: null, viewer: false });
    expect(readPresence(4, { name: 'x'.repeat(500), role: 'r1', leading: { x: 1, y: 2, width: 3, height: 4 } })).toMatchObject({
      name: 'x'.repeat(60),
      role: 'r1',
      leading: { x: 1, y: 2, width: 3, height: 4 },
    });
    // someone with the read-only link is listed, but their camera is never followed
    expect(readPresence(5, { name: 'Vera', viewer: true, leading: { x: 1, y: 2, width: 3, height: 4 } })).toMatchObject({ viewer: true, leading: null });
  });

  it('explains each refusal in Danish', () => {
    expect(refusalText('wrong-secret')).toMatch(/hemmeligheden passer ikke/);
    expect(refusalText('unknown-room')).toMatch(/kender ikke/);
  });
});
