import crypto from 'node:crypto'
import { Queryable } from '../../platform/db/database'

export interface ChildRow {
  id: string
  nickname: string
  birth_date: string | null
  due_date: string | null
  created_at: Date
}

const COLUMNS = `id, nickname, birth_date, due_date, created_at`

export async function insertChild(db: Queryable, userId: string, child: { nickname: string; birthDate?: string; dueDate?: string }): Promise<ChildRow> {
  const result = await db.query<ChildRow>(
    `insert into children (id, user_id, nickname, birth_date, due_date) values ($1, $2, $3, $4, $5) returning ${COLUMNS}`,
    [crypto.randomUUID(), userId, child.nickname, child.birthDate ?? null, child.dueDate ?? null],
  )
  return result.rows[0]
}

export async function listChildren(db: Queryable, userId: string): Promise<ChildRow[]> {
  const result = await db.query<ChildRow>(`select ${COLUMNS} from children where user_id = $1 order by created_at, id`, [userId])
  return result.rows
}

/** The child only if it belongs to this parent; `forUpdate` locks it for a deletion. */
export async function findChildOfUser(db: Queryable, userId: string, childId: string, forUpdate = false): Promise<ChildRow | undefined> {
  const result = await db.query<ChildRow>(`select ${COLUMNS} from children where id = $1 and user_id = $2${forUpdate ? ' for update' : ''}`, [childId, userId])
  return result.rows[0]
}

export async function deleteChild(db: Queryable, childId: string): Promise<void> {
  await db.query(`delete from children where id = $1`, [childId])
}
