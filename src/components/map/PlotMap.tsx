import { View, Text } from '@tarojs/components'
import { projectToBox } from '../../lib/map/projection'
import { MapViewProps } from './mapViewProps'

/**
 * H5 stand-in for a map: no tiles offline and Taro's Map is weapp-only, so the
 * institutions are drawn as points in a box (see lib/projection.ts), north up.
 */
/** Where markers overlap, the selected one and then the best-ranked result are drawn on top. */
export function PlotMap({ institutions, origin, selectedId, onSelect }: MapViewProps) {
  const points = institutions.map((i) => i.location)
  const placed = projectToBox(origin ? [...points, origin] : points)
  const here = origin ? placed[placed.length - 1] : null
  return (
    <View className='plot e2e-map'>
      <Text className='plot__note'>示意图（按经纬度排布，非真实地图）· 上为北</Text>
      {institutions.map((inst, index) => (
        <View
          key={inst.id}
          className={`plot__marker e2e-marker ${inst.id === selectedId ? 'plot__marker--on' : ''} ${inst.affordable ? 'plot__marker--affordable' : ''}`}
          style={{ left: `${placed[index].xPercent}%`, top: `${placed[index].yPercent}%`, zIndex: inst.id === selectedId ? institutions.length + 1 : institutions.length - index }}
          onClick={() => onSelect(inst.id)}
        />
      ))}
      {here && (
        <View className='plot__here e2e-here' style={{ left: `${here.xPercent}%`, top: `${here.yPercent}%`, zIndex: institutions.length + 2 }}>
          <Text className='plot__here-label'>您的位置</Text>
        </View>
      )}
    </View>
  )
}
