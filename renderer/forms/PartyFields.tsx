// The fields of a person or an organisation (a party, an applicant, an agent), as every intake form asks them: one
// control per field, each typed the same way and limited to the length its schema allows (shared/cases/fieldLimits.ts),
// laid out in a row with the spans the form gives. Each form says which fields it asks and which are required.
import { Col, DatePicker, Input, Radio, Row, Select } from 'antd';
import type { ReactElement } from 'react';
import { ID_NUMBER_MAX, LINE_MAX, NAME_MAX, PHONE_MAX } from '../../shared/cases/fieldLimits';
import { ETHNIC_GROUPS, ID_TYPES, SEXES } from '../../shared/options';
import { FormField } from './FormField';
import { DATE_FORMATS, options, searchable } from './typedValues';

type PartyField =
  | 'name'
  | 'sex'
  | 'ethnicity'
  | 'birthDate'
  | 'idType'
  | 'idNumber'
  | 'creditCode'
  | 'legalRepresentative'
  | 'occupation'
  | 'phone'
  | 'address';

interface PartyFieldSpec {
  field: PartyField;
  span: number;
  required?: boolean;
  /** The payload's own name for the field when it is not the field's (`householdAddress` for an address). */
  as?: string;
  placeholder?: string;
  autoFocus?: boolean;
}

/** Where a field of the party is: its payload path (`parties.0.name`) and its name in the form (a Form.List row's). */
type PartyAt = (field: string) => { path: string; name?: (string | number)[] };

/** The control of each field. `organisation`: the party is one (its name may be a line long). */
function control(
  spec: PartyFieldSpec,
  organisation: boolean,
  groupName: string,
): ReactElement<Record<string, unknown>> {
  const text = (max: number, extra: { inputMode?: 'tel' } = {}) => (
    <Input maxLength={max} autoComplete="off" placeholder={spec.placeholder} autoFocus={spec.autoFocus} {...extra} />
  );
  switch (spec.field) {
    case 'name':
      return text(organisation ? LINE_MAX : NAME_MAX);
    case 'legalRepresentative':
      return text(NAME_MAX);
    case 'idNumber':
    case 'creditCode':
      return text(ID_NUMBER_MAX);
    case 'phone':
      return text(PHONE_MAX, { inputMode: 'tel' });
    case 'occupation':
    case 'address':
      return text(LINE_MAX);
    case 'sex':
      return <Radio.Group name={`${groupName}-sex`} options={options(SEXES)} />;
    case 'ethnicity':
      return <Select options={options(ETHNIC_GROUPS)} showSearch={searchable} />;
    case 'idType':
      return <Select options={options(ID_TYPES)} showSearch={searchable} />;
    case 'birthDate':
      return <DatePicker format={DATE_FORMATS} placeholder={spec.placeholder} style={{ width: '100%' }} />;
  }
}

interface Props {
  at: PartyAt;
  fields: readonly (PartyFieldSpec | false)[];
  organisation?: boolean;
  /** Names the party's radio groups (`applicant`, `party-0`): one per party on the page. */
  groupName: string;
}

/** A row of a party's fields (a field given as `false` is not asked). */
export function PartyFields({ at, fields, organisation = false, groupName }: Props) {
  return (
    <Row gutter={16}>
      {fields
        .filter((spec): spec is PartyFieldSpec => spec !== false)
        .map((spec) => (
          <Col key={spec.as ?? spec.field} span={spec.span}>
            <FormField {...at(spec.as ?? spec.field)} required={spec.required ?? false} group={spec.field === 'sex'}>
              {control(spec, organisation, groupName)}
            </FormField>
          </Col>
        ))}
    </Row>
  );
}
