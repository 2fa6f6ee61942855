const citizens = [
  { id: 'c1', passport: 'E100', name: 'Ye Qing' },
  { id: 'c2', passport: 'E200', name: 'Tang Wei' },
];

export default () => ({
  citizens: {
    Query: { citizens: () => citizens },
    Citizen: { __resolveReference: (ref) => citizens.find((c) => (ref.id ? c.id === ref.id : c.passport === ref.passport)) ?? null },
  },
  travel: {
    Query: { travellers: () => [{ passport: 'E200', trips: 7 }] },
    Citizen: { __resolveReference: ({ passport }) => ({ passport, trips: passport === 'E100' ? 2 : 7 }) },
  },
  tax: { Citizen: { __resolveReference: ({ id }) => ({ id, taxNumber: `T-${id}` }) } },
});
