// One task: its columns, fields, arguments, result, error, history and workflow, and the actions its state allows.
import {h, time, json, toast, debounce} from './dom.js';
import {actionsFor} from './states.js';
import {badge, progress} from './widgets.js';
import {openFeed} from './feed.js';
import {confirmAction, showSummary, runOnAll, LABELS} from './actions.js';

export function detailPage({api, config, main, listHash}, id) {
  let feed = null;
  let feedKey = null;
  let loads = 0;
  let deleted = false;

  const body = h('div', {class: 'detail-body'}, h('p', {class: 'loading'}, 'Loading…'));
  main.replaceChildren(h('section', {class: 'page', 'aria-labelledby': 'task-title'},
    h('a', {class: 'back', href: listHash()}, '← Tasks'), body));

  async function load() {
    const mine = ++loads;
    try {
      const task = await api.task(id);
      const [history, workflow] = await Promise.all([api.history(id),
        task.workflow ? api.workflow(id) : Promise.resolve(null)]);
      if (mine === loads) {
        render(task, history, workflow);
        listen(task);
      }
    } catch (error) {
      if (mine !== loads) {
        return;
      }
      body.replaceChildren(h('h1', {id: 'task-title'}, 'Task ', h('code', {}, id)),
        h('p', {class: 'table-error', role: 'alert'},
          deleted ? 'This task was deleted.' : error.status === 404 ? 'No such task, or not one of yours.'
            : error.message));
    }
  }

  function render(task, history, workflow) {
    body.replaceChildren(
      h('div', {class: 'detail-head'},
        h('div', {},
          h('h1', {id: 'task-title'}, task.name, ' ', badge(task.state)),
          h('div', {class: 'id'}, task.id)),
        h('div', {class: 'detail-actions', role: 'group', 'aria-label': 'Actions'},
          actionsFor(task.state).map(action => h('button', {type: 'button', 'data-action': action,
            class: action === 'delete' ? 'danger' : 'secondary', onclick: () => act(action, task)},
          LABELS[action])))),
      h('div', {class: 'detail-grid'},
        h('section', {class: 'card', 'aria-labelledby': 'overview-title'},
          h('h2', {id: 'overview-title'}, 'Overview'), overview(task)),
        h('section', {class: 'card', 'aria-labelledby': 'timeline-title'},
          h('h2', {id: 'timeline-title'}, 'Timeline'), timeline(history.changes))),
      h('section', {class: 'card', 'aria-labelledby': 'fields-title'},
        h('h2', {id: 'fields-title'}, 'Fields'), fields(task.fields)),
      h('div', {class: 'detail-grid'},
        h('section', {class: 'card', 'aria-labelledby': 'arguments-title'},
          h('h2', {id: 'arguments-title'}, 'Arguments'), json(task.arguments)),
        h('section', {class: 'card', 'aria-labelledby': 'result-title'},
          h('h2', {id: 'result-title'}, 'Result'), json(task.result))),
      task.error ? h('section', {class: 'card error-card', 'aria-labelledby': 'error-title'},
        h('h2', {id: 'error-title'}, 'Error'),
        h('p', {}, h('code', {}, task.error.type ?? ''), ' ', task.error.message ?? ''),
        task.error.trace ? h('details', {}, h('summary', {}, 'Stack trace'), h('pre', {class: 'trace'}, task.error.trace))
          : null) : null,
      workflow ? h('section', {class: 'card', 'aria-labelledby': 'workflow-title'},
        h('h2', {id: 'workflow-title'}, `Workflow (${workflow.total} task${workflow.total === 1 ? '' : 's'})`),
        workflowTable(workflow, task.id)) : null);
  }

  function overview(task) {
    const duration = task.startedAt && task.finishedAt
      ? `${((Date.parse(task.finishedAt) - Date.parse(task.startedAt)) / 1000).toFixed(1)} s` : null;
    const entries = [
      ['State', badge(task.state)], ['Progress', progress(task.fields)], ['Owner', task.owner],
      ['Type', task.type], ['Queue', task.queue], ['Attempt', `${task.attempt} (retries allowed: ${task.maxRetries})`],
      ['Priority', task.priority], ['Node', task.node], ['Created', time(task.createdAt)],
      ['Started', time(task.startedAt)], ['Finished', time(task.finishedAt)], ['Duration', duration],
      ['Changed', time(task.changedAt)], ['Due at', task.eta ? time(task.eta) : null],
      ['Expires', task.expiresAt ? time(task.expiresAt) : null], ['Schedule', task.schedule],
      ['Abort requested', task.abortRequested ? 'yes' : null], ['Version', task.version],
    ];
    return h('dl', {class: 'facts'}, entries.filter(([, value]) => value !== null && value !== undefined)
      .map(([name, value]) => [h('dt', {}, name), h('dd', {}, value)]));
  }

  function fields(values) {
    const entries = Object.entries(values ?? {});
    if (entries.length === 0) {
      return h('p', {class: 'muted'}, 'No fields.');
    }
    return h('dl', {class: 'facts'}, entries.map(([name, value]) =>
      [h('dt', {}, name), h('dd', {}, value === null ? '—' : typeof value === 'object' ? JSON.stringify(value)
        : String(value))]));
  }

  function timeline(changes) {
    return h('ol', {class: 'timeline'}, changes.map(change => h('li', {'data-state': change.state},
      badge(change.state), ' ', time(change.at),
      h('span', {class: 'muted'}, ` on ${change.node ?? '—'}, attempt ${change.attempt}`))));
  }

  function workflowTable(workflow, current) {
    return h('div', {class: 'table-wrap'}, h('table', {class: 'tasks workflow'},
      h('caption', {class: 'visually-hidden'}, 'Tasks of the workflow'),
      h('thead', {}, h('tr', {}, ['Task', 'State', 'After', 'Created'].map(label => h('th', {scope: 'col'}, label)))),
      h('tbody', {}, workflow.tasks.map(member => h('tr', {'data-id': member.id, 'data-state': member.state,
        'aria-current': member.id === current ? 'true' : null, class: member.id === current ? 'current' : null},
      h('td', {class: 'task'}, h('a', {href: '#/tasks/' + encodeURIComponent(member.id)}, member.name),
        h('div', {class: 'id'}, member.id)),
      h('td', {}, badge(member.state)),
      h('td', {class: 'id'}, member.workflow?.parent ?? '—'),
      h('td', {}, time(member.createdAt)))))));
  }

  async function act(action, task) {
    const chosen = await confirmAction(action, 1);
    if (!chosen) {
      return;
    }
    const result = await runOnAll(api, chosen, [task.id]);
    if (result.failed.length > 0) {
      await showSummary(chosen, result);
    } else if (chosen === 'delete') {
      location.hash = listHash();
      return;
    } else {
      toast(`${LABELS[chosen]}: done`, 'info');
    }
    load();
  }

  const reloadSoon = debounce(load, 200);

  /** Follows the task, or its whole workflow when it is in one. */
  function listen(task) {
    const query = new URLSearchParams(task.workflow ? {rootId: task.workflow.root} : {id: task.id});
    if (feed && feedKey === query.toString()) {
      return;
    }
    feed?.close();
    feedKey = query.toString();
    feed = openFeed(config.feed, query, {
      onChange: change => {
        if (change.id === id && change.state === 'DELETED') {
          deleted = true;
        }
        reloadSoon();
      },
    });
  }

  load();
  return {dispose: () => feed?.close()};
}
