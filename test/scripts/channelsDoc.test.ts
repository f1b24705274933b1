// docs/channels.md lists every channel of the contract: it is generated (scripts/channelsDoc.ts), and this test fails
// when the committed file is not what the contract prints now (a channel added, renamed or changed).
import fs from 'node:fs';
import { CHANNELS_DOC, channelsDoc } from '../../scripts/channelsDoc';
import { contract } from '../../shared/contract';

describe('docs/channels.md', () => {
  it('is what the contract prints now (run `npx tsx scripts/channelsDoc.ts` after changing a channel)', () => {
    expect(fs.readFileSync(CHANNELS_DOC, 'utf8')).toBe(channelsDoc());
  });

  it('lists every channel once, each kind action as its own channel', () => {
    const listed = [...channelsDoc().matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(Object.keys(contract).sort());
    expect(listed).toEqual(expect.arrayContaining(['legalAid.assign', 'mediation.succeed', 'notarization.forward']));
    expect(listed).not.toContain('notarization.act');
  });
});
