import { Map } from '@tarojs/components'
import { LatLng } from '@domain/geo'
import { MapViewProps } from './mapViewProps'

/** Copied to the package root by config/index.ts; WeChat wants a file path for icons. */
const MARKER_ICON = '/assets/marker.png'

function centreOf(points: LatLng[]): LatLng {
  const lat = points.reduce((sum, p) => sum + p.lat, 0) / points.length
  const lng = points.reduce((sum, p) => sum + p.lng, 0) / points.length
  return { lat, lng }
}

/** WeChat's native map: GCJ-02 markers, the same coordinates the data carries. */
export function WeappMap({ institutions, origin, onSelect }: MapViewProps) {
  // 重庆 渝北区 as a last resort so the map never opens on the ocean
  const centre = origin ?? (institutions.length > 0 ? centreOf(institutions.map((i) => i.location)) : { lat: 29.72, lng: 106.63 })
  const markers = institutions.map((inst, index) => ({
    id: index,
    latitude: inst.location.lat,
    longitude: inst.location.lng,
    title: inst.name,
    iconPath: MARKER_ICON,
    width: 28,
    height: 28,
  }))
  return (
    <Map
      className='weapp-map e2e-map'
      latitude={centre.lat}
      longitude={centre.lng}
      scale={origin ? 13 : 11}
      markers={markers}
      showLocation={origin !== null}
      onMarkerTap={(e) => {
        const inst = institutions[Number(e.detail.markerId)]
        if (inst) onSelect(inst.id)
      }}
      onError={() => undefined}
    />
  )
}
