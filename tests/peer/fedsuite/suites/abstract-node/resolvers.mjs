const users = [{ id: 'u1', name: 'Gao Yan' }];
const posts = [
  { id: 'p1', title: 'On tea', author: 'u1' },
  { id: 'p2', title: 'On rice', author: 'u1' },
];

export default () => ({
  identity: {
    Query: {
      node: (_, { id }) => {
        const user = users.find((u) => u.id === id);
        if (user) return { __typename: 'User', ...user };
        const post = posts.find((p) => p.id === id);
        return post ? { __typename: 'Post', id: post.id } : null;
      },
    },
    Node: { __resolveType: (n) => n.__typename },
    User: { __resolveReference: ({ id }) => users.find((u) => u.id === id) },
    Post: { __resolveReference: ({ id }) => ({ id }) },
  },
  blog: {
    Query: { posts: () => posts },
    User: { __resolveReference: ({ id }) => ({ id }), posts: ({ id }) => posts.filter((p) => p.author === id) },
    Post: { __resolveReference: ({ id }) => posts.find((p) => p.id === id), author: (p) => ({ id: p.author }) },
  },
});
