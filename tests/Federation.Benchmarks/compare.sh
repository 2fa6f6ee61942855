#!/usr/bin/env bash
# Our engine against graphql-js 17.1.0 on the same machine in the same run: rounds alternate
# (graphql-js, then ours, then graphql-js ...) so that both see the same noise, and the table
# gives the median throughput of each side and their ratio.
# Usage: tests/Federation.Benchmarks/compare.sh [ROUNDS]   (default 3; needs tests/peer/node_modules)
set -euo pipefail
cd "$(dirname "$0")"
ROUNDS=${1:-3}
OUT=$(mktemp -d)
dotnet build -c Release --nologo -v q . >/dev/null
for round in $(seq "$ROUNDS"); do
  echo "round $round/$ROUNDS: graphql-js" >&2
  node ../peer/bench-graphql-js.mjs --workloads Workloads --seconds 3 2>/dev/null > "$OUT/js-$round.json"
  echo "round $round/$ROUNDS: ours" >&2
  dotnet run -c Release --no-build -- --filter '*EngineBenchmarks*' --job short --exporters json \
    --artifacts "$OUT/ours-$round" >/dev/null
done
node --input-type=module - "$OUT" "$ROUNDS" <<'JS'
import { readFileSync, readdirSync } from 'node:fs';
const [dir, rounds] = [process.argv[2], Number(process.argv[3])];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const js = {}, ours = {};
for (let r = 1; r <= rounds; r++) {
  const j = JSON.parse(readFileSync(`${dir}/js-${r}.json`, 'utf8'));
  for (const [w, ops] of Object.entries(j.opsPerSecond)) for (const [m, v] of Object.entries(ops)) (js[`${w}.${m}`] ??= []).push(v);
  const results = `${dir}/ours-${r}/results`;
  const file = readdirSync(results).find((f) => f.endsWith('-report-full-compressed.json'));
  for (const b of JSON.parse(readFileSync(`${results}/${file}`, 'utf8')).Benchmarks) {
    const w = b.Parameters.replace('Workload=', '');
    const m = b.Method.charAt(0).toLowerCase() + b.Method.slice(1);
    (ours[`${w}.${m}`] ??= { ops: [], bytes: [] }).ops.push(1e9 / b.Statistics.Median);
    ours[`${w}.${m}`].bytes.push(b.Memory?.BytesAllocatedPerOperation ?? NaN);
  }
}
console.log(`| workload | stage | graphql-js ops/s | ours ops/s | ratio | ours allocated/op |`);
console.log(`|---|---|---:|---:|---:|---:|`);
for (const key of Object.keys(js)) {
  const [w, m] = key.split('.');
  const a = median(js[key]), b = median(ours[key].ops);
  console.log(`| ${w} | ${m === 'all' ? 'parse + validate + execute' : m} | ${a.toFixed(0)} | ${b.toFixed(0)} | ${(b / a).toFixed(2)}× | ${(median(ours[key].bytes) / 1024).toFixed(1)} KiB |`);
}
console.log(`\n(${rounds} alternating rounds, medians; ${new Date().toISOString().slice(0, 10)}, ${process.version}, graphql-js 17.1.0)`);
JS
rm -rf "$OUT"
