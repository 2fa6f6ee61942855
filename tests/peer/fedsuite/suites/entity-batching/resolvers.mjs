const trains = { G7501: { destination: 'Hangzhou', platform: 3 }, D3101: { destination: 'Shanghai', platform: null }, K8401: { destination: 'Wenzhou', platform: 7 } };
const departures = [
  { time: '08:00', train: 'G7501', connection: 'D3101' },
  { time: '08:30', train: 'D3101', connection: null },
  { time: '09:00', train: 'G7501', connection: 'K8401' },
  { time: '09:15', train: 'K8401', connection: 'G7501' },
  { time: '10:00', train: 'K8401', connection: null },
];

export default () => ({
  timetable: {
    Query: { departures: () => departures.map((d) => ({ time: d.time, train: { number: d.train }, connection: d.connection && { number: d.connection } })) },
  },
  trains: {
    Train: {
      __resolveReference: ({ number }) => (trains[number] ? { number, ...trains[number] } : null),
    },
  },
});
