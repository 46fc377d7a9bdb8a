/**
 * VK DevAPI error bodies (reference §3): `{ error, error_description }` with the documented status.
 * Handlers throw `VkError`; the route wrapper turns it into the response.
 */
export class VkError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
    readonly data?: Record<string, unknown>
  ) {
    super(code)
  }

  body(): Record<string, unknown> {
    return { error: this.code, error_description: this.description, ...(this.data ? { data: this.data } : {}) }
  }
}

export const errors = {
  unauthorized: () => new VkError(401, 'unauthorized', 'Not authorized'),
  forbidden: (description = 'Access to resource forbidden') => new VkError(403, 'forbidden', description),
  invalidScope: () => new VkError(403, 'invalid_scope', 'Application has no access to this scope'),
  missingParam: (name: string) => new VkError(400, 'missing_param', `Missing required parameter: ${name}`),
  invalidParam: (name: string) => new VkError(400, 'invalid_param', `Invalid parameter: ${name}`),
  notFound: (description = 'Not found') => new VkError(404, 'not_found', description),
  unknownMethod: () => new VkError(404, 'unknown_api_method', 'Unknown API method'),
  channelNotFound: () => new VkError(404, 'channel_not_found', 'Channel not found'),
  channelBanned: () => new VkError(403, 'channel_banned', 'Channel is banned'),
  unprocessable: (description = 'Operation cannot be performed') => new VkError(422, 'unprocessable_entity', description),
  messageTooLong: () => new VkError(400, 'message_too_long', 'Text too long'),
  sameMessage: () => new VkError(400, 'same_message', 'Message is the same'),
  sendTooFast: () => new VkError(400, 'send_too_fast', 'Sending messages too fast')
}

/** §3.2: the standard error for an HTTP status (used for injected faults and framework errors). */
export function standardErrorFor(status: number): VkError {
  switch (status) {
    case 400:
      return new VkError(400, 'invalid_param', 'Invalid request parameters')
    case 401:
      return errors.unauthorized()
    case 403:
      return errors.forbidden()
    case 404:
      return errors.notFound()
    case 422:
      return errors.unprocessable()
    case 429:
      return new VkError(429, 'ratelimit_exceeded', 'Too many requests')
    case 503:
      return new VkError(503, 'service_unavailable', 'Service temporarily unavailable')
    default:
      return status >= 500 ? new VkError(status, 'internal_server_error', 'Internal server error') : new VkError(status, 'invalid_param', 'Invalid request')
  }
}
