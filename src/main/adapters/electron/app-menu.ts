/** Installs the application menu built by `buildMenuTemplate`, mapping its commands to click handlers. */
import { Menu, type MenuItemConstructorOptions } from 'electron'
import type { MenuCommand, MenuItemSpec } from '../../services/menu/menu-template'

export type MenuCommands = Record<MenuCommand, () => void>

function toElectron(item: MenuItemSpec, commands: MenuCommands): MenuItemConstructorOptions {
  const { command, submenu, ...rest } = item
  return {
    ...rest,
    ...(submenu ? { submenu: submenu.map((i) => toElectron(i, commands)) } : {}),
    ...(command ? { click: () => commands[command]() } : {})
  }
}

export function installAppMenu(template: readonly MenuItemSpec[], commands: MenuCommands): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(template.map((i) => toElectron(i, commands))))
}
