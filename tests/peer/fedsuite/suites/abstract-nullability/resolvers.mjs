const bank = { __typename: 'Bank', id: 'b1', holder: 'Wu Gang', balance: 3200 };
const transit = [{ __typename: 'Transit', id: 't1', holder: null, rides: 12 }, { __typename: 'Transit', id: 't2', holder: 'Xu Lan', rides: 3 }];

export default () => ({
  cards: {
    Query: { wallet: () => [bank, ...transit] },
    Card: { __resolveType: (c) => c.__typename },
    Bank: { __resolveReference: () => bank },
    Transit: { __resolveReference: ({ id }) => transit.find((t) => t.id === id) },
  },
  holders: {
    Query: { bank: (_, { id }) => (id === bank.id ? { id, holder: bank.holder } : null) },
    Bank: { __resolveReference: ({ id }) => (id === bank.id ? { id, holder: bank.holder } : null) },
  },
});
