#!/usr/bin/env node
// Generates the LARGE corpus schema (hundreds of types), its root.json and its queries.json,
// deterministically from a fixed seed:
//
//   node generate-large-schema.mjs OUT_DIR
//
// The schema models registers of a state: objects named <Register><Document>, interfaces for
// what registers and documents share, unions of search results, enums of statuses, inputs of
// filters. Queries walk random paths through it, valid and invalid.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, validateSchema } from 'graphql';
import introspection from './corpus/introspection.mjs';

const SEED = 20251121;

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(SEED);
const int = (n) => Math.floor(random() * n);
const pick = (list) => list[int(list.length)];
const chance = (p) => random() < p;
function sample(list, n) {
  const copy = [...list];
  const out = [];
  while (out.length < n && copy.length > 0) {
    out.push(copy.splice(int(copy.length), 1)[0]);
  }
  return out;
}

const REGISTERS = ['Tax', 'Vehicle', 'Land', 'Health', 'School', 'Business', 'Pension', 'Border', 'Court',
  'Energy', 'Water', 'Forest', 'Fishing', 'Customs', 'Police', 'Election', 'Census', 'Housing', 'Transport', 'Labour'];
const DOCUMENTS = ['Record', 'Registration', 'Permit', 'Claim', 'Certificate', 'Inspection', 'Account', 'Notice',
  'Decision', 'Report', 'Application', 'Contract', 'Assessment', 'Agreement', 'Complaint', 'Declaration',
  'Payment', 'Appeal', 'Audit', 'Schedule'];
const FIELD_WORDS = ['code', 'title', 'amount', 'issuedOn', 'validUntil', 'region', 'score', 'count', 'note',
  'reference', 'category', 'priority', 'total', 'rate', 'label', 'summary', 'version', 'remarks', 'language',
  'weight', 'length', 'approved', 'archived', 'signedBy', 'channel', 'district', 'quota', 'balance'];
const STATUS_WORDS = ['PENDING', 'ACTIVE', 'CLOSED', 'REJECTED', 'APPROVED', 'DRAFT', 'ARCHIVED', 'CANCELLED',
  'SUSPENDED', 'EXPIRED', 'RENEWED', 'TRANSFERRED'];
const SCALARS = ['String', 'Int', 'Float', 'Boolean', 'ID'];
const CUSTOM_SCALARS = ['Date', 'DateTime', 'Money', 'Email', 'PhoneNumber', 'PostalCode', 'Iban', 'Percentage'];

// ---- Type names
const objectNames = [];
for (const register of REGISTERS) {
  for (const document of DOCUMENTS) {
    objectNames.push(register + document);
  }
}
const objects = sample(objectNames, 200).sort();
const interfaces = [...REGISTERS.map((r) => `${r}Entry`), ...DOCUMENTS.map((d) => `Any${d}`)];
const unions = sample(REGISTERS, 20).map((r) => `${r}SearchResult`);
const enums = [...REGISTERS.map((r) => `${r}Status`), ...sample(DOCUMENTS, 15).map((d) => `${d}Kind`)];
const inputs = [...REGISTERS.map((r) => `${r}Filter`), ...sample(DOCUMENTS, 20).map((d) => `${d}Input`)];

// ---- Enums
const enumValues = new Map();
for (const name of enums) {
  enumValues.set(name, sample(STATUS_WORDS, 3 + int(6)));
}

// ---- Scalar and enum fields of a type
function leafType() {
  const r = random();
  if (r < 0.55) return pick(SCALARS);
  if (r < 0.75) return pick(CUSTOM_SCALARS);
  return pick(enums);
}

function wrap(type, allowList = true) {
  let t = type;
  if (allowList && chance(0.15)) t = `[${t}${chance(0.5) ? '!' : ''}]`;
  if (chance(0.3)) t += '!';
  return t;
}

