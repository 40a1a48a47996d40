import { DistrictPlan } from '@domain/districtGlance'

/*
 * The plan figures the districts have published, which a district's plan starts from
 * until its regulator edits it (district_plans, PUT /staff/district-plan). Only what a
 * source states is here; everything else is null and shows as 未公布 — a population or a
 * target is never estimated. The demo's own populations (server/demo/calibration.ts) are
 * estimates for sizing demo data and are deliberately NOT used.
 */

type PublishedPlan = Omit<DistrictPlan, 'districtCode' | 'updatedAt'>

const NOTHING_PUBLISHED: PublishedPlan = {
  population: null,
  populationSource: '',
  placesPerThousandTarget: null,
  affordableShareTarget: null,
  certifiedStaffShareTarget: null,
  complaintsInTimeTarget: null,
  reportedPlacesPerThousand: null,
  targetsSource: '',
}

export const PUBLISHED_DISTRICT_PLANS: Record<string, PublishedPlan> = {
  // 渝北区 reports 3.94 places per 1,000 residents (the figure issue 9 cites from the
  // district's source document); it does not state the population it divided by.
  '500112': { ...NOTHING_PUBLISHED, reportedPlacesPerThousand: 3.94, targetsSource: '渝北区公布的每千人口托位数 3.94（人口基数未公布）' },
  // 大足区托育服务发展规划 (重庆市大足区人民政府): 4.5 places per 1,000 residents and more
  // than 90% certified staff, as issue 9 cites them. The app's policy library could not
  // verify the plan's text (content/policies/dazu-childcare-targets.md), and says so.
  '500111': {
    ...NOTHING_PUBLISHED,
    placesPerThousandTarget: 4.5,
    certifiedStaffShareTarget: 0.9,
    targetsSource: '大足区托育服务发展规划（重庆市大足区人民政府）；原文未经本应用核实',
  },
}

/** The published plan of a district, or nothing published. */
export function publishedPlan(districtCode: string): DistrictPlan {
  return { districtCode, ...(PUBLISHED_DISTRICT_PLANS[districtCode] ?? NOTHING_PUBLISHED), updatedAt: null }
}
