// The dashboard's entry: learns where the API and the feed are, then shows the page the address names.
import {createApi} from './api.js';
import {tasksPage} from './tasks.js';
import {detailPage} from './detail.js';
import {nodesPage} from './nodes.js';
import {schedulesPage} from './schedules.js';
import {queuesPage} from './queues.js';
import {chartsPage} from './charts.js';
import {h} from './dom.js';
import {useTickets} from './feed.js';

const main = document.getElementById('main');

/** The pages by the first part of the address; `admin`: only admins see its link, as only they may use its API. */
const PAGES = [
  {kind: 'tasks', label: 'Tasks', open: tasksPage},
  {kind: 'nodes', label: 'Nodes', open: nodesPage, admin: true},
  {kind: 'queues', label: 'Queues', open: queuesPage, admin: true},
  {kind: 'schedules', label: 'Schedules', open: schedulesPage, admin: true},
  {kind: 'charts', label: 'Charts', open: chartsPage, admin: true},
];

async function start() {
  const response = await fetch('config.json', {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    main.replaceChildren(h('p', {class: 'table-error', role: 'alert'},
      `The dashboard cannot start: ${response.status} ${response.statusText}`));
    return;
  }
  const config = await response.json();
  document.getElementById('whoami').textContent = config.open ? 'open mode: everyone is an admin'
    : `${config.user}${config.admin ? ' · admin' : ''}`;
  const links = PAGES.filter(page => config.admin || !page.admin)
    .map(page => h('a', {href: '#/' + page.kind, 'data-page': page.kind}, page.label));
  document.getElementById('nav').replaceChildren(...links);
  useTickets(config.api + 'feed-tickets');
  let lastList = '#/tasks';
  const context = {api: createApi(config.api), config, main, listHash: () => lastList};
  let page = null;
  let pageKind = null;

  function show(kind, title, open, query) {
    const section = kind === 'detail' ? 'tasks' : kind;
    links.forEach(link => link.toggleAttribute('aria-current', false));
    links.find(link => link.dataset.page === section)?.setAttribute('aria-current', 'page');
    document.title = `${title} · Celerity`;
    if (kind === pageKind && page.update) {
      page.update(query);
      return;
    }
    page?.dispose();
    pageKind = kind;
    page = open(context, query);
  }

  function route() {
    const hash = location.hash || '#/tasks';
    const detail = /^#\/tasks\/([^?]+)$/.exec(hash);
    if (detail) {
      show('detail', 'Task', detailPage, decodeURIComponent(detail[1]));
      return;
    }
    const [path, search] = hash.slice(2).split(/\?(.*)/s);
    const known = PAGES.find(candidate => candidate.kind === path) ?? PAGES[0];
    if (known.kind === 'tasks') {
      lastList = hash.startsWith('#/tasks') ? hash : '#/tasks';
    }
    show(known.kind, known.label, known.open, new URLSearchParams(search ?? ''));
  }

  window.addEventListener('hashchange', route);
  route();
}

start();
