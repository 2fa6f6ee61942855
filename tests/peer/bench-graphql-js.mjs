// The graphql-js side of the engine benchmark (tests/Federation.Benchmarks/compare.sh).
// For each workload it measures operations per second of parse, validate, execute and of
// the whole parse + validate + execute, each over a fixed time, and prints one JSON line.
// Usage: node bench-graphql-js.mjs --workloads DIR [--seconds 2]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate, execute, getIntrospectionQuery } from 'graphql';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dir = option('workloads');
const seconds = Number(option('seconds', '2'));
if (!dir) {
  console.error('usage: node bench-graphql-js.mjs --workloads DIR [--seconds 2]');
  process.exit(2);
}

const schema = buildSchema(readFileSync(join(dir, 'schema.graphql'), 'utf8'));
const rootValue = JSON.parse(readFileSync(join(dir, 'root.json'), 'utf8'));
const workloads = {
  KitchenSink: {
    text: readFileSync(join(dir, 'kitchen-sink.graphql'), 'utf8'),
    variables: JSON.parse(readFileSync(join(dir, 'kitchen-sink.variables.json'), 'utf8')),
  },
  Introspection: { text: getIntrospectionQuery(), variables: {} },
};

function measure(work) {
  // Warm up so the JIT has compiled the paths, then count whole operations in the window.
  const warmEnd = performance.now() + 500;
  while (performance.now() < warmEnd) work();
  let count = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  let now = start;
  while (now < end) {
    for (let i = 0; i < 16; i++) work();
    count += 16;
    now = performance.now();
  }
  return (count * 1000) / (now - start);
}

const result = { engine: 'graphql-js', version: '17.1.0', node: process.version, opsPerSecond: {} };
for (const [name, { text, variables }] of Object.entries(workloads)) {
  const document = parse(text);
  const errors = validate(schema, document);
  if (errors.length > 0) throw new Error(`${name} does not validate: ${errors[0].message}`);
  const probe = execute({ schema, document, rootValue, variableValues: variables });
  if (probe.errors) throw new Error(`${name} fails: ${probe.errors[0].message}`);
  result.opsPerSecond[name] = {
    parse: measure(() => parse(text)),
    validate: measure(() => validate(schema, document)),
    execute: measure(() => execute({ schema, document, rootValue, variableValues: variables })),
    all: measure(() => {
      const d = parse(text);
      validate(schema, d);
      execute({ schema, document: d, rootValue, variableValues: variables });
    }),
  };
}
console.log(JSON.stringify(result));
