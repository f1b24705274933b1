// 当事人: two or more, each a person (公民身份号码) or an organisation (统一社会信用代码). The full 受理登记表 asks
// every field of the kind; the 口头调解登记 only the name, the number, the phone and (for a person) the address.
import { Button, Card, Form, Radio } from 'antd';
import { PARTY_KIND_LABELS, PARTY_KINDS } from '../../shared/kinds/mediation/options';
import { FormField } from '../forms/FormField';
import { emptyParty, emptyQuickParty } from './intakeValues';
import { PartyFields } from '../forms/PartyFields';

const KIND_OPTIONS = PARTY_KINDS.map((k) => ({ value: k, label: PARTY_KIND_LABELS[k] }));
const MAX_PARTIES = 50;

function PartyRow({
  index,
  name,
  full,
  onRemove,
  removable,
}: {
  index: number;
  name: number;
  full: boolean;
  onRemove(): void;
  removable: boolean;
}) {
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
      <PartyFields
        at={at}
        organisation={organisation}
        groupName={`party-${index}`}
        fields={[
          { field: 'name', span: 8, required: true },
          organisation
            ? { field: 'creditCode', span: 8, required: full, placeholder: '18位统一社会信用代码' }
            : { field: 'idNumber', span: 8 },
          { field: 'phone', span: 8, required: full },
        ]}
      />
      {full && !organisation && (
        <PartyFields
          at={at}
          groupName={`party-${index}`}
          fields={[
            { field: 'sex', span: 6, required: true },
            { field: 'birthDate', span: 6, required: true, placeholder: '如 1970-01-01' },
            { field: 'ethnicity', span: 6, required: true },
            { field: 'occupation', span: 6 },
          ]}
        />
      )}
      <PartyFields
        at={at}
        groupName={`party-${index}`}
        fields={[
          full && organisation && { field: 'legalRepresentative', span: 24, required: true },
          (full || !organisation) && { field: 'address', span: 24, required: full },
        ]}
      />
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
              <PartyRow
                key={row.key}
                index={index}
                name={row.name}
                full={full}
                removable={rows.length > 1}
                onRemove={() => remove(row.name)}
              />
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
