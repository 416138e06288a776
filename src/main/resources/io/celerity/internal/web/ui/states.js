// Celerity's built-in states (an application may record its own, which count as running).

export const STATES = ['PENDING', 'SCHEDULED', 'QUEUED', 'STARTED', 'PROGRESS', 'RETRY',
  'SUCCESS', 'FAILURE', 'REVOKED', 'ABORTED', 'EXPIRED', 'SKIPPED'];

const TERMINAL = new Set(['SUCCESS', 'FAILURE', 'REVOKED', 'ABORTED', 'EXPIRED', 'SKIPPED']);
const WAITING = new Set(['PENDING', 'SCHEDULED', 'QUEUED', 'RETRY']);

export function isTerminal(state) {
  return TERMINAL.has(state);
}

/** The actions the API takes for a task in this state (it still decides, and may answer 409). */
export function actionsFor(state) {
  if (isTerminal(state)) {
    return state === 'SUCCESS' ? ['delete'] : ['retry', 'delete'];
  }
  return WAITING.has(state) ? ['revoke', 'abort', 'delete'] : ['terminate', 'abort', 'delete'];
}

/** The application's progress fields, `current` of `total`, when it reports both. */
export function progressOf(fields) {
  const current = Number(fields?.current);
  const total = Number(fields?.total);
  if (!Number.isFinite(current) || !Number.isFinite(total) || total <= 0
      || fields.current === null || fields.total === null) {
    return null;
  }
  return {current: Math.min(Math.max(current, 0), total), total};
}
