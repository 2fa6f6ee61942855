const articles = [
  { sku: 'tea', cny: 800 },
  { sku: 'silk', cny: 1600 },
];
const rate = { CNY: 1, EUR: 0.125 };

export default () => ({
  prices: {
    Query: { articles: () => articles },
    Article: {
      __resolveReference: ({ sku }) => articles.find((a) => a.sku === sku),
      price: (a, { currency }) => a.cny * rate[currency],
    },
  },
  customs: {
    Article: {
      __resolveReference: (ref) => ref,
      // The representation carries the one price field the @requires asked for, under its name.
      duty: (ref) => {
        if (ref.price === undefined) throw new Error(`the CNY price of ${ref.sku} was not sent`);
        return ref.price / 10;
      },
      overEuThreshold: (ref) => {
        if (ref.price === undefined) throw new Error(`the EUR price of ${ref.sku} was not sent`);
        return ref.price > 150;
      },
    },
  },
});
