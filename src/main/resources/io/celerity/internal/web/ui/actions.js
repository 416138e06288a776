// Actions on tasks: confirmed in a dialog, run one request per task, summed up in another dialog.
import {h} from './dom.js';
import {dialog} from './dialogs.js';

export const LABELS = {
  revoke: 'Revoke', terminate: 'Terminate', abort: 'Abort', retry: 'Retry', delete: 'Delete',
};

const EXPLAINED = {
  revoke: 'A task that has not started will not run.',
  terminate: 'A running task is interrupted by the node that runs it.',
  abort: 'The task is asked to stop; a running task stops at its next check.',
  retry: 'A task that ended without success runs again, as a new task.',
  delete: 'The task record is deleted (a task that has not ended is revoked and terminated first).',
};

/**
 * Asks before acting on `count` tasks. Resolves to the action to run (`revoke` may become `terminate` when the
 * reader asks to interrupt running tasks too), or null when cancelled.
 */
export function confirmAction(action, count) {
  return new Promise(resolve => {
    const terminate = h('input', {type: 'checkbox', id: 'confirm-terminate'});
    const form = h('form', {method: 'dialog'},
      h('h2', {id: 'confirm-title'}, `${LABELS[action]} ${count} task${count === 1 ? '' : 's'}?`),
      h('p', {}, EXPLAINED[action]),
      action === 'revoke'
        ? h('p', {}, terminate, ' ', h('label', {for: 'confirm-terminate'}, 'Also terminate running tasks'))
        : null,
      h('div', {class: 'dialog-buttons'},
        h('button', {type: 'submit', value: 'cancel', class: 'secondary'}, 'Cancel'),
        h('button', {type: 'submit', value: 'ok', class: action === 'delete' ? 'danger' : 'primary',
          'data-confirm': action}, LABELS[action])));
    const box = dialog('confirm-title', form);
    box.addEventListener('close', () => {
      if (box.returnValue !== 'ok') {
        resolve(null);
      } else {
        resolve(action === 'revoke' && terminate.checked ? 'terminate' : action);
      }
    });
  });
}

/** Runs `action` on every id, a few at a time; resolves to the ids that succeeded and the failures with reasons. */
export async function runOnAll(api, action, ids, onProgress) {
  const succeeded = [];
  const failed = [];
  const queue = [...ids];
  async function worker() {
    while (queue.length > 0) {
      const id = queue.shift();
      try {
        await api[action](id);
        succeeded.push(id);
      } catch (error) {
        failed.push({id, reason: error.message});
      }
      onProgress?.(succeeded.length + failed.length, ids.length);
    }
  }
  await Promise.all(Array.from({length: Math.min(4, ids.length)}, worker));
  return {succeeded, failed};
}

/** Shows what an action did: how many succeeded, and each failure with the server's reason. */
export function showSummary(action, {succeeded, failed}) {
  const list = failed.length === 0 ? null : h('ul', {class: 'failures'},
    failed.map(failure => h('li', {}, h('code', {}, failure.id), ': ', failure.reason)));
  const box = dialog('summary-title',
    h('form', {method: 'dialog'},
      h('h2', {id: 'summary-title'}, `${LABELS[action]}: done`),
      h('p', {class: 'summary', role: 'status'},
        h('strong', {class: 'ok-count'}, `${succeeded.length} succeeded`), ', ',
        h('strong', {class: failed.length ? 'failed-count bad' : 'failed-count'}, `${failed.length} failed`)),
      list,
      h('div', {class: 'dialog-buttons'}, h('button', {type: 'submit', class: 'primary'}, 'Close'))));
  return new Promise(resolve => box.addEventListener('close', resolve));
}
