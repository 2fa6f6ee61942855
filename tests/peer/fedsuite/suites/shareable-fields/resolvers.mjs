const books = [{ isbn: '978-7-1', title: 'Border Town', publisher: { name: 'People\'s Literature', city: 'Beijing' }, copies: 3 }];

export default () => ({
  catalog: { Query: { book: (_, { isbn }) => books.find((b) => b.isbn === isbn) ?? null }, Book: { __resolveReference: ({ isbn }) => books.find((b) => b.isbn === isbn) } },
  library: {
    Query: { loans: () => [{ due: '2026-12-24', book: books[0] }] },
    Book: { __resolveReference: ({ isbn }) => books.find((b) => b.isbn === isbn) },
  },
});
