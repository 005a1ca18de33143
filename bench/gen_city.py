#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Seeded generator of a city-size database (issue 10).

Usage (from the repository root):

    .venv/bin/python bench/gen_city.py                       # the full city into yc_city
    .venv/bin/python bench/gen_city.py --cadres 50 --youth 2000 --contacts 2000 \\
        --logs 20000 --db yc_city_small                      # a quick one
    .venv/bin/python bench/gen_city.py --check-only --db yc_city   # re-run the sample check

The database is created with youth_contact and youth_contact_reports (no demo
data) when it is missing; the city is generated into a database without
cadres (drop it to generate again).  Meizhou's 8 counties and 4 special
units, their towns and grassroots units of every sector are created through
the ORM; users, cadres, youth, contacts, contact logs (and their youth),
offline activities, "4+1" grassroots days and concerns are inserted in bulk
(COPY).  Then the stored computed fields are filled: in SQL where the value is
a plain copy or count (the counties, sectors, counters, ISO weeks, log names),
by the ORM (``add_todo`` + ``recompute``) for everything else, including any
stored computed field this script does not know about.  Finally a random
sample of every model is recomputed by the ORM (in cache only) and compared
with what is stored: any difference stops the script.

A county administrator (login ``city_county_admin``, county 梅江区) and a
city administrator (``city_admin``) are created for the benchmark
(bench/city_bench.py).
"""
import csv
import io
import random
import secrets
import sys
import time
from datetime import date, timedelta

import benchlib

# name, number of towns, weight (share of cadres and youth); special units last
COUNTIES = [
    ('梅江区', 7, 10), ('梅县区', 19, 14), ('兴宁市', 20, 14), ('平远县', 12, 6),
    ('蕉岭县', 8, 6), ('大埔县', 14, 9), ('丰顺县', 16, 9), ('五华县', 16, 12),
]
SPECIALS = [('嘉应学院团委', 6, 6), ('市高新区团工委', 3, 3), ('市金融团工委', 3, 3),
            ('市直和驻梅单位团组织', 8, 8)]
TOWNS = ('城北 西阳 长沙 三角 金山 江南 西郊 程江 石扇 松口 丙村 雁洋 南口 畲江 水车 梅西 大坪 石坑 '
         '城东 隆文 桃尧 白渡 梅南 松源 宁中 宁新 叶塘 新陂 径南 永和 大成 石马 刁坊 罗浮 黄槐 '
         '坪洋 仁居 东石 差干 八尺 热柘 中行 蕉城 新铺 广福 三圳 湖寮 高陂 茶阳 百侯 大麻 枫朗 '
         '汤坑 留隍 丰良 八乡山 潭江 砂田 水寨 河东 华城 岐岭 安流 棉洋 横陂 龙村').split()
SECTOR_UNITS = [
    ('enterprise', '%s镇企业团支部'), ('rural', '%s村团支部'), ('organ', '%s镇机关团支部'),
    ('school', '%s中学团委'), ('community', '%s社区团支部'),
    ('social_org', '%s青年志愿者协会团支部'), ('new_media', '%s新媒体团支部'),
]
SECTORS = [key for key, _pattern in SECTOR_UNITS]
SURNAMES = ('李张陈黄刘钟曾罗杨谢古廖温邱叶朱林吴何侯丘赖宋梁徐郑王周蓝肖'
            '潘邓袁彭萧巫饶卢江熊')
GIVEN = ('伟强俊杰浩明文华志宇丽芳婷敏静燕霞玲娟慧嘉欣怡思雨晨子涵梓轩浩然'
         '佳琪雅雪梅兰建国海波永平秀英振兴锦辉宏锋')
PREFIXES = ['13', '15', '18', '17', '19', '16', '14']
LOG_MODES = (['wechat'] * 40 + ['qq'] * 8 + ['weibo'] * 4 + ['phone'] * 20
             + ['activity'] * 6 + ['face_to_face'] * 22)
LOG_TOPICS = ['guidance', 'concern', 'growth']
CONTENTS = ['微信联系，了解近期学习工作情况', '电话沟通就业创业想法，推荐了青年就业见习岗位',
            '面对面交流思想动态，宣讲团的基本知识', '解答了关于入团、推优入党的疑问',
            '了解家庭困难情况，已反映给镇团委', 'QQ群内分享青年志愿服务活动信息',
            '参加读书分享会后交流心得', '询问返乡创业扶持政策，提供了申请指引']
PLACE_TYPES = ['region', 'park', 'enterprise', 'social_org', 'service_platform']
CONCERN_STATES = ['new'] * 30 + ['answered'] * 20 + ['helped'] * 15 + ['escalated'] * 10 \
    + ['closed'] * 25

# stored computed fields filled in SQL below; every other stored computed field
# of the models inserted in bulk is recomputed by the ORM
SQL_COMPUTED = {
    'league.cadre': {'county_id', 'activity_date_deadline'},
    'league.youth': {'county_id', 'cadre_count', 'activity_date_deadline'},
    'league.contact': {'county_id', 'sector', 'youth_county_id'},
    'league.contact.log': {'name', 'youth_count', 'county_id'},
    'league.activity': {'county_id', 'participant_count'},
    'league.grassroots.day': {'county_id', 'organization_id', 'iso_year', 'iso_week', 'week'},
    'league.concern': {'county_id', 'activity_date_deadline'},
}
SKIP = {('res.users', 'password')}  # computed from the hash: nothing to recompute
BULK_MODELS = ['res.partner', 'res.users', 'league.cadre', 'league.youth', 'league.contact',
               'league.contact.log', 'league.activity', 'league.grassroots.day',
               'league.concern']
CHECK_MODELS = ['league.organization'] + BULK_MODELS
# the users and partners of the city (not those of the base install)
SAMPLE_FROM = {
    'res.users': 'SELECT user_id FROM league_cadre',
    'res.partner': 'SELECT u.partner_id FROM league_cadre c JOIN res_users u ON u.id = c.user_id',
}


class Steps(object):
    """Prints the time taken by each step."""

    def __init__(self):
        self.start = self.last = time.time()
        self.times = []

    def done(self, what):
        now = time.time()
        self.times.append((what, now - self.last))
        print('city: %-48s %7.1f s  (total %6.1f s)' % (what, now - self.last,
                                                       now - self.start), flush=True)
        self.last = now


def copy_rows(cr, table, columns, rows):
    """COPY ``rows`` (tuples, None = NULL) into ``table``; returns the count."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    count = 0
    for row in rows:
        writer.writerow(['\\N' if value is None else value for value in row])
        count += 1
    buf.seek(0)
    cr.copy_expert('COPY %s (%s) FROM STDIN WITH (FORMAT csv, NULL \'\\N\')'
                   % (table, ', '.join(columns)), buf)
    return count


