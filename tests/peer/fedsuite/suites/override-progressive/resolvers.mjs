const meters = [{ id: 'm1', reading: 100, unit: 'kWh' }, { id: 'm2', reading: 200, unit: 'kWh' }];
// The new system reads the meters again (different values) and spells the unit differently.
const newReadings = { m1: 101, m2: 202 };

export default () => ({
  old: { Query: { meters: () => meters }, Meter: { __resolveReference: ({ id }) => meters.find((m) => m.id === id) } },
  new: { Meter: { __resolveReference: ({ id }) => ({ id, reading: newReadings[id], unit: 'KWH' }) } },
});
