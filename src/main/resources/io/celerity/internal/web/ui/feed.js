// The WebSocket feed: a snapshot on every (re)connection, then each change. Reconnects with a growing pause,
// except when the server refuses the subscription (1008), which another try would not change.

import {showStatus as show} from './status.js';

/**
 * Subscribes to `path` with the filters in `query`.
 * `handlers`: onSnapshot(message), onChange(task), onRefused(reason).
 */
export function openFeed(path, query, handlers) {
  let socket;
  let stopped = false;
  let pause = 1000;
  let retry;
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const search = query.toString();
  const url = `${scheme}://${location.host}${path}${search ? '?' + search : ''}`;

  function connect() {
    show('connecting', 'Connecting…');
    socket = new WebSocket(url);
    socket.addEventListener('open', () => {
      pause = 1000;
      show('live', 'Live');
    });
    socket.addEventListener('message', event => {
      const message = JSON.parse(event.data);
      if (message.type === 'snapshot') {
        handlers.onSnapshot?.(message);
      } else if (message.type === 'change') {
        handlers.onChange?.(message.task);
      }
    });
    socket.addEventListener('close', event => {
      if (stopped) {
        return;
      }
      if (event.code === 1008) {
        show('off', 'Live updates off', event.reason);
        handlers.onRefused?.(event.reason || 'the server refused this subscription');
        return;
      }
      show('offline', 'Reconnecting…');
      retry = setTimeout(connect, pause);
      pause = Math.min(pause * 2, 30000);
    });
  }

  connect();
  return {
    close() {
      stopped = true;
      clearTimeout(retry);
      socket.close();
    },
  };
}
