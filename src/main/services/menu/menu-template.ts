/**
 * The application menu as plain data, per platform. It mirrors Electron's `MenuItemConstructorOptions`
 * (roles, separators, submenus); items that run app code carry a `command` the Electron adapter maps to
 * a click handler, so this module stays free of Electron and testable.
 *
 * macOS needs the app menu (About, Hide, Quit) and an Edit menu with the editing roles, or copy, paste
 * and undo do not work in text fields at all. Windows and Linux get File / Edit / View / Help.
 */
import type { MenuLabels } from './menu-labels'

export type MenuRole =
  | 'about' | 'services' | 'hide' | 'hideOthers' | 'unhide' | 'quit' | 'close'
  | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'pasteAndMatchStyle' | 'delete' | 'selectAll'
  | 'reload' | 'toggleDevTools' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen'
  | 'minimize' | 'zoom' | 'front' | 'appMenu'

export type MenuCommand = 'openLogsFolder'

export interface MenuItemSpec {
  readonly label?: string
  readonly role?: MenuRole
  readonly type?: 'separator' | 'normal'
  readonly command?: MenuCommand
  readonly submenu?: readonly MenuItemSpec[]
}

export interface MenuTemplateOptions {
  readonly platform: 'darwin' | 'win32' | 'linux'
  readonly appName: string
  readonly labels: MenuLabels
  /** Reload and dev tools only in unpackaged runs: a user has no use for them. */
  readonly developer: boolean
}

const separator: MenuItemSpec = { type: 'separator' }

function editMenu(o: MenuTemplateOptions): MenuItemSpec {
  const mac = o.platform === 'darwin'
  return {
    label: o.labels.edit,
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      separator,
      { role: 'selectAll' }
    ]
  }
}

function viewMenu(o: MenuTemplateOptions): MenuItemSpec {
  const developer: MenuItemSpec[] = o.developer ? [{ role: 'reload' }, { role: 'toggleDevTools' }, separator] : []
  return {
    label: o.labels.view,
    submenu: [...developer, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' }]
  }
}

function macTemplate(o: MenuTemplateOptions): MenuItemSpec[] {
  return [
    {
      label: o.appName,
      submenu: [
        { role: 'about' },
        separator,
        { role: 'services' },
        separator,
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        separator,
        { role: 'quit' }
      ]
    },
    { label: o.labels.file, submenu: [{ role: 'close' }] },
    editMenu(o),
    viewMenu(o),
    { label: o.labels.window, submenu: [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }] },
    { label: o.labels.help, submenu: [{ label: o.labels.openLogs, command: 'openLogsFolder' }] }
  ]
}

function otherTemplate(o: MenuTemplateOptions): MenuItemSpec[] {
  return [
    { label: o.labels.file, submenu: [{ role: 'quit' }] },
    editMenu(o),
    viewMenu(o),
    { label: o.labels.help, submenu: [{ label: o.labels.openLogs, command: 'openLogsFolder' }, separator, { role: 'about' }] }
  ]
}

export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemSpec[] {
  return options.platform === 'darwin' ? macTemplate(options) : otherTemplate(options)
}

/** Every item of a template, depth first (for adapters and tests). */
export function flattenMenu(items: readonly MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((item) => [item, ...flattenMenu(item.submenu ?? [])])
}
