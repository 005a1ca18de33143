#!/usr/bin/env python3
"""List the untranslated entries of a .po file; exit 1 when there are any."""
import re
import sys


def untranslated(path):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    missing = []
    for block in text.split('\n\n')[1:]:
        if block.lstrip().startswith('#~'):
            continue
        msgid = re.search(r'^msgid (".*"(?:\n".*")*)', block, re.M)
        msgstr = re.search(r'^msgstr (".*"(?:\n".*")*)', block, re.M)
        if not msgid:
            continue
        value = ''.join(re.findall(r'"(.*)"', msgstr.group(1))) if msgstr else ''
        if not value:
            missing.append(''.join(re.findall(r'"(.*)"', msgid.group(1))))
    return missing


if __name__ == '__main__':
    bad = 0
    for path in sys.argv[1:]:
        for msgid in untranslated(path):
            print('%s: untranslated: %s' % (path, msgid))
            bad += 1
    sys.exit(1 if bad else 0)
