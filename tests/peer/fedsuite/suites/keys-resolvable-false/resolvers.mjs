const divisions = [{ code: '330203', name: 'Haishu' }, { code: '330212', name: 'Yinzhou' }, { code: '330299', name: 'Former Jiangdong' }];

export default () => ({
  divisions: {
    Query: { division: (_, { code }) => divisions.find((d) => d.code === code) ?? null },
    Division: { __resolveReference: ({ code }) => divisions.find((d) => d.code === code) ?? null },
  },
  schools: {
    Query: {
      schools: () => [
        { name: 'No. 1 Middle School', division: { code: '330203' } },
        { name: 'Yinzhou Primary', division: { code: '330212' } },
        { name: 'Closed School', division: { code: '330299' } },
      ],
    },
  },
});
