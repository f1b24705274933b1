// Channels of the interference records (防止干预司法“三个规定”).
import { channel, id, read, write } from '../channel';
import {
  INTERFERENCE_LABELS,
  interferenceRecordSchema,
  period,
  type InterferenceRecord,
  type InterferenceStatement,
  type StatementOverview,
} from '../interference';
import { strictObject, text } from '../validation';

export const interferenceChannels = {
  'interference.record': channel<{ id: number }>()(interferenceRecordSchema, write(INTERFERENCE_LABELS)),
  'interference.list': channel<InterferenceRecord[]>()(
    strictObject({ caseId: id.nullable(), period: period().nullable() }),
    read(INTERFERENCE_LABELS),
  ),
  'interference.submitStatement': channel<InterferenceStatement>()(
    strictObject({ period: period(), note: text({ max: 500, multiLine: true }) }),
    write(INTERFERENCE_LABELS),
  ),
  'interference.statements': channel<StatementOverview>()(
    strictObject({ period: period() }),
    read(INTERFERENCE_LABELS),
  ),
} as const;
