/**
 * Notifications: rules that turn events into Discord messages or signed webhooks, delivered with
 * retries and backoff, rate-limited, paused when an endpoint keeps failing, and guarded against
 * requests to private networks.
 */
package dev.gamingapi.server.notify;
