const pupils = { p1: 2016, p2: 2017, p3: 2014, p4: 2016 };
const classes = { c1: ['p1', 'p2'], c2: ['p3'], c3: ['p4', 'p3'] };
const schools = [{ id: 's1', classes: ['c1', 'c2'] }, { id: 's2', classes: ['c3'] }];

const pupil = (id) => ({ id, birthYear: pupils[id] });
const klass = (id) => ({ id, pupils: classes[id].map(pupil) });

export default () => ({
  schools: {
    Query: { schools: () => schools.map((s) => ({ id: s.id, classes: s.classes.map(klass) })) },
    School: { __resolveReference: ({ id }) => ({ id, classes: schools.find((s) => s.id === id).classes.map(klass) }) },
    Class: { __resolveReference: ({ id }) => klass(id) },
    Pupil: { __resolveReference: ({ id }) => pupil(id) },
  },
  grades: {
    Pupil: {
      __resolveReference: (ref) => ref,
      grade: (ref) => {
        if (ref.birthYear === undefined) throw new Error(`the birth year of ${ref.id} was not sent`);
        return 2026 - ref.birthYear - 6;
      },
    },
    Class: {
      __resolveReference: (ref) => ref,
      grades: (ref) => {
        if (!ref.pupils || ref.pupils.some((p) => p.birthYear === undefined)) throw new Error(`the pupils of ${ref.id} were not sent`);
        return ref.pupils.map((p) => 2026 - p.birthYear - 6).sort((a, b) => a - b);
      },
    },
  },
});
