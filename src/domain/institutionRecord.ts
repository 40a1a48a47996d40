import { z } from 'zod'
import { CareModeFeeSchema } from './careMode'
import {
  AgeRangeSchema,
  ClassGroupSchema,
  DemonstrationLevelSchema,
  FilingStatusSchema,
  InspectionSchema,
  InstitutionKindSchema,
  LatLngSchema,
  OpeningHoursSchema,
  RectificationSchema,
} from './institution'
import { safeText } from './safeText'

/**
 * What is written for one institution: a row of an official filing list after
 * validation, or one generated demo institution. Computed fields (distance, rating,
 * vacancies, rectification outcome, search text) are not part of it.
 */
export const InstitutionRecordSchema = z.object({
  id: safeText().min(1),
  name: safeText().min(1).max(100),
  kind: InstitutionKindSchema,
  districtCode: safeText().min(1),
  street: safeText().min(1).max(50),
  address: safeText().min(1).max(200),
  location: LatLngSchema,
  affordable: z.boolean(),
  demonstrationLevel: DemonstrationLevelSchema.nullable(),
  filing: z.object({
    number: safeText().min(1).max(64),
    filedOn: z.string(),
    authority: safeText().min(1),
    status: FilingStatusSchema,
  }),
  ageRange: AgeRangeSchema,
  careModes: z.array(CareModeFeeSchema).min(1),
  capacity: z.number().int().nonnegative(),
  enrolled: z.number().int().nonnegative(),
  hours: OpeningHoursSchema,
  contactPhone: safeText().min(1),
  description: z.string(),
  photos: z.array(z.string()),
  classes: z.array(ClassGroupSchema),
  inspections: z.array(InspectionSchema),
  rectifications: z.array(RectificationSchema.omit({ outcome: true })),
  /** Demo ratings until real reviews exist: the sum and count of overall scores. */
  ratingSum: z.number().int().nonnegative(),
  ratingCount: z.number().int().nonnegative(),
  isDemo: z.boolean(),
})
export type InstitutionRecord = z.infer<typeof InstitutionRecordSchema>
