import { z } from 'zod'
import { FeeTerms, FeeTermsBody, FeeTermsSchema } from '@domain/feeTerms'
import { InstitutionNetPrice, InstitutionNetPriceSchema } from '@domain/netPrice'
import { getJson, requestJson } from './client'

/** Fee terms and the net monthly price (docs/api.md "Fees"). */

export async function getFeeTerms(institutionId: string): Promise<FeeTerms | null> {
  return (await getJson(`/api/v1/institutions/${encodeURIComponent(institutionId)}/fee-terms`, z.object({ terms: FeeTermsSchema.nullable() }))).terms
}

export function getNetPrice(institutionId: string, child: { birthDate?: string; dueDate?: string }): Promise<InstitutionNetPrice> {
  const params: Array<[string, string]> = []
  if (child.birthDate) params.push(['birthDate', child.birthDate])
  if (child.dueDate) params.push(['dueDate', child.dueDate])
  return getJson(`/api/v1/institutions/${encodeURIComponent(institutionId)}/net-price`, InstitutionNetPriceSchema, params)
}

/** Workbench: the staff member's own institution. */
export function putFeeTerms(body: FeeTermsBody): Promise<FeeTerms> {
  return requestJson('PUT', '/api/v1/staff/fee-terms', FeeTermsSchema, { auth: true, body })
}
