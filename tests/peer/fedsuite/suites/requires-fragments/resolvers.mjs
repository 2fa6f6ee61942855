const vehicles = [
  { plate: 'ZB-001', owner: { __typename: 'Citizen', name: 'Wang Fang', age: 70 } },
  { plate: 'ZB-002', owner: { __typename: 'Company', legalName: 'Ningbo Port Logistics', employees: 42 } },
  { plate: 'ZB-003', owner: { __typename: 'Citizen', name: 'Li Ming', age: 30 } },
];

const owner = (ref) => {
  if (!ref.owner) throw new Error(`the owner of ${ref.plate} was not sent`);
  return ref.owner;
};

export default () => ({
  registry: {
    Query: { vehicles: () => vehicles },
    Vehicle: { __resolveReference: ({ plate }) => vehicles.find((v) => v.plate === plate) },
    Owner: { __resolveType: (o) => o.__typename },
  },
  tax: {
    Vehicle: {
      __resolveReference: (ref) => ref,
      tax: (ref) => {
        const o = owner(ref);
        if ('employees' in o) return 500 + o.employees;
        if ('age' in o) return o.age >= 65 ? 100 : 200;
        throw new Error(`the owner fields of ${ref.plate} were not sent`);
      },
      payer: (ref) => {
        const o = owner(ref);
        const name = o.__typename === 'Company' ? o.legalName : o.name;
        if (!o.__typename || name === undefined) throw new Error(`the owner of ${ref.plate} was sent without its name`);
        return `${o.__typename}: ${name}`;
      },
    },
    Owner: { __resolveType: (o) => o.__typename },
  },
});
