const offices = { tax: { name: 'Tax Hall', staff: [{ n: 'Ni', role: 'clerk' }, { n: 'Hu', role: 'head' }] }, civil: { name: 'Civil Affairs', staff: [{ n: 'Lu', role: 'clerk' }] } };
const hours = { tax: { MON: '08:30', SAT: null }, civil: { MON: '09:00', SAT: '09:00' } };

export default () => ({
  directory: {
    Query: { office: (_, { code }) => (offices[code] ? { code, ...offices[code] } : null) },
    Office: {
      __resolveReference: ({ code }) => ({ code, ...offices[code] }),
      staff: (o, { role }) => o.staff.filter((s) => !role || s.role === role).map((s) => s.n),
    },
  },
  hours: { Office: { __resolveReference: ({ code }) => ({ code }), opens: ({ code }, { day }) => hours[code][day] ?? null } },
});
