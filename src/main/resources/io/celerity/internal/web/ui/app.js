// The dashboard's entry: learns where the API and the feed are, then shows the page the address names.
import {createApi} from './api.js';
import {tasksPage} from './tasks.js';
import {detailPage} from './detail.js';
import {h} from './dom.js';
import {useTickets} from './feed.js';

const main = document.getElementById('main');

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
  useTickets(config.api + 'feed-tickets');
  let lastList = '#/tasks';
  const context = {api: createApi(config.api), config, main, listHash: () => lastList};
  let page = null;
  let pageKind = null;

  function route() {
    const hash = location.hash || '#/tasks';
    const detail = /^#\/tasks\/([^?]+)$/.exec(hash);
    if (detail) {
      page?.dispose();
      pageKind = 'detail';
      page = detailPage(context, decodeURIComponent(detail[1]));
      document.title = 'Task · Celerity';
      return;
    }
    const query = new URLSearchParams(hash.startsWith('#/tasks?') ? hash.slice('#/tasks?'.length) : '');
    lastList = hash.startsWith('#/tasks') ? hash : '#/tasks';
    if (pageKind === 'tasks') {
      page.update(query);
      return;
    }
    page?.dispose();
    pageKind = 'tasks';
    page = tasksPage(context, query);
    document.title = 'Tasks · Celerity';
  }

  window.addEventListener('hashchange', route);
  route();
}

start();
