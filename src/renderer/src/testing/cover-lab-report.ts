/**
 * What the page-side cover lab (`cover-lab.ts`) answers for one case. Plain types only, so the Node-side
 * e2e spec can import them without pulling DOM code into its type check.
 */
export interface CaseReport {
  readonly inputSize: number
  readonly inputUnchanged: boolean
  readonly ms: number
  readonly outcome:
    | { readonly ok: false; readonly problem: string }
    | {
        readonly ok: true
        readonly quality: number
        readonly source: { readonly kind: string; readonly width: number; readonly height: number; readonly size: number }
        /** The produced JPEG, base64, for the Node-side checks. */
        readonly base64: string
        /** What Chromium's decoder makes of the produced bytes. */
        readonly decoded: { readonly width: number; readonly height: number }
        /** RGB at (360, 240) and (360, 1040): upper and lower part of the cover. */
        readonly upper: readonly number[]
        readonly lower: readonly number[]
      }
}
