const plots = [
  { district: 'Haishu', number: 1, area: 120, value: 900 },
  { district: 'Yinzhou', number: 1, area: 80, value: 1500 },
  { district: 'Haishu', number: 2, area: 200, value: 400 },
];
const find = ({ district, number }) => plots.find((p) => p.district === district && p.number === number) ?? null;

export default () => ({
  registry: { Query: { plots: () => plots }, Plot: { __resolveReference: find } },
  valuation: {
    Query: { mostValuable: () => ({ district: 'Yinzhou', number: 1, value: 1500 }) },
    Plot: { __resolveReference: (ref) => { const p = find(ref); return p && { district: p.district, number: p.number, value: p.value }; } },
  },
});
