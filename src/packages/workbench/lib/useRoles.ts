import { getMyRoles } from '@app/api/workbench'
import { useRemote } from '@app/hooks/useRemote'
import { useSession } from '@app/hooks/useSession'

/** The signed-in person's workbench roles, loaded again whenever the session changes. */
export function useRoles(revision = 0) {
  const { session } = useSession()
  return useRemote(session ? `roles-${session.token.slice(0, 8)}-${revision}` : null, getMyRoles)
}
