// Pages the feed does not cover (nodes, queues, charts) ask the server again at a fixed pace while they are shown.
import {showStatus} from './status.js';

/**
 * Runs `load` now and `seconds` after each run ends (never two at once), until stopped. While the tab is hidden it
 * waits, and loads at once when the tab shows again. `load` throws to report the server unreachable.
 */
export function poll(load, seconds) {
  let timer = null;
  let running = false;
  let again = false;
  let stopped = false;

  async function run() {
    clearTimeout(timer);
    if (running || stopped) {
      // asked during a run (after an action): run once more when it ends, to show the action's effect
      again = running;
      return;
    }
    running = true;
    again = false;
    try {
      await load();
      if (!stopped) {
        showStatus('live', `Updated every ${seconds} s`, `Refreshed at ${new Date().toLocaleTimeString()}`);
      }
    } catch (error) {
      showStatus('offline', 'Retrying…', error.message);
    } finally {
      running = false;
    }
    if (again) {
      run();
    } else if (!stopped && !document.hidden) {
      timer = setTimeout(run, seconds * 1000);
    }
  }

  function visibility() {
    if (!document.hidden) {
      run();
    }
  }

  document.addEventListener('visibilitychange', visibility);
  showStatus('connecting', 'Loading…');
  run();
  return {
    now: run,
    stop() {
      stopped = true;
      clearTimeout(timer);
      showStatus('off', 'Not updated');
      document.removeEventListener('visibilitychange', visibility);
    },
  };
}
