const accounts = [
  { __typename: 'Savings', id: 'a1', name: 'Holiday', rate: 1.5 },
  { __typename: 'Checking', id: 'a2', name: 'Daily', overdraft: 500 },
  { __typename: 'Savings', id: 'a3', name: 'Pension', rate: 2.25 },
];
const owners = { a1: 'Han Mei', a2: 'Han Mei', a3: 'Luo Bin' };
const byId = (id) => accounts.find((a) => a.id === id) ?? null;
const accountsResolvers = {
  Query: { accounts: () => accounts },
  Account: { __resolveReference: ({ id }) => byId(id), __resolveType: (a) => a.__typename },
  Savings: { __resolveReference: ({ id }) => byId(id) },
  Checking: { __resolveReference: ({ id }) => byId(id) },
};

export default () => ({
  accounts: accountsResolvers,
  greetings: {
    Account: {
      __resolveReference: (ref) => ref,
      salutation: (ref) => {
        if (ref.name === undefined) throw new Error(`the name of ${ref.id} was not sent`);
        return `Dear holder of ${ref.name}`;
      },
    },
  },
});
