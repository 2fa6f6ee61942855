const shelf = [
  { __typename: 'Book', id: 'b1', title: 'Dream of the Red Chamber', pages: 1200 },
  { __typename: 'Film', id: 'f1', title: 'Yellow Earth', minutes: 89 },
  { __typename: 'Book', id: 'b2', title: 'Fortress Besieged', pages: 420 },
];

const need = (value, what) => {
  if (value === undefined) throw new Error(`${what} was not sent`);
  return value;
};

export default () => ({
  media: {
    Query: { shelf: () => shelf },
    Media: { __resolveType: (m) => m.__typename },
    Book: { __resolveReference: ({ id }) => shelf.find((m) => m.id === id) },
    Film: { __resolveReference: ({ id }) => shelf.find((m) => m.id === id) },
  },
  reading: {
    Book: { __resolveReference: (ref) => ref, hours: (ref) => (need(ref.pages, 'pages') * 2) / 60 },
    Film: { __resolveReference: (ref) => ref, hours: (ref) => Math.round((need(ref.minutes, 'minutes') / 60) * 100) / 100 },
  },
});
