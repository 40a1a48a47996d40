import { z } from 'zod'

/*
 * Its own module so an institution's shape (src/domain/institution.ts, on the find tab)
 * does not build every complaint schema when the app starts (issue 11,
 * docs/architecture.md "H5 speed"); complaint.ts re-exports it.
 */

/** Complaint counts by outcome on an institution's public page (never who complained). */
export const ComplaintStatisticsSchema = z.object({
  total: z.number().int(),
  /** Not yet answered: submitted, accepted, investigating, reexamination requested. */
  inProgress: z.number().int(),
  resolved: z.number().int(),
  rejected: z.number().int(),
})
export type ComplaintStatistics = z.infer<typeof ComplaintStatisticsSchema>
