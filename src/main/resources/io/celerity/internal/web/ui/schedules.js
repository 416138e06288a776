// Schedules (periodic tasks): their timing, state and runs; enable or disable, run now, edit, create, delete.
import {h, time, toast} from './dom.js';
import {pageError} from './widgets.js';
import {confirmDialog} from './dialogs.js';
import {editSchedule} from './schedule-form.js';
import {poll} from './poll.js';

const SECONDS = 30;
// on a phone the columns marked wide are hidden: name, timing, switch, next run and actions remain
const COLUMNS = [{label: 'Name'}, {label: 'Task', wide: true}, {label: 'Timing'}, {label: 'Enabled'},
  {label: 'Next run'}, {label: 'Last run', wide: true}, {label: 'Runs', wide: true}, {label: 'Actions'}];

export function schedulesPage({api, main}) {
  const total = h('span', {class: 'total', id: 'schedule-total'});
  const result = h('div', {class: 'notice', role: 'status', hidden: true});
  const tbody = h('tbody');
  const body = h('div', {class: 'card table-card'},
    h('div', {class: 'toolbar'}, h('span', {class: 'spacer'}),
    h('button', {type: 'button', class: 'primary', 'data-action': 'create', onclick: create}, 'New schedule')),
    h('div', {class: 'table-wrap'}, h('table', {class: 'tasks schedules'},
      h('caption', {class: 'visually-hidden'}, 'Schedules'),
      h('thead', {}, h('tr', {}, COLUMNS.map(column => h('th', {scope: 'col', class: column.wide ? 'wide' : null},
        column.label)))), tbody)));
  const content = h('div', {}, h('p', {class: 'loading'}, 'Loading…'));
  main.replaceChildren(h('section', {class: 'page', 'aria-labelledby': 'schedules-title'},
    h('div', {class: 'page-head'}, h('h1', {id: 'schedules-title'}, 'Schedules'), total), result, content));

  async function load() {
    let listing;
    try {
      listing = await api.schedules();
    } catch (error) {
      content.replaceChildren(pageError(error));
      if (error.status === 403) {
        poller.stop();
        return;
      }
      throw error;
    }
    const schedules = listing.schedules;
    total.textContent = `${schedules.length} schedule${schedules.length === 1 ? '' : 's'}`;
    tbody.replaceChildren(...(schedules.length === 0
      ? [h('tr', {}, h('td', {colspan: COLUMNS.length, class: 'empty'}, 'No schedules yet.'))]
      : schedules.map(row)));
    if (content.firstChild !== body) {
      content.replaceChildren(body);
    }
  }

  function row(schedule) {
    const toggle = h('input', {type: 'checkbox', role: 'switch', class: 'switch', checked: schedule.enabled,
      'aria-label': `${schedule.name} enabled`, onchange: event => enable(schedule, event.target)});
    return h('tr', {'data-name': schedule.name, 'data-enabled': String(schedule.enabled)},
      h('td', {class: 'task'}, h('strong', {}, schedule.name),
        schedule.declared ? h('div', {class: 'id', title: 'declared with @Periodic'}, '@Periodic') : null),
      h('td', {class: 'wide'}, h('code', {}, schedule.task)),
      h('td', {class: 'timing'}, timing(schedule)),
      h('td', {}, toggle),
      h('td', {class: 'next'}, time(schedule.nextRunAt)),
      h('td', {class: 'last wide'}, schedule.lastTaskId
        ? h('a', {href: '#/tasks/' + encodeURIComponent(schedule.lastTaskId)}, time(schedule.lastRunAt))
        : time(schedule.lastRunAt)),
      h('td', {class: 'num runs wide'}, String(schedule.runCount)),
      h('td', {}, h('div', {class: 'row-actions'},
        h('button', {type: 'button', class: 'secondary', 'data-action': 'run', onclick: () => run(schedule)},
          'Run now'),
        h('button', {type: 'button', class: 'secondary', 'data-action': 'edit', onclick: () => edit(schedule)},
          'Edit'),
        h('button', {type: 'button', class: 'danger', 'data-action': 'delete', onclick: () => remove(schedule)},
          'Delete'))));
  }

  async function enable(schedule, box) {
    box.disabled = true;
    try {
      await (box.checked ? api.enableSchedule(schedule.name) : api.disableSchedule(schedule.name));
      toast(`${schedule.name}: ${box.checked ? 'enabled' : 'disabled'}`, 'info');
    } catch (error) {
      box.checked = !box.checked;
      toast(`${schedule.name}: ${error.message}`);
    }
    poller.now();
  }

  async function run(schedule) {
    try {
      const task = await api.runSchedule(schedule.name);
      result.replaceChildren(`${schedule.name} started a run: `,
        h('a', {href: '#/tasks/' + encodeURIComponent(task.id), 'data-id': task.id}, `${task.name} ${task.id}`));
      result.hidden = false;
      toast(`${schedule.name}: run started`, 'info');
    } catch (error) {
      toast(`${schedule.name}: ${error.message}`);
    }
    poller.now();
  }

  async function edit(schedule) {
    if (await editSchedule(schedule, definition => api.updateSchedule(schedule.name, definition))) {
      toast(`${schedule.name}: saved`, 'info');
      poller.now();
    }
  }

  async function create() {
    const created = await editSchedule(null, definition => api.createSchedule(definition));
    if (created) {
      toast(`${created.name}: created`, 'info');
      poller.now();
    }
  }

  async function remove(schedule) {
    const confirmed = await confirmDialog({title: `Delete ${schedule.name}?`, action: 'delete', label: 'Delete',
      danger: true, text: 'The schedule stops and its definition is deleted; its past runs stay.'
        + (schedule.declared ? ' Declared with @Periodic, it comes back at the next deployment.' : '')});
    if (!confirmed) {
      return;
    }
    try {
      await api.deleteSchedule(schedule.name);
      toast(`${schedule.name}: deleted`, 'info');
    } catch (error) {
      toast(`${schedule.name}: ${error.message}`);
    }
    poller.now();
  }

  const poller = poll(load, SECONDS);
  return {dispose: () => poller.stop()};
}

/** "every 30 s", "cron 0 30 2 * * * (Europe/Berlin)" or "once at …". */
function timing(schedule) {
  if (schedule.cron) {
    return [h('code', {}, schedule.cron), schedule.zone && schedule.zone !== 'UTC'
      ? h('span', {class: 'muted'}, ` (${schedule.zone})`) : null];
  }
  if (schedule.every) {
    return `every ${duration(schedule.every)}`;
  }
  return schedule.at ? ['once at ', time(schedule.at)] : '—';
}

/** An ISO-8601 duration (PT1H30M) as a reader says it (1 h 30 min). */
function duration(iso) {
  const parts = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(iso);
  if (!parts) {
    return iso;
  }
  const units = ['d', 'h', 'min', 's'];
  const said = parts.slice(1).map((value, index) => value && Number(value) !== 0 ? `${value} ${units[index]}` : null)
    .filter(Boolean);
  return said.length ? said.join(' ') : '0 s';
}
