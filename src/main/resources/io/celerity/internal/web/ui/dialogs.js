// Modal dialogs: a frame that removes itself when closed, and a plain "are you sure" question.
import {h} from './dom.js';

/** Shows `content` in a modal dialog labelled by the element with id `labelId`. */
export function dialog(labelId, ...content) {
  const box = h('dialog', {class: 'dialog', 'aria-labelledby': labelId}, ...content);
  box.addEventListener('close', () => box.remove());
  document.body.append(box);
  box.showModal();
  return box;
}

/**
 * Asks before an action: resolves to true when the reader confirms. `action` names the confirming button (its
 * `data-confirm`), `danger` draws it red.
 */
export function confirmDialog({title, text, action, label, danger = false}) {
  return new Promise(resolve => {
    const box = dialog('confirm-title', h('form', {method: 'dialog'},
      h('h2', {id: 'confirm-title'}, title),
      h('p', {}, text),
      h('div', {class: 'dialog-buttons'},
        h('button', {type: 'submit', value: 'cancel', class: 'secondary'}, 'Cancel'),
        h('button', {type: 'submit', value: 'ok', class: danger ? 'danger' : 'primary', 'data-confirm': action},
          label))));
    box.addEventListener('close', () => resolve(box.returnValue === 'ok'));
  });
}
