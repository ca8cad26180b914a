/**
 * Date filters as the platform reads them (`DateFilter` in the document): an ISO 8601
 * date-time, one without an offset, or a date alone. A moment without an offset is UTC,
 * never this machine's local time zone (what `Date.parse` would assume).
 */
export function parseDateFilter(value: string | undefined, otherwise: number): number {
  if (value === undefined) return otherwise;
  const iso = value.trim().replace(" ", "T");
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return Date.parse(`${iso}T00:00:00Z`);
  const hasOffset = /([Zz]|[+-]\d{2}:?\d{2})$/.test(iso);
  return Date.parse(hasOffset ? iso : `${iso}Z`);
}