function leafFields(count, used) {
  const fields = [];
  while (fields.length < count) {
    const name = pick(FIELD_WORDS) + (chance(0.3) ? pick(DOCUMENTS) : '');
    if (used.has(name)) continue;
    used.add(name);
    fields.push({ name, type: wrap(leafType()) });
  }
  return fields;
}

// ---- Interfaces: a register entry has an id and a few fields; AnyX documents may implement a register entry.
const interfaceDefs = new Map();
// Interface field names are unique across interfaces, so that an object can implement any two.
const used = new Set(['id']);
for (const name of interfaces) {
  interfaceDefs.set(name, { name, parents: [], fields: [{ name: 'id', type: 'ID!' }, ...leafFields(1 + int(3), used)] });
}
for (const name of interfaces.filter((n) => n.startsWith('Any'))) {
  if (chance(0.4)) {
    const parent = interfaceDefs.get(pick(interfaces.filter((n) => n.endsWith('Entry'))));
    const def = interfaceDefs.get(name);
    def.parents.push(parent.name);
    const names = new Set(def.fields.map((f) => f.name));
    for (const field of parent.fields) {
      if (!names.has(field.name)) def.fields.push(field);
    }
  }
}

function withAncestors(names) {
  const all = [];
  const visit = (name) => {
    if (all.includes(name)) return;
    all.push(name);
    for (const parent of interfaceDefs.get(name).parents) visit(parent);
  };
  names.forEach(visit);
  return all;
}

// ---- Objects
const objectDefs = new Map();
for (const name of objects) {
  const register = REGISTERS.find((r) => name.startsWith(r));
  const document = name.slice(register.length);
  const candidates = [`${register}Entry`, `Any${document}`];
  const implemented = withAncestors(candidates.filter(() => chance(0.6)));
  const fields = [];
  const used = new Set();
  for (const iface of implemented) {
    for (const field of interfaceDefs.get(iface).fields) {
      if (!used.has(field.name)) {
        used.add(field.name);
        fields.push(field);
      }
    }
  }
  if (!used.has('id')) {
    used.add('id');
    fields.unshift({ name: 'id', type: 'ID!' });
  }
  fields.push(...leafFields(2 + int(5), used));
  objectDefs.set(name, { name, interfaces: implemented, fields, register, document });
}

// Object-valued fields (always nullable, so that missing data stays null), added once all objects exist.
const abstractTargets = [...interfaces, ...unions];
for (const def of objectDefs.values()) {
  const used = new Set(def.fields.map((f) => f.name));
  const count = 1 + int(3);
  for (let i = 0; i < count; i++) {
    const target = chance(0.7) ? pick(objects) : pick(abstractTargets);
    const base = target.charAt(0).toLowerCase() + target.slice(1);
    const list = chance(0.35);
    const name = list ? `${base}List` : base;
    if (used.has(name)) continue;
    used.add(name);
    const field = { name, type: list ? `[${target}${chance(0.5) ? '!' : ''}]` : target, target, list };
    if (chance(0.3)) {
      field.args = [{ name: 'first', type: 'Int', default: '5' }];
      if (chance(0.5)) field.args.push({ name: 'status', type: `${def.register}Status` });
    }
    def.fields.push(field);
  }
  if (chance(0.25)) {
    def.deprecatedField = { name: 'legacyCode', type: 'String', reason: chance(0.5) ? 'Use code.' : null };
  }
}

// ---- Unions
const unionDefs = new Map();
for (const name of unions) {
  const register = name.slice(0, -'SearchResult'.length);
  const own = objects.filter((o) => o.startsWith(register));
  const members = sample(own.length >= 2 ? own : objects, 2 + int(4)).sort();
  unionDefs.set(name, { name, members });
}

