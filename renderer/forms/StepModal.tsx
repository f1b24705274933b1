// The action buttons of a case page and the dialog each opens: the step's small form, sent once; on success the
// dialog closes and the page takes the case as the main process now has it.
import { App as AntApp, Button, Modal, Space } from 'antd';
import { useState } from 'react';
import { StepForm, type StepFormProps } from './StepForm';

export interface StepChoice {
  key: string;
  label: string;
  /** The form of the step (everything but sending and cancelling, which the dialog does). */
  form: Omit<StepFormProps, 'send' | 'onCancel'> & { send(payload: Record<string, unknown>): Promise<void> };
}

export function StepButtons({ steps, emptyText }: { steps: StepChoice[]; emptyText: string }) {
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState<StepChoice | null>(null);
  if (steps.length === 0) return <span className="no-actions">{emptyText}</span>;
  return (
    <>
      <Space wrap>
        {steps.map((s) => (
          <Button key={s.key} onClick={() => setOpen(s)}>
            {s.label}
          </Button>
        ))}
      </Space>
      <Modal open={open !== null} title={open?.label} footer={null} width={720} destroyOnHidden onCancel={() => setOpen(null)}>
        {open && (
          <StepForm
            key={open.key}
            {...open.form}
            send={async (payload) => {
              await open.form.send(payload);
              message.success(`已登记“${open.label}”`);
              setOpen(null);
            }}
            onCancel={() => setOpen(null)}
          />
        )}
      </Modal>
    </>
  );
}
