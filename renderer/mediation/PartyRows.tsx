// 当事人: two or more, each a person (公民身份号码) or an organisation (统一社会信用代码). The full 受理登记表 asks
// every field of the kind; the 口头调解登记 only the name, the number, the phone and (for a person) the address.
import { Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import { ETHNIC_GROUPS, SEXES } from '../../shared/options';
import { PARTY_KIND_LABELS, PARTY_KINDS } from '../../shared/kinds/mediation/options';
import { FormField } from '../forms/FormField';
import { emptyParty, emptyQuickParty } from './intakeValues';
import { DATE_FORMATS, options, searchable } from '../forms/typedValues';

const KIND_OPTIONS = PARTY_KINDS.map((k) => ({ value: k, label: PARTY_KIND_LABELS[k] }));
const MAX_PARTIES = 50;

function PartyRow({ index, name, full, onRemove, removable }: { index: number; name: number; full: boolean; onRemove(): void; removable: boolean }) {
  const form = Form.useFormInstance();
  const kind = Form.useWatch(['parties', name, 'kind'], form) as string | undefined;
  const at = (field: string) => ({ path: `parties.${index}.${field}`, name: [name, field] });
  const organisation = kind === 'organisation';
  return (
    <Card
      size="small"
      className="party-card"
      title={`第${index + 1}方当事人`}
      extra={
        removable && (
          <Button size="small" onClick={onRemove} aria-label={`删除第${index + 1}方当事人`}>
            删除
          </Button>
        )
      }
      style={{ marginBottom: 12 }}
    >
      <FormField {...at('kind')} required group>
        <Radio.Group name={`party-${index}-kind`} options={KIND_OPTIONS} />
      </FormField>
      <Row gutter={16}>
        <Col span={8}>
          <FormField {...at('name')} required>
            <Input maxLength={organisation ? 100 : 50} autoComplete="off" />
          </FormField>
        </Col>
        <Col span={8}>
          {organisation ? (
            <FormField {...at('creditCode')} required={full}>
              <Input maxLength={30} autoComplete="off" placeholder="18位统一社会信用代码" />
            </FormField>
          ) : (
            <FormField {...at('idNumber')}>
              <Input maxLength={30} autoComplete="off" />
            </FormField>
          )}
        </Col>
        <Col span={8}>
          <FormField {...at('phone')} required={full}>
            <Input maxLength={30} autoComplete="off" inputMode="tel" />
          </FormField>
        </Col>
      </Row>
      {full && !organisation && (
        <Row gutter={16}>
          <Col span={6}>
            <FormField {...at('sex')} required group>
              <Radio.Group name={`party-${index}-sex`} options={options(SEXES)} />
            </FormField>
          </Col>
          <Col span={6}>
            <FormField {...at('birthDate')} required>
              <DatePicker format={DATE_FORMATS} placeholder="如 1970-01-01" style={{ width: '100%' }} />
            </FormField>
          </Col>
          <Col span={6}>
            <FormField {...at('ethnicity')} required>
              <Select options={options(ETHNIC_GROUPS)} showSearch={searchable} />
            </FormField>
          </Col>
          <Col span={6}>
            <FormField {...at('occupation')}>
              <Input maxLength={100} autoComplete="off" />
            </FormField>
          </Col>
        </Row>
      )}
      {full && organisation && (
        <FormField {...at('legalRepresentative')} required>
          <Input maxLength={50} autoComplete="off" />
        </FormField>
      )}
      {(full || !organisation) && (
        <FormField {...at('address')} required={full}>
          <Input maxLength={100} autoComplete="off" />
        </FormField>
      )}
    </Card>
  );
}

export function PartyRows({ full }: { full: boolean }) {
  return (
    <Form.List name="parties">
      {(rows, { add, remove }) => (
        <FormField path="parties" noName label="">
          <div>
            {rows.map((row, index) => (
              <PartyRow key={row.key} index={index} name={row.name} full={full} removable={rows.length > 1} onRemove={() => remove(row.name)} />
            ))}
            <Button onClick={() => add(full ? emptyParty() : emptyQuickParty())} disabled={rows.length >= MAX_PARTIES}>
              添加当事人
            </Button>
          </div>
        </FormField>
      )}
    </Form.List>
  );
}
