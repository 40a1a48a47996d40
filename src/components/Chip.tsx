import { View, Text } from '@tarojs/components'

/** A tappable filter option; `selected` fills it. */
export function Chip({ label, selected, onTap, className }: { label: string; selected: boolean; onTap: () => void; className?: string }) {
  return (
    <View className={`chip ${selected ? 'chip--on' : ''} ${className ?? ''}`} onClick={onTap}>
      <Text>{label}</Text>
    </View>
  )
}

export function Tag({ label, tone = 'plain', className }: { label: string; tone?: 'plain' | 'good' | 'warn' | 'demo'; className?: string }) {
  return (
    <View className={`tag tag--${tone} ${className ?? ''}`}>
      <Text>{label}</Text>
    </View>
  )
}
