// Runs graphql-http's server audits (GraphQL-over-HTTP conformance) against the URL given as
// the first argument and prints one JSON line: every audit's id, level, name, status, reason.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node graphql-http-audit.mjs URL');
  process.exit(2);
}

const audits = serverAudits({ url });
const results = [];
for (const audit of audits) {
  const result = await audit.fn();
  const level = audit.name.split(' ')[0];
  results.push({
    id: audit.id,
    level,
    name: audit.name,
    status: result.status,
    reason: result.status === 'ok' ? null : result.reason,
  });
}
console.log(JSON.stringify(results));
