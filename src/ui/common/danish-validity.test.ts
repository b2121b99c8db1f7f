import { describe, expect, it } from 'vitest';
import { validityMessage } from './danish-validity';

const validity = (over: Partial<ValidityState>): ValidityState => ({
  badInput: false, customError: false, patternMismatch: false, rangeOverflow: false, rangeUnderflow: false,
  stepMismatch: false, tooLong: false, tooShort: false, typeMismatch: false, valid: true, valueMissing: false, ...over,
});

describe('validityMessage', () => {
  it('names the field’s own problem in Danish', () => {
    expect(validityMessage(validity({ valueMissing: true }), { required: 'Skriv personens navn.' })).toBe('Skriv personens navn.');
    expect(validityMessage(validity({ typeMismatch: true }), { type: 'Skriv en e-mailadresse som navn@kommune.dk.' })).toBe('Skriv en e-mailadresse som navn@kommune.dk.');
    expect(validityMessage(validity({ valueMissing: true }), {})).toBe('Udfyld dette felt.');
  });

  it('is empty for a valid field', () => {
    expect(validityMessage(validity({}), { required: 'x' })).toBe('');
  });
});
