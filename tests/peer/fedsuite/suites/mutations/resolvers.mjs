export default () => {
  const balances = { a1: 100 };
  const ledger = [];
  return {
    accounts: {
      Query: { account: (_, { id }) => (id in balances ? { id, balance: balances[id] } : null) },
      Mutation: {
        deposit: (_, { id, amount }) => {
          balances[id] += amount;
          ledger.push(`deposit ${amount}`);
          return { id, balance: balances[id] };
        },
      },
      Account: { __resolveReference: ({ id }) => ({ id, balance: balances[id] }) },
    },
    ledger: {
      Mutation: { record: (_, { note }) => ledger.push(note) },
      // The ledger counts the lines written by both subgraphs (they share the one list here).
      Account: { __resolveReference: ({ id }) => ({ id }), lines: () => ledger.length },
    },
  };
};
