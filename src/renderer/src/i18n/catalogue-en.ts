/** The en UI catalogue: the root strings plus each feature's, mounted under the feature's name. */
import root from './locales/en.json'
import desktop from './locales/desktop/en.json'
import kuaishou from './locales/kuaishou/en.json'
import vk from './locales/vk/en.json'

export const catalogueEn = { ...root, vk, kuaishou, desktop }
