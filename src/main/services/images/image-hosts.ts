/** Hosts the platforms serve avatars, smiles and covers from (see the references). https only. */
export const platformImageHosts: readonly string[] = [
  // VK Video Live
  '*.vkvideo.ru',
  '*.mycdn.me',
  '*.vk.com',
  '*.userapi.com',
  // Kuaishou
  '*.kuaishou.com',
  '*.yximgs.com',
  '*.kwimgs.com'
]
