import type { Action } from 'svelte/action';

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** Danish messages for a field's failed constraints; the browser would otherwise answer in its own language. */
export interface ValidityMessages {
  /** When a required field is empty. */
  required?: string;
  /** When an e-mail or URL field holds something else. */
  type?: string;
}

/** The Danish message for the first constraint the field fails, or '' when it passes. */
export function validityMessage(validity: ValidityState, messages: ValidityMessages): string {
  if (validity.valueMissing) return messages.required ?? 'Udfyld dette felt.';
  if (validity.typeMismatch) return messages.type ?? 'Skriv en gyldig værdi.';
  if (validity.tooLong) return 'Teksten er for lang.';
  if (validity.patternMismatch || validity.badInput) return 'Værdien har ikke den rigtige form.';
  return '';
}

/** Gives a form field its own Danish validation message (setCustomValidity), kept up to date as it changes. */
export const danishValidity: Action<Field, ValidityMessages> = (el, initial) => {
  let messages = initial ?? {};
  const check = () => {
    el.setCustomValidity('');
    el.setCustomValidity(validityMessage(el.validity, messages));
  };
  check();
  el.addEventListener('input', check);
  el.addEventListener('change', check);
  return {
    update(next) {
      messages = next ?? {};
      check();
    },
    destroy() {
      el.removeEventListener('input', check);
      el.removeEventListener('change', check);
    },
  };
};
