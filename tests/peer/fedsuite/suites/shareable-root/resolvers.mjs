const currencies = [{ code: 'CNY', name: 'Renminbi', symbol: '¥' }, { code: 'EUR', name: 'Euro', symbol: '€' }];
const rates = { CNY: 1, EUR: 7.8 };

export default () => ({
  north: { Query: { currencies: () => currencies.map(({ code, name }) => ({ code, name })), rate: (_, { code }) => rates[code] ?? null } },
  south: { Query: { currencies: () => currencies, rate: (_, { code }) => rates[code] ?? null, holidays: () => ['2026-10-01'] } },
});
