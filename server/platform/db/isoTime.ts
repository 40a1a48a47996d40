import { inShanghai } from '@domain/shanghaiTime'

/** A database time as the API writes it: ISO-8601 with the +08:00 offset a parent reads it in. */
export function isoTime(value: Date | string): string {
  return inShanghai(value).format('YYYY-MM-DDTHH:mm:ssZ')
}
