// The one dialog every lifecycle action of every kind is taken in: the action's form as data (each kind's
// renderer/<kind>/actionFields.ts) rendered by the one engine (./FieldsForm.tsx) against the action channel's own
// schema and labels; and the buttons of the actions that may be taken now, each opening its dialog.
import { App as AntApp, Button, Modal, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { ActionSpec } from '../../shared/kinds/kind';
import type { ActionForm, Values } from './fieldSpecs';
import { FieldsForm } from './FieldsForm';

interface ActionDialogProps {
  /** The action's label: the dialog's title. */
  title: string;
  /** Names the form's controls (`${name}_${path}`): one per action, `legalAid-decide`. */
  name: string;
  caseId: number;
  form: ActionForm;
  /** The channel's schema and labels. */
  spec: ActionSpec;
  /** What every payload of the action carries besides the fields (the case; a kind's `data`). */
  fixed: Values;
  /** Values to start from besides the fields' own (the 事项类型 the verdict found). */
  defaults?: Values;
  /** The date of the case's latest step: checked as typed, no action may be dated before it. */
  lastActedOn?: string;
  submitLabel: string;
  send(payload: Values): Promise<void>;
  onDone(): void;
  onCancel(): void;
}

export function ActionDialog({ title, form, spec, send, onDone, onCancel, ...props }: ActionDialogProps) {
  const { message } = AntApp.useApp();
  return (
    <Modal open title={title} footer={null} onCancel={onCancel} destroyOnHidden width={720} mask={{ closable: false }}>
      {form.hint && <Typography.Paragraph type="secondary">{form.hint}</Typography.Paragraph>}
      <FieldsForm
        {...props}
        fields={form.fields}
        schema={spec.schema}
        labels={spec.labels}
        send={async (payload) => {
          await send(payload);
          message.success(`已登记“${title}”`);
          onDone();
        }}
        onCancel={onCancel}
      />
    </Modal>
  );
}

interface ActionChoice {
  action: string;
  label: string;
}

/** The actions that may be taken now, a button each; a button opens its action's dialog. */
export function ActionButtons({
  choices,
  emptyText,
  dialog,
}: {
  choices: ActionChoice[];
  emptyText: string;
  dialog(choice: ActionChoice, close: () => void): ReactNode;
}) {
  const [open, setOpen] = useState<ActionChoice | null>(null);
  if (choices.length === 0) return <span className="no-actions">{emptyText}</span>;
  return (
    <>
      <Space wrap>
        {choices.map((c) => (
          <Button key={c.action} onClick={() => setOpen(c)}>
            {c.label}
          </Button>
        ))}
      </Space>
      {open && dialog(open, () => setOpen(null))}
    </>
  );
}
