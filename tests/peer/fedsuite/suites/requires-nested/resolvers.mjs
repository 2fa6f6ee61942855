const parcels = [
  { id: 'a', dimensions: { length: 50, width: 40, height: 30, weight: 2.5 }, sender: { city: 'Ningbo', country: { code: 'CN', zone: 1 } } },
  { id: 'b', dimensions: { length: 100, width: 20, height: 10, weight: 12 }, sender: { city: 'Lyon', country: { code: 'FR', zone: 3 } } },
];

const need = (value, what) => {
  if (value === undefined) throw new Error(`${what} was not sent`);
  return value;
};

export default () => ({
  catalog: {
    Query: { parcels: () => parcels },
    Parcel: { __resolveReference: ({ id }) => parcels.find((p) => p.id === id) },
  },
  postage: {
    Parcel: {
      __resolveReference: (ref) => ref,
      volume: (ref) => {
        const d = need(ref.dimensions, 'dimensions');
        return (need(d.length, 'length') * need(d.width, 'width') * need(d.height, 'height')) / 1000;
      },
      postage: (ref) => need(ref.sender, 'sender').country.zone * 100 + Math.round(need(ref.dimensions, 'dimensions').weight * 10),
    },
  },
});
