const cities = [{ name: 'Ningbo', population: 9610000 }, { name: 'Shaoxing', population: 5330000 }];
const congestion = { Ningbo: 1.6, Shaoxing: 1.3 };

export default () => ({
  weather: { Query: { forecast: (_, { city }) => ({ city: { name: city }, high: city === 'Ningbo' ? 18 : 16 }) } },
  cities: { Query: { cities: () => cities }, City: { __resolveReference: ({ name }) => cities.find((c) => c.name === name) ?? null } },
  traffic: { Query: { jams: () => 4 }, City: { __resolveReference: ({ name }) => ({ name, congestion: congestion[name] ?? 1 }) } },
});
