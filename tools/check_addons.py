#!/usr/bin/env python3
"""Static checks of the addons: XML well-formed, manifests consistent.

- every .xml file under an addon parses;
- every file named in a manifest's data/demo lists exists;
- every .xml/.csv data file of an addon (outside i18n/, static/, tests/) is listed
  in its manifest, so nothing is silently not loaded;
- manifests carry the keys a release needs (version 11.0.x.y.z, license, summary).
"""
import ast
import os
import re
import sys

from lxml import etree

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADDONS = ['youth_contact', 'youth_contact_reports']
UNLISTED_DIRS = {'i18n', 'static', 'tests'}


def check_addon(addon):
    errors = []
    base = os.path.join(ROOT, addon)
    with open(os.path.join(base, '__manifest__.py'), encoding='utf-8') as f:
        manifest = ast.literal_eval(f.read())
    for key in ('name', 'summary', 'version', 'license', 'depends', 'data'):
        if key not in manifest:
            errors.append('%s: manifest lacks %r' % (addon, key))
    if not re.match(r'^11\.0\.\d+\.\d+\.\d+$', manifest.get('version', '')):
        errors.append('%s: version %r is not 11.0.x.y.z' % (addon, manifest.get('version')))
    listed = set(manifest.get('data', [])) | set(manifest.get('demo', []))
    for rel in sorted(listed):
        if not os.path.isfile(os.path.join(base, rel)):
            errors.append('%s: manifest lists %s, which does not exist' % (addon, rel))
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = [d for d in dirnames if d != '__pycache__']
        rel_dir = os.path.relpath(dirpath, base)
        top = rel_dir.split(os.sep)[0]
        for name in filenames:
            rel = os.path.normpath(os.path.join(rel_dir, name))
            path = os.path.join(dirpath, name)
            if name.endswith('.xml'):
                try:
                    etree.parse(path)
                except etree.XMLSyntaxError as e:
                    errors.append('%s/%s: not well-formed XML: %s' % (addon, rel, e))
            if name.endswith(('.xml', '.csv')) and top not in UNLISTED_DIRS \
                    and rel not in listed:
                errors.append('%s/%s: data file not listed in the manifest' % (addon, rel))
    return errors


def main():
    errors = []
    for addon in ADDONS:
        errors += check_addon(addon)
    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
