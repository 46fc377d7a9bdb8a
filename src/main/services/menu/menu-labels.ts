/**
 * Texts main shows itself (menu, quit confirmation), in the app's three languages. Roles such as
 * copy/paste keep Electron's own labels, which the OS localizes.
 */
import type { Language } from '../../../shared/ipc/domain'

export interface MenuLabels {
  readonly file: string
  readonly edit: string
  readonly view: string
  readonly window: string
  readonly help: string
  readonly openLogs: string
}

export interface QuitWhileLiveTexts {
  readonly title: string
  /** `{platforms}` is replaced by the platform names joined with ", ". */
  readonly message: string
  readonly detail: string
  readonly quit: string
  readonly cancel: string
}

const menu: Record<Language, MenuLabels> = {
  en: { file: 'File', edit: 'Edit', view: 'View', window: 'Window', help: 'Help', openLogs: 'Open Logs Folder' },
  ru: { file: 'Файл', edit: 'Правка', view: 'Вид', window: 'Окно', help: 'Справка', openLogs: 'Открыть папку журналов' },
  zh: { file: '文件', edit: '编辑', view: '视图', window: '窗口', help: '帮助', openLogs: '打开日志文件夹' }
}

const quit: Record<Language, QuitWhileLiveTexts> = {
  en: {
    title: 'Quit Livedeck?',
    message: 'You are live on {platforms}.',
    detail: 'Quitting Livedeck does not end the live: it continues as long as your encoder (OBS) keeps sending.',
    quit: 'Quit',
    cancel: 'Stay'
  },
  ru: {
    title: 'Выйти из Livedeck?',
    message: 'Идёт эфир: {platforms}.',
    detail: 'Выход из Livedeck не завершает эфир: он продолжается, пока кодер (OBS) передаёт поток.',
    quit: 'Выйти',
    cancel: 'Остаться'
  },
  zh: {
    title: '退出 Livedeck？',
    message: '正在直播：{platforms}。',
    detail: '退出 Livedeck 不会结束直播：只要编码器（OBS）仍在推流，直播就会继续。',
    quit: '退出',
    cancel: '留下'
  }
}

export const menuLabels = (language: Language): MenuLabels => menu[language]
export const quitWhileLiveTexts = (language: Language): QuitWhileLiveTexts => quit[language]
