// Reads cases as JSON on stdin; prints graphql-js 17.1.0's errors for each.
const g = require('graphql');
const { validateSDL } = require('graphql/validation/validate');
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const schema = g.buildSchema(input.sdl);
const out = input.cases.map(c => {
  try {
    const doc = g.parse(c.query);
    let errors;
    if (c.sdl) {
      const base = c.extend ? schema : undefined;
      errors = validateSDL(doc, base);
    } else {
      const rules = c.rule === 'all' ? g.specifiedRules : [g[c.rule]];
      errors = g.validate(schema, doc, rules, c.maxErrors ? { maxErrors: c.maxErrors } : undefined);
    }
    return errors.map(e => ({ message: e.message, locations: (e.locations || []).map(l => [l.line, l.column]) }));
  } catch (e) { return { exception: String(e) }; }
});
console.log(JSON.stringify(out));
