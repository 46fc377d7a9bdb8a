import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { themes } from '../../../shared/ipc/domain'
import { livedeck } from '../api/livedeck'
import { run } from '../api/run'
import { useKuaishouStore } from '../kuaishou/kuaishou-store'
import { useUiStore } from '../store/ui-store'
import { useVkAccount } from '../vk/account/account-store'
import { useVkChannel } from '../vk/channel/channel-store'
import { useVkChat } from '../vk/chat/chat-store'
import { kuaishouBadge, vkBadge, vkCapabilities, type AccountBadge } from './capabilities'
import { ShortcutsHelp } from './ShortcutsHelp'
import { obsForcesStreamerMode } from './streamer-mode'
import { useStreamerMode, useStreamerStore } from './streamer-store'

/** Header block: both accounts' state, streamer mode, theme and the shortcut help. */
export function HeaderStatus(): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <div className="desk-header">
      <ul className="desk-badges" aria-label={t('desktop.accounts')}>
        <VkBadge />
        <KuaishouBadge />
      </ul>
      <StreamerToggle />
      <ThemeSwitcher />
      <ShortcutsHelp />
    </div>
  )
}

function Badge({ platform, badge }: { platform: 'vk' | 'kuaishou'; badge: AccountBadge }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <li className={`desk-badge desk-badge-${badge}`} data-testid={`badge-${platform}`} data-state={badge}>
      <span className={`platform-dot platform-dot-${platform}`} aria-hidden="true" />
      {t(`platform.${platform}`)}: {t(`desktop.badge.${badge}`)}
    </li>
  )
}

function VkBadge(): React.JSX.Element {
  const account = useVkAccount((s) => s.account)
  const channel = useVkChannel((s) => s.channel)
  const chat = useVkChat((s) => s.status)
  return <Badge platform="vk" badge={vkBadge(account, vkCapabilities(account, channel, chat))} />
}

function KuaishouBadge(): React.JSX.Element {
  const account = useKuaishouStore((s) => s.account)
  const live = useKuaishouStore((s) => s.live)
  return <Badge platform="kuaishou" badge={kuaishouBadge(account, live)} />
}

function StreamerToggle(): React.JSX.Element {
  const { t } = useTranslation()
  const on = useStreamerMode()
  const forced = useStreamerStore((s) => obsForcesStreamerMode(s.obs))
  const choose = useStreamerStore((s) => s.choose)
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      className={`button desk-streamer ${on ? 'desk-streamer-on' : ''}`}
      // While OBS forces it, switching off would be a lie: the toggle is shown on and locked.
      disabled={forced}
      title={forced ? t('desktop.streamer.forced') : t('desktop.streamer.hint')}
      onClick={() => choose(!on)}
      data-testid="streamer-toggle"
    >
      {t('desktop.streamer.label')}
    </button>
  )
}

function ThemeSwitcher(): React.JSX.Element {
  const { t } = useTranslation()
  const id = useId()
  const theme = useUiStore((s) => s.settings?.ui.theme ?? 'system')
  const setSettings = useUiStore((s) => s.setSettings)
  const change = async (value: string): Promise<void> => {
    const next = themes.find((x) => x === value)
    if (!next) return
    const view = await run(livedeck().settings.update({ ui: { theme: next } }))
    if (view) setSettings(view)
  }
  return (
    <div className="language">
      <label htmlFor={id}>{t('desktop.theme.label')}</label>
      <select id={id} value={theme} onChange={(e) => void change(e.target.value)} data-testid="theme-select">
        {themes.map((x) => (
          <option key={x} value={x}>
            {t(`desktop.theme.${x}`)}
          </option>
        ))}
      </select>
    </div>
  )
}
