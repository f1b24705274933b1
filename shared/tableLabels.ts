// Chinese names of the data file's tables: the audit log shows them, and the exchange names the rows it talks
// about (待核冲突, a recovery package's differing rows, the CLI). A table not listed is shown as it is stored.

export const TABLE_LABELS: Readonly<Record<string, string>> = {
  office: '司法所',
  case_number_counters: '案号计数',
  cases: '案件',
  parties: '当事人',
  legal_aid_cases: '法律援助案件',
  drafts: '草稿',
  case_search_text: '检索索引',
  users: '用户',
  interference_records: '过问干预记录',
  interference_statements: '月度报告',
  case_actions: '案件办理记录',
  legal_aid_roster: '法律援助人员名册',
  legal_aid_assignments: '法律援助指派',
  legal_aid_eligibility_overrides: '经济困难审查例外',
  conflict_acknowledgements: '利益冲突确认',
  notarization_matters: '公证事项',
  notarization_requests: '公证申请',
  notarization_parties: '公证当事人',
  mediation_cases: '人民调解案件',
  mediation_parties: '调解当事人',
  mediation_dispute_types: '纠纷类型',
  mediation_subsidy_rates: '调解补贴标准',
  dossier_materials: '卷宗材料',
  attachments: '附件',
  dossier_overrides: '卷宗核对例外',
  dossier_checks: '卷宗核对',
  restores: '恢复记录',
  exchange_exports: '报送记录',
  exchange_recovery_installs: '恢复包安装记录',
  bureau_offices: '登记的司法所',
  bureau_retired_keys: '停用的司法所公钥',
  bureau_recovery_packages: '生成的恢复包',
};

export const tableLabel = (table: string): string => TABLE_LABELS[table] ?? table;

/**
 * Chinese names of the exported columns (shared/exchange/tables.ts), for showing two versions of a row side by side
 * (待核冲突, a recovery package's differing rows). A column not listed is shown as it is stored.
 */
export const COLUMN_LABELS: Readonly<Record<string, string>> = {
  id: '编号', case_id: '案件编号', party_id: '当事人编号', user_id: '用户编号', kind: '案件类别', case_number: '案号', case_year: '案号年度',
  case_seq: '案号序号', status: '状态', title: '案由', received_on: '受理日期', received_by: '接待人', created_at: '创建时间', updated_at: '修改时间',
  role: '身份', position: '顺序', name: '姓名或名称', sex: '性别', ethnicity: '民族', birth_date: '出生日期', id_type: '证件类型', id_number: '证件号码',
  household_address: '户籍地址', residence: '住所', phone: '电话', employer: '工作单位', relation: '与当事人关系', lacks_capacity: '无民事行为能力',
  category: '类别', service_form: '援助形式', matter: '事项', proceeding_stage: '诉讼阶段', handling_authority: '办案机关', facts: '案情',
  applicant_groups: '申请人群体', household_size: '家庭人口', monthly_income_per_capita_fen: '人均月收入（分）', finance_basis: '经济状况依据',
  finance_exempt_reason: '免于审查原因', roster_id: '名册编号', assigned_by: '指派人', org_type: '机构类别', org_name: '机构名称', person_name: '人员姓名',
  assigned_on: '指派日期', recorded_at: '记录时间', part: '审查项', conclusion: '结论', reason: '理由', username: '用户名', matches: '匹配情况',
  note: '备注', acknowledged_at: '确认时间', action: '办理事项', acted_on: '办理日期', data: '办理内容', from_status: '原状态', to_status: '新状态',
  simple: '简易程序', source: '来源', source_detail: '来源说明', committee: '调解委员会', dispute_type: '纠纷类型', summary: '纠纷简要情况',
  requests: '当事人请求', amount_fen: '涉及金额（分）', people_count: '涉及人数', major: '重大纠纷', mass: '群体性纠纷', mediators: '调解员',
  party_kind: '当事人类别', legal_representative: '法定代表人', matter_code: '公证事项代码', matter_name: '公证事项', matter_category: '公证类别',
  required_materials: '所需材料', one_visit: '最多跑一次', purpose: '用途', place_of_use: '使用地', use_scope: '使用范围', copies: '份数',
  needs_translation: '需要翻译', translation_language: '译文语种', pickup_on: '取证日期', fee_fen: '费用（分）', agent_kind: '代理人类别',
  power_of_attorney: '授权委托书', person_unit: '过问人单位', person_position: '过问人职务', occurred_on: '发生日期', method: '方式', content: '内容',
  handling: '处理情况', recorded_by: '记录人', period: '月份', record_count: '记录数', nil: '零报告', submitted_at: '提交时间', item_key: '材料项',
  pages: '页数', form: '形式', sha256: '文件摘要', content_type: '文件类型', size_bytes: '文件大小（字节）', file_name: '文件名', added_by: '添加人',
  added_at: '添加时间', missing: '缺少的材料', rule_set_version: '材料标准版本', missing_count: '缺少材料数', checked_at: '核对时间',
  display_name: '姓名', active: '启用',
};

export const columnLabel = (column: string): string => COLUMN_LABELS[column] ?? column;
