/**
 * A button that shows a panel over the page: opening it puts focus on the panel's first
 * control; a click or focus outside closes it; Escape closes it and puts focus back on the
 * button. Bind `root`, `toggle` and `panel` to the elements (`bind:this`).
 */
export class Disclosure {
  open = $state(false);
  root = $state<HTMLElement>();
  toggle = $state<HTMLButtonElement>();
  panel = $state<HTMLElement>();

  /** `first` selects the control that gets focus when the panel opens. */
  constructor(readonly first: string) {}

  show = () => {
    this.open = true;
    queueMicrotask(() => this.panel?.querySelector<HTMLElement>(this.first)?.focus());
  };

  close = (refocus = false) => {
    this.open = false;
    if (refocus) this.toggle?.focus();
  };

  flip = () => (this.open ? this.close() : this.show());

  /** For `<svelte:window onpointerdown>`: a press outside closes the panel. */
  pointerDown = (e: PointerEvent) => {
    if (this.open && !this.root?.contains(e.target as Node)) this.close();
  };

  /** For the root's `onfocusout`: focus leaving for somewhere outside closes the panel. */
  focusOut = (e: FocusEvent) => {
    if (this.open && !this.root?.contains(e.relatedTarget as Node | null)) this.close();
  };

  /** Escape while open closes and refocuses the button; true when it did. */
  escape(e: KeyboardEvent): boolean {
    if (e.key !== 'Escape' || !this.open) return false;
    e.preventDefault();
    this.close(true);
    return true;
  }
}
