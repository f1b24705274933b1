// 导出台账 on the case list: the office's ledger of one kind for one year (cases by their 受理日期), made in the main
// process (ledger.export) and saved as an .xlsx download. Shown only to the roles that may export a ledger.
import { App as AntApp, Button, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { localDate } from '../../shared/dates';
import { caseKindLabel } from '../../shared/kinds';
import { LEDGER_FIRST_YEAR } from '../../shared/ledger/exportColumns';
import { CASE_KINDS, type CaseKind } from '../../shared/options';
import { errorMessage, useApi } from '../app/apiContext';
import { useMay } from '../app/currentUser';
import { base64Bytes, saveBytes, XLSX_TYPE } from '../statistics/saveFile';

/** This year first, back to the first year a ledger can hold. */
function yearsToOffer(): number[] {
  const thisYear = Number(localDate().slice(0, 4));
  return Array.from({ length: thisYear - LEDGER_FIRST_YEAR + 1 }, (_, i) => thisYear - i);
}

/** `kind`: the list's kind filter, the ledger first offered. */
export function LedgerExportButton({ kind }: { kind: CaseKind | null }) {
  const api = useApi();
  const { message } = AntApp.useApp();
  const may = useMay('ledger.export');
  const [open, setOpen] = useState(false);
  const [chosenKind, setChosenKind] = useState<CaseKind>(kind ?? CASE_KINDS[0]);
  const [year, setYear] = useState(() => Number(localDate().slice(0, 4)));
  const [exporting, setExporting] = useState(false);
  if (!may) return null;

  const exportLedger = async () => {
    if (exporting) return;
    setExporting(true);
    try {
      const ledger = await api.call('ledger.export', { kind: chosenKind, year });
      saveBytes(ledger.fileName, base64Bytes(ledger.base64), XLSX_TYPE);
      message.success(`已导出：${ledger.fileName}（${ledger.rowCount}件）`);
      setOpen(false);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <Button
        onClick={() => {
          setChosenKind(kind ?? chosenKind);
          setOpen(true);
        }}
      >
        导出台账
      </Button>
      <Modal
        open={open}
        title="导出台账"
        okText="导出"
        cancelText="取消"
        confirmLoading={exporting}
        onOk={() => void exportLedger()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label="台账类型">
            <Select<CaseKind>
              aria-label="台账类型"
              value={chosenKind}
              onChange={setChosenKind}
              options={CASE_KINDS.map((k) => ({ value: k, label: caseKindLabel(k) }))}
            />
          </Form.Item>
          <Form.Item label="年度" extra="按受理日期计入年度；证件号码只显示前6位和后4位，可按A4横向打印">
            <Select<number>
              aria-label="年度"
              value={year}
              onChange={setYear}
              options={yearsToOffer().map((y) => ({ value: y, label: `${y}年` }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
