import { View, Text } from '@tarojs/components'
import { Child } from '@domain/child'
import { BOOKING_ROUTES } from '@app/navigation/bookingRoutes'
import { describeChild } from '@app/lib/family/childText'
import { openPage } from '@app/navigation/navigate'

/**
 * Which child the booking or application is for. `warning` says, before submitting,
 * why a child will not be accepted (the server decides; this only guides).
 */
export function ChildPicker({
  children,
  selectedId,
  onSelect,
  warning,
  error,
}: {
  children: Child[]
  selectedId: string | null
  onSelect: (id: string) => void
  warning?: (child: Child) => string | null
  error?: string
}) {
  return (
    <View className='form-field'>
      <Text className='form-field__label'>孩子</Text>
      {children.length === 0 && <Text className='section__body'>还没有添加孩子。</Text>}
      {children.map((child) => {
        const note = warning?.(child) ?? null
        const selected = child.id === selectedId
        return (
          <View key={child.id} className={`choice e2e-pick-child ${selected ? 'choice--on' : ''}`} onClick={() => onSelect(child.id)}>
            <Text className='choice__title'>{child.nickname}</Text>
            <Text className='choice__hint'>{describeChild(child)}</Text>
            {note && <Text className='choice__warn e2e-child-warning'>{note}</Text>}
          </View>
        )
      })}
      <View className='link e2e-add-child' onClick={() => void openPage(BOOKING_ROUTES.addChild)}>
        <Text>+ 添加孩子</Text>
      </View>
      {error && <Text className='form-field__error e2e-field-error'>{error}</Text>}
    </View>
  )
}
