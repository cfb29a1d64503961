/**
 * Request-shape checks that answer like Naver: HTTP 400 with `invalidInputs[{name, type, message}]`
 * naming each bad field (channels.md §1.7). Business refusals are not here; they are per-line results.
 */

export interface InvalidInput {
  name: string;
  type: string;
  message: string;
}

export class InvalidInputs {
  readonly list: InvalidInput[] = [];

  add(name: string, type: string, message: string): void {
    this.list.push({ name, type, message });
  }

  get ok(): boolean {
    return this.list.length === 0;
  }

  /** An array of 1..max elements, or a recorded problem (and null). */
  array(value: unknown, name: string, max: number): unknown[] | null {
    if (!Array.isArray(value)) {
      this.add(name, 'NotNull', '필수 값입니다.');
      return null;
    }
    if (value.length < 1 || value.length > max) {
      this.add(name, 'Size', `크기가 1에서 ${max} 사이여야 합니다.`);
      return null;
    }
    return value;
  }

  string(value: unknown, name: string): string | null {
    if (typeof value === 'string' && value.trim() !== '') return value;
    this.add(name, 'NotBlank', '필수 값입니다.');
    return null;
  }

  /** ISO-8601 with an offset, as Naver requires; a '+' decoded to a space fails here. */
  dateTime(value: unknown, name: string): number | null {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?([+-]\d{2}:\d{2}|Z)$/.test(value)) {
      const ms = Date.parse(value);
      if (Number.isFinite(ms)) return ms;
    }
    this.add(name, 'DateTimeFormat', 'yyyy-MM-ddTHH:mm:ss.SSS+09:00 형식이어야 합니다.');
    return null;
  }

  integer(value: unknown, name: string, min: number, max: number): number | null {
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    this.add(name, 'Range', `${min}에서 ${max} 사이의 정수여야 합니다.`);
    return null;
  }

  /** Product API ids are longs: a JSON number or a string of digits. */
  id(value: unknown, name: string): string | null {
    if ((typeof value === 'number' && Number.isSafeInteger(value) && value > 0) || (typeof value === 'string' && /^\d+$/.test(value))) return String(value);
    this.add(name, 'NotNull', '숫자 ID 여야 합니다.');
    return null;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
