const people = { a: { name: 'An', bestFriend: 'b', pet: 'x' }, b: { name: 'Bo', bestFriend: 'c', pet: 'y' }, c: { name: 'Ci', bestFriend: 'a', pet: null } };
const pets = { x: { species: 'cat', vet: 'c' }, y: { species: 'dog', vet: 'a' } };

export default () => ({
  people: {
    Query: { person: (_, { id }) => (people[id] ? { id } : null) },
    Person: { __resolveReference: ({ id }) => ({ id }), name: ({ id }) => people[id].name, bestFriend: ({ id }) => ({ id: people[id].bestFriend }) },
  },
  pets: {
    Person: { __resolveReference: ({ id }) => ({ id }), pet: ({ id }) => (people[id].pet ? { id: people[id].pet } : null) },
    Pet: { __resolveReference: ({ id }) => ({ id }), species: ({ id }) => pets[id].species, vet: ({ id }) => ({ id: pets[id].vet }) },
  },
});
