import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useMemo } from 'react'
import { darkRuns, qrMatrix } from '../lib/qr/qrMatrix'

/**
 * A QR code drawn with Views (one per run of dark modules), so it renders the same in
 * WeChat and H5 without canvas. `moduleSize` in design px; a quiet zone of 4 modules.
 */
/** Design px → rpx in WeChat, rem in H5 (inline styles skip the build's px transform). */
const px = (n: number) => Taro.pxTransform(n)

export function QrCode({ text, moduleSize = 12, className }: { text: string; moduleSize?: number; className?: string }) {
  const matrix = useMemo(() => qrMatrix(text), [text])
  const quiet = moduleSize * 4
  const side = matrix.length * moduleSize + quiet * 2
  return (
    <View className={`qr ${className ?? ''}`} style={{ width: px(side), height: px(side), padding: px(quiet), boxSizing: 'border-box' }}>
      {matrix.map((row, r) => (
        <View key={r} className='qr__row' style={{ height: px(moduleSize) }}>
          {darkRuns(row).map((run) => (
            <View
              key={run.start}
              className='qr__run'
              style={{ left: px(run.start * moduleSize), width: px(run.length * moduleSize), height: px(moduleSize) }}
            />
          ))}
        </View>
      ))}
    </View>
  )
}
