/** ESM resolve hook (runs off-thread): `electron` → the recording stub. */
let stubUrl

export function initialize(data) {
  stubUrl = data.stubUrl
}

export async function resolve(specifier, context, next) {
  if (specifier === 'electron' || specifier.startsWith('electron/')) return { url: stubUrl, format: 'commonjs', shortCircuit: true }
  return next(specifier, context)
}
