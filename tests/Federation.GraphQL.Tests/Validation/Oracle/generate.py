"""
Writes the rule tests in ../Rules from the cases in cases.py, with the errors graphql-js 17.1.0
reports for each (run from the repository with tests/peer installed: python3 generate.py).
The expected messages and locations in the tests come from graphql-js, never from our engine.
"""
import json, subprocess, textwrap, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'Rules')
PEER = os.environ.get('FEDERATION_PEER_DIR', os.path.join(HERE, '..', '..', '..', 'peer'))
os.makedirs(OUT, exist_ok=True)
sdl = open(os.path.join(HERE, '..', 'TestSchema.cs')).read()
sdl = sdl.split('public const string Sdl = """\n')[1].split('        """;')[0]
sdl = textwrap.dedent(sdl)

exec(open(os.path.join(HERE, 'cases.py')).read())  # defines CLASSES: list of (className, ruleExpr, ruleName, summary, [(name, query, opts)])

flat = []
for cls in CLASSES:
    for case in cls['cases']:
        name, query = case[0], textwrap.dedent(case[1]).strip('\n')
        opts = case[2] if len(case) > 2 else {}
        c = {'rule': cls['rule'], 'query': query}
        if cls.get('sdl'):
            c['sdl'] = True
            c['extend'] = opts.get('extend', False)
        flat.append(c)

res = subprocess.run(['node', os.path.join(HERE, 'oracle.js')], input=json.dumps({'sdl': sdl, 'cases': flat}), capture_output=True, text=True,
                     env=dict(os.environ, NODE_PATH=os.path.join(PEER, 'node_modules')))
if res.returncode != 0:
    print(res.stderr); sys.exit(1)
results = json.loads(res.stdout)

def cs(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n') + '"'

i = 0
for cls in CLASSES:
    lines = []
    lines.append('using Federation.GraphQL.Validation;'); lines.append('using Xunit;'); lines.append(''); lines.append('namespace Federation.GraphQL.Tests.Validation.Rules;')
    lines.append('')
    lines.append('/// <summary>' + cls['summary'] + '</summary>')
    lines.append('public sealed class %s : ValidationHarness' % cls['class'])
    lines.append('{')
    if cls.get('sdl'):
        pass
    elif cls['rule'] != 'all':
        lines.append('    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.%s];' % cls['ruleProp'])
        lines.append('')
    first = True
    for case in cls['cases']:
        name, query = case[0], textwrap.dedent(case[1]).strip('\n')
        opts = case[2] if len(case) > 2 else {}
        r = results[i]; i += 1
        if isinstance(r, dict):
            print('EXCEPTION', cls['class'], name, r); sys.exit(1)
        if not first:
            lines.append('')
        first = False
        q = '"""' if '"""' not in query else '""""'
        body = '\n'.join(('            ' + l) if l.strip() else '' for l in query.split('\n'))
        lines.append('    [Fact]')
        errs = ['            Error(%s%s)' % (cs(e['message']), ''.join(', (%d, %d)' % tuple(l) for l in e['locations'])) for e in r]
        if cls.get('sdl'):
            schema_arg = 'TestSchema.Schema' if opts.get('extend') else 'null'
            lines.append('    public void %s() => ExpectSdlErrors(' % name)
            lines.append('        ' + q)
            lines.append(body)
            lines.append('            ' + q + ',')
            if errs:
                lines.append('        ' + schema_arg + ',')
                lines.append(',\n'.join(e[4:] for e in errs) + ');')
            else:
                lines.append('        ' + schema_arg + ');')
        elif not errs:
            lines.append('    public void %s() => ExpectValid(' % name)
            lines.append('        ' + q)
            lines.append(body)
            lines.append('            ' + q + ');')
        else:
            lines.append('    public void %s() => ExpectErrors(' % name)
            lines.append('        ' + q)
            lines.append(body)
            lines.append('            ' + q + ',')
            lines.append(',\n'.join(e[4:] for e in errs) + ');')
    lines.append('}')
    open(os.path.join(OUT, cls['class'] + '.cs'), 'w').write('\n'.join(lines) + '\n')
print('generated', i, 'cases in', len(CLASSES), 'classes')
