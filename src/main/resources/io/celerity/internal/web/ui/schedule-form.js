// The form of a schedule, in a dialog: every property `PUT schedules/{name}` takes. The server checks the
// definition; its problem's detail is shown in the form, which stays open until a save succeeds.
import {h} from './dom.js';
import {dialog} from './dialogs.js';

const TIMINGS = {
  cron: {label: 'Cron expression', placeholder: '0 30 2 * * *'},
  every: {label: 'Interval', placeholder: '30s, 15m or PT1H30M'},
  at: {label: 'Instant', placeholder: '2027-01-01T00:00:00Z'},
};

/**
 * Opens the form for `schedule` (or an empty one to create a schedule, when null). `save(definition)` sends it and
 * throws the API's error when the server refuses; the form resolves to the saved schedule, or null when cancelled.
 */
export function editSchedule(schedule, save) {
  const creating = schedule === null;
  const current = schedule ?? {zone: 'UTC', arguments: [], fields: {}, missed: 'RUN_ONCE', enabled: true};
  const kind = Object.keys(TIMINGS).find(key => current[key]) ?? 'every';

  const input = (name, attributes = {}) => h('input', {id: 'schedule-' + name, name, autocomplete: 'off',
    ...attributes});
  const name = input('name', {value: current.name ?? '', required: true, readonly: !creating});
  const task = input('task', {value: current.task ?? '', required: true});
  const timing = h('select', {id: 'schedule-timing', name: 'timing', onchange: relabel},
    Object.keys(TIMINGS).map(key => h('option', {value: key, selected: key === kind}, key)));
  const when = input('when', {value: current[kind] ?? '', required: true});
  const whenLabel = h('label', {for: 'schedule-when'});
  const zone = input('zone', {value: current.zone ?? 'UTC'});
  const args = h('textarea', {id: 'schedule-arguments', name: 'arguments', rows: 2, spellcheck: 'false',
    value: JSON.stringify(current.arguments ?? [])});
  const fields = h('textarea', {id: 'schedule-fields', name: 'fields', rows: 2, spellcheck: 'false',
    value: JSON.stringify(current.fields ?? {})});
  const priority = input('priority', {type: 'number', min: 0, max: 9, value: current.priority ?? '',
    placeholder: "the task's"});
  const expires = input('expires', {value: current.expires ?? '', placeholder: "the task's, or PT10M"});
  const missed = h('select', {id: 'schedule-missed', name: 'missed'},
    ['RUN_ONCE', 'SKIP'].map(value => h('option', {value, selected: value === current.missed}, value)));
  const enabled = input('enabled', {type: 'checkbox', checked: current.enabled !== false});
  const problem = h('p', {class: 'form-error', role: 'alert', id: 'schedule-problem'});
  const saveButton = h('button', {type: 'submit', class: 'primary', 'data-confirm': 'save'}, 'Save');

  function relabel() {
    whenLabel.textContent = TIMINGS[timing.value].label;
    when.placeholder = TIMINGS[timing.value].placeholder;
  }
  relabel();

  const field = (label, control, help) => h('div', {class: 'field'},
    h('label', {for: control.id}, label), control, help ? h('small', {}, help) : null);
  const form = h('form', {class: 'schedule-form', novalidate: true},
    h('h2', {id: 'schedule-form-title'}, creating ? 'New schedule' : `Edit ${current.name}`),
    h('div', {class: 'form-grid'},
      field('Name', name), field('Task', task, 'the name of a @BackgroundTask'),
      field('Timing', timing), h('div', {class: 'field'}, whenLabel, when),
      field('Time zone', zone, 'applies to cron'), field('Missed runs', missed),
      field('Priority', priority, '0 to 9'), field('Expires after', expires),
      h('div', {class: 'field wide-field'}, h('label', {for: 'schedule-arguments'}, 'Arguments'), args,
        h('small', {}, 'a JSON array, one value per parameter: [4, 5]')),
      h('div', {class: 'field wide-field'}, h('label', {for: 'schedule-fields'}, 'Fields'), fields,
        h('small', {}, 'a JSON object of the entity fields of every run: {"provider": 1}')),
      h('div', {class: 'field check'}, enabled, h('label', {for: 'schedule-enabled'}, 'Enabled'))),
    problem,
    h('div', {class: 'dialog-buttons'},
      h('button', {type: 'button', class: 'secondary', onclick: () => box.close()}, 'Cancel'), saveButton));
  const box = dialog('schedule-form-title', form);
  box.classList.add('wide-dialog');

  return new Promise(resolve => {
    box.addEventListener('close', () => resolve(null));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const definition = read();
      if (!definition) {
        return;
      }
      saveButton.disabled = true;
      try {
        const saved = await save(definition);
        resolve(saved);
        box.close();
      } catch (error) {
        problem.textContent = error.message;
      } finally {
        saveButton.disabled = false;
      }
    });
  });

  /** The definition the form holds, or null (and the reason shown) when a JSON box is not JSON. */
  function read() {
    problem.textContent = '';
    const parsed = {};
    for (const [box, label] of [[args, 'Arguments'], [fields, 'Fields']]) {
      box.removeAttribute('aria-invalid');
      try {
        parsed[box.name] = JSON.parse(box.value.trim() || (box === args ? '[]' : '{}'));
      } catch (error) {
        box.setAttribute('aria-invalid', 'true');
        problem.textContent = `${label}: not JSON (${error.message})`;
        box.focus();
        return null;
      }
    }
    const definition = {name: name.value.trim(), task: task.value.trim(), [timing.value]: when.value.trim(),
      zone: zone.value.trim() || 'UTC', arguments: parsed.arguments, fields: parsed.fields, missed: missed.value,
      enabled: enabled.checked};
    if (priority.value.trim() !== '') {
      definition.priority = Number(priority.value);
    }
    if (expires.value.trim() !== '') {
      definition.expires = expires.value.trim();
    }
    return definition;
  }
}
