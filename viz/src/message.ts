// The page's error message, shown in place of the graph when it cannot be drawn.
import { h } from './dom.js';

export function showMessage(text: string): void {
  const message = document.getElementById('message')!;
  message.replaceChildren(h('strong', {}, 'The graph cannot be shown. '), h('pre', {}, text));
  message.hidden = false;
  document.getElementById('status')!.textContent = '';
  document.body.dataset.state = 'error';
}
