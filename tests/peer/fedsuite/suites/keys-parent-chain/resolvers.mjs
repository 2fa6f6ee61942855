const company = { id: 'co1', name: 'Haitian Plastics' };
const departments = [{ id: 'd1', title: 'Sales', head: 'e1' }, { id: 'd2', title: 'Research', head: 'e2' }];
const employees = [{ id: 'e1', name: 'Lu Yi' }, { id: 'e2', name: 'Pan Yue' }];

export default () => ({
  companies: {
    Query: { company: (_, { id }) => (id === company.id ? company : null) },
    Company: { __resolveReference: ({ id }) => (id === company.id ? company : null) },
    Department: { __resolveReference: ({ id }) => ({ id }), head: ({ id }) => employees.find((e) => e.id === departments.find((d) => d.id === id).head) },
    Employee: { __resolveReference: ({ id }) => employees.find((e) => e.id === id) },
  },
  org: {
    Company: { __resolveReference: ({ id }) => ({ id }), departments: () => departments },
    Department: { __resolveReference: ({ id }) => departments.find((d) => d.id === id) },
  },
  people: {
    Employee: { __resolveReference: ({ id }) => ({ id }), employer: () => ({ id: company.id }), email: ({ id }) => `${id}@haitian.example.cn` },
  },
});
