export { createPubsubServer, PUBSUB_PATH } from './server'
export { DisconnectCode, ErrorCode } from './protocol'
export type { ConnectionInfo, PubsubAuth, PubsubOptions, PubsubServer } from './types'
