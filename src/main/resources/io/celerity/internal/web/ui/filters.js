// The list's state as the address keeps it (#/tasks?state=FAILURE&page=2), and the queries made from it.
import {STATES} from './states.js';

export const DEFAULT_SORT = '-createdAt';
export const DEFAULT_SIZE = 25;

/** The list's settings, read from the address's query. */
export function readView(params) {
  return {
    states: params.getAll('state').filter(state => STATES.includes(state)),
    search: params.get('q') ?? '',
    taskName: params.get('taskName') ?? '',
    filter: params.get('filter') ?? '',
    sort: params.get('sort') || DEFAULT_SORT,
    page: Math.max(0, parseInt(params.get('page') ?? '0', 10) || 0),
    size: parseInt(params.get('size') ?? '', 10) || DEFAULT_SIZE,
  };
}

/** The address's query for these settings. */
export function writeView(view) {
  const params = new URLSearchParams();
  view.states.forEach(state => params.append('state', state));
  if (view.search) params.set('q', view.search);
  if (view.taskName) params.set('taskName', view.taskName);
  if (view.filter) params.set('filter', view.filter);
  if (view.sort !== DEFAULT_SORT) params.set('sort', view.sort);
  if (view.page > 0) params.set('page', String(view.page));
  if (view.size !== DEFAULT_SIZE) params.set('size', String(view.size));
  return params;
}

/**
 * The free filter box: `column=value` pairs separated by spaces or `&` (`provider=7 createdAt.from=2026-12-01T00:00:00Z`).
 * Returns the pairs, or throws with what is wrong.
 */
export function parseFilter(text) {
  return text.split(/[\s&]+/).filter(Boolean).map(term => {
    const at = term.indexOf('=');
    if (at < 1) {
      throw new Error(`"${term}" is not column=value`);
    }
    return [term.slice(0, at), term.slice(at + 1)];
  });
}

/** The filters the feed also understands: the task name and the free pairs (never page, size, sort or state). */
export function feedQuery(view) {
  const query = new URLSearchParams();
  if (view.taskName) query.set('taskName', view.taskName);
  parseFilter(view.filter).forEach(([column, value]) => query.append(column, value));
  return query;
}

/**
 * The REST list query: the feed's filters and the search (which the feed cannot apply: a live list lists again as
 * changes come); `states` overrides the view's own (for the counts).
 */
export function listQuery(view, {states = view.states, page = view.page, size = view.size, sort = view.sort} = {}) {
  const query = feedQuery(view);
  if (view.search) query.set('q', view.search);
  states.forEach(state => query.append('state', state));
  query.set('sort', sort);
  query.set('page', String(page));
  query.set('size', String(size));
  return query;
}
