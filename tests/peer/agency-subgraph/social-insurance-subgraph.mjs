// A fifth agency's subgraph that this project did not write in C#: the social-insurance register of
// the Human Resources and Social Security Bureau, written with Apollo's @apollo/subgraph (Federation 2)
// over graphql-js 16 and node:http. It extends Person and LegalPerson by their keys and owns
// SocialInsuranceAccount. Like the platform's own subgraphs it trusts only the gateway: every request
// must carry a fresh, first-seen v4 gateway signature (HMAC-SHA256 of the canonical request, see
// subgraphs/Federation.Subgraphs.Hosting/Signing/GatewaySignature.cs) or it is refused with 401 and
// the same error codes.
//
//   node social-insurance-subgraph.mjs --data FILE.json [--port 0] [--secret S]
//
// The secret is --secret or GATEWAY_SIGNATURE_SECRET (at least 32 bytes); the port --port or PORT
// (0: any free port). The data file is {"accounts": [{number, idNumber, creditCode|null, scheme,
// status, contributionMonths, monthlyContributionBase|null, openedOn}]}. Prints one line of JSON,
// {"url": "http://127.0.0.1:PORT/graphql"}, once it serves on 127.0.0.1.
import { createServer } from 'node:http';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, parse } from 'graphql';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};

const secret = option('secret', process.env.GATEWAY_SIGNATURE_SECRET);
const dataFile = option('data');
const port = Number(option('port', process.env.PORT ?? '0'));
if (!secret || Buffer.byteLength(secret, 'utf8') < 32 || !dataFile || !Number.isInteger(port)) {
  console.error('usage: node social-insurance-subgraph.mjs --data FILE.json [--port N] [--secret S (or GATEWAY_SIGNATURE_SECRET), at least 32 bytes]');
  process.exit(2);
}

const { accounts } = JSON.parse(readFileSync(dataFile, 'utf8'));
const byNumber = new Map(accounts.map((a) => [a.number, a]));

const resolvers = {
  Query: {
    socialInsuranceAccount: (_, { number }) => byNumber.get(number) ?? null,
  },
  SocialInsuranceAccount: {
    __resolveReference: ({ number }) => byNumber.get(number) ?? null,
    insured: (account) => ({ idNumber: account.idNumber }),
    employer: (account) => (account.creditCode ? { creditCode: account.creditCode } : null),
  },
  Person: {
    __resolveReference: ({ idNumber }) => ({ idNumber }),
    socialInsuranceAccounts: ({ idNumber }) =>
      accounts.filter((a) => a.idNumber === idNumber).sort((a, b) => a.number.localeCompare(b.number)),
  },
  LegalPerson: {
    __resolveReference: ({ creditCode }) => ({ creditCode }),
    insuredEmployeeCount: ({ creditCode }) =>
      new Set(accounts.filter((a) => a.creditCode === creditCode && a.status === 'ACTIVE').map((a) => a.idNumber)).size,
  },
};

const typeDefs = parse(readFileSync(new URL('./social-insurance.graphql', import.meta.url), 'utf8'));
const schema = buildSubgraphSchema([{ typeDefs, resolvers }]);

// The gateway signature, as GatewaySignatureCheck checks it: same window, skew, nonce rule and codes.
const windowSeconds = 60;
const clockSkewSeconds = 5;
const maxBodyBytes = 1024 * 1024;
const seen = new Map(); // signature → the second after which it can no longer be replayed (expired anyway)

function refusal(status, code, message) {
  return { status, code, message };
}

