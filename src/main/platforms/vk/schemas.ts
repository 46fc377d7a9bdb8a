/**
 * zod schemas for every VK DevAPI / OAuth response Livedeck reads (reference §4, §6, §7). Defensive on
 * purpose (reference §11): extra fields are ignored, optional fields may be missing, ids may come as
 * numbers or strings, and timestamps are normalised to unix seconds (values ≥ 10^10 are milliseconds).
 */
import { z } from 'zod'

/** Unix seconds; a millisecond value (≥ 10^10) is converted, as POINTAUC does. */
export const unixSeconds = z.number().transform((n) => (n >= 1e10 ? Math.floor(n / 1000) : n))
/** Ids documented as strings sometimes arrive as numbers (and the reverse). */
const idString = z.union([z.string(), z.number()]).transform(String)
const idNumber = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)])
const text = z.string().nullish().transform((v) => v ?? '')
const nickColor = z.number().int().nullish().transform((v) => (v === null || v === undefined ? 0 : ((v % 16) + 16) % 16))

export const vkErrorBodySchema = z.object({ error: z.string().min(1).max(100), error_description: z.string().optional() })

export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  /** Lifetime in seconds; the client-credentials answer may name it `expire_time` (reference §4.5). */
  expires_in: z.number().optional(),
  expire_time: z.number().optional(),
  token_type: z.string().optional(),
  scope: z.string().optional()
})
export type TokenResponse = z.infer<typeof tokenResponseSchema>

export const tokenInfoSchema = z.object({ data: z.object({ expired_at: unixSeconds, type: z.string().optional() }) })

export const categorySchema = z.object({
  id: idString,
  title: text,
  type: text,
  cover_url: text,
  counters: z.object({ viewers: z.number().optional() }).optional()
})
export type VkCategory = z.infer<typeof categorySchema>

export const webSocketChannelsSchema = z
  .object({
    chat: z.string().optional(),
    private_chat: z.string().optional(),
    limited_chat: z.string().optional(),
    limited_private_chat: z.string().optional(),
    info: z.string().optional(),
    private_info: z.string().optional(),
    channel_points: z.string().optional(),
    private_channel_points: z.string().optional()
  })
  .partial()
export type WebSocketChannels = z.infer<typeof webSocketChannelsSchema>

export const channelSchema = z.object({
  id: idNumber,
  url: z.string().min(1),
  nick: text,
  nick_color: nickColor,
  avatar_url: text,
  cover_url: text,
  description: text,
  status: text,
  counters: z.object({ subscribers: z.number().optional() }).optional(),
  web_socket_channels: webSocketChannelsSchema.optional()
})

export const ownerSchema = z.object({
  id: idNumber,
  nick: text,
  nick_color: nickColor,
  avatar_url: text,
  is_verified_streamer: z.boolean().optional()
})

export const streamSchema = z.object({
  id: idString,
  title: text,
  category: categorySchema.nullish(),
  counters: z.object({ viewers: z.number().optional(), views: z.number().optional() }).optional(),
  started_at: unixSeconds.nullish(),
  ended_at: unixSeconds.nullish(),
  planned_at: unixSeconds.nullish(),
  status: z.string().optional(),
  slot: z.object({ id: z.union([z.number(), z.string()]).optional(), url: z.string().optional() }).nullish()
})
export type VkStream = z.infer<typeof streamSchema>

export const channelResponseSchema = z.object({
  data: z.object({
    channel: channelSchema,
    owner: ownerSchema.optional(),
    stream: streamSchema.nullish(),
    streams: z.array(streamSchema).nullish()
  })
})
export type ChannelResponse = z.infer<typeof channelResponseSchema>['data']

export const currentUserSchema = z.object({
  data: z.object({
    user: z.object({
      id: idNumber,
      nick: text,
      nick_color: nickColor,
      avatar_url: text,
      is_streamer: z.boolean().optional(),
      is_verified_streamer: z.boolean().optional()
    }),
    channel: z.object({ url: z.string().min(1) }).nullish(),
    /** Some clients tolerate a list (reference §6.2, GUESS). */
    channels: z.array(z.object({ url: z.string().min(1) })).nullish()
  })
})

