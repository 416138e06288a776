// The broker's queues beside the database's count of their tasks, and the dead letters: re-drive or discard them.
import {h, time, toast} from './dom.js';
import {badge, pageError, figure} from './widgets.js';
import {confirmDialog} from './dialogs.js';
import {poll} from './poll.js';

const SECONDS = 5;
const PAGE = 50;

export function queuesPage({api, main}) {
  // the dead letters' pages: the cursor (`after`) of each page read so far; the first page has none
  const cursors = [null];
  let next = null;

  const notice = h('div', {class: 'notice warning', role: 'alert', hidden: true});
  const result = h('div', {class: 'notice', role: 'status', hidden: true});
  const queueRows = h('tbody');
  const letterRows = h('tbody');
  const letterTotal = h('span', {class: 'total', id: 'dead-letter-total'});
  const previous = h('button', {type: 'button', class: 'secondary', onclick: () => turn(-1)}, 'Previous');
  const following = h('button', {type: 'button', class: 'secondary', onclick: () => turn(1)}, 'Next');
  const queuesCard = h('section', {class: 'card table-card', 'aria-labelledby': 'queue-table-title'},
    h('h2', {class: 'card-title', id: 'queue-table-title'}, 'Queues'),
    h('div', {class: 'table-wrap'}, h('table', {class: 'tasks queues'},
      h('caption', {class: 'visually-hidden'}, 'Queues: messages in the broker, tasks in the database'),
      h('thead', {},
        h('tr', {}, h('th', {scope: 'col', rowspan: 2}, 'Queue'),
          h('th', {scope: 'colgroup', colspan: 4, class: 'group'}, 'Broker'),
          h('th', {scope: 'colgroup', colspan: 3, class: 'group'}, 'Tasks')),
        h('tr', {}, ['Messages', 'Scheduled', 'Delivering', 'Consumers', 'Waiting', 'Scheduled', 'Running']
          .map(label => h('th', {scope: 'col', class: 'num'}, label)))),
      queueRows)));
  const lettersCard = h('section', {class: 'card table-card', 'aria-labelledby': 'dead-letters-title'},
    h('h2', {class: 'card-title', id: 'dead-letters-title'}, 'Dead letters ', letterTotal),
    h('div', {class: 'table-wrap'}, h('table', {class: 'tasks dead-letters'},
      h('caption', {class: 'visually-hidden'}, 'Dead letters'),
      h('thead', {}, h('tr', {}, ['Task', 'State', 'Reason', 'Dead-lettered', 'Actions']
        .map(label => h('th', {scope: 'col', class: label === 'Dead-lettered' ? 'wide' : null}, label)))),
      letterRows)),
    h('nav', {class: 'pager', 'aria-label': 'Dead letter pages'}, previous, following));
  const content = h('div', {}, h('p', {class: 'loading'}, 'Loading…'));
  main.replaceChildren(h('section', {class: 'page', 'aria-labelledby': 'queues-title'},
    h('div', {class: 'page-head'}, h('h1', {id: 'queues-title'}, 'Queues')), notice, result, content));

  async function load() {
    let queues;
    let letters;
    try {
      [queues, letters] = await Promise.all([api.queues(), api.deadLetters(PAGE, cursors.at(-1))]);
    } catch (error) {
      content.replaceChildren(pageError(error));
      if (error.status === 403) {
        poller.stop();
        return;
      }
      throw error;
    }
    notice.hidden = queues.broker.readable;
    notice.textContent = queues.broker.readable ? ''
      : `The broker cannot be read${queues.broker.problem ? ': ' + queues.broker.problem : ''}. `
        + 'Its figures show as —; the task counts come from the database.';
    queueRows.replaceChildren(...(queues.queues.length === 0
      ? [h('tr', {}, h('td', {colspan: 8, class: 'empty'}, 'No queues.'))] : queues.queues.map(queueRow)));
    const total = queues.deadLetters?.messages;
    letterTotal.textContent = total === null || total === undefined ? '' : `(${total})`;
    next = letters.next ?? null;
    letterRows.replaceChildren(...(letters.deadLetters.length === 0
      ? [h('tr', {}, h('td', {colspan: 5, class: 'empty'}, 'No dead letters.'))]
      : letters.deadLetters.map(letterRow)));
    previous.disabled = cursors.length === 1;
    following.disabled = next === null;
    if (content.firstChild !== queuesCard) {
      content.replaceChildren(queuesCard, lettersCard);
    }
  }

  function queueRow(queue) {
    return h('tr', {'data-queue': queue.name},
      h('td', {}, h('code', {}, queue.name)),
      ['messages', 'scheduled', 'delivering', 'consumers'].map(key =>
        h('td', {class: `num ${key}`}, figure(queue[key]))),
      ['waiting', 'scheduled', 'running'].map(key =>
        h('td', {class: `num tasks-${key}`}, figure(queue.tasks?.[key]))));
  }

  function letterRow(letter) {
    return h('tr', {'data-id': letter.id, 'data-task': letter.taskId ?? ''},
      h('td', {class: 'task'}, letter.taskId
        ? h('a', {href: '#/tasks/' + encodeURIComponent(letter.taskId)}, letter.taskName ?? letter.taskId)
        : h('span', {class: 'muted'}, 'no task'),
      h('div', {class: 'id'}, letter.taskId ?? letter.id)),
      h('td', {}, letter.taskState ? badge(letter.taskState) : h('span', {class: 'muted'}, '—')),
      h('td', {class: 'reason'}, letter.reason ?? '—'),
      h('td', {class: 'wide'}, time(letter.deadLetteredAt)),
      h('td', {}, h('div', {class: 'row-actions'},
        h('button', {type: 'button', class: 'secondary', 'data-action': 'redrive', onclick: () => redrive(letter)},
          'Re-drive'),
        h('button', {type: 'button', class: 'danger', 'data-action': 'discard', onclick: () => discard(letter)},
          'Discard'))));
  }

  async function redrive(letter) {
    const confirmed = await confirmDialog({title: 'Re-drive this dead letter?', action: 'redrive', label: 'Re-drive',
      text: `${letter.taskName ?? 'Its task'} runs again as a new task, with the same arguments, fields and owner; `
        + 'the dead letter is removed.'});
    if (!confirmed) {
      return;
    }
    try {
      const done = await api.redrive(letter.id);
      result.replaceChildren('Re-driven as a new task: ', h('a', {href: '#/tasks/' + encodeURIComponent(done.task.id),
        'data-id': done.task.id}, `${done.task.name} ${done.task.id}`));
      result.hidden = false;
      toast('Re-driven as a new task', 'info');
    } catch (error) {
      toast(`Re-drive: ${error.message}`);
    }
    poller.now();
  }

  async function discard(letter) {
    const confirmed = await confirmDialog({title: 'Discard this dead letter?', action: 'discard', label: 'Discard',
      danger: true, text: 'The message is deleted from the dead-letter queue for good; its task record stays.'});
    if (!confirmed) {
      return;
    }
    try {
      await api.discard(letter.id);
      toast('Dead letter discarded', 'info');
    } catch (error) {
      toast(`Discard: ${error.message}`);
    }
    poller.now();
  }

  function turn(step) {
    if (step > 0 && next) {
      cursors.push(next);
    } else if (step < 0 && cursors.length > 1) {
      cursors.pop();
    }
    poller.now();
  }

  const poller = poll(load, SECONDS);
  return {dispose: () => poller.stop()};
}
