const things = [
  { __typename: 'Book', id: 'i1', label: 'Tang poems', isbn: '978-7-02' },
  { __typename: 'Toy', id: 'i2', label: 'Kite', minAge: 6 },
  { __typename: 'Fee', id: 'c1', label: 'Delivery', amount: 12 },
  { __typename: 'Owing', id: 'c2', label: 'Deposit', creditor: 'Bank of Ningbo' },
];
const lines = [
  { n: 1, item: 'i1', charge: 'c1' },
  { n: 2, item: 'i2', charge: 'c2' },
];
const find = (id) => things.find((t) => t.id === id);
const strict = (type) => ({
  __resolveReference: ({ id }) => ({ __typename: type, id }),
  label: (t) => {
    if (t.label === undefined) throw new Error(`the orders subgraph does not know the label of ${t.id}`);
    return t.label;
  },
});

export default () => ({
  catalog: {
    Query: { item: (_, { id }) => find(id) ?? null },
    Item: { __resolveType: (t) => t.__typename },
    Book: { __resolveReference: ({ id }) => find(id) },
    Toy: { __resolveReference: ({ id }) => find(id) },
    Fee: { __resolveReference: ({ id }) => find(id) },
    Owing: { __resolveReference: ({ id }) => find(id) },
  },
  orders: {
    Query: { lines: () => lines },
    Line: {
      item: (l) => ({ __typename: find(l.item).__typename, id: l.item, label: find(l.item).label }),
      charge: (l) => ({ __typename: find(l.charge).__typename, id: l.charge, label: find(l.charge).label }),
    },
    Item: { __resolveType: (t) => t.__typename },
    Charge: { __resolveType: (t) => t.__typename },
    Book: strict('Book'),
    Toy: strict('Toy'),
    Fee: strict('Fee'),
    Owing: strict('Owing'),
  },
});
