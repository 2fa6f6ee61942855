#!/usr/bin/env bash
# Our engine against GraphQL.NET 8.8.5 on the engine benchmark's workloads, in the same process
# and the same run (EngineVersusGraphQLDotNet: each stage ours, then theirs), repeated ROUNDS
# times; the table gives each side's median time and allocation per operation and the median of
# the per-round ratios. In-process: BenchmarkDotNet's generated project does not build within its
# time-out on the shared machine, and both engines see the same process and collector.
# Usage: tests/Federation.Benchmarks/compare-graphql-dotnet.sh [ROUNDS]   (default 3)
set -euo pipefail
cd "$(dirname "$0")"
ROUNDS=${1:-3}
OUT=$(mktemp -d)
dotnet build -c Release --nologo -v q . >/dev/null
for round in $(seq "$ROUNDS"); do
  echo "round $round/$ROUNDS (load average: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  dotnet run -c Release --no-build -- --filter '*EngineVersusGraphQLDotNet*' --job short --inProcess --exporters json \
    --artifacts "$OUT/round-$round" >/dev/null
done
node --input-type=module - "$OUT" "$ROUNDS" <<'JS'
import { readFileSync, readdirSync } from 'node:fs';
const [dir, rounds] = [process.argv[2], Number(process.argv[3])];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const cells = {};
for (let r = 1; r <= rounds; r++) {
  const results = `${dir}/round-${r}/results`;
  const file = readdirSync(results).find((f) => f.endsWith('-report-full-compressed.json'));
  const round = {};
  for (const b of JSON.parse(readFileSync(`${results}/${file}`, 'utf8')).Benchmarks) {
    const workload = b.Parameters.replace('Workload=', '');
    const [, side, stage] = b.Method.match(/^(Ours|Theirs)(.+)$/);
    (round[`${workload}.${stage}`] ??= {})[side] = { ns: b.Statistics.Median, bytes: b.Memory?.BytesAllocatedPerOperation ?? NaN };
  }
  for (const [key, { Ours, Theirs }] of Object.entries(round)) {
    const cell = (cells[key] ??= { ours: [], theirs: [], ratio: [], oursBytes: [], theirsBytes: [] });
    cell.ours.push(Ours.ns); cell.theirs.push(Theirs.ns); cell.ratio.push(Theirs.ns / Ours.ns);
    cell.oursBytes.push(Ours.bytes); cell.theirsBytes.push(Theirs.bytes);
  }
}
const us = (ns) => (ns / 1000).toFixed(1);
const kib = (b) => (b / 1024).toFixed(1);
console.log('| workload | stage | ours µs | GraphQL.NET µs | GraphQL.NET time / ours (median; per round) | ours KiB/op | GraphQL.NET KiB/op |');
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const [key, c] of Object.entries(cells)) {
  const [w, stage] = key.split('.');
  const label = stage === 'All' ? 'parse + validate + execute' : stage.toLowerCase();
  console.log(`| ${w} | ${label} | ${us(median(c.ours))} | ${us(median(c.theirs))} | ${median(c.ratio).toFixed(2)}× (${c.ratio.map((x) => x.toFixed(2)).join(', ')}) | ${kib(median(c.oursBytes))} | ${kib(median(c.theirsBytes))} |`);
}
console.log(`\n(${rounds} rounds, BenchmarkDotNet job short in-process, medians; ${new Date().toISOString().slice(0, 10)}, GraphQL.NET 8.8.5)`);
JS
rm -rf "$OUT"
