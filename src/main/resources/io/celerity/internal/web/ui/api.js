// The REST API, at the base path the server gave in config.json. Errors carry the problem document's detail.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** A body of no bytes, still sent as `Content-Type: application/json`. */
const EMPTY = Symbol('empty body');

export function createApi(base) {
  async function request(method, path, body) {
    const init = {method, credentials: 'same-origin', headers: {Accept: 'application/json, application/problem+json'}};
    if (body !== undefined) {
      // actions must declare JSON, even with an empty body (docs/web.adoc)
      init.headers['Content-Type'] = 'application/json';
      init.body = body === EMPTY ? '' : JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(base + path, init);
    } catch (error) {
      throw new ApiError(0, 'The server cannot be reached');
    }
    if (response.status === 204) {
      return null;
    }
    const type = response.headers.get('Content-Type') ?? '';
    const data = type.includes('json') ? await response.json().catch(() => null) : null;
    if (!response.ok) {
      throw new ApiError(response.status, data?.detail ?? data?.title ?? `${response.status} ${response.statusText}`);
    }
    return data;
  }

  const task = id => 'tasks/' + encodeURIComponent(id);
  const schedule = name => 'schedules/' + encodeURIComponent(name);
  const deadLetter = id => 'dead-letters/' + encodeURIComponent(id);
  return {
    list: query => request('GET', 'tasks?' + query.toString()),
    counts: query => request('GET', 'task-counts?' + query.toString()),
    task: id => request('GET', task(id)),
    history: id => request('GET', task(id) + '/history'),
    workflow: id => request('GET', task(id) + '/workflow'),
    revoke: id => request('POST', task(id) + '/revoke', {}),
    terminate: id => request('POST', task(id) + '/revoke', {terminate: true}),
    abort: id => request('POST', task(id) + '/abort', {}),
    retry: id => request('POST', task(id) + '/retry', {}),
    delete: id => request('DELETE', task(id)),
    nodes: () => request('GET', 'nodes'),
    schedules: () => request('GET', 'schedules'),
    createSchedule: definition => request('POST', 'schedules', definition),
    updateSchedule: (name, definition) => request('PUT', schedule(name), definition),
    deleteSchedule: name => request('DELETE', schedule(name)),
    // these actions take an empty body, declared JSON
    enableSchedule: name => request('POST', schedule(name) + '/enable', EMPTY),
    disableSchedule: name => request('POST', schedule(name) + '/disable', EMPTY),
    runSchedule: name => request('POST', schedule(name) + '/run', EMPTY),
    queues: () => request('GET', 'queues'),
    deadLetters: (size, after) => request('GET', 'dead-letters?' + new URLSearchParams(
      after ? {size, after} : {size}).toString()),
    redrive: id => request('POST', deadLetter(id) + '/redrive', EMPTY),
    discard: id => request('DELETE', deadLetter(id)),
    stats: window => request('GET', 'stats?' + new URLSearchParams({window}).toString()),
  };
}
