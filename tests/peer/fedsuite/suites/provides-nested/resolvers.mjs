const persons = [
  { id: 'p1', name: 'Chen Jie', household: 'h1' },
  { id: 'p2', name: 'Zhou Min', household: 'h1' },
];
const households = [{ number: 'h1', address: '1 Zhongshan Road', head: 'p1' }];
const permits = [
  { code: 'A', holder: 'p2' },
  { code: 'B', holder: 'p1' },
];

const strict = (object, field, who) => {
  if (object[field] === undefined) throw new Error(`the permits subgraph does not know ${field} of ${who}`);
  return object[field];
};

export default () => ({
  people: {
    Query: { person: (_, { id }) => persons.find((p) => p.id === id) ?? null },
    Person: {
      __resolveReference: ({ id }) => persons.find((p) => p.id === id),
      household: (p) => households.find((h) => h.number === p.household),
    },
    Household: {
      __resolveReference: ({ number }) => households.find((h) => h.number === number),
      head: (h) => persons.find((p) => p.id === h.head),
    },
  },
  permits: {
    Query: { permits: () => permits },
    Permit: {
      holder: (permit) => {
        const p = persons.find((q) => q.id === permit.holder);
        const h = households.find((q) => q.number === p.household);
        return { id: p.id, name: p.name, household: { number: h.number, address: h.address } };
      },
    },
    Person: {
      __resolveReference: ({ id }) => ({ id }),
      name: (p) => strict(p, 'name', p.id),
      household: (p) => strict(p, 'household', p.id),
    },
    Household: {
      __resolveReference: ({ number }) => ({ number }),
      address: (h) => strict(h, 'address', h.number),
    },
  },
});
