#!/usr/bin/env python3
"""Fill empty msgstr entries of a .po file from "English<TAB>中文" lines on stdin.

Usage: tools/po_fill.py youth_contact/i18n/zh_CN.po < terms.tsv
Only single-line msgids are matched; existing translations are left alone
unless --force is given.  Prints what is still untranslated.
"""
import fcntl
import re
import sys

from po_check import untranslated


def escape(s):
    return s.replace('\\', '\\\\').replace('"', '\\"')


def main():
    args = [a for a in sys.argv[1:] if a != '--force']
    force = '--force' in sys.argv
    path = args[0]
    terms = {}
    for line in sys.stdin.read().splitlines():
        if '\t' in line:
            src, dst = line.split('\t', 1)
            terms[escape(src)] = escape(dst)
    # Same lock as tools/i18n_sync.sh, so a sync and a fill never interleave.
    lock = open('/tmp/yc_i18n_%s.lock' % path.split('/')[-3], 'w')
    fcntl.flock(lock, fcntl.LOCK_EX)
    with open(path, encoding='utf-8') as f:
        text = f.read()

    def repl(m):
        msgid, msgstr = m.group(1), m.group(2)
        if msgid in terms and (force or msgstr == ''):
            return 'msgid "%s"\nmsgstr "%s"' % (msgid, terms[msgid])
        return m.group(0)

    text = re.sub(r'^msgid "(.*)"\nmsgstr "(.*)"$', repl, text, flags=re.M)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    for msgid in untranslated(path):
        print('untranslated: %s' % msgid)


if __name__ == '__main__':
    main()