// ---- Inputs
const inputDefs = new Map();
for (const name of inputs) {
  const used = new Set();
  const fields = [];
  const count = 2 + int(5);
  while (fields.length < count) {
    const word = pick(FIELD_WORDS);
    if (used.has(word)) continue;
    used.add(word);
    const type = chance(0.6) ? pick(SCALARS.filter((s) => s !== 'ID')) : pick(enums);
    const field = { name: word, type: wrap(type) };
    if (!field.type.endsWith('!') && chance(0.3)) {
      field.default = defaultLiteral(type, field.type.startsWith('['));
    }
    fields.push(field);
  }
  inputDefs.set(name, { name, fields });
}
// Some inputs nest others.
const inputNames = [...inputDefs.keys()];
for (const def of inputDefs.values()) {
  if (chance(0.4)) {
    const other = pick(inputNames.filter((n) => n !== def.name));
    def.fields.push({ name: 'and', type: `[${other}!]` });
  }
}

function defaultLiteral(type, list) {
  let value;
  switch (type) {
    case 'String': value = `"${pick(FIELD_WORDS)}"`; break;
    case 'Int': value = String(int(100)); break;
    case 'Float': value = (int(1000) / 8).toString(); break;
    case 'Boolean': value = chance(0.5) ? 'true' : 'false'; break;
    default: value = pick(enumValues.get(type));
  }
  return list ? `[${value}]` : value;
}

// ---- Query root
const queryFields = [];
for (const name of sample(objects, 90).sort()) {
  const base = name.charAt(0).toLowerCase() + name.slice(1);
  queryFields.push({ name: base, type: name, target: name, args: [{ name: 'id', type: 'ID!' }] });
}
for (const name of interfaces) {
  const base = name.charAt(0).toLowerCase() + name.slice(1);
  queryFields.push({ name: `${base}s`, type: `[${name}!]!`, target: name, list: true });
}
for (const name of unions) {
  const base = name.charAt(0).toLowerCase() + name.slice(1);
  queryFields.push({ name: base, type: `[${name}]`, target: name, list: true, args: [{ name: 'text', type: 'String!' }] });
}
for (const name of inputs) {
  const base = name.charAt(0).toLowerCase() + name.slice(1);
  queryFields.push({ name: `check${name}`, type: 'String', args: [{ name: base, type: name }, { name: 'limit', type: 'Int', default: '10' }], echo: true });
}

// ---- SDL
function printArgs(args) {
  if (!args || args.length === 0) return '';
  return '(' + args.map((a) => `${a.name}: ${a.type}${a.default !== undefined ? ` = ${a.default}` : ''}`).join(', ') + ')';
}

const sdl = [];
sdl.push('"""\nRegisters of a state: generated by tests/peer/generate-large-schema.mjs (seed ' + SEED + ').\n"""');
sdl.push('schema {\n  query: Query\n}\n');
for (const scalar of CUSTOM_SCALARS) {
  sdl.push(`"The ${scalar} scalar."\nscalar ${scalar}\n`);
}
for (const name of enums) {
  const values = enumValues.get(name).map((v, i) => (i === 1 && chance(0.4) ? `  ${v} @deprecated(reason: "No longer issued.")` : `  ${v}`));
  sdl.push(`enum ${name} {\n${values.join('\n')}\n}\n`);
}
for (const def of interfaceDefs.values()) {
  const impl = def.parents.length ? ` implements ${def.parents.join(' & ')}` : '';
  sdl.push(`"What every ${def.name} has."\ninterface ${def.name}${impl} {\n${def.fields.map((f) => `  ${f.name}: ${f.type}`).join('\n')}\n}\n`);
}
for (const def of objectDefs.values()) {
  const impl = def.interfaces.length ? ` implements ${def.interfaces.join(' & ')}` : '';
  const lines = def.fields.map((f) => `  ${f.name}${printArgs(f.args)}: ${f.type}`);
  if (def.deprecatedField) {
    const d = def.deprecatedField;
    lines.push(`  ${d.name}: ${d.type} @deprecated${d.reason ? `(reason: "${d.reason}")` : ''}`);
  }
  sdl.push(`"A ${def.document.toLowerCase()} of the ${def.register.toLowerCase()} register."\ntype ${def.name}${impl} {\n${lines.join('\n')}\n}\n`);
}
for (const def of unionDefs.values()) {
  sdl.push(`union ${def.name} = ${def.members.join(' | ')}\n`);
}
for (const def of inputDefs.values()) {
  const lines = def.fields.map((f) => `  ${f.name}: ${f.type}${f.default !== undefined ? ` = ${f.default}` : ''}`);
  sdl.push(`input ${def.name} {\n${lines.join('\n')}\n}\n`);
}
sdl.push(`type Query {\n${queryFields.map((f) => `  ${f.name}${printArgs(f.args)}: ${f.type}`).join('\n')}\n}\n`);
const schemaText = sdl.join('\n');

