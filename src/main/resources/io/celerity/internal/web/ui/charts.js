// Throughput over the last hour or day (a line chart and the same figures as a table) and run times per task name.
import {h} from './dom.js';
import {pageError} from './widgets.js';
import {lineChart} from './chart.js';
import {poll} from './poll.js';

const SECONDS = 30;
const WINDOWS = {hour: {label: 'Last hour', tick: 10 * 60_000}, day: {label: 'Last day', tick: 3 * 3_600_000}};
const SERIES = [
  {key: 'started', label: 'Started'},
  {key: 'succeeded', label: 'Succeeded'},
  {key: 'failed', label: 'Failed'},
  {key: 'retried', label: 'Retried'},
];

export function chartsPage({api, main}, params) {
  let span = 'hour';
  let loads = 0;

  const switches = Object.entries(WINDOWS).map(([key, {label}]) => h('a', {class: 'segment', href: '#/charts?window='
    + key, 'data-window': key}, label));
  const throughput = h('div', {}, h('p', {class: 'loading'}, 'Loading…'));
  const runTimes = h('div', {});
  const content = h('div', {},
    h('section', {class: 'card', 'aria-labelledby': 'throughput-title'},
      h('h2', {id: 'throughput-title'}, 'Tasks over time'), throughput),
    h('section', {class: 'card table-card', 'aria-labelledby': 'run-times-title'},
      h('h2', {class: 'card-title', id: 'run-times-title'}, 'Run times per task'), runTimes));
  const body = h('div', {}, content);
  main.replaceChildren(h('section', {class: 'page', 'aria-labelledby': 'charts-title'},
    h('div', {class: 'page-head'}, h('h1', {id: 'charts-title'}, 'Charts'),
      h('nav', {class: 'segments', 'aria-label': 'Time window'}, switches)),
    body));

  async function load() {
    const mine = ++loads;
    let stats;
    try {
      stats = await api.stats(span);
    } catch (error) {
      if (mine === loads) {
        body.replaceChildren(pageError(error));
        if (error.status === 403) {
          poller.stop();
          return;
        }
      }
      throw error;
    }
    if (mine !== loads) {
      return;
    }
    if (body.firstChild !== content) {
      body.replaceChildren(content);
    }
    throughput.replaceChildren(...chart(stats));
    runTimes.replaceChildren(runTimeTable(stats.runTimes));
  }

  function chart(stats) {
    const minutes = stats.bucketSeconds / 60;
    const per = minutes === 1 ? 'minute' : `${minutes} minutes`;
    const points = buckets(stats);
    const totals = Object.fromEntries(SERIES.map(line =>
      [line.key, points.reduce((sum, point) => sum + (point.values[line.key] ?? 0), 0)]));
    const said = SERIES.map(line => `${totals[line.key]} ${line.label.toLowerCase()}`).join(', ');
    return [
      h('ul', {class: 'legend', 'aria-label': 'Legend'}, SERIES.map(line => h('li', {'data-series': line.key},
        h('span', {class: 'swatch', 'data-series': line.key, 'aria-hidden': 'true'}), line.label,
        h('span', {class: 'muted'}, ` ${totals[line.key]}`)))),
      h('div', {class: 'chart-wrap'}, lineChart({id: 'throughput-chart', points, series: SERIES,
        from: Date.parse(stats.from), to: Date.parse(stats.to),
        title: `Tasks per ${per}, ${WINDOWS[stats.window]?.label.toLowerCase() ?? stats.window}`,
        description: `Tasks started, succeeded, failed and retried per ${per}; in all: ${said}.`,
        yLabel: `tasks per ${per}`, xLabel: 'time',
        tickEvery: WINDOWS[stats.window]?.tick ?? stats.bucketSeconds * 6000})),
      h('details', {class: 'chart-table'}, h('summary', {}, 'The figures as a table'),
        h('div', {class: 'table-wrap'}, h('table', {class: 'tasks series'},
          h('caption', {class: 'visually-hidden'}, `Tasks per ${per}`),
          h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, `${per} from`),
            SERIES.map(line => h('th', {scope: 'col', class: 'num'}, line.label)))),
          h('tbody', {}, points.filter(point => SERIES.some(line => point.values[line.key]))
            .map(point => h('tr', {},
              h('th', {scope: 'row'}, h('time', {datetime: new Date(point.at).toISOString()},
                new Date(point.at).toLocaleString(undefined, {dateStyle: 'short', timeStyle: 'short'}))),
              SERIES.map(line => h('td', {class: 'num'}, String(point.values[line.key] ?? 0))))))))),
    ];
  }

  function runTimeTable(rows) {
    if (rows.length === 0) {
      return h('p', {class: 'empty-note muted'}, 'No task finished in this window.');
    }
    return h('div', {class: 'table-wrap'}, h('table', {class: 'tasks run-times'},
      h('caption', {class: 'visually-hidden'}, 'Run time percentiles per task name'),
      h('thead', {}, h('tr', {}, ['Task', 'Runs', 'p50', 'p90', 'p99', 'Max'].map((label, index) =>
        h('th', {scope: 'col', class: index > 0 ? 'num' : null}, label)))),
      h('tbody', {}, rows.map(row => h('tr', {'data-task': row.task},
        h('th', {scope: 'row'}, h('code', {}, row.task)),
        h('td', {class: 'num count'}, String(row.count)),
        [row.p50, row.p90, row.p99, row.max].map(millis => h('td', {class: 'num'}, duration(millis))))))));
  }

  function update(query) {
    span = WINDOWS[query.get('window')] ? query.get('window') : 'hour';
    switches.forEach(link => link.toggleAttribute('aria-current', false));
    switches.find(link => link.dataset.window === span).setAttribute('aria-current', 'true');
    poller?.now();
  }

  let poller = null;
  update(params);
  poller = poll(load, SECONDS);
  return {update, dispose: () => poller.stop()};
}

/** Every bucket of the window, those the server left out as zero, on the grid of the buckets it gave. */
function buckets(stats) {
  const step = stats.bucketSeconds * 1000;
  const given = new Map(stats.series.map(point => [Date.parse(point.at), point]));
  const anchor = stats.series.length > 0 ? Date.parse(stats.series[0].at) : Date.parse(stats.from);
  const from = Date.parse(stats.from);
  const to = Date.parse(stats.to);
  const first = anchor - Math.floor((anchor - from) / step) * step;
  const points = [];
  for (let at = first; at < to; at += step) {
    points.push({at, values: given.get(at) ?? {}});
  }
  return points;
}

/** Milliseconds as a reader says them: 85 ms, 1.2 s, 3.5 min. */
function duration(millis) {
  if (millis === null || millis === undefined) {
    return '—';
  }
  if (millis < 1000) {
    return `${Math.round(millis)} ms`;
  }
  return millis < 60_000 ? `${(millis / 1000).toFixed(1)} s` : `${(millis / 60_000).toFixed(1)} min`;
}
