import { describe, expect, it } from 'vitest';
import { formErrors } from './form-errors';

const invalid = (issues: { path: string; message: string }[]) => ({ code: 'invalid_input' as const, message: 'Please check the details.', details: { issues } });

describe('formErrors', () => {
  it('puts each validation message beside the field its path names, nested paths included', () => {
    const found = formErrors(invalid([
      { path: 'name', message: 'Enter the service’s name.' },
      { path: 'requiredResources.1', message: 'Each required resource group needs at least one room.' },
      { path: 'requiredResources.0', message: 'A second message for the same field.' },
    ]), ['name', 'durationMin', 'requiredResources']);
    expect(found).toEqual({ message: null, fields: { name: 'Enter the service’s name.', requiredResources: 'Each required resource group needs at least one room.' } });
  });

  it('keeps messages whose path names no field of the form above the buttons', () => {
    const found = formErrors(invalid([{ path: '', message: 'Quiet hours need different start and end times.' }, { path: 'names', message: 'Not the name field.' }]), ['name']);
    expect(found).toEqual({ message: 'Quiet hours need different start and end times. Not the name field.', fields: {} });
  });

  it('shows any other refusal as the API worded it', () => {
    expect(formErrors({ code: 'not_found', message: 'That provider does not exist on this device.' }, ['name']))
      .toEqual({ message: 'That provider does not exist on this device.', fields: {} });
  });
});
