// Writes root.json: the data the benchmark query reads, deterministic (no randomness).
import { writeFileSync } from 'node:fs';

const division = (code, name, level, children = []) => ({ code, name, level, parent: null, children });
const city = division('330200', '宁波市', 2, []);
for (let d = 1; d <= 10; d++) {
  const district = division(`3302${String(d).padStart(2, '0')}`, `区${d}`, 3, []);
  district.parent = { code: city.code, name: city.name, level: 2, parent: null, children: [] };
  for (let s = 1; s <= 5; s++) {
    district.children.push(division(`${district.code}${String(s).padStart(3, '0')}`, `街道${d}-${s}`, 4));
  }
  city.children.push(district);
}

const person = (n) => ({
  __typename: 'Person',
  id: `P${n}`,
  idNumber: `3302031990010${String(1000 + n).slice(-4)}`,
  name: `张${n}`,
  gender: n % 2 ? 'MALE' : 'FEMALE',
  ethnicity: '汉族',
  birthDate: `1990-01-${String(1 + (n % 28)).padStart(2, '0')}`,
  alive: true,
  phone: `1380000${String(n).padStart(4, '0')}`,
  division: { code: '330203', name: '海曙区', level: 3, parent: { code: city.code, name: city.name }, children: [] },
  address: `海曙区中山西路${n}号`,
});

const licence = (n, holder) => ({
  __typename: 'Licence',
  id: `L${n}`,
  number: `LIC-2026-${String(n).padStart(6, '0')}`,
  type: '营业执照',
  issuer: '宁波市市场监督管理局',
  issuedOn: '2026-01-02',
  validFrom: '2026-01-02',
  validUntil: '2036-01-01',
  status: 'VALID',
  items: [{ key: 'scope', value: '软件开发' }, { key: 'capital', value: '100万元' }, { key: 'form', value: '有限责任公司' }],
  holder,
});

const legalPerson = (n) => ({
  __typename: 'LegalPerson',
  id: `E${n}`,
  creditCode: `91330200MA2AB${String(n).padStart(4, '0')}X`,
  name: `宁波数据${n}有限公司`,
  kind: 'ENTERPRISE',
  establishedOn: '2015-06-01',
  industryCode: 'I6510',
  registeredCapital: 1000000 + n,
  representative: { id: 'P1', name: '张1' },
  division: { code: '330203', name: '海曙区' },
  shareholders: [1, 2, 3].map((k) => ({ name: `股东${k}`, share: 1 / 3, holder: k === 3 ? { __typename: 'LegalPerson', creditCode: 'X', name: 'Y', kind: 'ENTERPRISE' } : { __typename: 'Person', idNumber: `ID${k}`, name: `股东${k}` } })),
});

const me = person(1);
me.household = { id: 'H1', number: 'HH-0001', head: person(2), members: [1, 2, 3, 4].map(person) };
me.licences = [1, 2, 3, 4, 5].map((n) => licence(n, { __typename: 'Person', idNumber: me.idNumber }));
me.represents = [1, 2, 3].map(legalPerson);

const root = {
  person: me,
  persons: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(person),
  search: [person(11), legalPerson(7), licence(9, { __typename: 'Person', idNumber: 'x' }), person(12), legalPerson(8)],
  division: city,
};
writeFileSync(new URL('./root.json', import.meta.url), JSON.stringify(root, null, 1) + '\n');
