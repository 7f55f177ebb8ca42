// Keyboard shortcuts (listed in the help overlay of index.html): / search, Esc clear (or close help), arrows step time, space play or pause, ? help.
export interface KeyboardActions {
  search: HTMLInputElement;
  help: HTMLElement;
  clear(): void;
  step(delta: number): void;
  play(): void;
}

const isTyping = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));

/** Listens on the document; keys typed into a field are left to the field, except Esc, which leaves it. */
export function mountKeyboard(actions: KeyboardActions): void {
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Escape') {
      if (!actions.help.hidden) actions.help.hidden = true;
      else if (isTyping(event.target)) (event.target as HTMLElement).blur();
      else actions.clear();
      return;
    }
    if (isTyping(event.target)) return;
    const handled = (() => {
      switch (event.key) {
        case '/':
          actions.search.focus();
          actions.search.select();
          return true;
        case 'ArrowLeft':
          actions.step(-1);
          return true;
        case 'ArrowRight':
          actions.step(1);
          return true;
        case ' ':
          actions.play();
          return true;
        case '?':
          actions.help.hidden = !actions.help.hidden;
          return true;
        default:
          return false;
      }
    })();
    if (handled) event.preventDefault();
  });
}
