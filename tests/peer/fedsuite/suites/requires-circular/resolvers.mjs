const orders = [
  { id: 'o1', quantity: 3, unitPrice: 100 },
  { id: 'o2', quantity: 12, unitPrice: 150 },
];

const need = (ref, field) => {
  if (ref[field] === undefined) throw new Error(`${field} of ${ref.id} was not sent`);
  return ref[field];
};

export default () => ({
  orders: {
    Query: { orders: () => orders.map(({ id, quantity }) => ({ id, quantity })) },
    Order: {
      __resolveReference: (ref) => ({ ...ref, quantity: orders.find((o) => o.id === ref.id).quantity }),
      subtotal: (ref) => ref.quantity * need(ref, 'unitPrice'),
    },
  },
  pricing: {
    Order: {
      __resolveReference: (ref) => ({ ...ref, unitPrice: orders.find((o) => o.id === ref.id).unitPrice }),
      discount: (ref) => (need(ref, 'subtotal') >= 1000 ? need(ref, 'subtotal') / 10 : 0),
      bulk: (ref) => need(ref, 'quantity') >= 10,
    },
  },
});