export const credentialsSchema = z.object({ data: z.object({ url: z.string().min(1), token: z.string().min(1) }) })

export const categorySearchSchema = z.object({ data: z.object({ categories: z.array(categorySchema) }) })

export const wsTokenSchema = z.object({ data: z.object({ token: z.string().min(1) }) })
export const subscriptionTokensSchema = z.object({
  data: z.object({ channel_tokens: z.array(z.object({ channel: z.string(), token: z.string().min(1) })).nullish() })
})

const imageUrls = { small_url: text, medium_url: text, large_url: text }
export const badgeSchema = z.object({ id: idString, name: text, achievement_name: text, ...imageUrls })
export const roleSchema = z.object({ id: idString, name: text, ...imageUrls })

export const messagePartSchema = z.object({
  text: z.object({ content: text }).optional(),
  link: z.object({ content: text, url: text }).optional(),
  mention: z.object({ id: idNumber, nick: text }).optional(),
  smile: z.object({ id: idString, name: text, animated: z.boolean().optional(), ...imageUrls }).optional()
})
export type VkMessagePart = z.infer<typeof messagePartSchema>

export const authorSchema = z.object({
  id: idNumber,
  nick: text,
  nick_color: nickColor,
  avatar_url: text,
  is_owner: z.boolean().nullish(),
  is_moderator: z.boolean().nullish(),
  badges: z.array(badgeSchema).nullish(),
  roles: z.array(roleSchema).nullish()
})

export const chatMessageSchema = z.object({
  id: idNumber,
  created_at: unixSeconds.nullish(),
  is_private: z.boolean().nullish(),
  author: authorSchema,
  parts: z.array(messagePartSchema).nullish()
})
export type VkChatMessage = z.infer<typeof chatMessageSchema>

export const chatMessagesSchema = z.object({ data: z.object({ chat_messages: z.array(z.unknown()).nullish() }) })

export const membersSchema = z.object({
  data: z.object({
    users: z.array(
      z.object({
        id: idNumber,
        nick: text,
        nick_color: nickColor,
        avatar_url: text,
        is_owner: z.boolean().nullish(),
        is_moderator: z.boolean().nullish()
      })
    )
  })
})

export const memberSchema = z.object({
  data: z.object({
    channel: z.object({ status: text, url: text }).nullish(),
    statistics: z.object({
      chat_messages_count: z.number().default(0),
      permanent_bans_count: z.number().default(0),
      temporary_bans_count: z.number().default(0),
      total_watched_time: z.number().default(0)
    }),
    user: authorSchema.extend({ registered_at: unixSeconds.nullish() })
  })
})

export const chatSettingsSchema = z.object({
  allow_access: z.string(),
  allow_access_after: z.number(),
  any_message_timeout: z.number(),
  same_message_timeout: z.number(),
  follow_alert: z.boolean(),
  subscription_alert: z.boolean(),
  mode: z
    .object({
      general: z
        .object({
          is_caps_prohibited: z.boolean().optional(),
          is_links_prohibited: z.boolean().optional(),
          is_ru_en_numbers: z.boolean().optional()
        })
        .nullish(),
      only_smiles: z.object({}).nullish()
    })
    .nullish()
})
export type VkChatSettings = z.infer<typeof chatSettingsSchema>
export const chatSettingsResponseSchema = z.object({ data: z.object({ chat_settings: chatSettingsSchema }) })

/** A pubsub publication's data: `{type, data}` (reference §8.1). */
export const pubsubEventSchema = z.object({ type: z.string(), data: z.unknown() })
export const messageEventDataSchema = z.object({ chat_message: z.unknown() })
export const deleteEventDataSchema = z.object({ chat_message: z.object({ id: idNumber }) })
const person = z.object({ id: idNumber.optional(), nick: text, nick_color: nickColor })
export const followEventDataSchema = z.object({ follow: z.object({ follower: person }) })
export const raidEventDataSchema = z.object({
  raid: z.object({ source: z.object({ owner: person }).partial().optional(), raiders_count: z.number().optional() })
})
export const subscriptionEventDataSchema = z.object({
  subscription: z.object({ subscriber: person, level: z.object({ name: text }).nullish() })
})
