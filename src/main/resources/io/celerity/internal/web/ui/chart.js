// A line chart drawn as inline SVG through DOM calls: no library, no inline style (app.css colours the series).

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 800;
const HEIGHT = 280;
const MARGIN = {top: 14, right: 34, bottom: 44, left: 52};

/** An SVG element with presentation attributes and children (nodes or text). */
function s(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) {
      element.setAttribute(name, String(value));
    }
  }
  element.append(...children.flat().filter(child => child !== null && child !== undefined));
  return element;
}

/** The smallest of 1, 2 or 5 times a power of ten that is at least `raw`. */
function niceStep(raw) {
  const power = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  return [1, 2, 5, 10].map(factor => factor * power).find(step => step >= raw);
}

/**
 * `points`: [{at (ms), values: {key: n}}] in time order, from `from` to `to` (ms); `series`: [{key, label}].
 * `title` and `description` name the chart for screen readers (it is an image to them; give a table beside it).
 */
export function lineChart({id, title, description, points, series, from, to, yLabel, xLabel, tickEvery}) {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const highest = Math.max(1, ...points.flatMap(point => series.map(line => point.values[line.key] ?? 0)));
  const step = niceStep(highest / 4);
  const top = step * Math.ceil(highest / step);
  const x = at => MARGIN.left + plotWidth * (at - from) / Math.max(1, to - from);
  const y = value => MARGIN.top + plotHeight * (1 - value / top);

  const yTicks = [];
  for (let value = 0; value <= top; value += step) {
    yTicks.push(s('g', {class: 'tick'},
      s('line', {x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(value), y2: y(value), class: 'grid'}),
      s('text', {x: MARGIN.left - 8, y: y(value), 'text-anchor': 'end', 'dominant-baseline': 'middle'},
        String(value))));
  }
  const xTicks = [];
  const firstTick = Math.ceil(from / tickEvery) * tickEvery;
  for (let at = firstTick; at <= to; at += tickEvery) {
    xTicks.push(s('g', {class: 'tick'},
      s('line', {x1: x(at), x2: x(at), y1: MARGIN.top + plotHeight, y2: MARGIN.top + plotHeight + 5, class: 'axis'}),
      s('text', {x: x(at), y: MARGIN.top + plotHeight + 18, 'text-anchor': 'middle'},
        new Date(at).toLocaleTimeString(undefined, {hour: '2-digit', minute: '2-digit'}))));
  }
  const lines = series.map(line => s('polyline', {class: 'line', 'data-series': line.key, fill: 'none',
    points: points.map(point => `${x(point.at).toFixed(1)},${y(point.values[line.key] ?? 0).toFixed(1)}`).join(' ')},
  s('title', {}, line.label)));

  return s('svg', {class: 'chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img',
    'aria-labelledby': `${id}-title ${id}-desc`, preserveAspectRatio: 'xMidYMid meet'},
  s('title', {id: `${id}-title`}, title),
  s('desc', {id: `${id}-desc`}, description),
  yTicks, xTicks,
  s('line', {x1: MARGIN.left, x2: MARGIN.left, y1: MARGIN.top, y2: MARGIN.top + plotHeight, class: 'axis'}),
  s('line', {x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: MARGIN.top + plotHeight, y2: MARGIN.top + plotHeight,
    class: 'axis'}),
  s('text', {class: 'axis-label', x: 14, y: MARGIN.top + plotHeight / 2, 'text-anchor': 'middle',
    transform: `rotate(-90 14 ${MARGIN.top + plotHeight / 2})`}, yLabel),
  s('text', {class: 'axis-label', x: MARGIN.left + plotWidth / 2, y: HEIGHT - 6, 'text-anchor': 'middle'}, xLabel),
  lines);
}
