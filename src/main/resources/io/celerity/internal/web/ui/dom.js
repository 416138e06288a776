// Every element of the page is built here, with text as text nodes: task data never becomes markup.

const PROPERTIES = new Set(['checked', 'value', 'selected', 'disabled', 'hidden', 'indeterminate', 'open']);

/** An element with attributes (`onclick` and the like add listeners) and children (nodes or text). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (PROPERTIES.has(name)) {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : String(child));
  }
}

/** A time stamp in the reader's locale, the exact instant in its tooltip. */
export function time(instant) {
  if (!instant) {
    return h('span', {class: 'muted'}, '—');
  }
  return h('time', {datetime: instant, title: instant},
    new Date(instant).toLocaleString(undefined, {dateStyle: 'short', timeStyle: 'medium'}));
}

/** How long ago an instant was ("12 s ago"), the exact instant in its tooltip. */
export function ago(instant, now = Date.now()) {
  if (!instant) {
    return h('span', {class: 'muted'}, '—');
  }
  const seconds = Math.max(0, Math.round((now - Date.parse(instant)) / 1000));
  const text = seconds < 60 ? `${seconds} s ago` : seconds < 3600 ? `${Math.floor(seconds / 60)} min ago`
    : seconds < 86400 ? `${Math.floor(seconds / 3600)} h ago` : `${Math.floor(seconds / 86400)} d ago`;
  return h('time', {datetime: instant, title: new Date(instant).toLocaleString()}, text);
}

/** A JSON value, indented. */
export function json(value) {
  return h('pre', {class: 'json'}, value === undefined ? '—' : JSON.stringify(value, null, 2));
}

let toastTimer;

/** A message at the bottom of the screen, read out by screen readers. */
export function toast(message, kind = 'error') {
  const box = document.getElementById('toast');
  box.textContent = message;
  box.dataset.kind = kind;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.hidden = true; }, 6000);
}

/** Runs `action` once calls stop coming for `millis`. */
export function debounce(action, millis) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => action(...args), millis);
  };
}
