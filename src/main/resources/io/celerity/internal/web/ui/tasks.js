// The task list: filters, per-state counts, sorting, paging, selection and bulk actions, kept live by the feed.
import {h, time, toast, debounce} from './dom.js';
import {STATES} from './states.js';
import {badge, progress} from './widgets.js';
import {openFeed} from './feed.js';
import {confirmAction, runOnAll, showSummary, LABELS} from './actions.js';
import {readView, writeView, parseFilter, feedQuery, listQuery, DEFAULT_SORT} from './filters.js';

const COLUMNS = [
  {label: 'Task', sort: 'taskName'},
  {label: 'State', sort: 'state'},
  {label: 'Progress'},
  {label: 'Owner', wide: true},
  {label: 'Created', sort: 'createdAt', wide: true},
  {label: 'Changed', sort: 'changedAt', wide: true},
  {label: 'Node', wide: true},
  {label: 'Attempt', wide: true},
];

const BULK = ['revoke', 'retry', 'delete'];

export function tasksPage({api, config, main}, params) {
  let view = readView(params);
  let rows = new Map();
  let total = 0;
  let loads = 0;
  let feed = null;
  let feedKey = null;
  let allMatching = false;
  const selected = new Set();

  const sizes = [10, 25, 50, 100].filter(size => size <= config.maxPageSize);

  // ---------------------------------------------------------------- the page's parts

  const counts = new Map();
  const stateBoxes = STATES.map(state => {
    const count = h('span', {class: 'count'}, '…');
    counts.set(state, count);
    const box = h('input', {type: 'checkbox', name: 'state', value: state,
      onchange: () => go({states: checkedStates(), page: 0})});
    return h('label', {class: 'state-choice', 'data-state': state}, box, badge(state), count);
  });
  const searchInput = h('input', {id: 'filter-search', type: 'search', autocomplete: 'off', maxlength: '200',
    placeholder: 'text in the name or arguments'});
  const nameInput = h('input', {id: 'filter-name', type: 'search', autocomplete: 'off', placeholder: 'any'});
  const filterInput = h('input', {id: 'filter-fields', type: 'search', autocomplete: 'off',
    placeholder: 'provider=7 createdAt.from=2026-12-01T00:00:00Z', 'aria-describedby': 'filter-fields-help'});
  const formError = h('p', {class: 'form-error', role: 'alert'});
  const filters = h('form', {class: 'filters card', role: 'search', 'aria-label': 'Filter tasks', onsubmit: apply},
    h('fieldset', {class: 'states'}, h('legend', {}, 'State'), stateBoxes),
    h('div', {class: 'filter-row'},
      h('div', {class: 'field'}, h('label', {for: 'filter-search'}, 'Search'), searchInput),
      h('div', {class: 'field'}, h('label', {for: 'filter-name'}, 'Task name'), nameInput),
      h('div', {class: 'field grow'}, h('label', {for: 'filter-fields'}, 'Field filters'), filterInput,
        h('small', {id: 'filter-fields-help'}, 'column=value pairs separated by spaces, as the REST API takes them')),
      h('div', {class: 'field buttons'},
        h('button', {type: 'submit', class: 'primary'}, 'Apply'),
        h('button', {type: 'button', class: 'secondary', onclick: clear}, 'Clear'))),
    formError);

  const notice = h('div', {class: 'notice', role: 'status', hidden: true},
    'New tasks arrived. ', h('button', {type: 'button', class: 'link', onclick: () => load()}, 'Show them'));
  const totalText = h('span', {class: 'total', id: 'task-total'});
  const selectionInfo = h('span', {class: 'selection-info', 'aria-live': 'polite'});
  const selectAll = h('button', {type: 'button', class: 'link', hidden: true, onclick: () => {
    allMatching = true;
    renderSelection();
  }});
  const actionButtons = BULK.map(action => h('button', {type: 'button', disabled: true, 'data-action': action,
    class: action === 'delete' ? 'danger' : 'secondary', onclick: () => act(action)}, LABELS[action]));
  const toolbar = h('div', {class: 'toolbar', role: 'toolbar', 'aria-label': 'Selected tasks'},
    selectionInfo, selectAll, h('span', {class: 'spacer'}), actionButtons);

  const pageBox = h('input', {type: 'checkbox', 'aria-label': 'Select the tasks of this page', onchange: event => {
    allMatching = false;
    rows.forEach((task, id) => event.target.checked ? selected.add(id) : selected.delete(id));
    renderRows();
  }});
  const headRow = h('tr', {}, h('th', {class: 'select', scope: 'col'}, pageBox));
  const tbody = h('tbody');
  const tableError = h('p', {class: 'table-error', role: 'alert', hidden: true});
  const sizeSelect = h('select', {id: 'page-size', onchange: event => go({size: Number(event.target.value), page: 0})},
    sizes.map(size => h('option', {value: String(size)}, String(size))));
  const range = h('span', {class: 'range'});
  const previous = h('button', {type: 'button', class: 'secondary', onclick: () => go({page: view.page - 1})},
    'Previous');
  const next = h('button', {type: 'button', class: 'secondary', onclick: () => go({page: view.page + 1})}, 'Next');

  main.replaceChildren(h('section', {class: 'page', 'aria-labelledby': 'tasks-title'},
    h('div', {class: 'page-head'}, h('h1', {id: 'tasks-title'}, 'Tasks'), totalText),
    filters, notice,
    h('div', {class: 'card table-card'}, toolbar,
      h('div', {class: 'table-wrap'},
        h('table', {class: 'tasks'}, h('caption', {class: 'visually-hidden'}, 'Tasks'), h('thead', {}, headRow),
          tbody)),
      tableError,
      h('nav', {class: 'pager', 'aria-label': 'Pages'},
        h('label', {for: 'page-size'}, 'Rows per page'), sizeSelect, range, previous, next))));

  // ---------------------------------------------------------------- reading and drawing

  function go(change) {
    location.hash = '#/tasks?' + writeView({...view, ...change}).toString();
  }

  function apply(event) {
    event.preventDefault();
    try {
      parseFilter(filterInput.value);
    } catch (error) {
      formError.textContent = error.message;
      filterInput.setAttribute('aria-invalid', 'true');
      return;
    }
    go({states: checkedStates(), search: searchInput.value.trim(), taskName: nameInput.value.trim(),
      filter: filterInput.value.trim(), page: 0});
  }

  function checkedStates() {
    return stateBoxes.map(label => label.querySelector('input')).filter(box => box.checked).map(box => box.value);
  }

  function clear() {
    go({states: [], search: '', taskName: '', filter: '', page: 0});
  }

  function syncForm() {
    stateBoxes.forEach(label => {
      label.querySelector('input').checked = view.states.includes(label.dataset.state);
    });
    searchInput.value = view.search;
    nameInput.value = view.taskName;
    filterInput.value = view.filter;
    formError.textContent = '';
    filterInput.removeAttribute('aria-invalid');
    if (!sizes.includes(view.size)) {
      sizeSelect.append(h('option', {value: String(view.size)}, String(view.size)));
    }
    sizeSelect.value = String(view.size);
    headRow.replaceChildren(headRow.firstChild, ...COLUMNS.map(header));
  }

  function header(column) {
    const attributes = {scope: 'col', class: column.wide ? 'wide' : null};
    if (!column.sort || !config.sortable.includes(column.sort)) {
      return h('th', attributes, column.label);
    }
    const direction = view.sort === column.sort ? 'ascending' : view.sort === '-' + column.sort ? 'descending' : null;
    const toggled = direction === 'descending' ? column.sort : '-' + column.sort;
    return h('th', {...attributes, 'aria-sort': direction ?? 'none'},
      h('button', {type: 'button', class: 'sort', 'data-sort': column.sort, onclick: () => go({sort: toggled, page: 0})},
        column.label, h('span', {class: 'arrow', 'aria-hidden': 'true'},
          direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕')));
  }

  async function load() {
    const mine = ++loads;
    notice.hidden = true;
    try {
      const page = await api.list(listQuery(view));
      if (mine !== loads) {
        return;
      }
      tableError.hidden = true;
      rows = new Map(page.tasks.map(task => [task.id, task]));
      total = page.total;
      [...selected].filter(id => !rows.has(id)).forEach(id => selected.delete(id));
      renderRows();
    } catch (error) {
      if (mine === loads) {
        tableError.textContent = error.message;
        tableError.hidden = false;
      }
    }
  }

  function renderRows() {
    tbody.replaceChildren(...(rows.size === 0
      ? [h('tr', {}, h('td', {colspan: COLUMNS.length + 1, class: 'empty'}, 'No tasks match.'))]
      : [...rows.values()].map(row)));
    totalText.textContent = `${total} task${total === 1 ? '' : 's'}`;
    const first = total === 0 ? 0 : view.page * view.size + 1;
    range.textContent = `${first}–${view.page * view.size + rows.size} of ${total}`;
    previous.disabled = view.page === 0;
    next.disabled = (view.page + 1) * view.size >= total;
    renderSelection();
  }

  function row(task) {
    const box = h('input', {type: 'checkbox', checked: allMatching || selected.has(task.id),
      'aria-label': `Select ${task.name} ${task.id}`, onchange: event => {
        if (allMatching) {
          rows.forEach((other, id) => selected.add(id));
          allMatching = false;
        }
        event.target.checked ? selected.add(task.id) : selected.delete(task.id);
        renderSelection();
      }});
    return h('tr', {'data-id': task.id, 'data-state': task.state},
      h('td', {class: 'select'}, box),
      h('td', {class: 'task'}, h('a', {href: '#/tasks/' + encodeURIComponent(task.id)}, task.name),
        h('div', {class: 'id'}, task.id)),
      h('td', {class: 'state'}, badge(task.state)),
      h('td', {}, progress(task.fields)),
      h('td', {class: 'wide'}, task.owner ?? '—'),
      h('td', {class: 'wide'}, time(task.createdAt)),
      h('td', {class: 'wide'}, time(task.changedAt)),
      h('td', {class: 'wide'}, task.node ?? '—'),
      h('td', {class: 'wide num'}, String(task.attempt)));
  }

  function renderSelection() {
    const count = allMatching ? total : selected.size;
    const pageSelected = rows.size > 0 && [...rows.keys()].every(id => allMatching || selected.has(id));
    pageBox.checked = pageSelected;
    pageBox.indeterminate = !pageSelected && [...rows.keys()].some(id => selected.has(id));
    tbody.querySelectorAll('input[type=checkbox]').forEach(box => {
      box.checked = allMatching || selected.has(box.closest('tr').dataset.id);
    });
    selectionInfo.textContent = count === 0 ? 'Select tasks to act on them'
      : allMatching ? `All ${total} matching tasks selected` : `${count} selected`;
    selectAll.hidden = allMatching || !pageSelected || total <= rows.size;
    selectAll.textContent = `Select all ${total} matching`;
    actionButtons.forEach(button => { button.disabled = count === 0; });
  }

  // ---------------------------------------------------------------- counts per state

  const refreshCounts = debounce(async () => {
    try {
      const counted = await api.counts(listQuery(view, {states: []}));
      STATES.forEach(state => {
        counts.get(state).textContent = String(counted.states[state] ?? 0);
        counts.get(state).removeAttribute('title');
      });
    } catch (error) {
      STATES.forEach(state => {
        counts.get(state).textContent = '?';
        counts.get(state).title = error.message;
      });
    }
  }, 400);

  // ---------------------------------------------------------------- live

  const reloadSoon = debounce(load, 250);

  function listening() {
    let query;
    try {
      query = feedQuery(view);
    } catch (error) {
      query = new URLSearchParams();
    }
    if (feed && feedKey === query.toString()) {
      return;
    }
    feed?.close();
    feedKey = query.toString();
    feed = openFeed(config.feed, query, {
      onSnapshot: () => reloadSoon(),
      onChange: changed,
      onRefused: reason => {
        // a filter the feed cannot apply (a column events do not carry): follow every visible task instead
        toast(`Live updates for this filter: ${reason}. Following all your tasks instead.`, 'info');
        feedKey = '';
        feed = openFeed(config.feed, new URLSearchParams(), {onSnapshot: () => reloadSoon(), onChange: changed});
      },
    });
  }

  function changed(change) {
    refreshCounts();
    const known = rows.get(change.id);
    if (change.state === 'DELETED') {
      if (known) {
        rows.delete(change.id);
        selected.delete(change.id);
        total = Math.max(0, total - 1);
        renderRows();
      }
      return;
    }
    if (!known) {
      if (view.page === 0 && view.sort === DEFAULT_SORT) {
        reloadSoon();
      } else {
        notice.hidden = false;
      }
      return;
    }
    if (change.version < known.version) {
      return;
    }
    Object.assign(known, {state: change.state, version: change.version, changedAt: change.changedAt,
      node: change.node, fields: {...known.fields, ...change.fields}});
    tbody.querySelector(`tr[data-id="${CSS.escape(change.id)}"]`)?.replaceWith(row(known));
  }

  // ---------------------------------------------------------------- acting

  async function act(action) {
    const count = allMatching ? total : selected.size;
    const chosen = await confirmAction(action, count);
    if (!chosen) {
      return;
    }
    actionButtons.forEach(button => { button.disabled = true; });
    try {
      const ids = allMatching ? await everyMatchingId() : [...selected];
      const result = await runOnAll(api, chosen, ids, (done, all) => {
        selectionInfo.textContent = `${LABELS[chosen]}: ${done} of ${all}…`;
      });
      selected.clear();
      allMatching = false;
      await showSummary(chosen, result);
    } catch (error) {
      toast(error.message);
    }
    load();
    refreshCounts();
  }

  async function everyMatchingId() {
    const ids = [];
    for (let page = 0; ; page++) {
      const found = await api.list(listQuery(view, {page, size: config.maxPageSize}));
      ids.push(...found.tasks.map(task => task.id));
      if (found.tasks.length < config.maxPageSize || ids.length >= found.total) {
        return ids;
      }
    }
  }

  function update(params) {
    view = readView(params);
    syncForm();
    listening();
    load();
    refreshCounts();
  }

  update(params);
  return {update, dispose: () => feed?.close()};
}
