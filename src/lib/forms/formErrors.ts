import { z } from 'zod'
import { ApiError } from '../../api/ApiError'

/** Field name → the first Chinese message for it, as forms show them under each box. */
export type FieldErrors = Record<string, string>

/** A zod failure of a domain schema, keyed by the top-level field. */
export function fieldErrorsFromZod(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {}
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '')
    if (!(key in fields)) fields[key] = issue.message
  }
  return fields
}

/** The server's `fields` ("body.contactPhone") keyed the same way as the form's own. */
export function fieldErrorsFromServer(error: ApiError): FieldErrors {
  const fields: FieldErrors = {}
  for (const [path, message] of Object.entries(error.fields)) {
    const key = path.replace(/^(body|query|params|headers)\./, '').split('.')[0]
    if (!(key in fields)) fields[key] = message
  }
  return fields
}

/** Validates a form with a domain schema: the parsed body, or the messages to show. */
export function validateForm<T>(schema: z.ZodType<T>, input: unknown): { ok: true; value: T } | { ok: false; fields: FieldErrors } {
  const parsed = schema.safeParse(input)
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, fields: fieldErrorsFromZod(parsed.error) }
}

/** The messages without this field's: a box's message goes as soon as the parent edits it. */
export function withoutField(fields: FieldErrors, key: string): FieldErrors {
  if (!(key in fields)) return fields
  const rest = { ...fields }
  delete rest[key]
  return rest
}
