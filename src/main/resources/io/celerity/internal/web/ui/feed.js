// The WebSocket feed: a snapshot on every (re)connection, then each change. Reconnects with a growing pause,
// except when the server refuses the subscription (1008), which another try would not change. Each connection
// brings a one-time ticket from the REST API, so the feed follows the API's sign-in whatever it is (a browser cannot
// put a bearer token on a handshake).

import {showStatus as show} from './status.js';

let ticketUrl = null;

/** Where tickets come from: `POST <api>/feed-tickets`. */
export function useTickets(url) {
  ticketUrl = url;
}

/** A fresh ticket, or null when none can be had (the handshake then authenticates by itself, if it can). */
async function ticket() {
  if (!ticketUrl) {
    return null;
  }
  try {
    const response = await fetch(ticketUrl, {method: 'POST', credentials: 'same-origin',
      headers: {Accept: 'application/json', 'Content-Type': 'application/json'}, body: ''});
    return response.ok ? (await response.json()).ticket : null;
  } catch (error) {
    return null;
  }
}

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
  async function connect() {
    show('connecting', 'Connecting…');
    const params = new URLSearchParams(query);
    const granted = await ticket();
    if (stopped) {
      return;
    }
    if (granted) {
      params.set('ticket', granted);
    }
    const search = params.toString();
    socket = new WebSocket(`${scheme}://${location.host}${path}${search ? '?' + search : ''}`);
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
      socket?.close();
    },
  };
}
