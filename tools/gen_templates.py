#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Write the Excel import templates and sample files kept under ``data/``.

Usage:  .venv/bin/python tools/gen_templates.py [--db DB]          (rewrite the files)
        .venv/bin/python tools/gen_templates.py [--db DB] --check  (exit 1 when out of date)

The templates come from ``youth_contact/wizard/league_import_format.py``, the
very code the import wizard uses for its downloads, so the repository files
and the downloads cannot drift apart (a test compares them byte for byte).
Their list values are the models' selections with their Chinese labels, read
from a database where youth_contact is installed (``--db``, default
``$YC_DB`` or ``yc_dev``) by the wizard's own ``_vocabularies``.  Importing
this module (``fmt``) needs no Odoo.

The samples are made for the demo database: log in as the county
administrator of 梅江区 (login ``meijiang``), open 青年联系 > 配置 > 从Excel导入
and load them in this order: cadres, youth, contacts.  The ``*_bad_rows``
files mix good rows, rows that are only untidy (spaces, full-width digits,
dates typed as text or numbers) and rows that are rejected, each for one
reason.
"""
import argparse
import datetime
import importlib.util
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FORMAT_PATH = os.path.join(ROOT, 'youth_contact', 'wizard', 'league_import_format.py')


def load_format():
    """The format module, loaded by path (no Odoo import needed)."""
    spec = importlib.util.spec_from_file_location('league_import_format', FORMAT_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fmt = load_format()

# Organizations of 梅江区 in the demo data (tools/gen_demo.py).
MJ = {
    'enterprise': '梅州市嘉应电子科技有限公司团支部', 'logistics': '梅州客都物流有限公司团支部',
    'rural': '城北镇玉水村团支部', 'rural2': '西阳镇白宫村团支部',
    'organ': '梅江区人民政府办公室团支部', 'school': '梅州市梅江区东山中学团委',
    'community': '江南街道新中社区团支部', 'community2': '金山街道金山社区团支部',
    'social_org': '梅江区青年志愿者协会团支部', 'new_media': '梅江青年新媒体工作室',
}

# name, gender, birth date, political status, sector, unit, organization, hardship
YOUTH = [
    ('钟晓婷', '女', '1997-03-12', '共青团员', '企业', '嘉应电子科技有限公司', MJ['enterprise'], ''),
    ('李俊杰', '男', '1995-08-30', '中共党员', '企业', '客都物流有限公司', MJ['logistics'], ''),
    ('黄雨欣', '女', '2004-01-19', '共青团员', '学校', '东山中学', MJ['school'], ''),
    ('陈浩然', '男', '2003-06-07', '共青团员', '学校', '东山中学', MJ['school'], '城乡贫困家庭青少年'),
    ('刘志鹏', '男', '1993-11-25', '群众', '农村', '玉水村', MJ['rural'], ''),
    ('曾丽华', '女', '1999-02-14', '共青团员', '农村', '白宫村', MJ['rural2'], ''),
    ('温思雨', '女', '2009-09-01', '', '农村', '白宫村', MJ['rural2'], '留守儿童'),
    ('罗文斌', '男', '1991-04-22', '中共党员', '机关', '梅江区人民政府办公室', MJ['organ'], ''),
    ('谢嘉怡', '女', '1996-12-03', '中共预备党员', '机关', '梅江区人民政府办公室', MJ['organ'], ''),
    ('古建华', '男', '1994-07-16', '群众', '街道社区', '新中社区', MJ['community'], '城市非户籍常住青少年'),
    ('廖佳琪', '女', '2001-05-28', '共青团员', '街道社区', '金山社区', MJ['community2'], ''),
    ('邱振宇', '男', '1998-10-10', '共青团员', '青年社会组织', '梅江区青年志愿者协会', MJ['social_org'], ''),
    ('叶诗雅', '女', '2000-08-08', '共青团员', '青年社会组织', '梅江区青年志愿者协会', MJ['social_org'], '残疾青少年'),
    ('杨子轩', '男', '1999-01-30', '共青团员', '新媒体', '梅江青年新媒体工作室', MJ['new_media'], ''),
    ('朱梦琳', '女', '2002-03-21', '共青团员', '新媒体', '梅江青年新媒体工作室', MJ['new_media'], ''),
    ('林国荣', '男', '1992-06-18', '中共党员', '企业', '嘉应电子科技有限公司', MJ['enterprise'], ''),
]
YOUTH_MOBILE = '166075300%02d'

# name, organization, category, position, leader, established, wechat, qq, weibo
CADRES = [
    ('侯振东', '西郊街道团工委', '专职团干部', '书记', '是', '是', 'hzd_xijiao', '', ''),
    ('蓝晓燕', '江南街道团工委', '专职团干部', '书记', '是', '是', 'lxy_jiangnan', '', ''),
    ('熊伟明', '金山街道团工委', '其他兼职团干部', '副书记', '否', '否', '', '285731946', ''),
    ('潘慧敏', '城北镇团委', '专职团干部', '书记', '是', '是', 'phm_chengbei', '', ''),
    ('赖永强', '长沙镇团委', '其他兼职团干部', '委员', '否', '否', '', '', '长沙镇赖永强'),
    ('魏雪莹', '西阳镇团委', '团的领导机关挂职、兼职干部', '挂职副书记', '是', '否',
     'wxy_xiyang', '', ''),
]
CADRE_MOBILE = '166075310%02d'


def youth_rows():
    return [[name, gender, birth, YOUTH_MOBILE % (i + 1), status, sector, unit, org, hardship]
            for i, (name, gender, birth, status, sector, unit, org, hardship) in enumerate(YOUTH)]


def cadre_rows():
    return [[name, CADRE_MOBILE % (i + 1), org, category, position, leader, established,
             wechat, qq, weibo]
            for i, (name, org, category, position, leader, established, wechat, qq, weibo)
            in enumerate(CADRES)]


def youth_bad_rows():
    """Untidy but good rows, and rejected rows with one reason each."""
    return [
        # good: spaces around the name, full-width digits, date typed as Chinese text
        ['  王晓东 ', '男', '2001年5月4日', '１６６ ０７５３ ２００１', '共青团员', '企业', '',
         MJ['enterprise'], ''],
        # rejected: missing name
        ['', '女', '1999-01-01', '16607532002', '', '学校', '', MJ['school'], ''],
        # rejected: mobile with 10 digits
        ['张小芳', '女', '1999-01-01', '1660753200', '', '学校', '', MJ['school'], ''],
        # rejected: unknown organization
        ['赵一鸣', '男', '1998-02-02', '16607532004', '', '企业', '', '梅江区不存在街道团工委', ''],
        # rejected: same mobile as the first row
        ['王晓东', '男', '2001-05-04', '16607532001', '', '企业', '', MJ['enterprise'], ''],
        # rejected: sector not in the list
        ['孙丽', '女', '1997-07-07', '16607532006', '', '工厂', '', MJ['enterprise'], ''],
        # rejected for a 梅江区 administrator: organization of 兴宁市
        ['周强', '男', '1996-06-06', '16607532007', '', '学校', '', '兴宁市第一中学团委', ''],
        # good: birth date as a date cell, mobile as a number, +86 prefix
        ['吴倩', '女', datetime.date(2000, 2, 29), 16607532008, '', '农村', '', MJ['rural'], ''],
        ['郑浩', '男', 36892, '+86 166-0753-2009', '', '机关', '', MJ['organ'], ''],
        # rejected: impossible date
        ['冯雪', '女', '2001-13-45', '16607532010', '', '学校', '', MJ['school'], ''],
        # rejected: gender not in the list
        ['陈晨', '未知', '2002-02-02', '16607532011', '', '学校', '', MJ['school'], ''],
        # rejected: hardship not in the list
        ['褚明', '男', '2005-05-05', '16607532012', '', '农村', '', MJ['rural2'], '贫困'],
        # rejected: formula instead of a value
        ['卫东', '男', '1995-05-05', fmt.Formula('="1660753"&"2013"'), '', '企业', '',
         MJ['enterprise'], ''],
    ]


def cadre_bad_rows():
    return [
        # good
        ['蒋文华', '16607531101', '西郊街道团工委', '其他兼职团干部', '委员', '否', '否',
         'jwh_xijiao', '', ''],
        # rejected: category not allowed
        ['沈佳', '16607531102', '江南街道团工委', '挂职干部', '', '否', '否', 'sj_jn', '', ''],
        # rejected: no WeChat, QQ nor Weibo
        ['韩磊', '16607531103', '金山街道团工委', '专职团干部', '', '否', '是', '', '', ''],
        # rejected for a 梅江区 administrator: organization of 梅县区
        ['杨柳', '16607531104', '程江镇团委', '专职团干部', '', '否', '是', 'yl_cj', '', ''],
        # rejected: bad "yes/no" value
        ['朱红', '16607531105', '城北镇团委', '专职团干部', '', '可能', '是', 'zh_cb', '', ''],
        # rejected: mobile repeated
        ['秦风', '16607531101', '长沙镇团委', '专职团干部', '', '否', '是', 'qf_cs', '', ''],
    ]


def contact_rows():
    rows = []
    channels = ['微信', 'QQ', '微博', '电话', '线下']
    for i in range(len(YOUTH)):
        cadre = CADRE_MOBILE % (i % len(CADRES) + 1)
        rows.append([cadre, YOUTH_MOBILE % (i + 1), '2016-08-%02d' % (i + 1),
                     channels[i % len(channels)]])
    # rejected: unknown youth, channel not allowed, duplicate pair
    rows.append([CADRE_MOBILE % 1, '16607539999', '2016-08-20', '微信'])
    rows.append([CADRE_MOBILE % 2, YOUTH_MOBILE % 2, '2016-08-21', '短信'])
    rows.append([CADRE_MOBILE % 1, YOUTH_MOBILE % 1, '2016-08-22', '微信'])
    return rows


def vocabularies(db):
    """The list values of the templates, as the wizard reads them from the models."""
    sys.path.insert(0, os.path.join(ROOT, 'bench'))
    import benchlib
    with benchlib.odoo_env(db) as env:
        return env['league.import.wizard']._vocabularies()


def files(vocab):
    """{relative path: bytes} of every generated file."""
    result = {}
    for kind in ('youth', 'cadre', 'contact'):
        result['data/templates/%s' % fmt.FILENAMES[kind]] = fmt.build_template(kind, vocab)
    for name, kind, rows in (('cadre_meijiang', 'cadre', cadre_rows()),
                             ('youth_meijiang', 'youth', youth_rows()),
                             ('contact_meijiang', 'contact', contact_rows()),
                             ('cadre_meijiang_bad_rows', 'cadre', cadre_bad_rows()),
                             ('youth_meijiang_bad_rows', 'youth', youth_bad_rows())):
        result['data/samples/%s.xlsx' % name] = fmt.build_workbook(kind, rows,
                                                                   vocabularies=vocab)
    return result


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--db', default=os.environ.get('YC_DB', 'yc_dev'))
    parser.add_argument('--check', action='store_true')
    args = parser.parse_args(argv)
    check = args.check
    stale = []
    for path, data in sorted(files(vocabularies(args.db)).items()):
        full = os.path.join(ROOT, path)
        old = open(full, 'rb').read() if os.path.exists(full) else None
        if old == data:
            continue
        stale.append(path)
        if not check:
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, 'wb') as f:
                f.write(data)
            print('wrote %s' % path)
    if check and stale:
        print('gen_templates: out of date, run tools/gen_templates.py: %s' % ', '.join(stale))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
