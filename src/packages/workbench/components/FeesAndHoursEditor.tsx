import { Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { getInstitution } from '@app/api/institutions'
import { setInstitutionFees, setInstitutionHours } from '@app/api/workbench'
import { useRemote } from '@app/hooks/useRemote'
import { CARE_MODE_LABELS, CARE_MODES, FEE_UNIT_LABELS, UNIT_OF_CARE_MODE } from '@domain/careMode'
import { InstitutionFeesBodySchema, InstitutionHoursBodySchema } from '@domain/institutionProfile'
import { yuanToFen } from '@domain/money'

/**
 * 收费与服务时间: 托育费 per care mode (a mode left empty is not offered) and the opening
 * hours, as parents see them on the institution page with when they were updated.
 * 伙食费, 报名费 and 押金 are the fee terms page's.
 */
export function FeesAndHoursEditor({ institutionId, onSaved }: { institutionId: string; onSaved: () => void }) {
  const [detail] = useRemote(`profile-${institutionId}`, () => getInstitution(institutionId))
  const [fees, setFees] = useState<Record<string, string>>({})
  const [days, setDays] = useState('')
  const [opensAt, setOpensAt] = useState('')
  const [closesAt, setClosesAt] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  useEffect(() => {
    if (detail.status !== 'ready') return
    setFees(Object.fromEntries(detail.value.careModes.map((m) => [m.mode, String(m.fee / 100)])))
    setDays(detail.value.hours.days)
    setOpensAt(detail.value.hours.opensAt)
    setClosesAt(detail.value.hours.closesAt)
  }, [detail])
  if (detail.status !== 'ready') return null

  const done = (what: string) => () => {
    setMessage(`${what}已保存，家长现在看到的是最新信息`)
    onSaved()
  }
  const saveFees = () => {
    const careModes = CARE_MODES.filter((mode) => (fees[mode] ?? '').trim() !== '').map((mode) => ({ mode, fee: yuanToFen(Number(fees[mode])) }))
    const parsed = InstitutionFeesBodySchema.safeParse({ careModes })
    if (!parsed.success || careModes.some((m) => Number.isNaN(m.fee))) return setMessage(parsed.success ? '收费请填写数字（元）' : (parsed.error.issues[0]?.message ?? '请检查收费'))
    setInstitutionFees(parsed.data).then(done('收费'), (error) => setMessage(errorMessage(error)))
  }
  const saveHours = () => {
    const parsed = InstitutionHoursBodySchema.safeParse({ days, opensAt, closesAt })
    if (!parsed.success) return setMessage(parsed.error.issues[0]?.message ?? '请检查服务时间')
    setInstitutionHours(parsed.data).then(done('服务时间'), (error) => setMessage(errorMessage(error)))
  }
  return (
    <View className='workbench-card e2e-fees-hours'>
      <Text className='workbench-card__title'>托育费（元）</Text>
      {CARE_MODES.map((mode) => (
        <View key={mode} className='workbench-vacancy-row'>
          <Text className='workbench-vacancy-row__label'>{`${CARE_MODE_LABELS[mode]}（${FEE_UNIT_LABELS[UNIT_OF_CARE_MODE[mode]]}）`}</Text>
          <Input
            className={`workbench-input workbench-vacancy-row__input e2e-fee-${mode}`}
            type='digit'
            value={fees[mode] ?? ''}
            placeholder='未开设'
            onInput={(e) => setFees((typed) => ({ ...typed, [mode]: e.detail.value }))}
          />
        </View>
      ))}
      <View className='btn btn--primary e2e-fees-save' onClick={saveFees}>
        <Text>保存收费</Text>
      </View>
      <Text className='workbench-card__title'>服务时间</Text>
      <Input className='workbench-input e2e-hours-days' value={days} placeholder='服务日，如 周一至周五' onInput={(e) => setDays(e.detail.value)} />
      <Input className='workbench-input e2e-hours-opens' value={opensAt} placeholder='开门 07:30' onInput={(e) => setOpensAt(e.detail.value)} />
      <Input className='workbench-input e2e-hours-closes' value={closesAt} placeholder='关门 18:00' onInput={(e) => setClosesAt(e.detail.value)} />
      <View className='btn btn--primary e2e-hours-save' onClick={saveHours}>
        <Text>保存服务时间</Text>
      </View>
      {message && <Text className='workbench-card__text e2e-fees-hours-message'>{message}</Text>}
    </View>
  )
}
