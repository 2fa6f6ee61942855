const docs = [{ id: 'd1', title: 'Annual plan', views: 40 }];
const images = [{ id: 'i1', url: 'https://img.example.cn/1.png' }];
const videos = [{ id: 'v1', seconds: 95 }];

export default () => ({
  documents: {
    Query: {
      search: () => [{ __typename: 'Doc', ...docs[0] }, { __typename: 'Image', ...images[0] }],
      assets: () => [{ __typename: 'Image', ...images[0] }, { __typename: 'Doc', ...docs[0] }],
    },
    Result: { __resolveType: (r) => r.__typename },
    Asset: { __resolveType: (r) => r.__typename },
    Doc: { __resolveReference: ({ id }) => docs.find((d) => d.id === id) },
    Image: { __resolveReference: ({ id }) => images.find((d) => d.id === id) },
  },
  media: {
    Query: {
      recent: () => [{ __typename: 'Video', ...videos[0] }, { __typename: 'Doc', id: 'd1', views: 40 }],
      clips: () => [{ __typename: 'Video', ...videos[0] }, { __typename: 'Doc', id: 'd1', views: 40 }],
    },
    Result: { __resolveType: (r) => r.__typename },
    Asset: { __resolveType: (r) => r.__typename },
    Doc: { __resolveReference: ({ id }) => ({ id, views: docs.find((d) => d.id === id).views }) },
    Video: { __resolveReference: ({ id }) => videos.find((d) => d.id === id) },
  },
});
