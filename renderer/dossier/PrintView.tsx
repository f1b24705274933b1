// The print view of one dossier page (#/cases/<id>/print/<doc>): the page as it will print, over the app, with
// 打印 (window.print: Electron's print dialog, the browser's in the preview; in Electron the menu's 另存为PDF… saves
// it as a PDF named by the page's title) and 返回.
// When printing, only the sheet is printed.
import { Alert, Button, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { PrintDocument } from '../../shared/dossier/materials';
import type { PrintedPage } from '../../shared/print/dossierPages';
import { errorMessage, useApi } from '../app/apiContext';
import { navigate } from '../app/route';

/** On paper, the app is not printed: only the sheet. */
const PRINT_ONLY_THE_SHEET = `
@media screen {
  .dossier-print-view { position: fixed; inset: 0; z-index: 2000; overflow: auto; background: #f0f0f0; }
  .dossier-print-view .dossier-sheet { width: 210mm; min-height: 297mm; margin: 16px auto; padding: 25mm 20mm 20mm 25mm; box-shadow: 0 0 6px rgba(0,0,0,.25); }
}
@media print {
  body > *:not(.dossier-print-view) { display: none !important; }
  .dossier-print-view .no-print { display: none !important; }
}
.dossier-print-view .print-toolbar { position: sticky; top: 0; padding: 8px 16px; background: #fff; border-bottom: 1px solid #d9d9d9; z-index: 1; }
`;

export function PrintView({ caseId, doc }: { caseId: number; doc: PrintDocument }) {
  const api = useApi();
  const [printed, setPrinted] = useState<PrintedPage | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.call('dossier.print', { caseId, doc, noticeDueOn: '' }).then(
      (page) => live && setPrinted(page),
      (error: unknown) => live && setFailure(errorMessage(error)),
    );
    return () => {
      live = false;
    };
  }, [api, caseId, doc]);

  useEffect(() => {
    if (!printed) return;
    const before = document.title;
    document.title = printed.title; // the suggested file name when saved as PDF
    return () => {
      document.title = before;
    };
  }, [printed]);

  const back = () => navigate({ page: 'case', id: caseId });
  return createPortal(
    <div className="dossier-print-view" role="dialog" aria-label={printed?.title ?? '打印'}>
      <style>{PRINT_ONLY_THE_SHEET + (printed?.css ?? '')}</style>
      <div className="print-toolbar no-print">
        <Space>
          <Button type="primary" disabled={!printed} onClick={() => window.print()}>
            打印
          </Button>
          <Button onClick={back}>返回案件</Button>
          {printed && <span>{printed.title}</span>}
        </Space>
      </div>
      {failure && <Alert className="no-print" type="error" showIcon title={failure} />}
      {!printed && !failure && <Spin description="正在生成打印页" />}
      {/* The sheet is our own renderer's output: every value in it was escaped there. */}
      {printed && <div dangerouslySetInnerHTML={{ __html: printed.sheet }} />}
    </div>,
    document.body,
  );
}
