const vessels = [
  { imo: '9000001', name: 'Ningbo Star', callSign: 'BNXA', port: 'Beilun' },
  { imo: '9000002', name: 'Zhoushan Pearl', callSign: 'BNXB', port: 'Dinghai' },
];

export default () => ({
  a: { Query: { vessels: () => vessels.map(({ imo, name }) => ({ imo, name })) }, Vessel: { __resolveReference: ({ imo }) => vessels.find((v) => v.imo === imo) } },
  b: {
    Vessel: {
      __resolveReference: (ref) => {
        const v = vessels.find((w) => (ref.imo ? w.imo === ref.imo : w.callSign === ref.callSign));
        return v && { imo: v.imo, callSign: v.callSign };
      },
    },
  },
  c: { Vessel: { __resolveReference: ({ callSign }) => { const v = vessels.find((w) => w.callSign === callSign); return v && { callSign, port: v.port }; } } },
});
