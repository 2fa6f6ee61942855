// Prints the API schema Apollo derives from a supergraph (@apollo/federation-internals, the
// `composition` workspace): the supergraph without join/link machinery and @inaccessible elements,
// printed by graphql-js 16's printSchema.
//
//   node api-schema.mjs SUPERGRAPH.graphql
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const requireComposition = createRequire(new URL('./composition/package.json', import.meta.url));
const { Supergraph } = requireComposition('@apollo/federation-internals');
const { printSchema } = requireComposition('graphql');

if (!process.argv[2]) {
  console.error('usage: node api-schema.mjs SUPERGRAPH.graphql');
  process.exit(2);
}

const supergraph = Supergraph.build(readFileSync(process.argv[2], 'utf8'));
process.stdout.write(printSchema(supergraph.apiSchema().toGraphQLJSSchema()));
