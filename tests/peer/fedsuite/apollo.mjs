// Apollo Gateway 2.14.4 over every suite of the federation conformance suite, in one process: each
// suite's subgraphs composed with Apollo's composition (@apollo/composition 2.14.4, the gateway's
// own) and served by one ApolloGateway + ApolloServer, at POST /S/graphql of one loopback port.
//
//   node apollo.mjs --subgraphs URL [--port 0] [--suites DIR] [--only suite,suite]
//        [--answers]
//
// URL is the base that serve.mjs printed (suite S's subgraph G at URL/S/G/graphql). Prints one line
// of JSON once it serves: {"url": "http://127.0.0.1:PORT/", "composition": {S: [errors]}}. With
// --answers it serves nothing: it runs every query of every suite and prints one JSON line per query,
// {"suite", "query", "response"}, then exits (for writing and reviewing expected answers).
import { createServer } from 'node:http';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const requireApollo = createRequire(new URL('../apollo-gateway/package.json', import.meta.url));
const { ApolloGateway, RemoteGraphQLDataSource } = requireApollo('@apollo/gateway');
const { ApolloServer } = requireApollo('@apollo/server');
const { composeServices } = requireApollo('@apollo/composition');
const { parse } = requireApollo('graphql');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};

const subgraphsBase = option('subgraphs');
const suitesDirectory = option('suites', new URL('./suites', import.meta.url).pathname);
const only = option('only')?.split(',');
const port = Number(option('port', '0'));
if (!subgraphsBase || !Number.isInteger(port)) {
  console.error('usage: node apollo.mjs --subgraphs URL [--port N] [--suites DIR] [--only suite,suite] [--answers]');
  process.exit(2);
}

const servers = new Map();
const composition = {};
for (const name of readdirSync(suitesDirectory).sort()) {
  if (only && !only.includes(name)) continue;
  const directory = join(suitesDirectory, name);
  const services = readdirSync(directory).filter((f) => f.endsWith('.graphql')).sort().map((f) => {
    const subgraph = f.replace(/\.graphql$/, '');
    return { name: subgraph, url: new URL(`${name}/${subgraph}/graphql`, subgraphsBase).href, typeDefs: parse(readFileSync(join(directory, f), 'utf8')) };
  });
  const composed = composeServices(services);
  if (composed.errors) {
    composition[name] = composed.errors.map((e) => ({ code: e.extensions?.code ?? null, message: e.message }));
    continue;
  }

  const gateway = new ApolloGateway({
    supergraphSdl: composed.supergraphSdl,
    buildService: ({ url }) => new RemoteGraphQLDataSource({ url }),
    logger: { debug() {}, info() {}, warn() {}, error: (m) => console.error(`${name}: ${m}`) },
  });
  const server = new ApolloServer({ gateway, includeStacktraceInErrorResponses: false, logger: { debug() {}, info() {}, warn() {}, error: (m) => console.error(`${name}: ${m}`) } });
  try {
    await server.start();
    servers.set(name, server);
  } catch (error) {
    composition[name] = [{ code: 'GATEWAY_NOT_STARTED', message: error.message }];
  }
}

async function answer(suite, request) {
  const server = servers.get(suite);
  if (!server) {
    return { errors: (composition[suite] ?? [{ code: 'NOT_FOUND', message: `No suite ${suite}.` }]).map((e) => ({ message: e.message, extensions: { code: e.code } })) };
  }

  const response = await server.executeOperation({ query: request.query, variables: request.variables ?? undefined, operationName: request.operationName ?? undefined });
  return response.body.kind === 'single' ? response.body.singleResult : { errors: [{ message: 'Incremental delivery is not used by this suite.' }] };
}

if (args.includes('--answers')) {
  for (const suite of readdirSync(suitesDirectory).sort()) {
    if (only && !only.includes(suite)) continue;
    const queries = join(suitesDirectory, suite, 'queries');
    for (const file of readdirSync(queries).filter((f) => f.endsWith('.graphql')).sort()) {
      const query = file.replace(/\.graphql$/, '');
      const expectedFile = join(queries, `${query}.json`);
      const expected = existsSync(expectedFile) ? JSON.parse(readFileSync(expectedFile, 'utf8')) : {};
      // Fresh data for each query, as the C# test gives it: the mutation suites change theirs.
      await fetch(new URL(`__reset/${suite}`, subgraphsBase), { method: 'POST' });
      const response = await answer(suite, { query: readFileSync(join(queries, file), 'utf8'), variables: expected.variables });
      console.log(JSON.stringify({ suite, query, response }));
    }
  }

  await Promise.all([...servers.values()].map((s) => s.stop()));
  process.exit(0);
}

const http = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    const [, suite, endpoint] = new URL(req.url, 'http://gateway').pathname.split('/');
    let body;
    try {
      body = endpoint === 'graphql' && req.method === 'POST' ? await answer(suite, JSON.parse(Buffer.concat(chunks).toString('utf8'))) : null;
    } catch (error) {
      body = { errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] };
    }

    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body ?? { errors: [{ message: 'POST /SUITE/graphql.' }] }));
  });
});

http.listen(port, '127.0.0.1', () => {
  console.log(JSON.stringify({ url: `http://127.0.0.1:${http.address().port}/`, composition }));
});
