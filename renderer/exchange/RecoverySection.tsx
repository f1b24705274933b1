// 从县局恢复 (数据报送, office): installing the bureau's recovery package after a restore or a reinstall. The chosen
// file is first checked (a dry run: what would come back, what differs on both sides, what is missing); the clerk
// chooses, row by row, which version of each differing row to keep; then it is installed in one step. Afterwards:
// the attachments to scan again, and the parties whose ID numbers came back masked, each re-entered here.
import { Alert, Button, Card, Descriptions, Input, Radio, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { RecoveryChoice, RecoveryDifference, RecoverySummary } from '../../shared/contract';
import { errorMessage, useApi } from '../app/apiContext';
import { useMay } from '../app/currentUser';
import { formatMoment } from '../app/format';
import { FilePicker } from './FilePicker';
import { fileToBase64 } from './files';
import { RowVersions } from './RowVersions';

type Notice = { ok: boolean; text: string } | null;
type Take = RecoveryChoice['take'] | 'later';

const notice = (n: Notice) => n && <Alert type={n.ok ? 'success' : 'error'} showIcon title={n.text} role="status" />;
const keyOf = (d: { table: string; key: string }) => `${d.table} ${d.key}`;

function addedText(s: RecoverySummary): string {
  return s.added.length ? s.added.map((a) => `${a.label}${a.rows}行`).join('，') : '没有本所缺少的行';
}

export function RecoverySection() {
  const api = useApi();
  const mayRecover = useMay('exchange.recover');
  const mayReenter = useMay('exchange.reenterIdNumber');
  const [upload, setUpload] = useState<{ fileName: string; base64: string } | null>(null);
  const [plan, setPlan] = useState<RecoverySummary | null>(null);
  const [done, setDone] = useState<RecoverySummary | null>(null);
  const [takes, setTakes] = useState<Record<string, Take>>({});
  const [status, setStatus] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const [numbers, setNumbers] = useState<Record<number, string>>({});
  const [reentered, setReentered] = useState<Notice>(null);

  if (!mayRecover) return null;

  const check = async (file: File | undefined) => {
    if (!file || busy) return;
    setBusy(true);
    setStatus(null);
    setPlan(null);
    setDone(null);
    setTakes({});
    try {
      const chosen = { fileName: file.name, base64: await fileToBase64(file) };
      setUpload(chosen);
      setPlan(await api.call('exchange.recover', { file: null, upload: chosen, dryRun: true, choices: [] }));
    } catch (error) {
      setStatus({ ok: false, text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const install = async () => {
    if (!upload || busy) return;
    setBusy(true);
    try {
      const choices = Object.entries(takes)
        .filter((e): e is [string, RecoveryChoice['take']] => e[1] !== 'later')
        .map(([key, take]) => {
          const d = plan!.differences.find((x) => keyOf(x) === key)!;
          return { table: d.table, key: d.key, take };
        });
      const summary = await api.call('exchange.recover', { file: null, upload, dryRun: false, choices });
      setDone(summary);
      setPlan(null);
      setStatus({
        ok: true,
        text: `已安装恢复包：${addedText(summary)}；两边不同的行：采用县局的${summary.tookBureau}行，保留本所的${summary.keptOffice}行，暂不处理${summary.undecided}行`,
      });
    } catch (error) {
      setStatus({ ok: false, text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const reenter = async (partyId: number) => {
    try {
      await api.call('exchange.reenterIdNumber', { partyId, idNumber: numbers[partyId] ?? '' });
      setReentered({ ok: true, text: '已保存证件号码' });
      setDone((d) => d && { ...d, maskedParties: d.maskedParties.filter((p) => p.partyId !== partyId) });
    } catch (error) {
      setReentered({ ok: false, text: errorMessage(error) });
    }
  };

  const shownPlan = plan ?? done;
  return (
    <Card title="从县局恢复" className="detail-section recovery-section" style={{ maxWidth: 960 }}>
      <Typography.Paragraph type="secondary">
        从备份恢复后，或重新安装本程序后首次使用时：安装县司法局为本所生成的恢复包，找回本所已没有的案件（案号、编号不变）。先核对，再安装；两边内容不同的行，由您逐行选择保留本所的还是采用县局的，不选的不作改动。
      </Typography.Paragraph>
      <FilePicker
        id="recovery-file"
        label="选择恢复包文件（.casedesk）"
        disabled={busy}
        onFiles={(files) => void check(files[0])}
      />
      {notice(status)}
      {shownPlan && (
        <section aria-label="恢复包核对结果" className="detail-section">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="恢复包">
              {shownPlan.fileName}（{shownPlan.bureauName}生成于 {formatMoment(shownPlan.issuedAt)}，
              {shownPlan.lastImport ? `含至第${shownPlan.lastImport.sequence}次报送` : '尚无导入的报送'}）
              {shownPlan.installedBefore ? '，此前已安装过' : ''}
            </Descriptions.Item>
            <Descriptions.Item label={plan ? '将恢复' : '已恢复'}>{addedText(shownPlan)}</Descriptions.Item>
            {shownPlan.addedCaseCount > 0 && (
              <Descriptions.Item label="案件">
                {shownPlan.addedCases.join('、')}
                {shownPlan.addedCaseCount > shownPlan.addedCases.length ? `等${shownPlan.addedCaseCount}件` : ''}
              </Descriptions.Item>
            )}
            <Descriptions.Item label="与本所相同">{shownPlan.same}行</Descriptions.Item>
            <Descriptions.Item label="两边不同">{shownPlan.differenceCount}行</Descriptions.Item>
            {plan && plan.maskedParties.length > 0 && (
              <Descriptions.Item label="证件号码">
                {plan.maskedParties.length}名当事人的证件号码只有部分，安装后请在此重新录入
              </Descriptions.Item>
            )}
            {plan && plan.missingAttachments.length > 0 && (
              <Descriptions.Item label="附件文件">
                {plan.missingAttachments.length}个附件的文件不在恢复包中，安装后请重新扫描
              </Descriptions.Item>
            )}
          </Descriptions>
          {shownPlan.skipped.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title="以下行未能恢复"
              description={shownPlan.skipped.map((s) => `${s.table} ${s.key}：${s.reason}`).join('；')}
            />
          )}
        </section>
      )}
      {plan && plan.differences.length > 0 && (
        <section aria-label="两边不同的行" className="detail-section">
          <Typography.Title level={5}>两边不同的行：请逐行选择</Typography.Title>
          <Table<RecoveryDifference>
            rowKey={keyOf}
            size="small"
            pagination={false}
            dataSource={plan.differences}
            expandable={{
              defaultExpandAllRows: true,
              expandedRowRender: (d) => (
                <RowVersions
                  left={{ title: '本所的版本', data: d.office }}
                  right={{ title: '县局的版本', data: d.bureau }}
                  onlyDiffering
                />
              ),
            }}
            columns={[
              { title: '行', dataIndex: 'label' },
              {
                title: '选择',
                render: (_: unknown, d: RecoveryDifference) => (
                  <Radio.Group
                    aria-label={`${d.label}的选择`}
                    value={takes[keyOf(d)] ?? 'later'}
                    onChange={(e) => setTakes({ ...takes, [keyOf(d)]: e.target.value as Take })}
                    options={[
                      { value: 'office', label: '保留本所的' },
                      { value: 'bureau', label: d.bureau === null ? '按县局的删除' : '采用县局的' },
                      { value: 'later', label: '暂不处理' },
                    ]}
                  />
                ),
              },
            ]}
          />
        </section>
      )}
      {plan && (
        <Space className="detail-section">
          <Button type="primary" loading={busy} onClick={() => void install()}>
            安装恢复包
          </Button>
        </Space>
      )}
      {done && done.missingAttachments.length > 0 && (
        <section aria-label="缺少的附件文件" className="detail-section">
          <Typography.Title level={5}>附件文件不在恢复包中，请重新扫描上传</Typography.Title>
          <ul>
            {done.missingAttachments.map((a) => (
              <li key={`${a.caseNumber}-${a.itemKey}-${a.fileName}`}>
                {a.caseNumber}：{a.fileName}
              </li>
            ))}
          </ul>
        </section>
      )}
      {done && done.usersWithoutPassword.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={`恢复的用户没有密码，请管理员在用户管理中重置：${done.usersWithoutPassword.join('、')}`}
        />
      )}
      {done && done.maskedParties.length > 0 && (
        <section aria-label="需重新录入证件号码的当事人" className="detail-section">
          <Typography.Title level={5}>证件号码需重新录入（恢复包只含号码的前6位和后4位）</Typography.Title>
          <Table
            rowKey="partyId"
            size="small"
            pagination={false}
            dataSource={done.maskedParties}
            columns={[
              { title: '案号', dataIndex: 'caseNumber' },
              { title: '当事人', dataIndex: 'name' },
              { title: '恢复的号码', dataIndex: 'idNumber' },
              ...(mayReenter
                ? [
                    {
                      title: '完整号码',
                      render: (_: unknown, p: RecoverySummary['maskedParties'][number]) => (
                        <Space>
                          <Input
                            aria-label={`${p.name}的完整证件号码`}
                            value={numbers[p.partyId] ?? ''}
                            maxLength={30}
                            autoComplete="off"
                            onChange={(e) => setNumbers({ ...numbers, [p.partyId]: e.target.value })}
                          />
                          <Button size="small" onClick={() => void reenter(p.partyId)}>
                            保存
                          </Button>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </section>
      )}
      {notice(reentered)}
    </Card>
  );
}
