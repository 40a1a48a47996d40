import { requestJson } from './session'

type Answer = Awaited<ReturnType<typeof requestJson>>

/** How many answers had each status, with the error code for refusals ("409 SLOT_FULL"): what race tests compare. */
export function statusCounts(answers: Answer[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const a of answers) {
    const key = a.status >= 400 ? `${a.status} ${(a.body as { error: { code: string } }).error.code}` : String(a.status)
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}
