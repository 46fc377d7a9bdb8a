import { describe, expect, it } from 'vitest'
import { menuLabels } from './menu-labels'
import { buildMenuTemplate, flattenMenu, type MenuItemSpec, type MenuTemplateOptions } from './menu-template'

const base = (platform: MenuTemplateOptions['platform'], developer = false): MenuTemplateOptions => ({
  platform,
  appName: 'Livedeck',
  labels: menuLabels('en'),
  developer
})
const roles = (items: readonly MenuItemSpec[]) => flattenMenu(items).flatMap((i) => (i.role ? [i.role] : []))
const editingRoles = ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'] as const

describe('application menu template', () => {
  it('macOS: the first menu is the app menu with About, Hide and Quit', () => {
    const [appMenu] = buildMenuTemplate(base('darwin'))
    expect(appMenu?.label).toBe('Livedeck')
    expect(roles(appMenu?.submenu ?? [])).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit'])
  })

  it('macOS: an Edit menu carries every editing role, so copy/paste/undo work in text fields', () => {
    const edit = buildMenuTemplate(base('darwin')).find((m) => m.label === 'Edit')
    expect(roles(edit?.submenu ?? [])).toEqual(expect.arrayContaining([...editingRoles, 'pasteAndMatchStyle']))
  })

  it('Windows and Linux: File / Edit / View / Help, quit under File, About under Help', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const template = buildMenuTemplate(base(platform))
      expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help'])
      expect(roles(template[0]?.submenu ?? [])).toEqual(['quit'])
      expect(roles(template[1]?.submenu ?? [])).toEqual(expect.arrayContaining([...editingRoles]))
      expect(roles(template[1]?.submenu ?? [])).not.toContain('pasteAndMatchStyle')
      expect(roles(template[3]?.submenu ?? [])).toContain('about')
      // The macOS-only roles would be inert or odd elsewhere.
      expect(roles(template)).not.toContain('hideOthers')
      expect(roles(template)).not.toContain('services')
    }
  })

  it('every platform has "Open logs folder" as a command item', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const items = flattenMenu(buildMenuTemplate(base(platform))).filter((i) => i.command === 'openLogsFolder')
      expect(items).toEqual([{ label: 'Open Logs Folder', command: 'openLogsFolder' }])
    }
  })

  it('reload and dev tools appear only in developer runs', () => {
    expect(roles(buildMenuTemplate(base('win32')))).not.toContain('toggleDevTools')
    expect(roles(buildMenuTemplate(base('win32')))).not.toContain('reload')
    expect(roles(buildMenuTemplate(base('darwin', true)))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']))
  })

  it('labels follow the language', () => {
    const template = buildMenuTemplate({ ...base('linux'), labels: menuLabels('ru') })
    expect(template.map((m) => m.label)).toEqual(['Файл', 'Правка', 'Вид', 'Справка'])
    expect(flattenMenu(template).some((i) => i.label === 'Открыть папку журналов')).toBe(true)
  })
})
