const employees = [
  { id: 'e1', name: 'Zhao Lei', grade: 2 },
  { id: 'e2', name: 'Sun Li', grade: 5 },
];

const need = (ref, field) => {
  if (ref[field] === undefined) throw new Error(`${field} of ${ref.id} was not sent`);
  return ref[field];
};

export default () => ({
  accounts: {
    Query: { employees: () => employees },
    Employee: { __resolveReference: ({ id }) => employees.find((e) => e.id === id) },
  },
  payroll: { Employee: { __resolveReference: (ref) => ref, salary: (ref) => need(ref, 'grade') * 3000 } },
  pension: { Employee: { __resolveReference: (ref) => ref, contribution: (ref) => need(ref, 'salary') * 0.08 } },
  audit: { Employee: { __resolveReference: (ref) => ref, line: (ref) => `${need(ref, 'name')}: ${need(ref, 'contribution')}` } },
});
