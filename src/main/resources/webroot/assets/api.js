// The REST API, exactly as any client sees it. The token lives in localStorage (see docs/web-client.md).
const BASE = '/api/v10';
const TOKEN_KEY = 'parley.token';

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || `HTTP ${status}`);
    this.status = status;
    this.code = body?.code || 'HTTP_' + status;
    this.errors = Array.isArray(body?.errors) ? body.errors : [];
  }

  /** The message for one form field (INVALID_FORM_BODY errors[].path), if any. */
  fieldError(path) {
    return this.errors.find(e => e.path === path)?.message;
  }
}

export const session = {
  get token() { return localStorage.getItem(TOKEN_KEY); },
  set token(value) {
    if (value) localStorage.setItem(TOKEN_KEY, value);
    else localStorage.removeItem(TOKEN_KEY);
  },
};

export async function api(method, path, body, retried = false) {
  const headers = {};
  if (session.token) headers.Authorization = session.token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(BASE + path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit',
  });
  if (response.status === 204) return null;
  const json = await response.json().catch(() => null);
  if (response.status === 429 && !retried && json?.retry_after !== undefined) {
    await new Promise(resolve => setTimeout(resolve, Math.min(json.retry_after, 10) * 1000));
    return api(method, path, body, true);
  }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

export const get = path => api('GET', path);
export const post = (path, body = {}) => api('POST', path, body);
export const patch = (path, body) => api('PATCH', path, body);
export const put = (path, body) => api('PUT', path, body);
export const del = path => api('DELETE', path);
