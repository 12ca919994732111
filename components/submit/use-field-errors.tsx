'use client';

import { useState } from 'react';
import { ApiError } from '@/lib/api-client/fetch-json';

// The refusals a submit form shows beside its fields, by the API's field path (`Input.Media`,
// `ScheduleConfig.Priority`), with the attributes that tie each to its field for assistive technology.

/** The field an API refusal names, when it names one of `known`. */
export function refusedField(failure: unknown, known: Record<string, string>): string | undefined {
  const field = failure instanceof ApiError && failure.code === 'invalid_input' ? String(failure.params?.field ?? '') : '';
  return field && known[field] ? field : undefined;
}

export function useFieldErrors() {
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const messageOf = (fields: string[]) => fields.map((field) => errors[field]).find(Boolean);

  /** The input's id, hint and error description, and whether it is invalid; `fields`: the paths it shows. */
  const fieldProps = (id: string, fields: string[], hintId?: string) => {
    const message = messageOf(fields);
    const describedBy = [hintId, message ? `${id}-error` : undefined].filter(Boolean).join(' ');
    return { id, ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(message ? { 'aria-invalid': true } : {}) };
  };

  const fieldError = (id: string, fields: string[]) => {
    const message = messageOf(fields);
    return message ? (
      <p id={`${id}-error`} className="field-error">
        {message}
      </p>
    ) : null;
  };

  return { setErrors, fieldProps, fieldError };
}
