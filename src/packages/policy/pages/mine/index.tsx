import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { isValidIsoDate } from '@domain/shanghaiTime'
import { getMyPolicies } from '@app/api/policies'
import { listDistricts } from '@app/api/institutions'
import { Chip } from '@app/components/Chip'
import { PageRoot } from '@app/components/PageRoot'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { useRemote } from '@app/hooks/useRemote'
import { POLICY_ROUTES } from '@app/navigation/policyRoutes'
import { datesOf, FamilyDate } from '@app/lib/family/familyDate'
import { saveFamilyDate, useFamilyDate } from '@app/store/familyDate'
import { savePolicyDistrict, usePolicyDistrict } from '@app/store/policyDistrict'
import { DateInput } from '@app/components/DateInput'
import { MyPolicyCard } from '../../components/MyPolicyCard'
import { openPage } from '@app/navigation/navigate'
import '../../styles/policy.scss'

/** The question: born or expected, the date, and the district (the five we serve). */
function FamilyForm({ initial, district, onDone }: { initial: FamilyDate | null; district: string | null; onDone: (date: FamilyDate, district: string) => void }) {
  const [kind, setKind] = useState<FamilyDate['kind']>(initial?.kind ?? 'birthDate')
  const [date, setDate] = useState(initial?.date ?? '')
  const [code, setCode] = useState(district)
  const [error, setError] = useState<string | null>(null)
  const [districts, retry] = useRemote('districts', listDistricts)
  const submit = () => {
    if (!isValidIsoDate(date)) return setError(kind === 'birthDate' ? '请填写宝宝的出生日期' : '请填写预产期')
    if (!code) return setError('请选择所在区县')
    setError(null)
    onDone({ kind, date }, code)
  }
  return (
    <View className='section policy-form e2e-policy-form'>
      <Text className='section__title'>我能享受哪些</Text>
      <Text className='section__body'>填孩子的出生日期或预产期和所在区县，列出适用的政策、为这个孩子算出的金额和下一步怎么办。日期只存在您的手机上。</Text>
      <View className='chip-row chip-row--wrap'>
        <Chip label='已出生' selected={kind === 'birthDate'} onTap={() => setKind('birthDate')} className='e2e-kind-born' />
        <Chip label='还没出生' selected={kind === 'dueDate'} onTap={() => setKind('dueDate')} className='e2e-kind-due' />
      </View>
      <View className='form-field'>
        <Text className='form-field__label'>{kind === 'birthDate' ? '出生日期' : '预产期'}</Text>
        <DateInput value={date} onChange={setDate} className='e2e-policy-date' />
      </View>
      <Text className='form-field__label'>所在区县</Text>
      {districts.status === 'loading' && <LoadingView />}
      {districts.status === 'error' && <ErrorView message={districts.message} onRetry={retry} />}
      {districts.status === 'ready' && (
        <View className='chip-row chip-row--wrap'>
          {districts.value.map((d) => (
            <Chip key={d.code} label={d.name} selected={code === d.code} onTap={() => setCode(d.code)} className={`e2e-district-${d.code}`} />
          ))}
        </View>
      )}
      {error && <Text className='form-field__error e2e-policy-form-error'>{error}</Text>}
      <View className='btn btn--primary e2e-policy-submit' onClick={submit}>
        <Text>看看能享受哪些</Text>
      </View>
    </View>
  )
}

function Answer({ date, district, onEdit }: { date: FamilyDate; district: string; onEdit: () => void }) {
  const [answer, retry] = useRemote(`${date.kind}=${date.date}&${district}`, () => getMyPolicies({ ...datesOf(date), districtCode: district }))
  if (answer.status === 'loading') return <LoadingView text='正在查适用的政策…' />
  if (answer.status === 'error') return <ErrorView message={answer.message} onRetry={retry} />
  const { ageText, items } = answer.value
  return (
    <>
      <View className='section policy-summary e2e-policy-answer'>
        <Text className='policy-summary__age'>{ageText}</Text>
        <Text className='section__body'>
          {items.length > 0 ? `适用 ${items.length} 项政策。金额是按公开标准估算的，以当地审核为准。` : '孩子已满 3 周岁或日期不在范围内：这里的政策都是给 3 岁以下婴幼儿家庭的。'}
        </Text>
        <View className='link e2e-policy-edit' onClick={onEdit}>
          <Text>修改日期或区县</Text>
        </View>
      </View>
      {items.map((item) => (
        <MyPolicyCard key={item.policy.id} item={item} />
      ))}
    </>
  )
}

/** 托育政策查询 · 我能享受哪些. */
export default function MyPoliciesPage() {
  const familyDate = useFamilyDate()
  const district = usePolicyDistrict()
  const [editing, setEditing] = useState(false)
  const ready = familyDate !== null && district !== null && !editing
  return (
    <PageRoot className='policy-page'>
      {ready ? (
        <Answer date={familyDate} district={district} onEdit={() => setEditing(true)} />
      ) : (
        <FamilyForm
          initial={familyDate}
          district={district}
          onDone={(date, code) => {
            saveFamilyDate(date)
            savePolicyDistrict(code)
            setEditing(false)
          }}
        />
      )}
      <View className='section'>
        <View className='link-row e2e-policy-library-link' onClick={() => void openPage(POLICY_ROUTES.library)}>
          <Text>全部政策（全国、省、区县）</Text>
          <Text className='link-row__arrow'>›</Text>
        </View>
        <View className='link-row e2e-vouchers-link' onClick={() => void openPage(POLICY_ROUTES.vouchers)}>
          <Text>托育体验券 · 领取和使用</Text>
          <Text className='link-row__arrow'>›</Text>
        </View>
      </View>
    </PageRoot>
  )
}
