// Composes Apollo Federation v2 subgraph SDL files with Apollo's composition (@apollo/composition,
// installed with its own graphql 16 in the `composition` workspace) and prints one JSON object:
// {"errors":[{code,message}],"hints":[{code,message}],"supergraphSdl":string|null}.
//
//   node compose-subgraphs.mjs schema/population.graphql schema/legal-persons.graphql ...
//
// Each subgraph is named after its file (population.graphql -> population) and given a placeholder
// URL. Exits 0 when composition succeeds, 1 when it reports errors, 2 on bad usage.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createRequire } from 'node:module';

const requireComposition = createRequire(new URL('./composition/package.json', import.meta.url));
const { composeServices } = requireComposition('@apollo/composition');
const { parse } = requireComposition('graphql');

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node compose-subgraphs.mjs SUBGRAPH.graphql...');
  process.exit(2);
}

const services = files.map((file) => {
  const name = basename(file).replace(/\.graphql$/, '');
  return { name, url: `http://${name}.subgraph.invalid/graphql`, typeDefs: parse(readFileSync(file, 'utf8')) };
});

const result = composeServices(services);
const describe = (e) => ({ code: e.extensions?.code ?? e.definition?.code ?? null, message: e.message });
console.log(JSON.stringify({
  errors: (result.errors ?? []).map(describe),
  hints: (result.hints ?? []).map((h) => ({ code: h.definition?.code ?? null, message: h.message })),
  supergraphSdl: result.errors ? null : result.supergraphSdl,
}));
// exitCode, not exit(): exit() would cut off a large supergraph still being written to a pipe.
process.exitCode = result.errors ? 1 : 0;