const schema = buildSchema(schemaText);
const errors = validateSchema(schema);
if (errors.length > 0) {
  throw new Error('generated schema is invalid:\n' + errors.map((e) => e.message).join('\n'));
}

// ---- root.json
function leafValue(type) {
  const named = type.replace(/[[\]!]/g, '');
  const one = () => {
    switch (named) {
      case 'String': return pick(FIELD_WORDS) + ' ' + int(1000);
      case 'Int': return int(100000) - 500;
      case 'Float': return int(1000000) / 64;
      case 'Boolean': return chance(0.5);
      case 'ID': return `id-${int(100000)}`;
      case 'Date': return `20${10 + int(16)}-0${1 + int(9)}-1${int(10)}`;
      case 'DateTime': return `2025-0${1 + int(9)}-1${int(10)}T12:00:00Z`;
      case 'Money': return { amount: int(100000) / 100, currency: 'EUR' };
      case 'Percentage': return int(100);
      default:
        if (enumValues.has(named)) return pick(enumValues.get(named));
        return `${named.toLowerCase()}-${int(1000)}`;
    }
  };
  if (type.startsWith('[')) {
    const items = [one(), one()];
    if (!type.startsWith('[' + named + '!') && chance(0.3)) items.push(null);
    return items;
  }
  return one();
}

function concreteOf(target) {
  if (objectDefs.has(target)) return target;
  if (unionDefs.has(target)) return pick(unionDefs.get(target).members);
  const implementations = objects.filter((o) => objectDefs.get(o).interfaces.includes(target));
  return implementations.length ? pick(implementations) : null;
}

function instance(typeName, depth) {
  const def = objectDefs.get(typeName);
  const value = { __typename: typeName };
  for (const field of def.fields) {
    if (field.target) {
      if (depth >= 2 || chance(0.15)) continue;
      if (field.list) {
        const items = [];
        for (let i = 0; i < 2; i++) {
          const concrete = concreteOf(field.target);
          items.push(concrete ? instance(concrete, depth + 1) : null);
        }
        value[field.name] = items;
      } else {
        const concrete = concreteOf(field.target);
        value[field.name] = concrete ? instance(concrete, depth + 1) : null;
      }
    } else if (chance(0.03)) {
      value[field.name] = { $error: `${typeName}.${field.name} is classified.` };
    } else if (!field.type.endsWith('!') && chance(0.1)) {
      value[field.name] = null;
    } else {
      value[field.name] = leafValue(field.type);
    }
  }
  if (def.deprecatedField) value[def.deprecatedField.name] = 'L-1';
  return value;
}

const root = {};
for (const field of queryFields) {
  if (field.echo) {
    root[field.name] = { $args: true };
  } else if (field.list) {
    const items = [];
    for (let i = 0; i < 3; i++) {
      const concrete = concreteOf(field.target);
      items.push(concrete ? instance(concrete, 1) : null);
    }
    root[field.name] = field.type.endsWith('!]!') ? items.filter((i) => i !== null) : items;
  } else {
    root[field.name] = instance(field.target, 0);
  }
}

