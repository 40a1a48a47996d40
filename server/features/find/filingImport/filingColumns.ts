/*
 * The columns of a filing list (备案名单) CSV, as docs/filing-list-csv.md documents
 * them. Headers are matched after trimming spaces; a column may be in any order.
 */

export const FILING_COLUMNS = {
  filingNumber: '备案号',
  name: '机构名称',
  kind: '机构类型',
  district: '区县',
  street: '街道',
  address: '地址',
  lat: '纬度',
  lng: '经度',
  filedOn: '备案日期',
  authority: '备案机关',
  status: '备案状态',
  affordable: '普惠',
  demonstrationLevel: '示范等级',
  minAgeMonths: '最小月龄',
  maxAgeMonths: '最大月龄',
  infantPlaces: '乳儿班托位',
  toddlerPlaces: '托小班托位',
  preschoolPlaces: '托大班托位',
  enrolled: '在托人数',
  fullDayFee: '全日托收费（元/月）',
  halfDayFee: '半日托收费（元/月）',
  hourlyFee: '计时托收费（元/小时）',
  temporaryFee: '临时托收费（元/天）',
  days: '服务时间',
  opensAt: '开园时间',
  closesAt: '闭园时间',
  phone: '联系电话',
  description: '简介',
  // 收费与退费约定 (optional, all six or none): see src/domain/feeTerms.ts
  mealsFee: '伙食费（元/月）',
  registrationFee: '报名费（元）',
  deposit: '押金（元）',
  prepayMonths: '预收月数',
  noticeDays: '退托提前告知天数',
  refundOnWithdrawal: '退费办法',
} as const

export type FilingColumn = keyof typeof FILING_COLUMNS

/** Columns that may be left out of the header entirely (their cells count as empty). */
export const OPTIONAL_COLUMNS: readonly FilingColumn[] = [
  'demonstrationLevel',
  'infantPlaces',
  'toddlerPlaces',
  'halfDayFee',
  'hourlyFee',
  'temporaryFee',
  'description',
  'mealsFee',
  'registrationFee',
  'deposit',
  'prepayMonths',
  'noticeDays',
  'refundOnWithdrawal',
]

/** The fee-terms columns: a row fills all six or none. */
export const FEE_TERMS_COLUMNS = ['mealsFee', 'registrationFee', 'deposit', 'prepayMonths', 'noticeDays', 'refundOnWithdrawal'] as const satisfies readonly FilingColumn[]

/** The header line in documented order, for docs and test fixtures (the optional fee-terms columns apart). */
export const FILING_HEADER: readonly string[] = (Object.keys(FILING_COLUMNS) as FilingColumn[])
  .filter((column) => !(FEE_TERMS_COLUMNS as readonly FilingColumn[]).includes(column))
  .map((column) => FILING_COLUMNS[column])
export const FEE_TERMS_HEADER: readonly string[] = FEE_TERMS_COLUMNS.map((column) => FILING_COLUMNS[column])
