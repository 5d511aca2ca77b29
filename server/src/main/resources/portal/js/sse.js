// Server-sent events over fetch(): EventSource cannot send the Authorization header, and the token
// must never go into a URL. Reconnects by itself with Last-Event-ID, so no event is missed or
// repeated across a network blip or a platform restart.

import { headers, problem } from './api.js';

const MAX_BACKOFF_MS = 10000;

/**
 * Follows `url`. Calls onEvent(data, id) for each event, onState(text) when the connection changes
 * ('live', 'reconnecting', 'closed'), onError(error) for an answer that is not worth retrying.
 * `lastId` starts it after that id. Answers {close(), lastId()}.
 */
export function follow(url, { lastId = null, onEvent, onState, onError }) {
  let controller = null;
  let closed = false;
  let backoff = 500;
  let last = lastId;

  async function connect() {
    controller = new AbortController();
    const extra = { Accept: 'text/event-stream' };
    if (last !== null && last !== undefined) {
      extra['Last-Event-ID'] = String(last);
    }
    let response;
    try {
      response = await fetch(url, { headers: headers(extra), signal: controller.signal, cache: 'no-store' });
    } catch {
      return retry();
    }
    if (!response.ok) {
      const error = await problem(response);
      if (response.status >= 500 || response.status === 429) {
        return retry();
      }
      closed = true;
      onState('closed');
      onError(error);
      return;
    }
    backoff = 500;
    onState('live');
    try {
      await read(response.body);
    } catch {
      // aborted or cut off: handled below
    }
    retry();
  }

  async function read(body) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let id = null;
    let data = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let newline;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (data.length > 0) {
            if (id !== null) last = id;
            onEvent(JSON.parse(data.join('\n')), id);
          }
          id = null;
          data = [];
        } else if (line.startsWith(':')) {
          // a comment: the heartbeat
        } else {
          const colon = line.indexOf(':');
          const name = colon < 0 ? line : line.slice(0, colon);
          const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (name === 'id') id = text;
          if (name === 'data') data.push(text);
        }
      }
    }
  }

  function retry() {
    if (closed) return;
    onState('reconnecting');
    setTimeout(() => !closed && connect(), backoff);
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  }

  connect();
  return {
    close() {
      closed = true;
      controller?.abort();
    },
    lastId: () => last,
  };
}
