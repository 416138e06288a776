// Small pieces the pages share: a state badge, a progress bar, an error in the page.
import {h} from './dom.js';
import {STATES, progressOf} from './states.js';

export function badge(state) {
  const known = STATES.includes(state) ? state.toLowerCase() : 'custom';
  return h('span', {class: `badge state-${known}`}, state ?? '?');
}

/** A bar from the application's `current`/`total` fields, or a dash when it reports no progress. */
export function progress(fields) {
  const value = progressOf(fields);
  if (!value) {
    return h('span', {class: 'muted'}, '—');
  }
  const percent = Math.round(100 * value.current / value.total);
  return h('span', {class: 'progress'},
    h('progress', {max: value.total, value: value.current,
      'aria-label': `Progress: ${value.current} of ${value.total}`}),
    h('span', {class: 'progress-text'}, `${percent}%`));
}

/** An API error in the page, read out at once; a 403 says what the reader lacks rather than the server's words. */
export function pageError(error) {
  return h('p', {class: 'page-error', role: 'alert', 'data-status': error.status},
    error.status === 403 ? 'The admin role is needed to see this page. Ask an administrator for it.'
      : error.message);
}

/** A count the server may not know: a dash for null. */
export function figure(value) {
  return value === null || value === undefined ? h('span', {class: 'muted', title: 'not known'}, '—') : String(value);
}
