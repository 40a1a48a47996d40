import { LatLng } from '@domain/geo'
import { InstitutionSummary } from '@domain/institution'

/** What both map renderings (WeChat map, H5 plot) are given. */
export interface MapViewProps {
  institutions: InstitutionSummary[]
  /** The parent's position when located; drawn as "您的位置". */
  origin: LatLng | null
  selectedId: string | null
  onSelect: (institutionId: string) => void
}
