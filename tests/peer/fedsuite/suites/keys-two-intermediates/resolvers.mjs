const ships = [
  { imo: '9100001', name: 'Taizhou Dawn', mmsi: '413000001', callSign: 'BQTA', flag: 'CN' },
  { imo: '9100002', name: 'Wenzhou Tide', mmsi: '413000002', callSign: 'BQTB', flag: 'PA' },
];

// Each subgraph looks a ship up only by its own keys, and throws on a representation without one:
// a gateway that skips an intermediate step has nothing to send.
const by = (ref, keys) => {
  const key = keys.find((k) => ref[k] !== undefined);
  if (!key) throw new Error(`representation without ${keys.join(' or ')}`);
  return ships.find((s) => s[key] === ref[key]);
};

export default () => ({
  registry: { Query: { ships: () => ships.map(({ imo, name }) => ({ imo, name })) }, Ship: { __resolveReference: (ref) => { const s = by(ref, ['imo']); return s && { imo: s.imo, name: s.name }; } } },
  ais: { Ship: { __resolveReference: (ref) => { const s = by(ref, ['imo', 'mmsi']); return s && { imo: s.imo, mmsi: s.mmsi }; } } },
  radio: { Ship: { __resolveReference: (ref) => { const s = by(ref, ['mmsi', 'callSign']); return s && { mmsi: s.mmsi, callSign: s.callSign }; } } },
  flags: { Ship: { __resolveReference: (ref) => { const s = by(ref, ['callSign']); return s && { callSign: s.callSign, flag: s.flag }; } } },
});
