import { ChildCreateBody, ChildSchema, Child } from '@domain/child'
import { pageSchema } from '@domain/page'
import { NoContentSchema, requestJson } from './client'

/** A parent's children (docs/api.md, /me/children): a nickname and a birth or due date, nothing more. */

const ChildPageSchema = pageSchema(ChildSchema)

export async function listMyChildren(): Promise<Child[]> {
  return (await requestJson('GET', '/api/v1/me/children', ChildPageSchema, { auth: true })).items
}

export function addChild(body: ChildCreateBody): Promise<Child> {
  return requestJson('POST', '/api/v1/me/children', ChildSchema, { auth: true, body })
}

/** Deletes the child's data for good (PIPL art. 47). */
export function deleteChild(id: string): Promise<void> {
  return requestJson('DELETE', `/api/v1/me/children/${encodeURIComponent(id)}`, NoContentSchema, { auth: true })
}
