// Writes docs/channels.md: every channel of the contract (shared/contract.ts), by area, with whether it writes, who
// may call it and the fields of its input. Generated, so the list cannot drift from the code; a test
// (test/scripts/channelsDoc.test.ts) fails when the committed file is not what this prints.
// Run: npx tsx scripts/channelsDoc.ts
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { contract, type Channel } from '../shared/contract';
import { ROLE_LABELS, type Access } from '../shared/roles';

export const CHANNELS_DOC = path.join(__dirname, '..', 'docs', 'channels.md');

const HEADER = `# Channels

Every call between the renderer and the main process is a channel of the contract (\`shared/contract.ts\`, which
merges \`shared/channels/<area>.ts\`): its zod input schema, the Chinese labels of its fields, who may call it and
whether it writes. The dispatcher (\`electron/dispatch.ts\`) refuses an unknown channel, checks the caller's role,
validates the input, runs a writing channel in one transaction and records it in the audit log under the channel's
name. The CLI, the demo generator and the bench call the same channels.

This file is generated from the contract by \`npx tsx scripts/channelsDoc.ts\`; a test fails when it is out of date.

## Lifecycle actions: one channel per action

Each kind of case declares its actions in one table (\`shared/kinds/<kind>/actions.ts\`: the action's schema and
labels), and \`actionChannels\` (\`shared/channel.ts\`) makes one channel of each, named \`<kind>.<action>\`
(\`legalAid.assign\`, \`mediation.succeed\`, \`notarization.forward\`). The services take every action through one
driver (\`electron/services/cases/actions.ts\`). One channel per action, rather than one \`<kind>.act\` taking a
union, because each action keeps its own typed input, output, labels and access in the contract, checked by the
dispatcher before anything runs; the audit log names the action by its channel; the contract fuzzer covers each
action as its own channel; and two of the three kinds already had this shape. Adding an action is one entry in its
kind's table.
`;

const accessText = (access: Access): string =>
  access === 'anyone'
    ? '任何人（未登录）'
    : access === 'signedIn'
      ? '已登录用户'
      : access.map((r) => ROLE_LABELS[r]).join('、');

/** The top-level fields of a channel's input, each with its label when it has one (`caseId 案件`). */
function fieldsText(channel: Channel): string {
  const { input, labels } = contract[channel] as { input: z.ZodType; labels: Readonly<Record<string, string>> };
  if (!(input instanceof z.ZodObject)) return '(see the schema)';
  const fields = Object.keys(input.shape).map((field) =>
    labels[field] ? `\`${field}\` ${labels[field]}` : `\`${field}\``,
  );
  return fields.join(', ') || '—';
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The Markdown of docs/channels.md for the contract as it is. */
export function channelsDoc(): string {
  const byArea = new Map<string, Channel[]>();
  for (const channel of Object.keys(contract).sort() as Channel[]) {
    const area = channel.split('.')[0]!;
    byArea.set(area, [...(byArea.get(area) ?? []), channel]);
  }
  const sections = [...byArea].map(([area, channels]) =>
    [
      `## ${area}`,
      '',
      '| Channel | Writes | Who may call | Input fields |',
      '| --- | --- | --- | --- |',
      ...channels.map(
        (c) =>
          `| \`${c}\` | ${contract[c].writes ? 'yes' : 'no'} | ${accessText(contract[c].access)} | ${cell(fieldsText(c))} |`,
      ),
    ].join('\n'),
  );
  return `${HEADER}\n${sections.join('\n\n')}\n`;
}

if (require.main === module) {
  fs.writeFileSync(CHANNELS_DOC, channelsDoc());
  console.log(`已写入 ${path.relative(process.cwd(), CHANNELS_DOC)}`);
}
