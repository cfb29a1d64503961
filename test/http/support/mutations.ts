import fc from 'fast-check';
import type { z } from 'zod';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

function pathsOf(value: Json, prefix: Path = []): Path[] {
  const here = [prefix];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => pathsOf(item, [...prefix, index]))];
  if (value && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
  return here;
}

type Mutation = { kind: 'set'; value: Json } | { kind: 'delete' } | { kind: 'add'; key: string; value: Json };

function apply(value: Json, path: Path, mutation: Mutation): Json {
  if (path.length === 0) {
    if (mutation.kind === 'set') return mutation.value;
    if (mutation.kind === 'add' && value && typeof value === 'object' && !Array.isArray(value)) return { ...value, [mutation.key]: mutation.value };
    return mutation.kind === 'delete' ? null : value;
  }
  const [head, ...rest] = path;
  if (Array.isArray(value) && typeof head === 'number') {
    if (rest.length === 0 && mutation.kind === 'delete') return value.filter((_, index) => index !== head);
    return value.map((item, index) => (index === head ? apply(item, rest, mutation) : item));
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && typeof head === 'string') {
    if (rest.length === 0 && mutation.kind === 'delete') return Object.fromEntries(Object.entries(value).filter(([key]) => key !== head));
    return { ...value, [head]: apply(value[head] ?? null, rest, mutation) };
  }
  return value;
}

/** Values that break most fields: wrong types, empty or spaced text, out-of-range and fractional numbers. */
const badValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, -1, 0, 1.5, 1e9, 1e12, '', ' ', 'a b', '\u0000', 'x'.repeat(600), [], {}, '2024-13-45', '25:99'),
  fc.jsonValue() as fc.Arbitrary<Json>,
);

/**
 * Bodies that fail `schema`: a valid template with one part replaced, removed or joined by an unknown key,
 * or any JSON at all. The shared schema itself decides what counts as a violation.
 */
export function invalidBodies(schema: z.ZodType, template: Json): fc.Arbitrary<Json> {
  const paths = pathsOf(template);
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 3, arbitrary: badValue.map((value): Mutation => ({ kind: 'set', value })) },
    { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'delete' }) },
    { weight: 1, arbitrary: fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), badValue).map(([key, value]): Mutation => ({ kind: 'add', key, value })) },
  );
  const mutated = fc.tuple(fc.constantFrom(...paths), mutation).map(([path, change]) => apply(template, path, change));
  return fc
    .oneof({ weight: 4, arbitrary: mutated }, { weight: 1, arbitrary: fc.jsonValue() as fc.Arbitrary<Json> })
    .filter((body) => !schema.safeParse(body).success);
}

/** Query strings that fail `schema`: known parameters with bad text, or unknown parameters. */
export function invalidQueries(schema: z.ZodType, names: readonly string[]): fc.Arbitrary<Record<string, string>> {
  const value = fc.oneof(fc.constantFrom('', '0', '-1', '1001', '1.5', 'abc', 'x'.repeat(500), 'HELD,ALLOCATED'), fc.string({ maxLength: 20 }));
  const name = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 6 }) });
  return fc.dictionary(name, value, { minKeys: 1, maxKeys: 3 }).filter((query) => !schema.safeParse(query).success);
}
