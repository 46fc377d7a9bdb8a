/** The ru UI catalogue: the root strings plus each feature's, mounted under the feature's name. */
import root from './locales/ru.json'
import desktop from './locales/desktop/ru.json'
import kuaishou from './locales/kuaishou/ru.json'
import vk from './locales/vk/ru.json'

export const catalogueRu = { ...root, vk, kuaishou, desktop }
