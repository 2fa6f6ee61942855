#!/usr/bin/env node
// The graphql-js side of the differential test, and a conformance runner of its own:
//
//   node graphql-js-runner.mjs --schema FILE.graphql --root FILE.json --queries FILE.json
//
// queries.json is an array of {name, query, variables?, operationName?}. For each query it
// prints one JSON line, exactly one of:
//   {"name":..,"parseError":{"message":..,"locations":[{"line":..,"column":..}]}}
//   {"name":..,"validationErrors":[{"message":..,"locations":[..]},..]}
//   {"name":..,"result":{"errors":[..],"data":..}}   (as graphql-js's execute() gives it)
// When the schema itself is invalid it prints one {"schemaErrors":[..]} line and exits 1.
//
//   node graphql-js-runner.mjs --schemas FILE.json
//
// compares schemas instead: FILE.json is an array of {name, sdl}; for each it prints
// {"name":..,"schemaErrors":[..]} (empty when the schema is valid): buildSchema's error (its SDL
// rules throw one error whose message joins all, without locations) or validateSchema's errors.
//
// Resolution: the root JSON is the root value of every operation (query and mutation both
// read from it). A field resolves to the own property of its parent object with the field's
// name (absent → null). Before a value is returned:
//   {"$error": "msg"}  → the field raises an error with that message; as a list item, the
//                        item becomes an Error, which graphql-js reports as a field error of
//                        that item (path ends with the index);
//   {"$args": true}    → JSON.stringify of the field's coerced arguments (argument-definition
//                        order, arguments neither given nor defaulted are absent).
// A value of an interface or union type names its concrete type by its "__typename" property.
//
// The C# runner (tests/Federation.GraphQL.Conformance) prints the same format.

import { readFileSync } from 'node:fs';
import {
  buildSchema,
  execute,
  parse,
  specifiedRules,
  validate,
  validateSchema,
} from 'graphql';

function parseArguments(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i];
    const value = argv[i + 1];
    if (!key.startsWith('--') || value === undefined) {
      usage();
    }
    options[key.slice(2)] = value;
  }
  if (!options.schemas && (!options.schema || !options.root || !options.queries)) {
    usage();
  }
  return options;
}

function usage() {
  process.stderr.write(
    'usage: graphql-js-runner.mjs --schema FILE.graphql --root FILE.json --queries FILE.json\n' +
      '       graphql-js-runner.mjs --schemas FILE.json\n',
  );
  process.exit(2);
}

const isPlainObject = (value) =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const isErrorMarker = (value) =>
  isPlainObject(value) && Object.hasOwn(value, '$error');

const isArgsMarker = (value) =>
  isPlainObject(value) && value.$args === true;

// List items that are errors become Error values: graphql-js completes an Error item as a
// field error at that item's path.
function listValue(items) {
  return items.map((item) => {
    if (isErrorMarker(item)) {
      return new Error(String(item.$error));
    }
    return Array.isArray(item) ? listValue(item) : item;
  });
}

function fieldResolver(source, args, _context, info) {
  if (!isPlainObject(source) || !Object.hasOwn(source, info.fieldName)) {
    return null;
  }
  const value = source[info.fieldName];
  if (isErrorMarker(value)) {
    throw new Error(String(value.$error));
  }
  if (isArgsMarker(value)) {
    return JSON.stringify(args);
  }
  return Array.isArray(value) ? listValue(value) : value;
}

function typeResolver(value) {
  return isPlainObject(value) && typeof value.__typename === 'string'
    ? value.__typename
    : undefined;
}

const errorJson = (error) => ({
  message: error.message,
  locations: error.locations ?? [],
});

// The schema of the SDL, or the errors that make graphql-js reject it.
function buildAndValidate(sdl) {
  let schema;
  try {
    schema = buildSchema(sdl);
  } catch (error) {
    return { errors: [errorJson(error)] };
  }
  const errors = validateSchema(schema);
  return errors.length > 0 ? { errors: errors.map(errorJson) } : { schema };
}

async function run() {
  const options = parseArguments(process.argv.slice(2));
  if (options.schemas) {
    for (const { name, sdl } of JSON.parse(readFileSync(options.schemas, 'utf8'))) {
      write({ name, schemaErrors: buildAndValidate(sdl).errors ?? [] });
    }
    return;
  }
  const sdl = readFileSync(options.schema, 'utf8');
  const root = JSON.parse(readFileSync(options.root, 'utf8'));
  const queries = JSON.parse(readFileSync(options.queries, 'utf8'));

  const { schema, errors } = buildAndValidate(sdl);
  if (errors) {
    write({ schemaErrors: errors });
    process.exit(1);
  }

  for (const { name, query, variables, operationName } of queries) {
    let document;
    try {
      document = parse(query);
    } catch (error) {
      write({ name, parseError: errorJson(error) });
      continue;
    }
    const validationErrors = validate(schema, document, specifiedRules);
    if (validationErrors.length > 0) {
      write({ name, validationErrors: validationErrors.map(errorJson) });
      continue;
    }
    // eslint-disable-next-line no-await-in-loop
    const result = await execute({
      schema,
      document,
      rootValue: root,
      variableValues: variables,
      operationName,
      fieldResolver,
      typeResolver,
    });
    write({ name, result });
  }
}

function write(line) {
  process.stdout.write(JSON.stringify(line) + '\n');
}

await run();
