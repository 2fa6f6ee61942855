// Times Apollo's JavaScript query planner (@apollo/query-planner 2.14.4, as Apollo Gateway uses it)
// planning operations over supergraphs, for the planning-time benchmark
// (tests/Federation.Benchmarks/Planning/PlanningTime.cs, docs/benchmarks.md).
//
//   node plan-bench.mjs CASES.json [--rounds N] [--round-ms M]
//
// CASES.json: [{ "supergraph": "FILE", "operations": [{ "name": "…", "query": "…" }] }].
// Per operation, as Apollo Gateway plans a new operation (gateway/dist/index.js): the document
// parsed once, then each plan is operationFromDocument over the API schema and buildQueryPlan on a
// planner built once per supergraph. QueryPlanner keeps no plan cache of its own (the gateway's
// is outside it), so every plan is made from scratch. Warm-up, then N timed rounds of about M ms;
// prints one JSON line per operation with the median time per plan in microseconds.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const requireApollo = createRequire(new URL('./apollo-gateway/package.json', import.meta.url));
const { Supergraph, operationFromDocument } = requireApollo('@apollo/federation-internals');
const { QueryPlanner } = requireApollo('@apollo/query-planner');
const { parse } = requireApollo('graphql');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const rounds = option('rounds', 15);
const roundMs = option('round-ms', 20);
const cases = JSON.parse(readFileSync(args[0], 'utf8'));

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

for (const { supergraph: file, operations } of cases) {
  let apiSchema;
  let planner;
  try {
    const supergraph = Supergraph.build(readFileSync(file, 'utf8'));
    apiSchema = supergraph.apiSchema();
    planner = new QueryPlanner(supergraph);
  } catch (error) {
    // A supergraph Apollo's planner does not read: every operation of it reported as such.
    const message = String(error.message ?? error).split('\n').filter((l) => l.startsWith('[')).join(' ') || String(error.message ?? error).split('\n')[0];
    for (const { name } of operations) {
      console.log(JSON.stringify({ supergraph: file, name, error: `supergraph not read: ${message}` }));
    }
    continue;
  }
  for (const { name, query } of operations) {
    const document = parse(query);
    const plan = () => planner.buildQueryPlan(operationFromDocument(apiSchema, document));
    try {
      // Warm-up: about 10 rounds' worth, and enough plans to size a round.
      let iterations = 0;
      const warmStart = process.hrtime.bigint();
      while (Number(process.hrtime.bigint() - warmStart) < roundMs * 10e6 || iterations < 20) {
        plan();
        iterations++;
      }
      const perRound = Math.max(1, Math.round(iterations / 10));
      const times = [];
      for (let r = 0; r < rounds; r++) {
        const start = process.hrtime.bigint();
        for (let i = 0; i < perRound; i++) {
          plan();
        }
        times.push(Number(process.hrtime.bigint() - start) / 1e3 / perRound);
      }
      console.log(JSON.stringify({ supergraph: file, name, micros: median(times) }));
    } catch (error) {
      console.log(JSON.stringify({ supergraph: file, name, error: String(error.message ?? error).split('\n')[0] }));
    }
  }
}
