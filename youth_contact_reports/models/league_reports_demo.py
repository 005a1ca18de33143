# -*- coding: utf-8 -*-
import datetime

from odoo import api, fields, models

from odoo.addons.youth_contact.models.league_common import league_today
from odoo.addons.youth_contact.models.league_guard import server_side

from .league_periods import half_year_bounds, to_date

RATING_CYCLE = ['5', '4', '5', '3', '4', '5', '2', '4', '5', '4']
COMMENTS = ['团干部经常联系我们，很贴心。', '希望多组织一些技能培训活动。', '帮我解决了实习单位的问题，谢谢！',
            '联系不算多，希望能面对面多交流。', '活动很有意思，收获很大。']


class LeagueReportsDemo(models.AbstractModel):
    """Demo data of the reports addon, made from the core demo data so that it
    follows whatever the core demo contains: satisfaction ratings, half-year
    reports in every state, a published evaluation of the previous half-year
    (with its bulletin) and a draft one for the current half-year, 典型 in
    each state."""
    _name = 'league.reports.demo'
    _description = 'Demo Data of the Reports'

    @api.model
    def _generate(self):
        """Create the demo data (called by the demo XML only: private, so
        that no RPC client can create it on a production database)."""
        today = to_date(league_today(self))
        current = half_year_bounds(today)
        previous = half_year_bounds(current[0] - datetime.timedelta(days=1))
        self._demo_ratings(today)
        self._demo_halfyear_reports(current, previous)
        self._demo_evaluations(current, previous)
        self._demo_exemplars(today)
        return True

    @api.model
    def _demo_ratings(self, today):
        # some ratings come from the youth's pages, which only the server records
        Rating = server_side(self.env['league.satisfaction'])
        contacts = self.env['league.contact'].search([], order='id')
        for index, contact in enumerate(contacts):
            if index % 3:
                continue
            day = today - datetime.timedelta(days=(index * 7) % 300)
            if contact.date_start and to_date(contact.date_start) > day:
                day = to_date(contact.date_start)
            Rating.create({
                'cadre_id': contact.cadre_id.id,
                'youth_id': contact.youth_id.id,
                'date': fields.Date.to_string(day),
                'rating': RATING_CYCLE[(index // 3) % len(RATING_CYCLE)],
                'comment': COMMENTS[(index // 3) % len(COMMENTS)] if index % 2 else False,
                'source': 'link' if index % 4 else 'face_to_face',
            })

    @api.model
    def _demo_halfyear_reports(self, current, previous):
        counties = self.env['league.organization'].search(
            [('level', '=', 'county'), ('is_special', '=', False), ('cadre_ids', '!=', False)],
            limit=3)
        Report = self.env['league.halfyear.report']
        texts = {
            'work_summary': '本半年全县团干部通过微信、QQ经常联系团员青年，每季度开展线下活动，'
                            '落实“8+4”下沉和“4+1”报到制度，举办专题开放日。',
            'highlights': '组建青年志愿服务队，开展结对帮扶留守儿童。',
            'problems': '部分兼职团干部联系青年数量不足，面对面交流偏少。',
            'next_steps': '加强督导，每月通报联系情况，推动领导班子成员带头联系青年。',
        }
        for index, county in enumerate(counties):
            period = previous if index < 2 else current
            report = Report.create(dict(texts, county_id=county.id, year=str(period[0].year),
                                        half='1' if period[0].month == 1 else '2'))
            report.action_refresh_figures()
            if index < 2:
                report.action_submit()
            if index == 0:
                report.write({'city_feedback': '工作扎实，请继续加强面对面交流。'})
                report.action_acknowledge()

    @api.model
    def _demo_evaluations(self, current, previous):
        Evaluation = self.env['league.evaluation']
        published = Evaluation.create({
            'name': self._demo_name(previous),
            'date_from': fields.Date.to_string(previous[0]),
            'date_to': fields.Date.to_string(previous[1]),
            'note': '各县（市、区）团委要对照排名查找差距，形成比学赶超的良好氛围。',
        })
        published._compute_now()  # the job's body, at once: demo data needs no job runner
        published.action_publish()
        Evaluation.create({
            'name': self._demo_name(current),
            'date_from': fields.Date.to_string(current[0]),
            'date_to': fields.Date.to_string(current[1]),
        })

    @api.model
    def _demo_exemplars(self, today):
        """典型 of two counties: a cadre selected by the city, a practice
        submitted, one still in draft."""
        counties = self.env['league.organization'].search(
            [('level', '=', 'county'), ('is_special', '=', False), ('cadre_ids', '!=', False)],
            limit=2)
        Exemplar = self.env['league.exemplar']
        for index, county in enumerate(counties):
            cadre = county.cadre_ids.sorted('id')[:1]
            selected = Exemplar.create({
                'name': '扎根基层、贴心服务青年的团干部%s' % cadre.name if index == 0
                        else '“青年之家”周末夜校：把课堂办到青年身边',
                'organization_id': county.id,
                'cadre_id': cadre.id if index == 0 else False,
                'date': fields.Date.to_string(today - datetime.timedelta(days=30 + 20 * index)),
                'summary': '坚持每周到镇街报到，通过微信和面对面交流联系青年一百余人，'
                           '帮助返乡青年解决创业场地和技能培训问题。' if index == 0 else
                           '联合镇街团委在周末开设电商直播、客家山歌等课程，'
                           '半年来服务青年六百余人次。',
                'story': '<p>该同志把联系青年作为日常工作，建立青年需求台账，'
                         '逐条跟进办理，青年满意度高。</p>',
            })
            selected.action_submit()
            if index == 0:
                selected.action_select()
        Exemplar.create({
            'name': '“8+4”下沉组帮助村级团支部规范换届',
            'organization_id': counties[:1].id,
            'date': fields.Date.to_string(today - datetime.timedelta(days=10)),
            'summary': '下沉工作组指导六个村级团支部完成换届选举。',
        })

    @staticmethod
    def _demo_name(period):
        return '%d年%s半年团干部直接联系青年工作考核' % (
            period[0].year, '上' if period[0].month == 1 else '下')
