const stations = [{ id: 's1', name: 'Zhenhai' }, { id: 's2', name: 'Cixi' }];

export default () => ({
  core: {
    Query: {
      stations: () => stations,
      broken: () => { throw new Error('the core subgraph failed'); },
      brokenRequired: () => { throw new Error('no station'); },
    },
    Station: { __resolveReference: ({ id }) => stations.find((s) => s.id === id) },
  },
  sensors: {
    Station: {
      __resolveReference: ({ id }) => ({ id }),
      temperature: ({ id }) => { if (id === 's2') throw new Error('sensor s2 is offline'); return 12.5; },
      humidity: ({ id }) => { if (id === 's2') throw new Error('sensor s2 is offline'); return 80; },
    },
  },
});
