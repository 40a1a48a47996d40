import { Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { confirmInstitutionFacts, getInstitutionFacts } from '@app/api/workbench'
import { PageRoot } from '@app/components/PageRoot'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { useRemote } from '@app/hooks/useRemote'
import { CARE_MODE_LABELS } from '@domain/careMode'
import { InstitutionFactsBodySchema } from '@domain/institutionFacts'
import { AGE_BAND_LABELS } from '@domain/vacancies'
import { FeesAndHoursEditor } from '../../components/FeesAndHoursEditor'
import { PremisesPhotosEditor } from '../../components/PremisesPhotosEditor'
import { useRoles } from '../../lib/useRoles'
import '../../styles/workbench.scss'

/**
 * 空位与人员 — the one vacancy editor: vacancies per care mode × age band (parents see
 * each with when it was confirmed; the total is their sum) and staffing; stale vacancies
 * are flagged here first; fees, hours and the 环境照片 below.
 */
export default function FactsPage() {
  const [revision, setRevision] = useState(0)
  const [facts, retry] = useRemote(`facts-${revision}`, getInstitutionFacts)
  const [roles] = useRoles()
  const institutionId = roles.status === 'ready' ? (roles.value.institution?.institutionId ?? null) : null
  /** What staff typed per cell, keyed "careMode/ageBand". */
  const [vacancies, setVacancies] = useState<Record<string, string>>({})
  const [staff, setStaff] = useState('')
  const [certified, setCertified] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  useEffect(() => {
    if (facts.status !== 'ready') return
    const typed: Record<string, string> = {}
    for (const option of facts.value.vacancyOptions) typed[`${option.careMode}/${option.ageBand}`] = ''
    for (const cell of facts.value.vacancyCells) typed[`${cell.careMode}/${cell.ageBand}`] = String(cell.vacancies)
    setVacancies(typed)
    setStaff(facts.value.staffing ? String(facts.value.staffing.staffCount) : '')
    setCertified(facts.value.staffing ? String(facts.value.staffing.certifiedStaffCount) : '')
  }, [facts])
  const save = () => {
    const parsed = InstitutionFactsBodySchema.safeParse({
      // A cell left empty is 0 places: staff confirm the whole picture at once.
      vacancies: facts.status === 'ready' ? facts.value.vacancyOptions.map((o) => ({ ...o, vacancies: Number(vacancies[`${o.careMode}/${o.ageBand}`] || 0) })) : [],
      staffCount: staff === '' ? undefined : Number(staff),
      certifiedStaffCount: certified === '' ? undefined : Number(certified),
    })
    if (!parsed.success) return setMessage(parsed.error.issues[0]?.message ?? '请检查填写的内容')
    confirmInstitutionFacts(parsed.data).then(
      () => {
        setMessage('已确认，家长现在看到的是最新信息')
        setRevision((r) => r + 1)
      },
      (error) => setMessage(errorMessage(error)),
    )
  }
  return (
    <PageRoot className='workbench e2e-facts-page'>
      {facts.status === 'loading' && <LoadingView />}
      {facts.status === 'error' && <ErrorView message={facts.message} onRetry={retry} />}
      {facts.status === 'ready' && (
        <View className='workbench-card'>
          <Text className={`workbench-tag ${facts.value.vacancyFreshness.stale ? 'workbench-tag--alert' : ''} e2e-vacancy-freshness`}>{facts.value.vacancyFreshness.text}</Text>
          <Text className='workbench-card__text'>{`核定托位 ${facts.value.capacity} 个`}</Text>
          <Text className='workbench-card__text'>{`现有空位合计 ${facts.value.vacancies} 个（按托育方式和班级填写）`}</Text>
          {facts.value.vacancyOptions.map((option) => {
            const key = `${option.careMode}/${option.ageBand}`
            return (
              <View key={key} className='workbench-vacancy-row'>
                <Text className='workbench-vacancy-row__label'>{`${CARE_MODE_LABELS[option.careMode]} · ${AGE_BAND_LABELS[option.ageBand]}`}</Text>
                <Input
                  className={`workbench-input workbench-vacancy-row__input e2e-facts-vacancy e2e-facts-vacancy-${option.careMode}-${option.ageBand}`}
                  type='number'
                  value={vacancies[key] ?? ''}
                  placeholder='空位'
                  onInput={(e) => setVacancies((typed) => ({ ...typed, [key]: e.detail.value }))}
                />
              </View>
            )
          })}
          <Input className='workbench-input e2e-facts-staff' type='number' value={staff} placeholder='保育人员数' onInput={(e) => setStaff(e.detail.value)} />
          <Input className='workbench-input e2e-facts-certified' type='number' value={certified} placeholder='持保育师/育婴员证书的人数' onInput={(e) => setCertified(e.detail.value)} />
          {facts.value.staffing && (
            <Text className='workbench-card__text'>
              {`每位保育人员照护 ${facts.value.staffing.childrenPerCarer ?? '—'} 名幼儿 · 持证 ${Math.round((facts.value.staffing.certifiedShare ?? 0) * 100)}% · ${facts.value.staffing.freshness.text}`}
            </Text>
          )}
          <View className='btn btn--primary e2e-facts-save' onClick={save}>
            <Text>确认并更新</Text>
          </View>
          {message && <Text className='workbench-card__text e2e-facts-message'>{message}</Text>}
          <Text className='workbench-card__text e2e-profile-freshness'>{`${facts.value.feesFreshness.text} · ${facts.value.hoursFreshness.text}`}</Text>
        </View>
      )}
      {/* Not behind `facts`: saving reloads the facts, and the editor keeps its message through it. */}
      {institutionId && <FeesAndHoursEditor institutionId={institutionId} onSaved={() => setRevision((r) => r + 1)} />}
      {institutionId && <PremisesPhotosEditor />}
    </PageRoot>
  )
}
