/*
 * Postgres type OIDs whose default JavaScript form differs between node-postgres and
 * PGlite. Parsing them the same way on both keeps repositories backend-agnostic.
 */
export const INT8_OID = 20
export const NUMERIC_OID = 1700
export const DATE_OID = 1082

/** Counts and sums fit easily in a double; nobody wants bigint strings in a response. */
const toNumber = (value: string) => Number(value)
/** A calendar date stays a calendar date: no midnight-in-local-time Date objects. */
const asIsoDate = (value: string) => value

export const SHARED_TYPE_PARSERS: Record<number, (value: string) => unknown> = {
  [INT8_OID]: toNumber,
  [NUMERIC_OID]: toNumber,
  [DATE_OID]: asIsoDate,
}
