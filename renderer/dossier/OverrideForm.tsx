// 所长特批: closing or archiving a case whose dossier still lacks required items, with the written reason (recorded,
// and shown on the case from then on).
import { Alert, Card, Input, Radio } from 'antd';
import { useState } from 'react';
import type { DossierView } from '../../shared/contract';
import { GATED_ACTION_LABELS, OVERRIDE_LABELS, overrideSchema, type GatedAction } from '../../shared/dossier/materials';
import { useApi } from '../app/apiContext';
import { CheckedFormFrame, schemaIssues, SubmitRow, useCheckedForm, useSubmit } from '../forms/checkedForm';
import { FormField } from '../forms/FormField';

interface Values {
  action: GatedAction;
  reason: string;
}

export function OverrideForm({ view, onSaved, onCancel }: { view: DossierView; onSaved(): void; onCancel(): void }) {
  const api = useApi();
  const open = view.gates.filter((g) => g.missing.length > 0);
  const [action, setAction] = useState<GatedAction>(open[0]?.action ?? 'archive');
  const checked = useCheckedForm<Values>({
    formName: 'dossier-override',
    labels: OVERRIDE_LABELS,
    initial: { action, reason: '' },
    issuesOf: (values) => schemaIssues(overrideSchema, { caseId: view.caseId, ...values }, OVERRIDE_LABELS),
  });
  const submission = useSubmit(checked, async (values) => {
    await api.call('dossier.override', { caseId: view.caseId, ...values });
    onSaved();
  });
  const missing = open.find((g) => g.action === action)?.missing ?? [];
  return (
    <Card title="所长特批" className="detail-section dossier-override">
      <CheckedFormFrame checked={checked}>
        <FormField path="action" required group>
          <Radio.Group
            name="dossier-override-action"
            options={open.map((g) => ({ value: g.action, label: GATED_ACTION_LABELS[g.action] }))}
            onChange={(e) => setAction(e.target.value as GatedAction)}
          />
        </FormField>
        <Alert
          type="warning"
          showIcon
          className="page-alert"
          title={`特批后可在缺少以下材料的情况下${GATED_ACTION_LABELS[action]}：${missing.join('、')}`}
        />
        <FormField path="reason" required>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </FormField>
        <SubmitRow submission={submission} label="特批" onCancel={onCancel} />
      </CheckedFormFrame>
    </Card>
  );
}
