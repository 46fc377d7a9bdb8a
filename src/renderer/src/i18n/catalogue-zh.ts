/** The zh UI catalogue: the root strings plus each feature's, mounted under the feature's name. */
import root from './locales/zh.json'
import desktop from './locales/desktop/zh.json'
import kuaishou from './locales/kuaishou/zh.json'
import vk from './locales/vk/zh.json'

export const catalogueZh = { ...root, vk, kuaishou, desktop }
