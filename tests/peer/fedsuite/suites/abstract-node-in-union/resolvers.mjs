const deeds = [
  { id: 'd1', title: 'Deed of Lot 4', registeredAt: '2019-03-01' },
  { id: 'd2', title: 'Deed of Lot 9', registeredAt: '2021-07-15' },
];
const photos = [{ id: 'f1', url: 'https://archive.example.cn/f1.jpg' }];

export default () => ({
  archive: {
    Query: {
      search: (_, { term }) => [
        ...deeds.filter((d) => d.title.includes(term)).map((d) => ({ __typename: 'Deed', ...d })),
        ...photos.map((p) => ({ __typename: 'Photo', ...p })),
      ],
    },
    Result: { __resolveType: (r) => r.__typename },
    Deed: { __resolveReference: ({ id }) => deeds.find((d) => d.id === id) ?? null },
    Photo: { __resolveReference: ({ id }) => photos.find((p) => p.id === id) ?? null },
  },
  identity: {
    Query: {
      node: (_, { id }) => {
        const deed = deeds.find((d) => d.id === id);
        return deed ? { __typename: 'Deed', id: deed.id } : null;
      },
    },
    Node: { __resolveType: (n) => n.__typename },
    Deed: {
      __resolveReference: ({ id }) => deeds.find((d) => d.id === id) ?? null,
      registeredAt: ({ id }) => deeds.find((d) => d.id === id).registeredAt,
    },
  },
});
