const users = [
  { id: 'u1', username: 'wangfang', email: 'wf@example.cn' },
  { id: 'u2', username: 'liming', email: 'lm@example.cn' },
];
const reviews = [
  { id: 'r1', body: 'Quick service.', author: 'u1', editor: 'u2' },
  { id: 'r2', body: 'Slow.', author: 'u2', editor: null },
];

export default () => ({
  users: {
    Query: { users: () => users },
    User: { __resolveReference: ({ id }) => users.find((u) => u.id === id) },
  },
  reviews: {
    Query: { reviews: () => reviews, latestReview: () => reviews[1] },
    Review: {
      __resolveReference: ({ id }) => reviews.find((r) => r.id === id),
      // Under @provides this subgraph knows the author's username; the editor's it does not know.
      author: (r) => ({ id: r.author, username: users.find((u) => u.id === r.author).username }),
      editor: (r) => (r.editor ? { id: r.editor } : null),
    },
    User: {
      __resolveReference: ({ id }) => ({ id }),
      username: (u) => {
        if (u.username === undefined) throw new Error(`the reviews subgraph does not know the username of ${u.id}`);
        return u.username;
      },
    },
  },
});
