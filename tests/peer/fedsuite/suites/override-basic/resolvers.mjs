// The legacy system still answers status, with its stale values: only the modern one's count.
const legacy = [{ id: 'p1', status: 'PENDING', fee: 30 }, { id: 'p2', status: 'PENDING', fee: 50 }];
const modern = { p1: 'GRANTED', p2: 'REFUSED' };

export default () => ({
  legacy: { Query: { permits: () => legacy }, Permit: { __resolveReference: ({ id }) => legacy.find((p) => p.id === id) } },
  modern: {
    Query: { permit: (_, { id }) => (modern[id] ? { id, status: modern[id] } : null) },
    Permit: { __resolveReference: ({ id }) => ({ id, status: modern[id] }) },
  },
});
