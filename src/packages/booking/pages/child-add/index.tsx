import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { addChild } from '@app/api/children'
import { ApiError, errorMessage } from '@app/api/ApiError'
import { CHILD_NICKNAME_MAX, childCreateBodySchema, LATEST_DUE_DAYS, OLDEST_BIRTH_YEARS } from '@domain/child'
import { inShanghai } from '@domain/shanghaiTime'
import { AccountGate } from '@app/components/AccountGate'
import { Chip } from '@app/components/Chip'
import { FormField } from '@app/components/FormField'
import { PageRoot } from '@app/components/PageRoot'
import { FieldErrors, fieldErrorsFromServer, validateForm, withoutField } from '@app/lib/forms/formErrors'
import { DateField } from '../../components/DateField'
import '../../styles/booking.scss'
import { goBack } from '@app/navigation/navigate'

/** What the guardian agrees to, separately from the privacy guide (PIPL art. 29, 31). */
const CONSENT_POINTS: Array<[string, string]> = [
  ['收集什么', '孩子的小名，以及出生日期或预产期。不收集姓名、身份证号或照片。'],
  ['为什么', '判断孩子在活动当天的月龄是否在机构的招收范围内，并让机构知道来访的是哪个孩子。'],
  ['给谁看', '只有您，以及您预约或申请的那家机构（只看到小名和月龄）。'],
  ['保存多久', '保存到您删除为止。'],
  ['如何删除', '在“我的 → 我的孩子”点“删除”，信息立即彻底删除；未开始的预约会一并取消。'],
]

function ConsentStep({ onAgree }: { onAgree: () => void }) {
  return (
    <View className='section e2e-child-consent'>
      <Text className='section__title'>监护人同意</Text>
      <Text className='section__body'>孩子的信息属于敏感个人信息。添加前，请作为监护人确认您同意我们这样处理：</Text>
      {CONSENT_POINTS.map(([title, body]) => (
        <View key={title} className='consent-point'>
          <Text className='consent-point__title'>{title}</Text>
          <Text className='consent-point__body'>{body}</Text>
        </View>
      ))}
      <View className='btn btn--primary e2e-child-consent-agree' onClick={onAgree}>
        <Text>我是孩子的监护人，同意</Text>
      </View>
      <View className='btn e2e-child-consent-decline' onClick={() => void goBack()}>
        <Text>不同意，返回</Text>
      </View>
    </View>
  )
}

function ChildForm() {
  const today = inShanghai().format('YYYY-MM-DD')
  const [nickname, setNickname] = useState('')
  const [born, setBorn] = useState(true)
  const [date, setDate] = useState('')
  const [fields, setFields] = useState<FieldErrors>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const input = { nickname, guardianConsent: true, ...(date ? (born ? { birthDate: date } : { dueDate: date }) : {}) }
    const checked = validateForm(childCreateBodySchema(), input)
    if (!checked.ok) {
      setFields(checked.fields)
      return
    }
    setFields({})
    setError(null)
    setBusy(true)
    try {
      const child = await addChild(checked.value)
      void Taro.showToast({ title: `已添加${child.nickname}`, icon: 'success' })
      void goBack()
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'VALIDATION') setFields(fieldErrorsFromServer(failure))
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }

  const dateError = fields.birthDate ?? fields.dueDate
  return (
    <View className='section e2e-child-form'>
      <Text className='section__title'>孩子信息</Text>
      <FormField
        label='小名'
        className='e2e-child-nickname'
        value={nickname}
        maxlength={CHILD_NICKNAME_MAX}
        placeholder={`如“豆豆”，最多 ${CHILD_NICKNAME_MAX} 个字`}
        onChange={(v) => {
            setNickname(v)
            setFields((f) => withoutField(f, 'nickname'))
          }}
        error={fields.nickname}
      />
      <View className='chip-row'>
        <Chip label='已出生' selected={born} onTap={() => setBorn(true)} className='e2e-child-born' />
        <Chip label='还未出生' selected={!born} onTap={() => setBorn(false)} className='e2e-child-unborn' />
      </View>
      <DateField
        label={born ? '出生日期' : '预产期'}
        className='e2e-child-date'
        value={date}
        onChange={(v) => {
          setDate(v)
          setFields((f) => withoutField(withoutField(f, 'birthDate'), 'dueDate'))
        }}
        error={dateError}
        start={born ? inShanghai().subtract(OLDEST_BIRTH_YEARS, 'year').format('YYYY-MM-DD') : today}
        end={born ? today : inShanghai().add(LATEST_DUE_DAYS, 'day').format('YYYY-MM-DD')}
      />
      {error && <Text className='form-error e2e-form-error'>{error}</Text>}
      <View className='btn btn--primary e2e-child-save' onClick={() => !busy && void submit()}>
        <Text>{busy ? '正在保存…' : '保存'}</Text>
      </View>
    </View>
  )
}

/** Adding a child: the guardian's separate consent first, then the least we need. */
export default function AddChildPage() {
  const [agreed, setAgreed] = useState(false)
  return (
    <PageRoot className='child-add-page'>
      <AccountGate>{() => (agreed ? <ChildForm /> : <ConsentStep onAgree={() => setAgreed(true)} />)}</AccountGate>
    </PageRoot>
  )
}