function checkSignature(req, body) {
  const header = (name) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value.join(', ') : (value ?? '');
  };
  const presented = header('x-gateway-signature');
  const stamp = header('x-gateway-timestamp');
  const nonce = header('x-gateway-nonce');
  if (!presented || !stamp || !nonce) {
    return refusal(401, 'SIGNATURE_MISSING', 'The request carries no gateway signature.');
  }

  const agency = header('x-caller-agency');
  const purpose = header('x-caller-purpose');
  if (!agency || !purpose) {
    return refusal(401, 'CALLER_MISSING', 'The request names no calling agency and purpose.');
  }

  const division = header('x-caller-division');
  if (division && !/^[1-9][0-9]{5}$/.test(division)) {
    return refusal(401, 'CALLER_DIVISION_INVALID', "The caller's division is not a GB/T 2260 division code.");
  }

  if (!/^[A-Za-z0-9_-]{16,128}$/.test(nonce)) {
    return refusal(401, 'SIGNATURE_INVALID', "The gateway signature's nonce is not 16 to 128 characters of A-Z, a-z, 0-9, '-' and '_'.");
  }

  if (!/^[0-9]{1,15}$/.test(stamp)) {
    return refusal(401, 'SIGNATURE_INVALID', "The gateway signature's timestamp is not a number of seconds.");
  }

  const timestamp = Number(stamp);
  const now = Math.floor(Date.now() / 1000);
  if (timestamp < now - windowSeconds) {
    return refusal(401, 'SIGNATURE_EXPIRED', 'The gateway signature has expired.');
  }

  if (timestamp > now + clockSkewSeconds) {
    return refusal(401, 'SIGNATURE_EXPIRED', "The gateway signature's timestamp lies in the future.");
  }

  // req.url is the request target as sent, which is what the gateway signed.
  const canonical = ['v4', req.method.toUpperCase(), req.url, stamp, nonce, agency, purpose,
    header('x-caller-matter'), division, header('x-caller-row-resources'), header('traceparent'),
    createHash('sha256').update(body).digest('hex')].join('\n');
  const expected = createHmac('sha256', secret).update(canonical, 'utf8').digest();
  const given = /^v4=[0-9a-fA-F]{64}$/.test(presented) ? Buffer.from(presented.slice(3), 'hex') : null;
  if (!given || !timingSafeEqual(given, expected)) {
    return refusal(401, 'SIGNATURE_INVALID', 'The gateway signature does not match the request.');
  }

  for (const [key, until] of seen) {
    if (until < now) seen.delete(key);
  }

  const key = given.toString('hex');
  if (seen.has(key)) {
    return refusal(401, 'SIGNATURE_REPLAYED', 'The gateway signature was already used.');
  }

  seen.set(key, timestamp + windowSeconds);
  return null;
}

function send(res, status, payload, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(payload));
}

const error = (message, code) => ({ errors: [{ message, extensions: { code } }] });

const server = createServer((req, res) => {
  const chunks = [];
  let size = 0;
  let tooLarge = false;
  req.on('data', (chunk) => {
    size += chunk.length;
    if (size > maxBodyBytes) {
      tooLarge = true;
    } else {
      chunks.push(chunk);
    }
  });
  req.on('end', async () => {
    if (tooLarge) {
      send(res, 413, error('The request body is larger than the subgraph accepts.', 'BODY_TOO_LARGE'));
      return;
    }

    const body = Buffer.concat(chunks);
    const refused = checkSignature(req, body);
    if (refused) {
      console.error(JSON.stringify({ refused: refused.code, agency: req.headers['x-caller-agency'] ?? null, from: req.socket.remoteAddress, path: req.url }));
      send(res, refused.status, error(refused.message, refused.code), refused.status === 401 ? { 'www-authenticate': 'GatewaySignature' } : {});
      return;
    }

    if (req.method !== 'POST' || new URL(req.url, 'http://subgraph').pathname !== '/graphql') {
      send(res, 405, error('POST a GraphQL request to /graphql.', 'METHOD_NOT_ALLOWED'), { allow: 'POST' });
      return;
    }

    let request;
    try {
      request = JSON.parse(body.toString('utf8'));
    } catch {
      send(res, 400, error('The body is not JSON.', 'BAD_REQUEST'));
      return;
    }

    if (typeof request?.query !== 'string') {
      send(res, 400, error('The body has no query.', 'BAD_REQUEST'));
      return;
    }

    const result = await graphql({
      schema,
      source: request.query,
      variableValues: request.variables ?? undefined,
      operationName: request.operationName ?? undefined,
    });
    send(res, 200, result);
  });
});

server.listen(port, '127.0.0.1', () => {
  console.log(JSON.stringify({ url: `http://127.0.0.1:${server.address().port}/graphql` }));
});
