// Serves every subgraph of the federation conformance suite from one process, on one loopback port:
// suite S's subgraph G answers POST /S/G/graphql. Each subgraph is its SDL file (suites/S/G.graphql)
// built with @apollo/subgraph 2.14.4 over graphql-js 16 and the resolvers suites/S/resolvers.mjs
// gives it. The subgraphs trust anyone (the suite tests planning, not signing): our gateway's
// signature headers are ignored.
//
//   node serve.mjs [--port 0] [--suites DIR] [--only suite,suite]
//
// Prints one line of JSON once it serves, {"url": "http://127.0.0.1:PORT/", "suites": {S: {G: url}}}.
// POST /__reset gives every suite fresh data (the mutation suites change theirs); POST /__reset/S suite S alone.
import { createServer } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, parse } from 'graphql';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};

const suitesDirectory = option('suites', new URL('./suites', import.meta.url).pathname);
const only = option('only')?.split(',');
const port = Number(option('port', '0'));
if (!Number.isInteger(port)) {
  console.error('usage: node serve.mjs [--port N] [--suites DIR] [--only suite,suite]');
  process.exit(2);
}

/** Every suite: its subgraphs' SDL and the module that makes their resolvers (fresh data each call). */
const suites = new Map();
for (const name of readdirSync(suitesDirectory).sort()) {
  if (only && !only.includes(name)) continue;
  const directory = join(suitesDirectory, name);
  const subgraphs = readdirSync(directory).filter((f) => f.endsWith('.graphql')).sort().map((f) => f.replace(/\.graphql$/, ''));
  const module = await import(pathToFileURL(join(directory, 'resolvers.mjs')).href);
  suites.set(name, { directory, subgraphs, make: module.default, schemas: new Map() });
}

function build(suite, suiteName) {
  const resolvers = suite.make();
  suite.schemas.clear();
  for (const subgraph of suite.subgraphs) {
    const typeDefs = parse(readFileSync(join(suite.directory, `${subgraph}.graphql`), 'utf8'));
    try {
      suite.schemas.set(subgraph, buildSubgraphSchema([{ typeDefs, resolvers: resolvers[subgraph] ?? {} }]));
    } catch (error) {
      console.error(`${suiteName}/${subgraph}: ${error.message}`);
      process.exit(1);
    }
  }
}

for (const [name, suite] of suites) build(suite, name);

function send(res, status, payload) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(payload));
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    const path = new URL(req.url, 'http://subgraph').pathname;
    if (req.method === 'POST' && path.startsWith('/__reset')) {
      const only = path.split('/')[2];
      for (const [name, suite] of suites) if (!only || name === only) build(suite, name);
      send(res, 200, { reset: only ?? 'all' });
      return;
    }

    const [, suiteName, subgraph, endpoint] = path.split('/');
    const schema = suites.get(suiteName)?.schemas.get(subgraph);
    if (req.method !== 'POST' || endpoint !== 'graphql' || !schema) {
      send(res, 404, { errors: [{ message: `No subgraph at ${path}.`, extensions: { code: 'NOT_FOUND' } }] });
      return;
    }

    let request;
    try {
      request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      send(res, 400, { errors: [{ message: 'The body is not JSON.', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }

    const result = await graphql({
      schema,
      source: request.query,
      variableValues: request.variables ?? undefined,
      operationName: request.operationName ?? undefined,
    });
    if (process.env.FEDSUITE_LOG) console.error(JSON.stringify({ subgraph: `${suiteName}/${subgraph}`, query: request.query, variables: request.variables, result }));
    send(res, 200, result);
  });
});

// Longer than the peers' idle connections, so a pooled connection is never closed under a request (ECONNRESET).
server.keepAliveTimeout = 120_000;
server.headersTimeout = 121_000;
server.listen(port, '127.0.0.1', () => {
  const base = `http://127.0.0.1:${server.address().port}/`;
  const urls = {};
  for (const [name, suite] of suites) {
    urls[name] = Object.fromEntries(suite.subgraphs.map((s) => [s, `${base}${name}/${s}/graphql`]));
  }
  console.log(JSON.stringify({ url: base, suites: urls }));
});
