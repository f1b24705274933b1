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
