const people = [{ id: 'a', name: 'Dong Li', creditScore: 720, kind: 'RESIDENT' }, { id: 'b', name: 'Bai Xue', creditScore: 540, kind: 'RESIDENT' }];

export default () => ({
  people: { Query: { people: () => people, internalCount: () => 2 }, Person: { __resolveReference: ({ id }) => people.find((p) => p.id === id) } },
  risk: {
    Person: {
      __resolveReference: (ref) => ref,
      risk: (ref) => {
        if (ref.creditScore === undefined) throw new Error(`the credit score of ${ref.id} was not sent`);
        return ref.creditScore >= 600 ? 'LOW' : 'HIGH';
      },
    },
  },
});
