import { InstitutionDetail } from '@domain/institution'
import { WayThere } from '@app/components/WayThere'

/** 导航 and 电话 on the detail page: the same WayThere every booking shows. */
export function ContactActions({ institution: inst }: { institution: InstitutionDetail }) {
  return <WayThere place={inst} phone={inst.contactPhone} />
}
