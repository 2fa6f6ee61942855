const animals = [
  { __typename: 'Dog', id: 'd1', name: 'Wangcai', breed: 'Shiba' },
  { __typename: 'Cat', id: 'c1', name: 'Mimi', indoor: true },
  { __typename: 'Dog', id: 'd2', name: 'Huzi', breed: 'Chow' },
];
const clinic = { d1: { vaccinated: true }, c1: { vaccinated: false, lastVisit: '2026-03-01' }, d2: { vaccinated: false } };

export default () => ({
  animals: {
    Query: { animals: () => animals },
    Animal: { __resolveType: (a) => a.__typename },
    Dog: { __resolveReference: ({ id }) => animals.find((a) => a.id === id) },
    Cat: { __resolveReference: ({ id }) => animals.find((a) => a.id === id) },
  },
  clinic: {
    Query: { unvaccinated: () => animals.filter((a) => !clinic[a.id].vaccinated).map((a) => ({ __typename: a.__typename, id: a.id, ...clinic[a.id] })) },
    Animal: { __resolveType: (a) => a.__typename },
    Dog: { __resolveReference: ({ id }) => ({ id, ...clinic[id] }) },
    Cat: { __resolveReference: ({ id }) => ({ id, lastVisit: null, ...clinic[id] }) },
  },
});
