// Composes every case of a composition corpus with Apollo's composition (@apollo/composition,
// installed with its own graphql 16 in the `composition` workspace) in one run and prints one JSON
// array: [{name, errors:[{code,message}], supergraphSdl:string|null}], one entry per case.
//
//   node compose-corpus.mjs CORPUS_DIRECTORY
//
// A case is a directory of the corpus; each of its `*.graphql` files is one subgraph, named after
// the file (users.graphql -> users) and given the URL http://<name>.subgraph.invalid/graphql. An SDL
// that does not parse is reported as an error with code INVALID_GRAPHQL, as composition would.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const requireComposition = createRequire(new URL('./composition/package.json', import.meta.url));
const { composeServices } = requireComposition('@apollo/composition');
const { parse } = requireComposition('graphql');

const corpus = process.argv[2];
if (!corpus) {
  console.error('usage: node compose-corpus.mjs CORPUS_DIRECTORY');
  process.exit(2);
}

const describe = (e) => ({ code: e.extensions?.code ?? e.definition?.code ?? null, message: e.message });
const cases = readdirSync(corpus).filter((name) => statSync(join(corpus, name)).isDirectory()).sort();
const results = cases.map((name) => {
  const directory = join(corpus, name);
  try {
    const services = readdirSync(directory).filter((file) => file.endsWith('.graphql')).sort().map((file) => {
      const subgraph = file.replace(/\.graphql$/, '');
      return { name: subgraph, url: `http://${subgraph}.subgraph.invalid/graphql`, typeDefs: parse(readFileSync(join(directory, file), 'utf8')) };
    });
    const result = composeServices(services);
    return { name, errors: (result.errors ?? []).map(describe), supergraphSdl: result.errors ? null : result.supergraphSdl };
  } catch (e) {
    return { name, errors: [{ code: 'INVALID_GRAPHQL', message: e.message }], supergraphSdl: null };
  }
});
console.log(JSON.stringify(results));
