// A file chooser in Chinese: the browser's own button speaks the browser's language, so it stays hidden behind
// ours (still labelled, for screen readers and the tests).
import { Button, Space, Typography } from 'antd';
import { useRef, useState } from 'react';

export function FilePicker({
  id,
  label,
  multiple = false,
  disabled = false,
  accept = '.casedesk',
  onFiles,
}: {
  id: string;
  label: string;
  multiple?: boolean;
  /** The file types offered (the chooser's filter). */
  accept?: string;
  disabled?: boolean;
  onFiles(files: File[]): void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string>('未选择文件');
  return (
    <Space>
      <label htmlFor={id}>{label}</label>
      <input
        ref={input}
        id={id}
        type="file"
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        style={{ display: 'none' }}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          setChosen(files.length === 0 ? '未选择文件' : files.length === 1 ? files[0]!.name : `${files.length}个文件`);
          e.target.value = ''; // the same file chosen again is a new choice
          if (files.length) onFiles(files);
        }}
      />
      <Button disabled={disabled} onClick={() => input.current?.click()}>
        选择文件
      </Button>
      <Typography.Text type="secondary">{chosen}</Typography.Text>
    </Space>
  );
}
