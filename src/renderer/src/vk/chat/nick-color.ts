/**
 * VK's nick colour palette (`nick_color` 0…15). Not documented; observed from the web player (reference
 * §2.4). Where the two observed sources disagree (2, 3, 5) the MOBLIN column is used.
 */
export const nickPalette = [
  '#D66E34', '#B8AAFF', '#1D90FF', '#9961F9', '#59A840', '#E73629', '#DE6489', '#20BBA1',
  '#F8B301', '#0099BB', '#7BBEFF', '#E542FF', '#A36C59', '#8BA259', '#00A9FF', '#A20BFF'
] as const

export function nickColor(index: number): string {
  return nickPalette[Number.isInteger(index) && index >= 0 ? index % nickPalette.length : 0]!
}
