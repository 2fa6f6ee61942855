// Runs Apollo Gateway 2.14.4 (on Apollo Server 5) over our agency subgraphs: the peer gateway for
// result equivalence and side-by-side load tests. Every subgraph request is signed as our gateway
// signs it (HMAC-SHA256, see subgraphs/Federation.Subgraphs.Hosting/README.md), for the caller named
// by the incoming X-Caller-Agency / X-Caller-Purpose headers or the defaults below.
//
//   node apollo-gateway.mjs --supergraph ../../schema/supergraph.graphql --secret S [--port 0]
//        [--subgraph population=http://127.0.0.1:5001/graphql ...] [--agency A --purpose P]
//
// Prints one line of JSON, {"url": "http://127.0.0.1:PORT/"}, once it serves.
import { readFileSync } from 'node:fs';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';

const requireApollo = createRequire(new URL('./apollo-gateway/package.json', import.meta.url));
const { ApolloGateway, RemoteGraphQLDataSource } = requireApollo('@apollo/gateway');
const { ApolloServer } = requireApollo('@apollo/server');
const { startStandaloneServer } = requireApollo('@apollo/server/standalone');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const overrides = new Map();
args.forEach((arg, i) => {
  if (arg === '--subgraph') {
    const [name, url] = args[i + 1].split(/=(.*)/s);
    overrides.set(name, url);
  }
});

const supergraphPath = option('supergraph');
const secret = option('secret');
if (!supergraphPath || !secret) {
  console.error('usage: node apollo-gateway.mjs --supergraph FILE --secret SECRET [--port N] [--subgraph name=url]...');
  process.exit(2);
}

const defaultAgency = option('agency', 'apollo-peer');
const defaultPurpose = option('purpose', 'DATA_VERIFICATION');

class SignedDataSource extends RemoteGraphQLDataSource {
  async sendRequest(request, context) {
    const { http, ...withoutHttp } = request;
    const body = JSON.stringify(withoutHttp);
    const url = new URL(http.url);
    const timestamp = Math.floor(Date.now() / 1000).toString();
    const nonce = randomBytes(16).toString('hex');
    const agency = context?.agency ?? defaultAgency;
    const purpose = context?.purpose ?? defaultPurpose;
    // No X-Caller-Division: Apollo Gateway knows no registry, so the subgraphs answer every row of
    // every division. No X-Caller-Row-Resources: it decides no row-scoped resource, so the subgraphs
    // withhold those rows (signed as the empty list), as they do from a caller without the right.
    // The trace context is signed too (v4): whatever traceparent goes with the request, none here.
    const canonical = ['v4', http.method.toUpperCase(), url.pathname + url.search, timestamp, nonce, agency, purpose, '', '', '',
      http.headers.get('traceparent') ?? '', createHash('sha256').update(body, 'utf8').digest('hex')].join('\n');
    http.headers.set('X-Gateway-Timestamp', timestamp);
    http.headers.set('X-Gateway-Nonce', nonce);
    http.headers.set('X-Caller-Agency', agency);
    http.headers.set('X-Caller-Purpose', purpose);
    http.headers.set('X-Gateway-Signature', 'v4=' + createHmac('sha256', secret).update(canonical, 'utf8').digest('hex'));
    return super.sendRequest(request, context);
  }
}

const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(supergraphPath, 'utf8'),
  buildService: ({ name, url }) => new SignedDataSource({ url: overrides.get(name) ?? url }),
});

const server = new ApolloServer({ gateway, includeStacktraceInErrorResponses: false });
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(option('port', '0')), host: '127.0.0.1' },
  context: async ({ req }) => ({
    agency: req.headers['x-caller-agency'] ?? undefined,
    purpose: req.headers['x-caller-purpose'] ?? undefined,
  }),
});
console.log(JSON.stringify({ url }));