// ---- queries.json
function selection(typeName, depth, budget) {
  if (objectDefs.has(typeName)) {
    const def = objectDefs.get(typeName);
    const parts = [];
    for (const field of sample(def.fields, 2 + int(4))) {
      const alias = chance(0.1) ? `${field.name}Alias: ` : '';
      const args = field.args && chance(0.5) ? `(first: ${int(10)})` : '';
      if (field.target) {
        if (depth >= 3) continue;
        parts.push(`${alias}${field.name}${args} { ${selection(field.target, depth + 1, budget)} }`);
      } else {
        parts.push(alias + field.name);
      }
    }
    if (chance(0.2)) parts.push('__typename');
    return parts.length ? parts.join(' ') : '__typename';
  }
  if (interfaceDefs.has(typeName)) {
    const def = interfaceDefs.get(typeName);
    const parts = sample(def.fields, 1 + int(2)).map((f) => f.name);
    parts.push('__typename');
    const implementations = objects.filter((o) => objectDefs.get(o).interfaces.includes(typeName));
    for (const impl of sample(implementations, 2)) {
      parts.push(`... on ${impl} { ${selection(impl, depth + 1, budget)} }`);
    }
    return parts.join(' ');
  }
  const def = unionDefs.get(typeName);
  const parts = ['__typename'];
  for (const member of sample(def.members, 2)) {
    parts.push(`... on ${member} { ${selection(member, depth + 1, budget)} }`);
  }
  return parts.join(' ');
}

function rootCall(field) {
  if (field.args?.[0]?.name === 'id') return `${field.name}(id: "x")`;
  if (field.args?.[0]?.name === 'text') return `${field.name}(text: "x")`;
  return field.name;
}

const queries = [];
const add = (name, query, variables, operationName) => {
  const entry = { name, query };
  if (variables !== undefined) entry.variables = variables;
  if (operationName !== undefined) entry.operationName = operationName;
  queries.push(entry);
};

const selectable = queryFields.filter((f) => !f.echo);
for (let i = 0; i < 120; i++) {
  const fields = sample(selectable, 1 + int(3));
  const body = fields.map((f) => `${rootCall(f)} { ${selection(f.target, 1, 0)} }`).join('\n  ');
  add(`large-walk-${String(i).padStart(3, '0')}`, `query Walk${i} {\n  ${body}\n}`);
}

// Fragments over interfaces and unions
for (let i = 0; i < 20; i++) {
  const iface = pick(interfaces);
  const field = queryFields.find((f) => f.target === iface && f.list);
  const def = interfaceDefs.get(iface);
  const implementations = objects.filter((o) => objectDefs.get(o).interfaces.includes(iface));
  const impl = implementations.length ? pick(implementations) : null;
  const spread = impl ? ` ...Concrete` : '';
  const fragment = impl ? `\nfragment Concrete on ${impl} { ${selection(impl, 2, 0)} }` : '';
  add(`large-fragments-${String(i).padStart(2, '0')}`,
    `query Fragments${i} { ${field.name} { ...Shared${spread} } }\nfragment Shared on ${iface} { ${def.fields.map((f) => f.name).join(' ')} __typename }${fragment}`);
}

// $args of every input
for (const name of inputs) {
  const def = inputDefs.get(name);
  const base = name.charAt(0).toLowerCase() + name.slice(1);
  const literal = def.fields.filter((f) => !f.type.startsWith('[') && f.name !== 'and').map((f) => {
    const named = f.type.replace(/[[\]!]/g, '');
    const value = leafValue(named);
    return `${f.name}: ${typeof value === 'string' && !enumValues.has(named) ? JSON.stringify(value) : String(value)}`;
  });
  const required = def.fields.filter((f) => f.type.endsWith('!') && f.type.startsWith('['));
  for (const f of required) literal.push(`${f.name}: []`);
  add(`large-args-${name}`, `{ check${name}(${base}: {${literal.join(', ')}}) }`);
}
for (const name of sample(inputs, 15)) {
  const base = name.charAt(0).toLowerCase() + name.slice(1);
  add(`large-args-default-${name}`, `query Q($v: ${name}) { check${name}(${base}: $v, limit: 3) }`, { v: {} });
}

