const goods = [{ __typename: 'Fruit', sku: 'f1', ripe: true }, { __typename: 'Tool', sku: 't1', metal: false }];

export default () => ({
  shop: {
    Query: { shop: () => ({ id: 's1', name: 'Tianyi Market' }), goods: () => goods },
    Mutation: { ping: () => 'pong' },
    Goods: { __resolveType: (g) => g.__typename },
    Shop: { __resolveReference: ({ id }) => ({ id, name: 'Tianyi Market' }) },
    Fruit: { __resolveReference: ({ sku }) => goods.find((g) => g.sku === sku) },
    Tool: { __resolveReference: ({ sku }) => goods.find((g) => g.sku === sku) },
  },
  ratings: {
    Shop: { __resolveReference: ({ id }) => ({ id }), rating: () => ({ stars: 4 }) },
    Fruit: { __resolveReference: ({ sku }) => ({ sku, origin: 'Yunnan' }) },
  },
});
