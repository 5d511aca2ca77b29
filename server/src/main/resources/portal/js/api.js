// The REST client of the portal: sends the session's token as a Bearer header (never in a URL),
// turns RFC 9457 problems into readable errors, and signs the user out on any 401.

const TOKEN_KEY = 'gamingapi.token';

/** An error the API answered; `message` is readable as it is. */
export class ApiError extends Error {
  constructor(status, title, detail, fields) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.fields = fields || [];
  }
}

let onUnauthorized = () => {};

/** Called with the problem when a request is answered 401 (token revoked, expired or unknown). */
export function whenUnauthorized(callback) {
  onUnauthorized = callback;
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value) {
  if (value) {
    sessionStorage.setItem(TOKEN_KEY, value);
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}

export function headers(extra = {}) {
  return { Authorization: `Bearer ${token()}`, ...extra };
}

/** Reads a failed response into an ApiError; a 401 also signs out. */
export async function problem(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: the status says enough
  }
  const title = body?.title || `HTTP ${response.status}`;
  const detail = body?.detail || (body ? '' : response.statusText);
  const error = new ApiError(response.status, title, detail, body?.errors);
  if (response.status === 401) {
    onUnauthorized(error);
  }
  return error;
}

/** Sends a request to `/api/v1{path}`; answers the JSON body (null for 204). */
export async function request(method, path, body) {
  const init = { method, headers: headers({ Accept: 'application/json' }) };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(`/api/v1${path}`, init);
  } catch {
    throw new ApiError(0, 'Network error', 'the platform could not be reached; is it running?');
  }
  if (!response.ok) {
    throw await problem(response);
  }
  return response.status === 204 ? null : response.json();
}

export const get = (path) => request('GET', path);
export const post = (path, body) => request('POST', path, body ?? {});
export const put = (path, body) => request('PUT', path, body);
export const patch = (path, body) => request('PATCH', path, body);
export const del = (path) => request('DELETE', path);

/** Every item of a paged list (up to `max`), following next_cursor. */
export async function all(path, max = 1000) {
  const items = [];
  let cursor = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page = await get(`${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor && items.length < max);
  return items;
}

/** `segment` made safe for a path. */
export const seg = (segment) => encodeURIComponent(segment);
