// The indicator in the top bar: whether what the page shows follows the server (a live feed, or a refresh).

const status = document.getElementById('live');

/** `state`: connecting, live, offline or off (styled by app.css); `text` is what the reader sees. */
export function showStatus(state, text, title = '') {
  status.dataset.status = state;
  status.textContent = text;
  status.title = title;
}
