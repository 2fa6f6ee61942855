const holders = [{ id: 'h1', name: 'Qian Hua' }];
let asked = [];

export default () => ({
  licences: {
    Query: {
      licences: () => [
        { number: 'L1', holder: { id: 'h1' } },
        { number: 'L2', holder: { id: null } },
        { number: 'L3', holder: null },
      ],
    },
  },
  holders: {
    Holder: {
      __resolveReference: ({ id }) => {
        // An entity with a null key is not one to fetch: the gateway must not ask for it.
        if (id === null || id === undefined) throw new Error('asked for a holder whose key is null');
        return holders.find((h) => h.id === id) ?? null;
      },
    },
  },
});
