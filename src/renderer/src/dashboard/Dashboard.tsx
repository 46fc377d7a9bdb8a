import { useTranslation } from 'react-i18next'
import '../desktop/desktop.css'
import { ObsCard } from '../desktop/ObsCard'
import { SplitView } from '../desktop/SplitView'
import { KuaishouPanel } from '../kuaishou/KuaishouPanel'
import { VkPanel } from '../vk/VkPanel'

/** VK (chat + stream settings) next to Kuaishou's go-live panel in a resizable split; OBS below Kuaishou. */
export function Dashboard(): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <div className="dashboard">
      <SplitView
        left={{ id: 'vk', label: t('platform.vk'), node: <VkPanel /> }}
        right={{
          id: 'kuaishou',
          label: t('platform.kuaishou'),
          node: (
            <div className="desk-stack">
              <KuaishouPanel />
              <ObsCard />
            </div>
          )
        }}
      />
    </div>
  )
}
