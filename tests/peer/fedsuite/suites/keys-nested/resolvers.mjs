const members = [
  { id: '1', organization: { code: 'NB', region: 'Zhejiang' }, name: 'Shen Tao' },
  { id: '1', organization: { code: 'HZ', region: 'Zhejiang' }, name: 'Fang Yu' },
];

export default () => ({
  staff: {
    Query: { members: () => members },
    Member: { __resolveReference: (ref) => members.find((m) => m.id === ref.id && m.organization.code === ref.organization.code) },
  },
  badges: {
    Member: {
      __resolveReference: (ref) => {
        if (!ref.organization?.code) throw new Error('the nested key organization.code was not sent');
        return { ...ref, badge: `${ref.organization.code}-${ref.id}` };
      },
    },
  },
});
