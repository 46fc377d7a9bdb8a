/**
 * Who is in the chat (`/v1/chat/members`, at most 200) and one member's card (`/v1/chat/member`:
 * roles, badges, statistics).
 */
import type { VkMemberCard, VkMemberView } from '../../../../shared/ipc/domain'
import type { VkApiClient } from '../api-client'
import type { ImageUrlOf } from '../../../services/images/image-url'
import { memberSchema, membersSchema } from '../schemas'
import { authorView } from './normalize'

const MEMBERS_LIMIT = 200

export async function fetchMembers(api: VkApiClient, channelUrl: string, imageUrl: ImageUrlOf): Promise<VkMemberView[]> {
  const { data } = await api.call({
    method: 'GET',
    path: '/v1/chat/members',
    query: { channel_url: channelUrl, limit: MEMBERS_LIMIT },
    schema: membersSchema
  })
  return data.users.map((u) => ({
    id: u.id,
    nick: u.nick,
    nickColor: u.nick_color,
    avatarUrl: imageUrl(u.avatar_url),
    isOwner: u.is_owner === true,
    isModerator: u.is_moderator === true
  }))
}

export async function fetchMemberCard(api: VkApiClient, channelUrl: string, userId: number, imageUrl: ImageUrlOf): Promise<VkMemberCard> {
  const { data } = await api.call({
    method: 'GET',
    path: '/v1/chat/member',
    query: { channel_url: channelUrl, user_id: userId },
    schema: memberSchema
  })
  return {
    ...authorView(data.user, imageUrl),
    registeredAt: data.user.registered_at ? data.user.registered_at * 1000 : null,
    statistics: {
      chatMessages: data.statistics.chat_messages_count,
      permanentBans: data.statistics.permanent_bans_count,
      temporaryBans: data.statistics.temporary_bans_count,
      watchedTime: data.statistics.total_watched_time
    }
  }
}
