#!/usr/bin/env node
// Writes queries.json of the hand-written corpus schemas (domain, kitchen-sink) from the
// documents in ./corpus/*.mjs, schema-corpus.json (invalid and valid type system documents)
// from ./corpus/schemas.mjs, and the large schema through generate-large-schema.mjs:
//
//   node generate-corpus.mjs [CORPUS_DIR]
//
// CORPUS_DIR defaults to tests/Federation.GraphQL.Tests/Differential/corpus. Each entry of a
// corpus module is [name, query, variables?, operationName?].
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import syntax from './corpus/syntax.mjs';
import validation from './corpus/validation.mjs';
import domainExecution from './corpus/domain-execution.mjs';
import kitchenSink from './corpus/kitchen-sink.mjs';
import introspection from './corpus/introspection.mjs';
import schemas from './corpus/schemas.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = process.argv[2] ?? join(here, '..', 'Federation.GraphQL.Tests', 'Differential', 'corpus');

function write(schema, entries) {
  const seen = new Set();
  const queries = entries.map(([name, query, variables, operationName]) => {
    if (seen.has(name)) {
      throw new Error(`duplicate query name ${name} in ${schema}`);
    }
    seen.add(name);
    const entry = { name, query };
    if (variables !== undefined) entry.variables = variables;
    if (operationName !== undefined) entry.operationName = operationName;
    return entry;
  });
  writeFileSync(join(corpus, schema, 'queries.json'), JSON.stringify(queries, null, 1) + '\n');
  process.stdout.write(`${schema}: ${queries.length} queries\n`);
}

write('domain', [
  ...syntax,
  ...validation,
  ...domainExecution,
  ...introspection(['Person', 'Party', 'Holder', 'LicenceStatus', 'LicenceInput', 'Date']),
]);
write('kitchen-sink', [
  ...kitchenSink,
  ...introspection(['Document', 'Resource', 'SearchResult', 'Level', 'SearchInput', 'Url']),
]);
writeFileSync(
  join(corpus, '..', 'schema-corpus.json'),
  JSON.stringify(schemas.map(([name, sdl]) => ({ name, sdl })), null, 1) + '\n',
);
process.stdout.write(`schemas: ${schemas.length} type system documents\n`);
execFileSync(process.execPath, [join(here, 'generate-large-schema.mjs'), join(corpus, 'large')], { stdio: 'inherit' });
