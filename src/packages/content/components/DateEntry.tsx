import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { Chip } from '@app/components/Chip'
import { Child } from '@domain/child'
import { LATEST_DUE_DAYS } from '@domain/child'
import { inShanghai } from '@domain/shanghaiTime'
import { describeChild } from '@app/lib/family/childText'
import { familyStageAt } from '@app/lib/family/familyStage'
import { FamilyDate, familyDateOfChild } from '@app/lib/family/familyDate'
import { DateInput } from '@app/components/DateInput'

const KIND_LABELS: Record<FamilyDate['kind'], string> = { dueDate: '预产期', birthDate: '宝宝生日' }

/**
 * Enter a due date or a birth date, or pick a child already added (signed-in parents).
 * The shared stage engine checks the date before anything is kept, with its own words
 * ("预产期太远，请检查"), so a wrong date never reaches the card.
 */
export function DateEntry({ initial, children, onDone, onCancel }: { initial: FamilyDate | null; children: readonly Child[]; onDone: (date: FamilyDate) => void; onCancel?: () => void }) {
  const [kind, setKind] = useState<FamilyDate['kind']>(initial?.kind ?? 'dueDate')
  const [date, setDate] = useState(initial && !initial.childId ? initial.date : '')
  const [error, setError] = useState<string | null>(null)
  const today = inShanghai()
  const range =
    kind === 'dueDate'
      ? { start: today.subtract(14, 'day').format('YYYY-MM-DD'), end: today.add(LATEST_DUE_DAYS, 'day').format('YYYY-MM-DD') }
      : { start: today.subtract(3, 'year').format('YYYY-MM-DD'), end: today.format('YYYY-MM-DD') }

  const submit = (entered: FamilyDate) => {
    const checked = familyStageAt(entered)
    if (!checked.ok) {
      setError(checked.message)
      return
    }
    setError(null)
    onDone(entered)
  }

  const pickable = children.map((child) => ({ child, date: familyDateOfChild(child) })).filter((entry): entry is { child: Child; date: FamilyDate } => entry.date !== null)

  return (
    <View className='section date-entry e2e-date-entry'>
      <Text className='section__title'>宝宝在生命1000天的哪一天？</Text>
      <Text className='section__body'>填预产期或宝宝生日，马上看到现在是孕几周、宝宝几个月，以及这周该知道的事。日期只保存在这台手机上。</Text>
      <View className='chip-row'>
        {(['dueDate', 'birthDate'] as const).map((k) => (
          <Chip
            key={k}
            label={KIND_LABELS[k]}
            selected={kind === k}
            className={`e2e-date-kind-${k}`}
            onTap={() => {
              setKind(k)
              setDate('')
              setError(null)
            }}
          />
        ))}
      </View>
      <View className={`form-field ${error ? 'form-field--error' : ''}`}>
        <Text className='form-field__label'>{KIND_LABELS[kind]}</Text>
        <DateInput className='e2e-family-date' value={date} start={range.start} end={range.end} onChange={(value) => (setDate(value), setError(null))} />
        {error && <Text className='form-field__error e2e-field-error'>{error}</Text>}
      </View>
      <View className='btn btn--primary btn--block e2e-save-family-date' onClick={() => (date ? submit({ kind, date }) : setError(`请选择${KIND_LABELS[kind]}`))}>
        <Text>看看现在</Text>
      </View>
      {pickable.length > 0 && (
        <View className='date-entry__children e2e-pick-children'>
          <Text className='form-field__label'>或者选择已添加的孩子</Text>
          {pickable.map(({ child, date: childDate }) => (
            <View key={child.id} className='choice e2e-pick-family-child' onClick={() => submit(childDate)}>
              <Text className='choice__title'>{child.nickname}</Text>
              <Text className='choice__hint'>{describeChild(child)}</Text>
            </View>
          ))}
        </View>
      )}
      {onCancel && (
        <View className='link e2e-cancel-date-entry' onClick={onCancel}>
          <Text>不改了</Text>
        </View>
      )}
    </View>
  )
}
