// The nodes that run workers: heartbeat, workers per queue and the tasks each runs now, asked for every 5 s.
import {h, time, ago} from './dom.js';
import {badge, pageError, figure} from './widgets.js';
import {poll} from './poll.js';

const SECONDS = 5;

export function nodesPage({api, main}) {
  const total = h('span', {class: 'total', id: 'node-total'});
  const body = h('div', {class: 'nodes'}, h('p', {class: 'loading'}, 'Loading…'));
  main.replaceChildren(h('section', {class: 'page', 'aria-labelledby': 'nodes-title'},
    h('div', {class: 'page-head'}, h('h1', {id: 'nodes-title'}, 'Nodes'), total),
    h('p', {class: 'muted intro'}, 'Every node that runs workers, as it reported itself at its last heartbeat.'),
    body));

  async function load() {
    let listing;
    try {
      listing = await api.nodes();
    } catch (error) {
      body.replaceChildren(pageError(error));
      if (error.status === 403) {
        poller.stop();
        return;
      }
      throw error;
    }
    const now = Date.now();
    total.textContent = `${listing.nodes.length} node${listing.nodes.length === 1 ? '' : 's'}`;
    body.replaceChildren(...(listing.nodes.length === 0
      ? [h('p', {class: 'card muted'}, 'No node runs workers.')]
      : listing.nodes.map(node => card(node, now))));
  }

  function card(node, now) {
    const id = 'node-' + node.runner;
    return h('section', {class: `card node${node.lost ? ' lost' : ''}`, 'data-node': node.name,
      'data-lost': String(node.lost), 'aria-labelledby': id},
    h('h2', {id}, node.name, ' ', node.lost
      ? h('span', {class: 'badge state-failure', title: 'No heartbeat for a lease: the node died or stalled'}, 'lost')
      : h('span', {class: 'badge state-success'}, 'alive')),
    h('dl', {class: 'facts inline'},
      h('dt', {}, 'Last heartbeat'), h('dd', {class: 'heartbeat'}, ago(node.heartbeatAt, now)),
      h('dt', {}, 'Started'), h('dd', {}, time(node.startedAt)),
      h('dt', {}, 'Version'), h('dd', {}, node.version),
      h('dt', {}, 'Runner'), h('dd', {class: 'id'}, node.runner)),
    h('div', {class: 'node-grid'}, workers(node), running(node)));
  }

  function workers(node) {
    const queues = Object.entries(node.workers ?? {});
    return h('div', {},
      h('h3', {}, 'Workers'),
      queues.length === 0 ? h('p', {class: 'muted'}, 'No workers.') : h('div', {class: 'table-wrap'},
        h('table', {class: 'tasks workers'},
          h('caption', {class: 'visually-hidden'}, `Workers of ${node.name} per queue`),
          h('thead', {}, h('tr', {}, ['Queue', 'Busy', 'Concurrency'].map(label => h('th', {scope: 'col'}, label)))),
          h('tbody', {}, queues.map(([queue, lane]) => h('tr', {'data-queue': queue},
            h('td', {}, h('code', {}, queue)),
            h('td', {class: 'num busy'}, busy(lane)),
            h('td', {class: 'num'}, figure(lane.concurrency))))))));
  }

  function busy(lane) {
    if (!lane.concurrency) {
      return String(lane.busy);
    }
    return h('span', {class: 'progress'},
      h('progress', {max: lane.concurrency, value: Math.min(lane.busy, lane.concurrency),
        'aria-label': `${lane.busy} of ${lane.concurrency} workers busy`}),
      h('span', {class: 'progress-text'}, String(lane.busy)));
  }

  function running(node) {
    return h('div', {},
      h('h3', {}, `Running now (${node.running.length})`),
      node.running.length === 0 ? h('p', {class: 'muted'}, 'Nothing runs here now.') : h('div', {class: 'table-wrap'},
        h('table', {class: 'tasks running'},
          h('caption', {class: 'visually-hidden'}, `Tasks ${node.name} runs now`),
          h('thead', {}, h('tr', {}, ['Task', 'State', 'Started', 'Attempt'].map(label =>
            h('th', {scope: 'col'}, label)))),
          h('tbody', {}, node.running.map(task => h('tr', {'data-id': task.id, 'data-state': task.state},
            h('td', {class: 'task'}, h('a', {href: '#/tasks/' + encodeURIComponent(task.id)}, task.name),
              h('div', {class: 'id'}, task.id)),
            h('td', {}, badge(task.state)),
            h('td', {}, ago(task.startedAt)),
            h('td', {class: 'num'}, String(task.attempt))))))));
  }

  const poller = poll(load, SECONDS);
  return {dispose: () => poller.stop()};
}
