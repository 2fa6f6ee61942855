const prices = { tea: 30, rice: 5 };

export default () => {
  // Fresh for each run: the suite's runner resets the data before each query.
  const cart = { id: 'c1', items: [{ sku: 'rice', quantity: 2 }] };
  // A copy as it is now: a later mutation does not change an answer already given.
  const snapshot = () => ({ id: cart.id, items: cart.items.map((i) => ({ ...i })) });
  return {
    cart: {
      Query: { cart: snapshot },
      Mutation: {
        addItem: (_, { sku, quantity }) => {
          cart.items.push({ sku, quantity });
          return snapshot();
        },
        clear: () => {
          cart.items = [];
          return snapshot();
        },
      },
      Cart: { __resolveReference: snapshot },
    },
    pricing: {
      Query: { priceOf: (_, { sku }) => prices[sku] ?? null },
      Cart: {
        __resolveReference: (ref) => ref,
        total: (ref) => {
          if (!ref.items) throw new Error('the items were not sent');
          return ref.items.reduce((sum, i) => sum + prices[i.sku] * i.quantity, 0);
        },
      },
    },
  };
};
