import { platforms } from '../../../shared/ipc/domain'
import { KuaishouPanel } from '../kuaishou/KuaishouPanel'
import { VkPanel } from '../vk/VkPanel'
import { PlatformSlot } from './PlatformSlot'

/** One slot per platform, VK on the left and Kuaishou on the right; later features fill the slots. */
export function Dashboard(): React.JSX.Element {
  return (
    <div className="dashboard">
      {platforms.map((platform) => (
        platform === 'vk' ? <VkPanel key={platform} /> : platform === 'kuaishou' ? <KuaishouPanel key={platform} /> : <PlatformSlot key={platform} platform={platform} />
      ))}
    </div>
  )
}
