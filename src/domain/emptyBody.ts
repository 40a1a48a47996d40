import { z } from 'zod'

/** The body of an action that takes no input (cancel, withdraw): anything sent is a mistake worth a 400 rather than silence. */
export const EmptyBodySchema = z.strictObject({}, { error: '这个操作不需要提交内容' }).nullish()
