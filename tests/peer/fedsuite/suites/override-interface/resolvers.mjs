const vehicles = [{ __typename: 'Car', id: 'v1', inspected: false, seats: 5 }, { __typename: 'Truck', id: 'v2', inspected: false, axles: 3 }];
const inspections = { v1: true, v2: false };

export default () => ({
  old: {
    Query: { vehicles: () => vehicles },
    Vehicle: { __resolveType: (v) => v.__typename },
    Car: { __resolveReference: ({ id }) => vehicles.find((v) => v.id === id) },
    Truck: { __resolveReference: ({ id }) => vehicles.find((v) => v.id === id) },
  },
  new: {
    Car: { __resolveReference: ({ id }) => ({ id, inspected: inspections[id] }) },
    Truck: { __resolveReference: ({ id }) => ({ id, inspected: inspections[id] }) },
  },
});
