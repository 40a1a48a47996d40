import { DistrictGlance, DistrictGlanceSchema, DistrictPlan, DistrictPlanBody, DistrictPlanSchema } from '@domain/districtGlance'
import { requestJson } from './client'

/** 区县概览 (docs/api.md "GET /staff/district-glance") and the district's plan the regulator keeps. */

export function getDistrictGlance(): Promise<DistrictGlance> {
  return requestJson('GET', '/api/v1/staff/district-glance', DistrictGlanceSchema, { auth: true })
}

export function saveDistrictPlan(body: DistrictPlanBody): Promise<DistrictPlan> {
  return requestJson('PUT', '/api/v1/staff/district-plan', DistrictPlanSchema, { auth: true, body })
}
