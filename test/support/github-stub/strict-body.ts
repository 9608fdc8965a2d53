/**
 * GitHub silently ignores body properties its schema does not declare, so a misspelt field
 * (`annotation` for `annotations`, `commitId` for `commit_id`) would pass schema validation
 * and do nothing. This walker reports every property no schema branch declares.
 */

type Schema = Record<string, any>;

/** Property names declared at this level of `schema`, across allOf/anyOf/oneOf; undefined = open. */
function declared(schema: Schema): Set<string> | undefined {
  const names = new Set<string>();
  let open = schema.properties === undefined && !schema.allOf && !schema.anyOf && !schema.oneOf;
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) open = true;
  for (const key of Object.keys(schema.properties ?? {})) names.add(key);
  for (const branch of [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) {
    const inner = declared(branch);
    if (inner === undefined) open = true;
    else for (const key of inner) names.add(key);
  }
  return open ? undefined : names;
}

/** The schemas (from every branch) that describe property `key`. */
function propertySchemas(schema: Schema, key: string): Schema[] {
  const out: Schema[] = [];
  if (schema.properties?.[key]) out.push(schema.properties[key]);
  for (const branch of [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) out.push(...propertySchemas(branch, key));
  return out;
}

/** Item schemas of an array schema, across branches. */
function itemSchemas(schema: Schema): Schema[] {
  const out: Schema[] = [];
  if (schema.items) out.push(schema.items);
  for (const branch of [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) out.push(...itemSchemas(branch));
  return out;
}

/** Lists `/json/pointer: unknown property 'x'` for every undeclared property in `value`. */
export function unknownProperties(schemas: Schema[], value: unknown, pointer = ''): string[] {
  if (schemas.length === 0) return [];
  if (Array.isArray(value)) {
    const items = schemas.flatMap(itemSchemas);
    return value.flatMap((v, i) => unknownProperties(items, v, `${pointer}/${i}`));
  }
  if (value === null || typeof value !== 'object') return [];
  const problems: string[] = [];
  const sets = schemas.map(declared);
  if (sets.some((s) => s === undefined)) return [];
  for (const [key, inner] of Object.entries(value)) {
    if (!sets.some((s) => s!.has(key))) {
      problems.push(`${pointer || '/'}: unknown property '${key}' (GitHub would silently ignore it)`);
      continue;
    }
    problems.push(...unknownProperties(schemas.flatMap((s) => propertySchemas(s, key)), inner, `${pointer}/${key}`));
  }
  return problems;
}