def reserve_ids(cr, table, count):
    """First of ``count`` consecutive ids of ``table`` (the sequence is moved on)."""
    cr.execute("SELECT nextval('%s_id_seq')" % table)
    first = cr.fetchone()[0]
    cr.execute("SELECT setval('%s_id_seq', %%s)" % table, (first + count,))
    return first


class City(object):

    def __init__(self, env, args):
        self.env = env
        self.cr = env.cr
        self.args = args
        self.rnd = random.Random(args.seed)
        self.today = date.today()
        self.mobiles = set()

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------
    def name(self):
        rnd = self.rnd
        given = rnd.choice(GIVEN) + (rnd.choice(GIVEN) if rnd.random() < 0.75 else '')
        return rnd.choice(SURNAMES) + given

    def mobile(self):
        while True:
            value = '%s%09d' % (self.rnd.choice(PREFIXES), self.rnd.randrange(10 ** 9))
            if value not in self.mobiles:
                self.mobiles.add(value)
                return value

    def day(self, days_back, start=0):
        return self.today - timedelta(days=self.rnd.randrange(start, days_back))

    def std(self):
        return [1, 1, 'now()', 'now()']

    STD = ['create_uid', 'write_uid', 'create_date', 'write_date']

    # ------------------------------------------------------------------
    # organizations (ORM: a few hundred records)
    # ------------------------------------------------------------------
    def organizations(self):
        Org = self.env['league.organization'].with_context(defer_parent_store_computation=True)
        city = Org.create({'name': '共青团梅州市委员会', 'level': 'city'})
        self.counties = []   # (org, weight, is_special)
        self.towns = {}      # county id -> town records
        self.units = {}      # county id -> unit records (+ towns: youth live there too)
        names = iter(TOWNS * 3)
        for index, (name, towns, weight) in enumerate(COUNTIES + SPECIALS):
            special = index >= len(COUNTIES)
            county = Org.create({'name': name if special else '共青团%s委员会' % name,
                                 'level': 'county', 'parent_id': city.id,
                                 'is_special': special, 'sequence': index})
            self.counties.append((county, weight, special))
            if special:
                units = [Org.create({'name': '%s第%d团支部' % (name, i + 1), 'level': 'unit',
                                     'sector': SECTORS[i % 7], 'parent_id': county.id})
                         for i in range(towns)]
                self.towns[county.id] = []
                self.units[county.id] = units
                continue
            town_list, units = [], []
            for _i in range(towns):
                town_name = next(names)
                suffix = '街道' if len(town_list) < 2 and index == 0 else '镇'
                town = Org.create({'name': '%s%s团委' % (town_name, suffix), 'level': 'town',
                                   'parent_id': county.id})
                town_list.append(town)
                for sector, pattern in SECTOR_UNITS:
                    units.append(Org.create({'name': pattern % town_name, 'level': 'unit',
                                             'sector': sector, 'parent_id': town.id}))
            self.towns[county.id] = town_list
            self.units[county.id] = units
        Org._parent_store_compute()
        self.city = city

    def split(self, total, weights):
        """``total`` split in proportion to ``weights`` (integers summing to total)."""
        whole = sum(weights)
        parts = [total * w // whole for w in weights]
        for i in range(total - sum(parts)):
            parts[i % len(parts)] += 1
        return parts

    # ------------------------------------------------------------------
    # users and cadres
    # ------------------------------------------------------------------
    def cadres(self):
        env, cr, rnd, args = self.env, self.cr, self.rnd, self.args
        counts = self.split(args.cadres, [w for _c, w, _s in self.counties])
        self.cadre_rows = []  # (id, county index, quota, org id, county-organ cadre)
        plans = []
        for index, ((county, _w, special), count) in enumerate(zip(self.counties, counts)):
            for i in range(count):
                # about half the cadres of a county work in the county committee
                # (full-time or attached, "4+1"), the others in towns and units
                if not special and i < count * 48 // 100:
                    org, organ = county, True
                    category = 'full_time' if i % 3 else 'organ_part_time'
                else:
                    pool = self.towns[county.id] + self.units[county.id]
                    org, organ = rnd.choice(pool), False
                    category = 'full_time' if rnd.random() < 0.35 else 'other_part_time'
                plans.append((index, org.id, organ, category))
        # one template user through the ORM, copied in SQL for the others
        group = env.ref('youth_contact.group_cadre')
        template = env['res.users'].with_context(no_reset_password=True).create({
            'name': 'template', 'login': 'city_template', 'groups_id': [(6, 0, [group.id])]})
        cr.execute('SELECT * FROM res_partner WHERE id = %s', (template.partner_id.id,))
        partner_cols = [d[0] for d in cr.description if d[0] != 'id']
        partner_row = dict(zip([d[0] for d in cr.description], cr.fetchone()))
        cr.execute('SELECT * FROM res_users WHERE id = %s', (template.id,))
        user_cols = [d[0] for d in cr.description if d[0] != 'id']
        user_row = dict(zip([d[0] for d in cr.description], cr.fetchone()))
        groups = template.groups_id.ids
        companies = template.company_ids.ids
        n = len(plans)
        partner0 = reserve_ids(cr, 'res_partner', n)
        user0 = reserve_ids(cr, 'res_users', n)
        cadre0 = reserve_ids(cr, 'league_cadre', n)
        names = [self.name() for _i in range(n)]

        def value(row, col, overrides):
            if col in overrides:
                return overrides[col]
            val = row[col]
            return val if val is None or not isinstance(val, bool) else ('t' if val else 'f')

        copy_rows(cr, 'res_partner', ['id'] + partner_cols, (
            [partner0 + i] + [value(partner_row, col, {
                'name': names[i], 'display_name': names[i], 'commercial_partner_id': None,
                'create_date': 'now()', 'write_date': 'now()'}) for col in partner_cols]
            for i in range(n)))
        copy_rows(cr, 'res_users', ['id'] + user_cols, (
            [user0 + i] + [value(user_row, col, {
                'login': 'cadre%04d' % (i + 1), 'partner_id': partner0 + i,
                'create_date': 'now()', 'write_date': 'now()'}) for col in user_cols]
            for i in range(n)))
        copy_rows(cr, 'res_groups_users_rel', ['gid', 'uid'],
                  ((gid, user0 + i) for i in range(n) for gid in groups))
        copy_rows(cr, 'res_company_users_rel', ['cid', 'user_id'],
                  ((cid, user0 + i) for i in range(n) for cid in companies))
        template.unlink()
        rows = []
        for i, (index, org_id, organ, category) in enumerate(plans):
            quota = 10 if category == 'other_part_time' else 100
            rows.append([cadre0 + i, names[i], user0 + i, org_id, category, quota,
                         't' if organ and i % 7 == 0 else 'f', 't' if organ else 'f',
                         '团委委员' if organ else '团支部书记', self.mobile(),
                         'wx_cadre%04d' % (i + 1), 't']
                        + self.std())
            self.cadre_rows.append((cadre0 + i, index, quota, org_id, organ))
        copy_rows(cr, 'league_cadre', [
            'id', 'name', 'user_id', 'organization_id', 'category', 'quota', 'is_leader',
            'established', 'position', 'mobile', 'wechat', 'active'] + self.STD,
            rows)
        self.user_ids = list(range(user0, user0 + n))
        self.cadre_ids = list(range(cadre0, cadre0 + n))

    def admins(self):
        env = self.env
        Users = env['res.users'].with_context(no_reset_password=True)
        county = self.counties[0][0]
        self.county_admin = Users.create({
            'name': '梅江区管理员', 'login': 'city_county_admin',
            'league_admin_county_id': county.id,
            'groups_id': [(6, 0, [env.ref('youth_contact.group_county_admin').id])]})
        county.admin_user_id = self.county_admin
        self.city_admin = Users.create({
            'name': '市团委管理员', 'login': 'city_admin',
            'groups_id': [(6, 0, [env.ref('youth_contact.group_city_admin').id])]})

    # ------------------------------------------------------------------
    # youth and contacts
    # ------------------------------------------------------------------
    def youth(self):
        cr, rnd, args = self.cr, self.rnd, self.args
        counts = self.split(args.youth, [w for _c, w, _s in self.counties])
        youth0 = reserve_ids(cr, 'league_youth', args.youth)
        self.youth_by_county = []
        self.youth_sector = {}
        rows = []
        next_id = youth0
        hardships = [None] * 40 + ['migrant', 'poor_family', 'left_behind', 'disabled']
        statuses = ['league_member'] * 6 + ['party_member', 'probationary', 'masses', 'masses']
        for (county, _w, _s), count in zip(self.counties, counts):
            units = self.units[county.id]
            towns = self.towns[county.id]
            ids = []
            for _i in range(count):
                org = rnd.choice(units) if not towns or rnd.random() < 0.85 else rnd.choice(towns)
                sector = org.sector or rnd.choice(SECTORS)
                born = self.today - timedelta(days=rnd.randrange(14 * 365, 35 * 365))
                rows.append((next_id, self.name(), rnd.choice(['male', 'female']), born,
                             self.mobile(), rnd.choice(statuses), sector,
                             '%s%d' % (org.name[:4], rnd.randrange(1, 30)), org.id,
                             rnd.choice(hardships), 't', 1, 1, 'now()', 'now()'))
                self.youth_sector[next_id] = sector
                ids.append(next_id)
                next_id += 1
            self.youth_by_county.append(ids)
        copy_rows(cr, 'league_youth', [
            'id', 'name', 'gender', 'birthdate', 'mobile', 'political_status', 'sector', 'unit',
            'organization_id', 'hardship', 'active'] + self.STD, rows)

    def contacts(self):
        cr, rnd, args = self.cr, self.rnd, self.args
        weights = [quota * rnd.uniform(0.7, 1.3) for _id, _c, quota, _o, _g in self.cadre_rows]
        whole = sum(weights)
        self.contacts_of = {}
        rows = []
        contact0 = reserve_ids(cr, 'league_contact', args.contacts)
        next_id = contact0
        channels = ['wechat'] * 5 + ['qq', 'weibo', 'phone', 'phone', 'offline']
        for (cadre_id, index, _quota, _org, _organ), weight in zip(self.cadre_rows, weights):
            pool = self.youth_by_county[index]
            count = min(len(pool), max(1, int(round(args.contacts * weight / whole))))
            chosen = rnd.sample(pool, count)
            self.contacts_of[cadre_id] = chosen
            for youth_id in chosen:
                start = self.day(730, 30) if rnd.random() < 0.8 else self.day(365, 0)
                # the youth's page: a random token of its own (as league.contact.create)
                rows.append((next_id, cadre_id, youth_id, start, rnd.choice(channels),
                             secrets.token_urlsafe(32), 'unconfirmed', 1, 1, 'now()', 'now()'))
                next_id += 1
        # the rounding may give a few more or less than asked
        cr.execute("SELECT setval('league_contact_id_seq', %s)", (max(next_id, contact0 + 1),))
        copy_rows(cr, 'league_contact', ['id', 'cadre_id', 'youth_id', 'date_start', 'channel',
                                         'youth_token', 'confirm_state'] + self.STD, rows)
        self.contact_total = len(rows)

    # ------------------------------------------------------------------
    # activity over the past year
    # ------------------------------------------------------------------
    def logs(self):
        cr, rnd, args = self.cr, self.rnd, self.args
        cadres = [c for c in self.cadre_rows if self.contacts_of.get(c[0])]
        weights = [len(self.contacts_of[c[0]]) * rnd.uniform(0.3, 1.7) for c in cadres]
        whole = sum(weights)
        plan = [(c[0], int(round(args.logs * w / whole))) for c, w in zip(cadres, weights)]
        total = sum(count for _c, count in plan)
        log0 = reserve_ids(cr, 'league_contact_log', total)
        logs, rels = [], []
        next_id = log0
        for cadre_id, count in plan:
            pool = self.contacts_of[cadre_id]
            for _i in range(count):
                mode = rnd.choice(LOG_MODES)
                size = rnd.randint(3, 8) if mode == 'activity' else (
                    1 if rnd.random() < 0.8 else rnd.randint(2, 3))
                youth = rnd.sample(pool, min(size, len(pool)))
                logs.append((next_id, cadre_id, self.day(365), mode, rnd.choice(LOG_TOPICS),
                             rnd.choice(CONTENTS), 1, 1, 'now()', 'now()'))
                rels.extend((next_id, youth_id) for youth_id in youth)
                next_id += 1
            if len(logs) > 200000:
                self._copy_logs(logs, rels)
                logs, rels = [], []
        self._copy_logs(logs, rels)
        self.log_total = total

    def _copy_logs(self, logs, rels):
        copy_rows(self.cr, 'league_contact_log', [
            'id', 'cadre_id', 'date', 'mode', 'topic', 'content'] + self.STD, logs)
        copy_rows(self.cr, 'league_contact_log_youth_rel', ['log_id', 'youth_id'], rels)

    def activities(self):
        cr, rnd, args = self.cr, self.rnd, self.args
        cadres = [c[0] for c in self.cadre_rows if self.contacts_of.get(c[0])]
        first = reserve_ids(cr, 'league_activity', args.activities)
        kinds = ['sports_culture', 'matchmaking', 'skills', 'volunteer', 'other']
        titles = ['青年篮球友谊赛', '青年联谊交友活动', '电商技能培训', '关爱留守儿童志愿服务',
                  '读书分享会', '返乡大学生座谈会', '创业沙龙', '环保志愿行动']
        rows, rels = [], []
        for i in range(args.activities):
            cadre_id = rnd.choice(cadres)
            pool = self.contacts_of[cadre_id]
            rows.append((first + i, rnd.choice(titles), cadre_id, self.day(365),
                         rnd.choice(kinds), '活动中心', '活动顺利开展', 1, 1, 'now()', 'now()'))
            rels.extend((first + i, y) for y in rnd.sample(pool, min(len(pool),
                                                                     rnd.randint(3, 15))))
        copy_rows(cr, 'league_activity', ['id', 'name', 'cadre_id', 'date', 'kind', 'place',
                                          'summary'] + self.STD, rows)
        copy_rows(cr, 'league_activity_youth_rel', ['activity_id', 'youth_id'], rels)

    def grassroots_days(self):
        """Grassroots days of the county committee cadres ("4+1"), at most one
        per cadre and date; some cadres regular, some behind."""
        cr, rnd, args = self.cr, self.rnd, self.args
        organ = [c for c in self.cadre_rows if c[4]]
        if not organ:
            return
        per_cadre = min(330, args.days // len(organ))
        first = reserve_ids(cr, 'league_grassroots_day', per_cadre * len(organ))
        works = ['走访青年企业，了解青年员工需求', '到村开展青年座谈', '指导基层团支部换届',
                 '参与社区青年志愿服务', '调研青年社会组织发展情况']
        rows = []
        next_id = first
        for cadre_id, index, _quota, _org, _organ in organ:
            # a tenth of the cadres stopped going a few weeks ago (behind)
            start = 21 if rnd.random() < 0.1 else 0
            days = rnd.sample(range(start, 365), min(per_cadre, 365 - start))
            units = self.units[self.counties[index][0].id]
            for back in days:
                host = rnd.choice(units)
                rows.append((next_id, cadre_id, self.today - timedelta(days=back),
                             rnd.choice(PLACE_TYPES), host.name, host.id, rnd.choice(works),
                             rnd.randint(0, 40), 1, 1, 'now()', 'now()'))
                next_id += 1
        copy_rows(cr, 'league_grassroots_day', [
            'id', 'cadre_id', 'date', 'place_type', 'unit', 'host_organization_id', 'work',
            'youth_count'] + self.STD, rows)

    def concerns(self):
        cr, rnd, args = self.cr, self.rnd, self.args
        cadres = [c[0] for c in self.cadre_rows if self.contacts_of.get(c[0])]
        first = reserve_ids(cr, 'league_concern', args.concerns)
        subjects = ['就业岗位咨询', '创业贷款申请', '子女入学问题', '技能培训需求',
                    '心理压力较大', '建议增加青年活动场地', '家庭经济困难']
        voice_kinds = ['suggestion', 'opinion', 'idea']
        rows = []
        for i in range(args.concerns):
            cadre_id = rnd.choice(cadres)
            state = rnd.choice(CONCERN_STATES)
            raised = self.day(365)
            subject = rnd.choice(subjects)
            youth_id = rnd.choice(self.contacts_of[cadre_id])
            kind = rnd.choice(['confusion', 'difficulty', 'suggestion'])
            # the youth voice kind of opinions and suggestions (no draw: same data as before)
            voice_kind = voice_kinds[i % len(voice_kinds)] if kind == 'suggestion' else None
            rows.append((
                first + i, subject, youth_id, cadre_id, kind, voice_kind, state, raised,
                '青年反映的具体情况', None if state == 'new' else '已解答并跟进',
                'research' if state == 'escalated' else None,
                min(self.today, raised + timedelta(days=20)) if state == 'closed' else None,
                1, 1, 'now()', 'now()'))
        copy_rows(cr, 'league_concern', [
            'id', 'name', 'youth_id', 'cadre_id', 'kind', 'voice_kind', 'state', 'date',
            'description', 'answer', 'escalation', 'date_closed'] + self.STD, rows)

    # ------------------------------------------------------------------
    # what the ORM would have computed
    # ------------------------------------------------------------------
    def compute_sql(self):
        """The stored computed fields that are plain copies or counts."""
        cr, env = self.cr, self.env
        cr.execute("""UPDATE league_cadre c SET county_id = o.county_id
                        FROM league_organization o WHERE o.id = c.organization_id""")
        cr.execute("""UPDATE league_youth y SET county_id = o.county_id
                        FROM league_organization o WHERE o.id = y.organization_id""")
        cr.execute("""UPDATE league_youth y SET cadre_count = n.count
                        FROM (SELECT youth_id, count(*) FROM league_contact GROUP BY youth_id) n
                       WHERE n.youth_id = y.id""")
        cr.execute("UPDATE league_youth SET cadre_count = 0 WHERE cadre_count IS NULL")
        cr.execute("""UPDATE league_contact c SET county_id = d.county_id, sector = y.sector,
                             youth_county_id = y.county_id
                        FROM league_cadre d, league_youth y
                       WHERE d.id = c.cadre_id AND y.id = c.youth_id""")
        Log = env['league.contact.log']
        modes = dict(Log._fields['mode']._description_selection(env))
        topics = dict(Log._fields['topic']._description_selection(env))

        def case(column, labels):
            return 'CASE %s %s END' % (column, ' '.join(
                "WHEN '%s' THEN '%s'" % (key, label.replace("'", "''"))
                for key, label in labels.items()))
        cr.execute("""UPDATE league_contact_log l
                         SET name = to_char(l.date, 'YYYY-MM-DD') || ' ' || %s || ' ' || %s,
                             county_id = d.county_id, youth_count = n.count
                        FROM league_cadre d,
                             (SELECT log_id, count(*) FROM league_contact_log_youth_rel
                               GROUP BY log_id) n
                       WHERE d.id = l.cadre_id AND n.log_id = l.id"""
                   % (case('l.mode', modes), case('l.topic', topics)))
        cr.execute("""UPDATE league_activity a SET county_id = d.county_id,
                             participant_count = (SELECT count(*) FROM league_activity_youth_rel r
                                                   WHERE r.activity_id = a.id)
                        FROM league_cadre d WHERE d.id = a.cadre_id""")
        cr.execute("UPDATE league_activity SET participant_count = 0 "
                   "WHERE participant_count IS NULL")
        cr.execute("""UPDATE league_grassroots_day g SET county_id = d.county_id,
                             organization_id = d.organization_id,
                             iso_year = extract(isoyear FROM g.date),
                             iso_week = extract(week FROM g.date),
                             week = to_char(g.date, 'IYYY') || '-W' || to_char(g.date, 'IW')
                        FROM league_cadre d WHERE d.id = g.cadre_id""")
        cr.execute("""UPDATE league_concern c SET county_id = d.county_id
                        FROM league_cadre d WHERE d.id = c.cadre_id""")
        # activity_date_deadline: no activity on the inserted records, NULL as inserted

    def compute_orm(self, steps):
        """Every other stored computed field of the bulk models, by the ORM."""
        env = self.env
        for model in BULK_MODELS:
            Model = env[model]
            names = [name for name, field in Model._fields.items()
                     if field.store and field.compute and (model, name) not in SKIP
                     and name not in SQL_COMPUTED.get(model, ())]
            if not names:
                continue
            self.cr.execute('SELECT id FROM %s WHERE create_uid = 1 AND id >= %%s ORDER BY id'
                            % Model._table, (self.first_ids[model],))
            ids = [row[0] for row in self.cr.fetchall()]
            for start in range(0, len(ids), 5000):
                records = Model.browse(ids[start:start + 5000])
                for name in names:
                    env.add_todo(Model._fields[name], records)
                records.recompute()
                env.cache.invalidate()
            steps.done('ORM recompute %s (%d x %s)' % (model, len(ids), ', '.join(names)))


def check_sample(env, size, seed):
    """Recompute (in cache) the stored computed fields of ``size`` random
    records of each model and compare with the stored values."""
    rnd = random.Random(seed)
    errors = []
    for model in CHECK_MODELS:
        start = time.time()
        Model = env[model].with_context(active_test=False)
        names = [name for name, field in Model._fields.items()
                 if field.store and field.compute and (model, name) not in SKIP]
        env.cr.execute(SAMPLE_FROM.get(model, 'SELECT id FROM %s' % Model._table))
        ids = [row[0] for row in env.cr.fetchall()]
        records = Model.browse(rnd.sample(ids, min(size, len(ids))))
        env.cache.invalidate()
        stored = {rec['id']: rec for rec in records.read(names)}
        for rec in records:
            # one record at a time: a record computed with its parent in the
            # same batch would read the parent's value being computed
            env.cache.invalidate()
            done = set()
            for name in names:
                field = Model._fields[name]
                if field not in done:
                    field.compute_value(rec)
                    done.update(records._field_computed[field])
            for name in names:
                field = Model._fields[name]
                value = rec[name]
                if field.type == 'many2one':
                    value = value.id or False
                    db = stored[rec.id][name] and stored[rec.id][name][0] or False
                else:
                    db = stored[rec.id][name]
                if field.type == 'float':
                    same = abs((value or 0.0) - (db or 0.0)) < 1e-6
                else:
                    same = (value or False) == (db or False)
                if not same:
                    errors.append('%s(%d).%s: stored %r, computed %r'
                                  % (model, rec.id, name, db, value))
        print('city: check %-24s %3d records, %2d fields %6.1f s'
              % (model, len(records), len(names), time.time() - start), flush=True)
    if errors:
        print('\n'.join(errors[:50]))
        raise SystemExit('city: %d stored values differ from what the ORM computes'
                         % len(errors))
    print('city: sample check passed', flush=True)


def main():
    parser = benchlib.parser(__doc__, 'yc_city')
    parser.add_argument('--cadres', type=int, default=1000)
    parser.add_argument('--youth', type=int, default=100000)
    parser.add_argument('--contacts', type=int, default=100000)
    parser.add_argument('--logs', type=int, default=1000000)
    parser.add_argument('--activities', type=int, default=20000)
    parser.add_argument('--days', type=int, default=40000, help='"4+1" grassroots days')
    parser.add_argument('--concerns', type=int, default=5000)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--sample', type=int, default=50,
                        help='records per model recomputed by the final check')
    parser.add_argument('--check-only', action='store_true',
                        help='only re-run the sample check on an existing city')
    args = parser.parse_args()
    steps = Steps()
    if not args.check_only:
        benchlib.ensure_db(args.db, 'youth_contact,youth_contact_reports', 'city')
        steps.done('database')
    with benchlib.odoo_env(args.db, benchlib.BULK_CONTEXT) as env:
        cr = env.cr
        if args.check_only:
            check_sample(env, args.sample, args.seed)
            cr.rollback()
            steps.done('check')
            return
        cr.execute('SELECT count(*) FROM league_cadre')
        if cr.fetchone()[0]:
            raise SystemExit('city: %s already has cadres: drop it (dropdb %s) to generate '
                             'again, or use --check-only' % (args.db, args.db))
        city = City(env, args)
        city.first_ids = {}
        for model in BULK_MODELS:
            table = env[model]._table
            cr.execute("SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END "
                       "FROM %s_id_seq" % table)
            city.first_ids[model] = cr.fetchone()[0]
        city.organizations()
        steps.done('organizations (ORM): %d' % env['league.organization'].search_count([]))
        city.cadres()
        steps.done('users and cadres: %d' % len(city.cadre_ids))
        city.admins()
        steps.done('county and city administrators')
        city.youth()
        steps.done('youth: %d' % args.youth)
        city.contacts()
        steps.done('contacts: %d' % city.contact_total)
        city.logs()
        steps.done('contact logs: %d' % city.log_total)
        city.activities()
        steps.done('offline activities: %d' % args.activities)
        city.grassroots_days()
        steps.done('grassroots days')
        city.concerns()
        steps.done('concerns: %d' % args.concerns)
        city.compute_sql()
        steps.done('stored computed fields in SQL')
        city.compute_orm(steps)
        cr.execute('ANALYZE')
        cr.commit()
        steps.done('commit and analyze')
        env.cache.invalidate()
        check_sample(env, args.sample, args.seed)
        cr.rollback()
        steps.done('sample check')
    print('city: done in %.1f s' % (time.time() - steps.start))


if __name__ == '__main__':
    sys.exit(main())
