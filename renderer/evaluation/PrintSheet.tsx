// A page of the round printed on A4 (the 抽查清单, a score sheet): shown over the app as it will print, with 打印
// (window.print) and 返回; on paper only the sheet is printed.
import { Button, Space } from 'antd';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';

const PRINT_ONLY_THE_SHEET = `
@page { size: A4; margin: 18mm 15mm; }
@media screen {
  .evaluation-print-view { position: fixed; inset: 0; z-index: 2000; overflow: auto; background: #f0f0f0; }
  .evaluation-print-view .evaluation-sheet { width: 210mm; min-height: 297mm; margin: 16px auto; padding: 18mm 15mm; background: #fff; box-shadow: 0 0 6px rgba(0,0,0,.25); }
}
@media print {
  body > *:not(.evaluation-print-view) { display: none !important; }
  .evaluation-print-view .no-print { display: none !important; }
}
.evaluation-print-view .print-toolbar { position: sticky; top: 0; padding: 8px 16px; background: #fff; border-bottom: 1px solid #d9d9d9; z-index: 1; }
.evaluation-sheet { font-family: SimSun, 'Noto Serif CJK SC', serif; font-size: 11pt; color: #000; }
.evaluation-sheet h1 { font-size: 16pt; text-align: center; margin: 0 0 8pt; }
.evaluation-sheet table { width: 100%; border-collapse: collapse; }
.evaluation-sheet th, .evaluation-sheet td { border: 1px solid #000; padding: 3pt 4pt; vertical-align: top; }
.evaluation-sheet thead { display: table-header-group; }
.evaluation-sheet tr { break-inside: avoid; }
`;

export function PrintSheet({ title, onBack, children }: { title: string; onBack(): void; children: ReactNode }) {
  return createPortal(
    <div className="evaluation-print-view" role="dialog" aria-label={title}>
      <style>{PRINT_ONLY_THE_SHEET}</style>
      <div className="print-toolbar no-print">
        <Space>
          <Button type="primary" onClick={() => window.print()}>
            打印
          </Button>
          <Button onClick={onBack}>返回</Button>
        </Space>
      </div>
      <div className="evaluation-sheet">
        <h1>{title}</h1>
        {children}
      </div>
    </div>,
    document.body,
  );
}
