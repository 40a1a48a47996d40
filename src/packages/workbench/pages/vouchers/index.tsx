import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { InstitutionSummary } from '@domain/institution'
import { todayInShanghai } from '@domain/shanghaiTime'
import { VoucherBatchCreateBodySchema, VoucherBatchReport, VOUCHER_STATUS_LABELS } from '@domain/voucher'
import { errorMessage } from '@app/api/ApiError'
import { listDistricts, searchInstitutions } from '@app/api/institutions'
import { issueVoucherBatch, listBatchReports, redeemVoucher } from '@app/api/vouchers'
import { Chip } from '@app/components/Chip'
import { FormField } from '@app/components/FormField'
import { PagedList } from '@app/components/PagedList'
import { PageRoot } from '@app/components/PageRoot'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { usePaged } from '@app/hooks/usePaged'
import { useRemote } from '@app/hooks/useRemote'
import { useSession } from '@app/hooks/useSession'
import { FieldErrors, validateForm } from '@app/lib/forms/formErrors'
import { useRoles } from '../../lib/useRoles'
import '../../styles/workbench.scss'

/*
 * 工作台 · 托育体验券. Staff redeem a voucher at check-in (typing the code works on a PC
 * with no camera); regulators issue batches for their district's 普惠 institutions and
 * see what became of them. The server decides who may do what (403 otherwise).
 */

function Redeem() {
  const [code, setCode] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const redeem = async () => {
    try {
      const voucher = await redeemVoucher(code)
      setMessage(`已核销：${voucher.child.nickname} · ${voucher.batch.title}（${VOUCHER_STATUS_LABELS[voucher.status]}）`)
      setCode('')
    } catch (error) {
      setMessage(errorMessage(error))
    }
  }
  return (
    <View className='section e2e-redeem'>
      <Text className='section__title'>到园核销体验券</Text>
      <FormField label='体验券码（8 位）' value={code} onChange={setCode} maxlength={8} className='e2e-redeem-code' />
      {message && <Text className='section__body e2e-redeem-message'>{message}</Text>}
      <View className='btn btn--primary e2e-redeem-submit' onClick={() => void redeem()}>
        <Text>核销</Text>
      </View>
    </View>
  )
}

function IssueBatch({ onIssued }: { onIssued: () => void }) {
  const [districts] = useRemote('districts', listDistricts)
  const [roles] = useRoles()
  const [chosen, setDistrict] = useState<string | null>(null)
  // a regulator issues for their own district: start there, without a tap
  const district = chosen ?? (roles.status === 'ready' ? (roles.value.regulator?.districtName ?? null) : null)
  // every 普惠 institution of the district, page by page (加载更多), not only the first 50
  const institutions = usePaged<InstitutionSummary>(district, (cursor) => searchInstitutions({ district: district ?? undefined, affordable: true, careModes: [], cursor, limit: 50 }))
  const [picked, setPicked] = useState<string[]>([])
  const [form, setForm] = useState({ title: '', total: '50', validFrom: todayInShanghai(), validUntil: '' })
  const [fields, setFields] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  const issue = async () => {
    const checked = validateForm(VoucherBatchCreateBodySchema, { ...form, total: Number(form.total), institutionIds: picked })
    if (!checked.ok) return setFields(checked.fields)
    setFields({})
    try {
      const batch = await issueVoucherBatch(checked.value)
      setMessage(`已发放：${batch.title}，共 ${batch.total} 张`)
      onIssued()
    } catch (error) {
      setMessage(errorMessage(error))
    }
  }
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value })
  return (
    <View className='section e2e-issue-batch'>
      <Text className='section__title'>发放一批体验券</Text>
      <FormField label='批次名称' value={form.title} onChange={set('title')} className='e2e-batch-title' error={fields.title} />
      <FormField label='发放张数' value={form.total} onChange={set('total')} type='number' className='e2e-batch-total' error={fields.total} />
      <FormField label='开始日期（YYYY-MM-DD）' value={form.validFrom} onChange={set('validFrom')} className='e2e-batch-from' error={fields.validFrom} />
      <FormField label='截止日期（YYYY-MM-DD）' value={form.validUntil} onChange={set('validUntil')} className='e2e-batch-until' error={fields.validUntil} />
      <Text className='form-field__label'>参加的普惠机构</Text>
      <View className='chip-row chip-row--wrap'>
        {districts.status === 'ready' && districts.value.map((d) => <Chip key={d.code} label={d.name} selected={district === d.name} onTap={() => setDistrict(d.name)} className='e2e-batch-district' />)}
      </View>
      {district !== null && (
        <PagedList paged={institutions} className='chip-row chip-row--wrap' empty={<Text className='section__body'>这个区县没有普惠托育机构。</Text>}>
          {(i) => (
            <Chip key={i.id} label={i.name} selected={picked.includes(i.id)} onTap={() => setPicked(picked.includes(i.id) ? picked.filter((p) => p !== i.id) : [...picked, i.id])} className='e2e-batch-institution' />
          )}
        </PagedList>
      )}
      {fields.institutionIds && <Text className='form-field__error'>{fields.institutionIds}</Text>}
      {message && <Text className='section__body e2e-issue-message'>{message}</Text>}
      <View className='btn btn--primary e2e-issue-submit' onClick={() => void issue()}>
        <Text>发放</Text>
      </View>
    </View>
  )
}

function Reports({ revision }: { revision: number }) {
  const reports = usePaged<VoucherBatchReport>(`reports-${revision}`, listBatchReports)
  return (
    <View className='section e2e-batch-reports'>
      <Text className='section__title'>各批次情况</Text>
      <PagedList paged={reports} className='workbench-reports' empty={<Text className='section__body'>本区还没有发放体验券。</Text>}>
        {(b) => (
          <View key={b.id} className='policy-row e2e-batch-report'>
            <Text className='policy-row__title'>{b.title}</Text>
            <Text className='policy-figure__meta'>
              共 {b.total} 张 · 已领 {b.claimed} · 已预约 {b.booked} · 已核销 {b.redeemed} · 入托申请 {b.enrollmentApplications} · {b.validFrom} 至 {b.validUntil}
            </Text>
          </View>
        )}
      </PagedList>
    </View>
  )
}

/**
 * What the signed-in person may do here, from their roles (GET /me/roles, read fresh, so a
 * role accepted after sign-in counts): staff redeem; a regulator issues and follows.
 * Like every workbench page it needs no parent privacy consent: staff collect nothing here.
 */
function Workbench() {
  const { session } = useSession()
  const [roles, retry] = useRoles()
  const [revision, setRevision] = useState(0)
  if (!session) return <Text className='section__body e2e-workbench-signed-out'>请先在工作台首页登录。</Text>
  if (roles.status === 'loading') return <LoadingView />
  if (roles.status === 'error') return <ErrorView message={roles.message} onRetry={retry} />
  const { institution, regulator } = roles.value
  if (!institution && !regulator) return <Text className='section__body'>只有机构工作人员和区县监管人员可以使用体验券工作台。</Text>
  return (
    <>
      {institution && <Redeem />}
      {regulator && <IssueBatch onIssued={() => setRevision((r) => r + 1)} />}
      {regulator && <Reports revision={revision} />}
    </>
  )
}

export default function WorkbenchVouchersPage() {
  return (
    <PageRoot className='workbench-page'>
      <Workbench />
    </PageRoot>
  )
}
