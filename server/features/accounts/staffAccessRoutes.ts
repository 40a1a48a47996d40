import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { pageQuerySchema, pageSchema } from '@domain/page'
import { InvitationAcceptBodySchema, InvitationCreateBodySchema, InvitationSchema, MembershipSchema, MyRolesSchema, NewInvitationSchema } from '@domain/staffAccess'
import { Database } from '../../platform/db/database'
import { requireViewer } from './authentication'
import { acceptInvitation, cancelInvitation, invite, listInvitations } from './invitations'
import { listMembers, revokeMember } from './members'
import { myRoles } from './myRoles'
import { safeText } from '@domain/safeText'
import { errorResponses } from '../../platform/http/errorResponses'

const IdParamsSchema = z.object({ id: safeText().trim().min(1, '编号不能为空').max(100, '编号太长') })
const PageQuerySchema = pageQuerySchema()
const errors = errorResponses(400, 401, 403, 404, 409)

/**
 * Roles by invitation (docs/api.md "Accounts and roles"): invite, accept, list, cancel,
 * and revoke. Who may do what is decided in invitations.ts and members.ts.
 */
export function staffAccessRoutes(db: Database, settings: { demoLogin: boolean }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/me/roles',
      { schema: { summary: '我的工作台角色', tags: ['me'], response: { 200: MyRolesSchema, ...errors } } },
      async (request) => myRoles(db, await requireViewer(db, request)),
    )

    app.post(
      '/staff/invitations',
      { schema: { summary: '发出邀请（监管人员邀请机构管理员或监管人员，机构管理员邀请工作人员）', tags: ['staff'], body: InvitationCreateBodySchema, response: { 201: NewInvitationSchema, ...errors } } },
      async (request, reply) => reply.code(201).send(await invite(db, await requireViewer(db, request), request.body)),
    )

    app.get(
      '/staff/invitations',
      { schema: { summary: '我管理范围内发出的邀请（新的在前，分页）', tags: ['staff'], querystring: PageQuerySchema, response: { 200: pageSchema(InvitationSchema), ...errors } } },
      async (request) => listInvitations(db, await requireViewer(db, request), request.query),
    )

    app.post(
      '/staff/invitations/:id/cancel',
      { schema: { summary: '作废未使用的邀请', tags: ['staff'], params: IdParamsSchema, response: { 200: InvitationSchema, ...errors } } },
      async (request) => cancelInvitation(db, await requireViewer(db, request), request.params.id),
    )

    app.post(
      '/invitations/accept',
      { schema: { summary: '接受邀请（微信登录后）', tags: ['staff'], body: InvitationAcceptBodySchema, response: { 200: InvitationSchema, ...errors } } },
      async (request) => acceptInvitation(db, await requireViewer(db, request), request.body.code, { demoMode: settings.demoLogin }),
    )

    app.get(
      '/staff/members',
      { schema: { summary: '我管理范围内的成员（分页）', tags: ['staff'], querystring: PageQuerySchema, response: { 200: pageSchema(MembershipSchema), ...errors } } },
      async (request) => listMembers(db, await requireViewer(db, request), request.query),
    )

    app.post(
      '/staff/members/:id/revoke',
      { schema: { summary: '移除成员（立即生效）', tags: ['staff'], params: IdParamsSchema, response: { 200: MembershipSchema, ...errors } } },
      async (request) => revokeMember(db, await requireViewer(db, request), request.params.id),
    )
  }
}