// Invalid documents on the large schema: suggestions among many similar names
for (let i = 0; i < 15; i++) {
  const def = objectDefs.get(pick(objects));
  const field = pick(def.fields.filter((f) => !f.target));
  const typo = field.name.slice(0, -1) + (field.name.endsWith('e') ? 'a' : 'e');
  const root = queryFields.find((f) => f.target === def.name && f.args?.[0]?.name === 'id');
  if (!root) continue;
  add(`large-invalid-field-typo-${i}`, `{ ${root.name}(id: "x") { ${typo} } }`);
}
for (let i = 0; i < 10; i++) {
  const iface = pick(interfaces);
  const field = queryFields.find((f) => f.target === iface && f.list);
  const implementations = objects.filter((o) => objectDefs.get(o).interfaces.includes(iface));
  const own = new Set(interfaceDefs.get(iface).fields.map((f) => f.name));
  const candidates = implementations.flatMap((o) => objectDefs.get(o).fields.filter((f) => !f.target && !own.has(f.name)).map((f) => f.name));
  if (candidates.length === 0) continue;
  add(`large-invalid-field-on-interface-${i}`, `{ ${field.name} { ${pick(candidates)} } }`);
}
for (const def of sample([...unionDefs.values()], 8)) {
  const field = queryFields.find((f) => f.target === def.name);
  add(`large-invalid-field-on-union-${def.name}`, `{ ${field.name}(text: "x") { id } }`);
}
add('large-invalid-mutation-unsupported', 'mutation M { taxEntrys { id } }');
add('large-invalid-anonymous-mutation-unsupported', 'mutation { checkTaxFilter }');
add('large-invalid-root-typo', '{ taxRecrd(id: "1") { id } }');
add('large-invalid-unknown-type', 'query Q($f: TaxFiltr) { checkTaxFilter(taxFilter: $f) }');
add('large-invalid-enum-typo', `{ checkTaxFilter(taxFilter: {}, limit: 1) ${queryFields.find((f) => f.list && interfaceDefs.has(f.target)).name} { id } q: checkTaxFilter(taxFilter: {}, limit: "x") }`);
for (const name of sample(inputs, 10)) {
  const base = name.charAt(0).toLowerCase() + name.slice(1);
  const def = inputDefs.get(name);
  const field = pick(def.fields);
  add(`large-invalid-input-field-typo-${name}`, `{ check${name}(${base}: {${field.name}x: null}) }`);
}
for (let i = 0; i < 10; i++) {
  const a = pick(objects);
  const b = pick(objects.filter((o) => o !== a));
  const root = queryFields.find((f) => f.target === a && f.args?.[0]?.name === 'id');
  if (!root) continue;
  add(`large-invalid-impossible-spread-${i}`, `{ ${root.name}(id: "x") { ... on ${b} { id } } }`);
}
for (let i = 0; i < 8; i++) {
  const def = objectDefs.get(pick(objects));
  const root = queryFields.find((f) => f.target === def.name && f.args?.[0]?.name === 'id');
  const leaves = def.fields.filter((f) => !f.target);
  if (!root || leaves.length < 2) continue;
  const [x, y] = sample(leaves, 2);
  add(`large-invalid-overlap-${i}`, `{ ${root.name}(id: "x") { same: ${x.name} same: ${y.name} } }`);
}

for (const [name, query, variables, operationName] of introspection([
  objects[0], interfaces[interfaces.length - 1], unions[0], enums[0], inputs[0], CUSTOM_SCALARS[0],
])) {
  add(`large-${name}`, query, variables, operationName);
}

const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: generate-large-schema.mjs OUT_DIR\n');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'schema.graphql'), schemaText);
writeFileSync(join(out, 'root.json'), JSON.stringify(root, null, 1) + '\n');
writeFileSync(join(out, 'queries.json'), JSON.stringify(queries, null, 1) + '\n');
const typeCount = Object.keys(schema.getTypeMap()).filter((n) => !n.startsWith('__')).length;
process.stdout.write(`large: ${typeCount} types, ${queries.length} queries\n`);
