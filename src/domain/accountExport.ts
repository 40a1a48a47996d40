import { z } from 'zod'
import { ConsentSchema, SessionUserSchema } from './account'
import { ChildSchema } from './child'
import { ComplaintSchema } from './complaint'
import { MyBookingItemSchema } from './myBookings'
import { OpenDayWatchSchema } from './openDayWatch'
import { SavedSearchSchema, SearchAlertSchema } from './savedSearch'
import { VoucherSchema } from './voucher'

/**
 * 个人信息副本 (PIPL art. 45), GET /api/v1/me/export: everything the service keeps about the
 * signed-in parent, as one JSON file. The server answers with this shape; the app only
 * saves the file (accountData.ts MyDataExportFileSchema).
 */
export const MyDataExportSchema = z.object({
  exportedAt: z.string(),
  user: SessionUserSchema.extend({ regulatorDistrictCode: z.string().nullable(), wechat: z.boolean() }),
  consents: z.array(ConsentSchema),
  subscriptions: z.array(z.object({ kind: z.string(), remaining: z.number().int() })),
  children: z.array(ChildSchema),
  bookings: z.array(MyBookingItemSchema),
  complaints: z.array(ComplaintSchema),
  reviews: z.array(z.object({ institutionId: z.string(), overall: z.number(), text: z.string().nullable(), createdAt: z.string() })),
  photos: z.array(z.object({ id: z.string(), contentType: z.string(), uploadedAt: z.string() })),
  savedSearches: z.array(SavedSearchSchema),
  alerts: z.array(SearchAlertSchema),
  openDayWatches: z.array(OpenDayWatchSchema),
  vouchers: z.array(VoucherSchema),
})
export type MyDataExport = z.infer<typeof MyDataExportSchema>
