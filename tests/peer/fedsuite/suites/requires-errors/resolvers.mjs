const homes = [{ id: 'h1', usage: 100 }, { id: 'h2', usage: null }, { id: 'h3', fails: true }];

export default () => ({
  meters: {
    Query: { homes: () => homes },
    Home: {
      __resolveReference: ({ id }) => homes.find((h) => h.id === id),
      usage: (h) => {
        if (h.fails) throw new Error(`the meter of ${h.id} cannot be read`);
        return h.usage;
      },
    },
  },
  billing: {
    Home: {
      __resolveReference: (ref) => ref,
      bill: (ref) => {
        if (!('usage' in ref)) throw new Error(`the usage of ${ref.id} was not sent`);
        return ref.usage === null ? null : ref.usage * 0.6;
      },
    },
  },
});
