/**
 * Kuaishou takes AAC audio only (reference §5.1 "音频codec 目前只支持AAC", §8.5: the reaction to other codecs
 * is unknown, so it is a switch). Real publishes from Debian ffmpeg with MP3 audio (`-c:a libmp3lame`, which
 * FLV carries as codec id 2): by default accepted, the live opens, and the publish is flagged
 * `audio_not_aac` in `GET <control>/rtmp/publishes`; with `refuseNonAacAudio` the publish is refused before
 * the live opens and the URL stays usable for an AAC publish.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../src/index'
import { killEncoders, publish, withTimeout } from './ffmpeg-publish'
import { controlPost, getJson, liveStatus, makeJpeg, pushUrls, signIn, stopPush, userWith, waitFor, type Cover } from './kuaishou-harness'

type PublishRecord = { name: string; outcome: string; reason?: string; mediaAt?: number; audioCodec?: number; videoCodec?: number; flags?: string[] }

let sb: RunningSandbox
let cover: Cover
let token = ''

beforeAll(async () => {
  cover = { data: makeJpeg(), filename: 'cover.jpg' }
  sb = await startSandbox({ graceMs: 60_000 })
  token = (await signIn(sb, userWith(sb, null))).access_token
})
afterEach(killEncoders)
afterAll(async () => {
  await sb.stop()
})

const publishes = async (): Promise<PublishRecord[]> => (await getJson(`${sb.control}/rtmp/publishes`)) as unknown as PublishRecord[]
const statusOf = async (name: string): Promise<string> => ((await liveStatus(sb, token, name)).content as { status: string }).status

async function newLive(): Promise<{ name: string; pushUrl: string }> {
  const content = (await pushUrls(sb, token, { caption: 'mp3' }, cover)).content as { pushUrl: string; liveStreamName: string }
  return { name: content.liveStreamName, pushUrl: content.pushUrl }
}

describe('non-AAC audio on a Kuaishou push URL', () => {
  it('by default: accepted, LIVING, and flagged audio_not_aac with the FLV codec ids', async () => {
    const { name, pushUrl } = await newLive()
    const encoder = publish(pushUrl, 30, 'libmp3lame')
    await waitFor(() => statusOf(name), (s) => s === 'LIVING', 15_000)
    const record = (await publishes()).find((p) => p.name === name)
    expect(record).toMatchObject({ outcome: 'accepted', audioCodec: 2, videoCodec: 7, flags: ['audio_not_aac'] })
    expect(await stopPush(sb, token, name)).toMatchObject({ result: 0 })
    await withTimeout(encoder.exited, 10_000, 'ffmpeg exit after stopPush')
  })

  it('an AAC publish carries no flag', async () => {
    const { name, pushUrl } = await newLive()
    const encoder = publish(pushUrl, 30)
    await waitFor(() => statusOf(name), (s) => s === 'LIVING', 15_000)
    const record = (await publishes()).find((p) => p.name === name)
    expect(record).toMatchObject({ outcome: 'accepted', audioCodec: 10 })
    expect(record?.flags).toBeUndefined()
    await stopPush(sb, token, name)
    await withTimeout(encoder.exited, 10_000, 'ffmpeg exit after stopPush')
  })

  it('with refuseNonAacAudio: refused before the live opens; the same URL then takes an AAC publish', async () => {
    const options = (await (await controlPost(sb, '/kuaishou/options', { refuseNonAacAudio: true })).json()) as { refuseNonAacAudio: boolean }
    expect(options.refuseNonAacAudio).toBe(true)
    const { name, pushUrl } = await newLive()
    const mp3 = publish(pushUrl, 30, 'libmp3lame')
    expect(await withTimeout(mp3.exited, 10_000, 'refused ffmpeg exit')).not.toBe(0)
    const refused = (await publishes()).filter((p) => p.name === name)
    expect(refused).toEqual([expect.objectContaining({ outcome: 'refused', reason: 'audio must be AAC', audioCodec: 2 })])
    expect(await statusOf(name)).toBe('LIVE_NOT_START')

    const aac = publish(pushUrl, 30)
    await waitFor(() => statusOf(name), (s) => s === 'LIVING', 15_000)
    expect((await publishes()).filter((p) => p.name === name).map((p) => p.outcome)).toEqual(['refused', 'accepted'])
    await stopPush(sb, token, name)
    await withTimeout(aac.exited, 10_000, 'ffmpeg exit after stopPush')
  })

  it('POST /reset restores the default (accept and flag)', async () => {
    await controlPost(sb, '/reset', {})
    token = (await signIn(sb, userWith(sb, null))).access_token
    const { name, pushUrl } = await newLive()
    publish(pushUrl, 30, 'libmp3lame')
    await waitFor(() => statusOf(name), (s) => s === 'LIVING', 15_000)
    expect((await publishes()).find((p) => p.name === name)).toMatchObject({ outcome: 'accepted', flags: ['audio_not_aac'] })
  })
})
