const products = [
  { upc: 'p1', name: 'Table', price: 1200, weight: 300 },
  { upc: 'p2', name: 'Chair', price: 400, weight: 50 },
  { upc: 'p3', name: 'Lamp', price: 90, weight: null },
];
const stock = { p1: true, p2: false, p3: true };

export default () => ({
  products: {
    Query: { products: () => products, product: (_, { upc }) => products.find((p) => p.upc === upc) ?? null },
    Product: { __resolveReference: ({ upc }) => products.find((p) => p.upc === upc) ?? null },
  },
  shipping: {
    Product: {
      // Only what the representation carries: a gateway that leaves out the required fields gets an error.
      __resolveReference: (ref) => ref,
      shippingEstimate: (ref) => {
        if (ref.price === undefined || ref.weight === undefined) throw new Error(`price and weight of ${ref.upc} were not sent`);
        return ref.price > 1000 ? 0 : ref.weight === null ? 25 : Math.round(ref.weight / 10);
      },
      inStock: ({ upc }) => stock[upc],
    },
  },
});
