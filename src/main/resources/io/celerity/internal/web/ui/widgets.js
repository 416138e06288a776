// Small pieces both pages show: a state badge and a progress bar.
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
