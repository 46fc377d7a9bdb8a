/**
 * Kuaishou fixtures (reference §8.6): one app enabled for live and one that is not (400023), a user per
 * account flag, a live owned by another user (400013), and the `scene` category list (§5.4).
 * `POST <control>/reset` restores exactly this.
 */
export const userFlags = ['no_live_permission', 'no_shop', 'face_verify', 'risk_control', 'banned_global', 'banned_region', 'no_live_scope'] as const
export type UserFlag = (typeof userFlags)[number]

export const allScopes = ['user_base', 'user_info', 'user_video_live'] as const

export interface AppFixture {
  app_id: string
  app_secret: string
  redirect_uri: string
  scopes: readonly string[]
  /** false: live endpoints answer 400023 for this app. */
  liveEnabled: boolean
}

export interface UserFixture {
  open_id: string
  name: string
  flags: UserFlag[]
  sex: string
  fan: number
  follow: number
  city: string
  /** Served by the sandbox at `<openBase>/sandbox/avatar/<open_id>.png`; `bigHead` empty when false. */
  bigHead: boolean
}

export const sandboxApp: AppFixture = {
  app_id: 'ks690000000000000001',
  app_secret: 'sandbox-ks-secret-7d1c4f2a9e',
  redirect_uri: 'http://127.0.0.1/livedeck/oauth/kuaishou',
  scopes: allScopes,
  liveEnabled: true
}

/** Registered, but not enabled for the live API (400023). Listed in the SANDBOX JSON under `kuaishou.extraApps`. */
export const liveDisabledApp: AppFixture = {
  app_id: 'ks690000000000000002',
  app_secret: 'sandbox-ks-secret-nolive-51b0',
  redirect_uri: 'http://127.0.0.1/livedeck/oauth/kuaishou',
  scopes: allScopes,
  liveEnabled: false
}

export const users: UserFixture[] = [
  { open_id: 'f0a1b2c3d4e5f60718293a4b5c6d7e01', name: '小鹿主播', flags: [], sex: 'F', fan: 12_873, follow: 17, city: '河北省石家庄市', bigHead: true },
  { open_id: 'f0a1b2c3d4e5f60718293a4b5c6d7e02', name: '老王没有直播权限', flags: ['no_live_permission'], sex: 'M', fan: 3, follow: 120, city: '北京市', bigHead: true },
  { open_id: 'f0a1b2c3d4e5f60718293a4b5c6d7e03', name: '无电商权限', flags: ['no_shop'], sex: 'M', fan: 950, follow: 40, city: '上海市', bigHead: false },
  { open_id: 'f0a1b2c3d4e5f60718293a4b5c6d7e04', name: '需要人脸验证', flags: ['face_verify'], sex: 'F', fan: 77, follow: 5, city: '广东省深圳市', bigHead: true },
  { open_id: 'f0a1b2c3d4e5f60718293a4b5c6d7e05', name: '风控账号', flags: ['risk_control'], sex: '', fan: 0, follow: 0, city: '', bigHead: false },
  { open_id: 'f0a1b2c3d4e5f60718293a4b5c6d7e06', name: '全局封禁', flags: ['banned_global'], sex: 'M', fan: 1, follow: 1, city: '浙江省杭州市', bigHead: true },
  { open_id: 'f0a1b2c3d4e5f60718293a4b5c6d7e07', name: '区域封禁', flags: ['banned_region'], sex: 'F', fan: 2_000_000_000, follow: 3, city: '新疆维吾尔自治区乌鲁木齐市', bigHead: true },
  { open_id: 'f0a1b2c3d4e5f60718293a4b5c6d7e08', name: 'No live scope', flags: ['no_live_scope'], sex: 'X', fan: 10, follow: 10, city: '四川省成都市', bigHead: true },
  { open_id: 'f0a1b2c3d4e5f60718293a4b5c6d7e09', name: '另一个主播', flags: [], sex: 'M', fan: 4_321, follow: 99, city: '湖北省武汉市', bigHead: true }
]

/** The owner of `foreignLive`: a normal streamer other than the first user. */
export const foreignOwner = users[users.length - 1]!

/** A live that exists but belongs to `foreignOwner` (another user: 400013). */
export const foreignLiveName = 'Zx9Foreign0'

/** Words that make a caption hit risk control (400020 with `content: null`). */
export const captionBlocklist = ['违禁词', 'forbidden-word']

type SceneItem = Record<string, unknown>
const game = (id: number, name: string, screenType: number): SceneItem => ({
  id,
  name,
  icon: '',
  category: 'game',
  screenType,
  launchUrls: [],
  offline: false,
  backgroundUrl: '',
  game: true
})

/** `scene` content (§5.4): groups `pc`, `pcHand`, `event`, `pcShow`; some items carry only `id` + `name`. */
export const scenes: { games: Record<'pc' | 'pcShow' | 'event' | 'pcHand', SceneItem[]> } = {
  games: {
    pc: [game(1001, '英雄联盟', 1), game(1002, '绝地求生', 1), game(1003, 'CS2', 1)],
    pcHand: [game(2001, '王者荣耀', 2), game(2002, '和平精英', 2)],
    event: [{ id: 3001, name: '媒体直播' }, { id: 3002, name: '政务直播' }],
    pcShow: [{ id: 22141, name: '全景直播' }, { id: 4001, name: '聊天' }]
  }
}

export const sceneIds: ReadonlySet<number> = new Set(Object.values(scenes.games).flatMap((items) => items.map((i) => i.id as number)))
