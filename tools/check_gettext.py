#!/usr/bin/env python3
"""Find ``_()`` calls that cannot know the user's language.

Odoo 11's ``_()`` looks for the language in the *calling frame*: a ``context``
variable, or ``self.env`` (then the HTTP request, which XML-RPC calls do not
have).  A call inside a list/set/dict comprehension or a generator expression
(their own frames, without ``self``), or inside a function without ``self``,
``context`` or ``cr`` comes out in English for a Chinese user of the API.
Translate the template in the method and use it in the comprehension.

Usage: tools/check_gettext.py ADDON_DIR...  (exit 1 and one line per call found)
"""
import ast
import pathlib
import sys

COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
FUNCTIONS = (ast.FunctionDef, ast.Lambda)
FRAME_NAMES = {'self', 'context', 'cr'}


def _frame_knows_language(scope):
    args = scope.args
    names = {a.arg for a in args.args + args.kwonlyargs}
    if isinstance(scope, ast.FunctionDef):
        names |= {n.id for n in ast.walk(scope)
                  if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    return bool(FRAME_NAMES & names)


def problems(path):
    found = []

    def visit(node, scope):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == '_':
            if scope is None:
                found.append((node.lineno, 'at module level'))
            elif isinstance(scope, COMPREHENSIONS):
                found.append((node.lineno, 'inside a comprehension'))
            elif not _frame_knows_language(scope):
                found.append((node.lineno, 'in a function without self/context'))
        inner = node if isinstance(node, COMPREHENSIONS + FUNCTIONS) else scope
        for child in ast.iter_child_nodes(node):
            visit(child, inner)

    visit(ast.parse(path.read_text(encoding='utf-8'), str(path)), None)
    return found


def main(dirs):
    bad = 0
    for folder in dirs:
        for path in sorted(pathlib.Path(folder).rglob('*.py')):
            if 'tests' in path.parts:
                continue
            for line, why in problems(path):
                print('%s:%s: _() %s: the language is not found there' % (path, line, why))
                bad += 1
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:] or ['youth_contact', 'youth_contact_reports']))
