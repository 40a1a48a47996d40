import { View, Text } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { FeeTermsBodySchema, PREPAY_WARNING_MONTHS } from '@domain/feeTerms'
import { yuanToFen } from '@domain/money'
import { getFeeTerms, putFeeTerms } from '@app/api/fees'
import { errorMessage } from '@app/api/ApiError'
import { FormField } from '@app/components/FormField'
import { PageRoot } from '@app/components/PageRoot'
import { useSession } from '@app/hooks/useSession'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { FieldErrors, validateForm } from '@app/lib/forms/formErrors'
import { useRoles } from '../../lib/useRoles'
import '../../styles/workbench.scss'

/*
 * 机构工作台 · 收费与退费约定: staff keep the terms parents see on the institution page.
 * Amounts are typed in 元 and sent in fen; the server's schema is the one that decides.
 */

const yuan = (fen: number) => String(fen / 100)

function TermsForm({ institutionId }: { institutionId: string }) {
  const [form, setForm] = useState({ meals: '', registration: '', deposit: '', prepay: '1', notice: '30', refund: '' })
  const [fields, setFields] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  useEffect(() => {
    void getFeeTerms(institutionId).then((t) => {
      if (t) setForm({ meals: yuan(t.mealsFenPerMonth), registration: yuan(t.registrationFen), deposit: yuan(t.depositFen), prepay: String(t.prepayMonths), notice: String(t.noticeDays), refund: t.refundOnWithdrawal })
    })
  }, [institutionId])
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value })
  const save = async () => {
    const checked = validateForm(FeeTermsBodySchema, {
      mealsFenPerMonth: yuanToFen(Number(form.meals || 0)),
      registrationFen: yuanToFen(Number(form.registration || 0)),
      depositFen: yuanToFen(Number(form.deposit || 0)),
      prepayMonths: Number(form.prepay),
      noticeDays: Number(form.notice),
      refundOnWithdrawal: form.refund,
    })
    if (!checked.ok) return setFields(checked.fields)
    setFields({})
    try {
      const saved = await putFeeTerms(checked.value)
      setMessage(saved.warning ? `已保存。家长会看到提醒：${saved.warning.title}` : '已保存，家长在机构页可以看到。')
    } catch (error) {
      setMessage(errorMessage(error))
    }
  }
  return (
    <View className='section e2e-terms-form'>
      <Text className='section__title'>收费与退费约定</Text>
      <FormField label='伙食费（元/月，含在托育费里填 0）' value={form.meals} onChange={set('meals')} type='number' className='e2e-terms-meals' error={fields.mealsFenPerMonth} />
      <FormField label='报名费（元，一次性）' value={form.registration} onChange={set('registration')} type='number' className='e2e-terms-registration' error={fields.registrationFen} />
      <FormField label='押金（元，退托时退还）' value={form.deposit} onChange={set('deposit')} type='number' className='e2e-terms-deposit' error={fields.depositFen} />
      <FormField
        label='一次预收几个月'
        value={form.prepay}
        onChange={set('prepay')}
        type='number'
        className='e2e-terms-prepay'
        error={fields.prepayMonths}
        hint={`超过 ${PREPAY_WARNING_MONTHS} 个月，家长会在机构页看到风险提醒`}
      />
      <FormField label='退托需提前告知（天）' value={form.notice} onChange={set('notice')} type='number' className='e2e-terms-notice' error={fields.noticeDays} />
      <FormField label='退托时怎么退费' value={form.refund} onChange={set('refund')} multiline maxlength={300} className='e2e-terms-refund' error={fields.refundOnWithdrawal} />
      {message && <Text className='section__body e2e-terms-message'>{message}</Text>}
      <View className='btn btn--primary e2e-terms-save' onClick={() => void save()}>
        <Text>保存</Text>
      </View>
    </View>
  )
}

/** The institution comes from the person's roles (read fresh, so a role accepted after sign-in counts). */
export default function WorkbenchTermsPage() {
  const { session } = useSession()
  const [roles, retry] = useRoles()
  const institutionId = roles.status === 'ready' ? (roles.value.institution?.institutionId ?? null) : null
  return (
    <PageRoot className='workbench-page'>
      {!session && <Text className='section__body e2e-workbench-signed-out'>请先在工作台首页登录。</Text>}
      {session && roles.status === 'loading' && <LoadingView />}
      {session && roles.status === 'error' && <ErrorView message={roles.message} onRetry={retry} />}
      {session && roles.status === 'ready' && (institutionId ? <TermsForm institutionId={institutionId} /> : <Text className='section__body'>只有机构工作人员可以设置收费与退费约定。</Text>)}
    </PageRoot>
  )
}
