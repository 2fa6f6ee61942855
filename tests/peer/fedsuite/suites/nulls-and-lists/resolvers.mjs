const boxes = [
  { id: 'b1', label: 'Winter clothes' },
  { id: 'b2', label: null },
  { id: 'b3', label: 'Books' },
];
const contents = {
  b1: { items: ['coat', null, 'scarf'], weights: [[1, 2], [3]], owner: 'Ma Lin' },
  b2: { items: [], weights: [], owner: null },
  b3: { items: null, weights: null, owner: 'Ma Lin' },
};

export default () => ({
  warehouse: {
    Query: {
      shelves: () => [[boxes[0], null], [], null, [boxes[1], boxes[2]]],
      emptyShelf: () => [],
      missingShelf: () => null,
      box: (_, { id }) => boxes.find((b) => b.id === id) ?? null,
    },
    Box: { __resolveReference: ({ id }) => boxes.find((b) => b.id === id) },
  },
  contents: { Box: { __resolveReference: ({ id }) => ({ id, ...contents[id] }) } },
});
