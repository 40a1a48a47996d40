/*
 * PostgreSQL may abort a transaction to break a deadlock (40P01) or a serialization
 * conflict (40001); the documented answer is to run it again. Our lock order is meant
 * to make both impossible; this is the safety net, so a parent never sees a 500 for it.
 */

const RETRYABLE = new Set(['40P01', '40001'])
const ATTEMPTS = 3

function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && RETRYABLE.has((error as { code?: string }).code ?? '')
}

/** Runs `attempt` (a whole transaction) again when PostgreSQL aborted it for a retryable reason. */
export async function retryOnConflict<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt()
    } catch (error) {
      if (i >= ATTEMPTS || !isRetryable(error)) throw error
      // A short random pause so the two transactions do not meet again at once.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * i))
    }
  }
}
