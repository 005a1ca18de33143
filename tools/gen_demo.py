#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Generate the demo data of the ``youth_contact`` addon (fixed random seed).

Usage:  python3 tools/gen_demo.py        (writes youth_contact/demo/*.xml)

The output is committed; rerun the script after changing it and commit both.
Every date is relative to the day the demo data is installed, so that the
cadences of the "1+100" rule ("日常有声音、每季有活动、每年有面对面交流") show
some cadres on track and some behind whenever the database is created:

* online cadence: a contact log in the last 7 days;
* activity cadence: an offline activity in the current quarter;
* face-to-face cadence: every contacted youth met face to face in the last year.

Demo logins: password = login.  ``meizhou`` is the city administrator, the
county administrators log in with the county's pinyin (``meijiang``,
``meixian``, ...), the other cadres with the pinyin of their name.
"""
import os
import random
from xml.sax.saxutils import escape, quoteattr

SEED = 20160721
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'youth_contact', 'demo')

# --------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------
# Frequent surnames of Meizhou (Hakka region), with pinyin for logins.
SURNAMES = [
    ('李', 'li'), ('张', 'zhang'), ('陈', 'chen'), ('黄', 'huang'), ('刘', 'liu'),
    ('钟', 'zhong'), ('曾', 'zeng'), ('罗', 'luo'), ('杨', 'yang'), ('谢', 'xie'),
    ('古', 'gu'), ('廖', 'liao'), ('温', 'wen'), ('邱', 'qiu'), ('叶', 'ye'),
    ('朱', 'zhu'), ('林', 'lin'), ('吴', 'wu'), ('何', 'he'), ('侯', 'hou'),
    ('卢', 'lu'), ('梁', 'liang'), ('彭', 'peng'), ('蓝', 'lan'), ('熊', 'xiong'),
    ('潘', 'pan'), ('赖', 'lai'), ('丘', 'qiu'), ('魏', 'wei'), ('肖', 'xiao'),
    ('郭', 'guo'), ('王', 'wang'), ('徐', 'xu'), ('邓', 'deng'), ('宋', 'song'),
    ('余', 'yu'), ('饶', 'rao'), ('袁', 'yuan'), ('汤', 'tang'), ('江', 'jiang'),
]
# Frequent surnames weigh more.
SURNAME_WEIGHTS = [9, 8, 8, 8, 7, 7, 6, 6, 5, 5, 4, 5, 4, 4, 4, 3, 4, 3, 3, 2,
                   2, 3, 3, 2, 2, 2, 3, 2, 2, 2, 2, 3, 2, 2, 2, 2, 2, 1, 1, 2]
MALE_CHARS = [
    ('伟', 'wei'), ('强', 'qiang'), ('俊', 'jun'), ('杰', 'jie'), ('浩', 'hao'),
    ('明', 'ming'), ('文', 'wen'), ('华', 'hua'), ('志', 'zhi'), ('宇', 'yu'),
    ('鹏', 'peng'), ('辉', 'hui'), ('建', 'jian'), ('涛', 'tao'), ('斌', 'bin'),
    ('勇', 'yong'), ('超', 'chao'), ('磊', 'lei'), ('锋', 'feng'), ('军', 'jun'),
    ('振', 'zhen'), ('嘉', 'jia'), ('豪', 'hao'), ('晨', 'chen'), ('子', 'zi'),
    ('轩', 'xuan'), ('鑫', 'xin'), ('航', 'hang'), ('宏', 'hong'), ('远', 'yuan'),
    ('泽', 'ze'), ('新', 'xin'), ('永', 'yong'), ('海', 'hai'), ('东', 'dong'),
    ('国', 'guo'), ('梓', 'zi'), ('铭', 'ming'), ('荣', 'rong'), ('彬', 'bin'),
    ('家', 'jia'), ('灿', 'can'), ('森', 'sen'), ('立', 'li'), ('思', 'si'),
]
FEMALE_CHARS = [
    ('丽', 'li'), ('芳', 'fang'), ('婷', 'ting'), ('敏', 'min'), ('静', 'jing'),
    ('燕', 'yan'), ('霞', 'xia'), ('玲', 'ling'), ('娟', 'juan'), ('慧', 'hui'),
    ('佳', 'jia'), ('琳', 'lin'), ('欣', 'xin'), ('雪', 'xue'), ('颖', 'ying'),
    ('莉', 'li'), ('倩', 'qian'), ('晓', 'xiao'), ('梦', 'meng'), ('雨', 'yu'),
    ('思', 'si'), ('诗', 'shi'), ('雅', 'ya'), ('怡', 'yi'), ('婉', 'wan'),
    ('秀', 'xiu'), ('红', 'hong'), ('洁', 'jie'), ('萍', 'ping'), ('月', 'yue'),
    ('丹', 'dan'), ('妍', 'yan'), ('琪', 'qi'), ('悦', 'yue'), ('蕾', 'lei'),
    ('菲', 'fei'), ('美', 'mei'), ('小', 'xiao'), ('晴', 'qing'), ('嘉', 'jia'),
]

# --------------------------------------------------------------------------
# Organizations
# --------------------------------------------------------------------------
# (key, committee name, short name, towns/streets, established cadres, youth)
COUNTIES = [
    ('meijiang', '梅江区团委', '梅江',
     ['西郊街道', '江南街道', '金山街道', '城北镇', '长沙镇', '西阳镇'], 8, 150),
    ('meixian', '梅县区团委', '梅县',
     ['程江镇', '新城办事处', '畲江镇', '雁洋镇', '松口镇', '南口镇'], 8, 130),
    ('xingning', '兴宁市团委', '兴宁',
     ['兴田街道', '宁新街道', '福兴街道', '刁坊镇', '叶塘镇', '坭陂镇'], 8, 80),
    ('pingyuan', '平远县团委', '平远', ['大柘镇', '仁居镇', '石正镇', '东石镇'], 4, 40),
    ('jiaoling', '蕉岭县团委', '蕉岭', ['蕉城镇', '长潭镇', '新铺镇', '三圳镇'], 4, 40),
    ('dabu', '大埔县团委', '大埔', ['湖寮镇', '茶阳镇', '高陂镇', '三河镇'], 5, 45),
    ('fengshun', '丰顺县团委', '丰顺', ['汤坑镇', '留隍镇', '汤西镇', '砂田镇'], 5, 45),
    ('wuhua', '五华县团委', '五华', ['水寨镇', '安流镇', '华城镇', '河东镇'], 6, 60),
]
COUNTY_FULL = {
    'meijiang': '梅江区', 'meixian': '梅县区', 'xingning': '兴宁市', 'pingyuan': '平远县',
    'jiaoling': '蕉岭县', 'dabu': '大埔县', 'fengshun': '丰顺县', 'wuhua': '五华县',
}
# Grassroots units of each county: (sector, name, index of the town or None
# for a unit directly under the county committee).
COUNTY_UNITS = {
    'meijiang': [
        ('enterprise', '梅州市嘉应电子科技有限公司团支部', 0),
        ('enterprise', '梅州客都物流有限公司团支部', 3),
        ('rural', '城北镇玉水村团支部', 3),
        ('rural', '西阳镇白宫村团支部', 5),
        ('organ', '梅江区人民政府办公室团支部', None),
        ('organ', '梅江区公安分局团委', None),
        ('school', '梅州市梅江区东山中学团委', 1),
        ('school', '梅江区鸿都小学少先队大队', 2),
        ('community', '江南街道新中社区团支部', 1),
        ('community', '金山街道金山社区团支部', 2),
        ('social_org', '梅江区青年志愿者协会团支部', None),
        ('new_media', '梅江青年新媒体工作室', None),
    ],
    'meixian': [
        ('enterprise', '梅县区金柚农业科技有限公司团支部', 2),
        ('enterprise', '雁洋镇雁南飞茶田景区团支部', 3),
        ('rural', '雁洋镇桥溪村团支部', 3),
        ('rural', '松口镇大黄村团支部', 4),
        ('organ', '梅县区人民政府办公室团支部', None),
        ('school', '梅县高级中学团委', 1),
        ('school', '程江镇中学团委', 0),
        ('community', '新城办事处华侨城社区团支部', 1),
        ('social_org', '梅县区青年创业者协会团支部', None),
        ('new_media', '梅县青年微信公众号编辑部', None),
    ],
    'xingning': [
        ('enterprise', '兴宁市福兴电子有限公司团支部', 2),
        ('rural', '刁坊镇周江村团支部', 3),
        ('rural', '叶塘镇河西村团支部', 4),
        ('organ', '兴宁市人民法院团支部', None),
        ('school', '兴宁市第一中学团委', 1),
        ('community', '兴田街道官汕社区团支部', 0),
        ('social_org', '兴宁市青年志愿者协会团支部', None),
        ('new_media', '兴宁青年融媒体工作室', None),
    ],
    'pingyuan': [
        ('enterprise', '平远县稀土新材料有限公司团支部', 0),
        ('rural', '仁居镇邹坊村团支部', 1),
        ('organ', '平远县人民政府办公室团支部', None),
        ('school', '平远中学团委', 0),
        ('community', '大柘镇城南社区团支部', 0),
        ('social_org', '平远县青年志愿者协会团支部', None),
        ('new_media', '平远青年新媒体工作室', None),
    ],
    'jiaoling': [
        ('enterprise', '蕉岭县新型建材有限公司团支部', 0),
        ('rural', '长潭镇白湖村团支部', 1),
        ('organ', '蕉岭县公安局团支部', None),
        ('school', '蕉岭中学团委', 0),
        ('community', '蕉城镇城西社区团支部', 0),
        ('social_org', '蕉岭县长寿之乡青年志愿服务队团支部', None),
        ('new_media', '蕉岭青年微信公众号编辑部', None),
    ],
    'dabu': [
        ('enterprise', '大埔县高陂陶瓷有限公司团支部', 2),
        ('rural', '茶阳镇西门村团支部', 1),
        ('organ', '大埔县人民政府办公室团支部', None),
        ('school', '大埔中学团委', 0),
        ('community', '湖寮镇城南社区团支部', 0),
        ('social_org', '大埔县青年志愿者协会团支部', None),
        ('new_media', '大埔青年新媒体工作室', None),
    ],
    'fengshun': [
        ('enterprise', '丰顺县汤坑电声科技有限公司团支部', 0),
        ('rural', '留隍镇东留村团支部', 1),
        ('organ', '丰顺县人民法院团支部', None),
        ('school', '丰顺中学团委', 0),
        ('community', '汤坑镇东门社区团支部', 0),
        ('social_org', '丰顺县青年创业者协会团支部', None),
        ('new_media', '丰顺青年融媒体工作室', None),
    ],
    'wuhua': [
        ('enterprise', '五华县水寨电子有限公司团支部', 0),
        ('enterprise', '华城镇石材加工有限公司团支部', 2),
        ('rural', '安流镇福岭村团支部', 1),
        ('rural', '华城镇新一村团支部', 2),
        ('organ', '五华县人民政府办公室团支部', None),
        ('school', '五华县水寨中学团委', 0),
        ('community', '水寨镇大坝社区团支部', 0),
        ('social_org', '五华县青年志愿者协会团支部', None),
        ('new_media', '五华青年新媒体工作室', None),
    ],
}
# Special county-level units named in the notice, with their grassroots units.
# (key, name, sector, youth, grassroots units); the key is also the login
# of the unit's administrator.
SPECIALS = [
    ('jiaying', '嘉应学院团委', 'school', 30, [
        ('school', '嘉应学院计算机学院团委'),
        ('school', '嘉应学院医学院团委'),
        ('social_org', '嘉应学院青年志愿者协会'),
        ('new_media', '嘉应学院学生融媒体中心'),
    ]),
    ('gaoxin', '市高新区团工委', 'enterprise', 20, [
        ('enterprise', '梅州高新区电子信息产业园团支部'),
        ('enterprise', '梅州高新区新材料企业联合团支部'),
        ('social_org', '高新区青年企业家联谊会'),
    ]),
    ('jinrong', '市金融团工委', 'enterprise', 15, [
        ('enterprise', '梅州农商银行团委'),
        ('enterprise', '梅州市某证券营业部团支部'),
        ('organ', '市金融工作局团支部'),
    ]),
    ('shizhi', '市直和驻梅单位团组织', 'organ', 15, [
        ('organ', '梅州市人民医院团委'),
        ('organ', '梅州市公安局团委'),
        ('enterprise', '梅州供电局团委'),
        ('community', '市青少年活动中心团支部'),
    ]),
]

# --------------------------------------------------------------------------
# Texts
# --------------------------------------------------------------------------
ONLINE_CONTENT = {
    'guidance': [
        '在微信群分享习近平总书记系列重要讲话学习体会，组织青年讨论。',
        '推送“两学一做”学习教育专题文章，交流学习心得。',
        '转发社会主义核心价值观主题微视频，与青年交流观后感。',
        '围绕中国梦宣传教育开展线上话题讨论。',
        '在QQ群组织“青年之声”话题互动，收集青年想法和建议。',
        '分享客家红色文化故事，引导青年传承优良传统。',
    ],
    'concern': [
        '了解青年近期工作和生活情况，倾听意见建议。',
        '询问青年就业创业方面的困惑，记录问题并答复。',
        '电话回访青年反映的租房困难，告知办理进度。',
        '收集青年对共青团工作的意见建议，整理进问题清单。',
        '关心青年家庭困难情况，了解帮扶需求。',
    ],
    'growth': [
        '推送青年创业扶持政策和小额贷款信息。',
        '分享职业技能培训报名信息，鼓励青年参加。',
        '推荐青年报名参加“青年之家”志愿服务项目。',
        '介绍考研、考公复习经验和学习资料。',
        '发布企业招聘信息，帮助青年对接就业岗位。',
    ],
}
FACE_CONTENT = [
    '走访青年所在单位，面对面了解思想、工作和生活情况。',
    '在镇团委召开青年座谈会，面对面听取意见建议。',
    '入户走访青年家庭，了解实际困难并商量帮扶办法。',
    '到学校与青年学生面对面交流学习和成长规划。',
    '在企业车间与青年职工面对面交流，了解工作诉求。',
]
ACTIVITY_NAMES = {
    'sports_culture': ['青年篮球友谊赛', '客家山歌青年传唱会', '青年趣味运动会',
                       '“五四”青年文艺晚会', '青年读书分享会'],
    'matchmaking': ['“情定客都”青年交友联谊会', '单身青年户外交友活动', '青年联谊茶话会'],
    'skills': ['青年电商创业技能培训班', '青年职业技能提升培训', '青年创业沙龙',
               '农村青年种养技术培训'],
    'volunteer': ['“关爱留守儿童”志愿服务', '青年志愿者文明交通劝导', '“阳光助残”志愿服务',
                  '青年志愿者环保清洁行动'],
    'other': ['“学讲话 话改革 谋发展”青年座谈会', '青年之家开放交流活动'],
}
ACTIVITY_SUMMARY = {
    'sports_culture': '活动丰富了青年业余文化生活，增进了青年之间的交流，参与青年反响良好。',
    'matchmaking': '为单身青年搭建交友平台，现场互动热烈，多名青年互留联系方式。',
    'skills': '邀请专业讲师授课，青年学习了实用技能，并建立了学习交流群。',
    'volunteer': '青年志愿者积极参与，服务群众，展现了梅州青年良好风貌。',
    'other': '团干部与青年面对面交流，宣讲团的基本情况，听取青年意见建议。',
}
PLACES = ['镇团委会议室', '青年之家', '社区活动中心', '村文化室', '企业职工之家', '学校报告厅',
          '县青少年活动中心']
# (subject, description, answer) of concerns raised by youth
CONCERNS = {
    'confusion': [
        ('就业方向迷茫', '毕业后是回梅州工作还是去珠三角发展，感到迷茫。',
         '与青年面谈，介绍我市人才引进和返乡就业政策，建议结合专业和家庭情况作出选择。'),
        ('考研还是就业', '对考研还是就业难以抉择，希望团干部给些建议。',
         '邀请已考研和已就业的青年代表分享经验，帮助其梳理个人规划。'),
        ('如何向党组织靠拢', '对入党程序和要求不太清楚，想了解如何向党组织靠拢。',
         '讲解入党程序，推荐参加团组织“推优”和青年马克思主义者培养学习。'),
        ('对网上言论有困惑', '在网上看到一些负面言论，对有关政策理解有困惑。',
         '结合政策原文进行解读，引导青年理性看待网络信息。'),
        ('职场适应困难', '刚参加工作不适应，与同事相处存在困惑。',
         '与青年谈心，介绍职场沟通方法，并请单位团组织多加关心。'),
    ],
    'difficulty': [
        ('返乡创业缺资金', '想回乡创业，缺少启动资金，希望了解青年创业贷款政策。',
         '介绍青年创业小额贴息贷款政策，协助准备申请材料。'),
        ('家庭经济困难', '家中老人多病，家庭经济困难，弟弟妹妹上学有压力。',
         '协调镇民政办了解救助政策，推荐申请“圆梦助学”资助。'),
        ('子女入学困难', '在城区务工，子女积分入学办理遇到困难。',
         '向教育部门咨询办理流程，告知所需材料和时间节点。'),
        ('青年职工住房困难', '企业青年职工住房困难，希望协调公租房。',
         '了解公租房申请条件并转告企业团支部，协助青年职工报名。'),
        ('金柚销路不畅', '家里种植的金柚销路不畅，希望帮助对接电商平台。',
         '联系县青年电商协会，帮助对接线上销售渠道。'),
        ('残疾青年求职难', '残疾青年求职屡次碰壁，希望提供就业帮扶。',
         '对接残联就业服务机构，推荐参加职业技能培训。'),
    ],
    'suggestion': [
        ('多组织联谊交友活动', '建议团组织多组织青年联谊交友活动。',
         '已将建议纳入本季度活动计划，下月举办青年联谊活动。'),
        ('开设夜间自习室', '有个想法：在镇里的青年之家开设夜间自习室，下班后也能学习。',
         '与镇文化站协商，利用现有场地试行夜间开放。'),
        ('加强电商技能培训', '建议加强农村青年电商技能培训。',
         '已反映给县团委，计划联合人社部门开展培训。'),
        ('公众号招聘信息太少', '团委微信公众号推送的就业招聘信息太少，对找工作帮助不大。',
         '已转告新媒体工作室，每周固定推送招聘信息。'),
        ('增加公共体育设施', '建议增加镇村公共体育设施，方便青年锻炼。',
         '已整理上报，作为问题清单内容向有关部门反映。'),
    ],
}
# 青年之声: what each opinion or suggestion above is (league.concern.voice_kind)
VOICE_KINDS = {
    '多组织联谊交友活动': 'suggestion',
    '开设夜间自习室': 'idea',
    '加强电商技能培训': 'suggestion',
    '公众号招聘信息太少': 'opinion',
    '增加公共体育设施': 'suggestion',
}
ESCALATION_NOTES = {
    'proposal': '问题具有普遍性，已整理形成提案素材，通过团委界别委员在“两会”上提出。',
    'research': '已列入团委专题调研，组织座谈了解情况，形成调研报告报送党委政府。',
    'department': '已书面反映给有关党政职能部门，跟踪办理进度。',
}
# hardship -> (pairing project key, project name when "other")
PROJECTS = {
    'disabled': ('sunshine', None),
    'left_behind': ('hope_home', None),
    'poor_family': ('other', '圆梦助学'),
    'migrant': ('other', '新市民青少年关爱行动'),
}
MOBILE_PREFIXES = ['134', '135', '136', '137', '138', '139', '150', '151', '152', '157',
                   '158', '159', '182', '183', '187', '188', '130', '131', '132', '155',
                   '156', '185', '186', '133', '153', '180', '189', '177', '199']
TOPICS = ['guidance', 'concern', 'growth']
CONCERN_FLOW = {
    # state: actions from "new" to reach it
    'new': [],
    'answered': ['action_answer'],
    'helped': ['action_answer', 'action_help'],
    'escalated': ['action_answer', 'action_escalate'],
    'closed': ['action_answer', 'action_help', 'action_close'],
}
PAIRING_DONE_ACTION = 'action_done'


# --------------------------------------------------------------------------
# XML helpers
# --------------------------------------------------------------------------
def rel(days):
    """Python expression of the date ``days`` before the install day."""
    return "(DateTime.today() - relativedelta(days=%d)).strftime('%%Y-%%m-%%d')" % days


QSTART = "DateTime.today().replace(month=(DateTime.today().month - 1) // 3 * 3 + 1, day=1)"


def in_quarter(days):
    """``days`` before today, but never before the current quarter started."""
    return "max(DateTime.today() - relativedelta(days=%d), %s).strftime('%%Y-%%m-%%d')" % (
        days, QSTART)


def before_quarter(days):
    """``days`` before the current quarter started."""
    return "(%s - relativedelta(days=%d)).strftime('%%Y-%%m-%%d')" % (QSTART, days)


def refs(xmlids):
    return '[(6, 0, [%s])]' % ', '.join("ref('%s')" % x for x in xmlids)


# Loading the demo without chatter messages and notification e-mails is much faster.
QUIET = "{'tracking_disable': True}"
# Contacts and logs defer the recomputation of the cadres' progress and cadences:
# the next record loaded without this context recomputes them all at once.
DEFERRED = "{'recompute': False}"


class XmlFile(object):
    def __init__(self, name, comment):
        self.name = name
        self.lines = ['<?xml version="1.0" encoding="utf-8"?>',
                      '<!-- Generated by tools/gen_demo.py: do not edit, rerun the script. -->',
                      '<!-- %s -->' % comment,
                      '<odoo>', '<data noupdate="1">']

    def record(self, model, xmlid, fields, context=None):
        head = '<record model="%s"%s%s>' % (model, ' id="%s"' % xmlid if xmlid else '',
                                            ' context="%s"' % context if context else '')
        self.lines.append(head)
        for name, kind, value in fields:
            if value is None or value is False:
                continue
            if kind == 'ref':
                self.lines.append('    <field name="%s" ref="%s"/>' % (name, value))
            elif kind == 'eval':
                self.lines.append('    <field name="%s" eval=%s/>' % (name, quoteattr(value)))
            else:
                self.lines.append('    <field name="%s">%s</field>' % (name, escape(str(value))))
        self.lines.append('</record>')

    def function(self, model, name, xmlids):
        self.lines.append('<function model="%s" name="%s" eval="[[%s]]"/>' % (
            model, name, ', '.join("ref('%s')" % x for x in xmlids)))

    def comment(self, text):
        self.lines.append('<!-- %s -->' % text)

    def write(self):
        self.lines += ['</data>', '</odoo>', '']
        with open(os.path.join(OUT, self.name), 'w', encoding='utf-8') as f:
            f.write('\n'.join(self.lines))


# --------------------------------------------------------------------------
# Generator
# --------------------------------------------------------------------------
class Demo(object):
    def __init__(self):
        self.rnd = random.Random(SEED)
        self.mobiles = set()
        self.logins = set()
        self.orgs = []          # dicts: xmlid, name, level, sector, county, parent
        self.cadres = []        # dicts
        self.youth = []         # dicts
        self.contacts = {}      # cadre xmlid -> list of (youth xmlid, days ago)

    # -- helpers -----------------------------------------------------------
    def mobile(self):
        while True:
            number = self.rnd.choice(MOBILE_PREFIXES) + '%08d' % self.rnd.randrange(10 ** 8)
            if number not in self.mobiles:
                self.mobiles.add(number)
                return number

    def person(self, gender=None):
        rnd = self.rnd
        gender = gender or rnd.choice(['male', 'female'])
        surname, s_py = rnd.choices(SURNAMES, weights=SURNAME_WEIGHTS)[0]
        chars = MALE_CHARS if gender == 'male' else FEMALE_CHARS
        given = [rnd.choice(chars)]
        if rnd.random() < 0.8:
            given.append(rnd.choice(chars))
            if given[0][0] == given[1][0]:
                given.pop()
        name = surname + ''.join(c for c, _p in given)
        pinyin = s_py + ''.join(p for _c, p in given)
        return name, pinyin, gender

    def org(self, xmlid, name, level, county, parent=None, sector=None, special=False):
        rec = dict(xmlid=xmlid, name=name, level=level, county=county, parent=parent,
                   sector=sector, special=special)
        self.orgs.append(rec)
        return rec

    # -- organizations -----------------------------------------------------
    def build_orgs(self):
        self.city = self.org('org_city', '团梅州市委', 'city', None)
        self.county_units = {}
        for key, name, short, towns, _est, _youth in COUNTIES:
            county = self.org('org_%s' % key, name, 'county', key, 'org_city')
            town_recs = []
            for i, town in enumerate(towns):
                suffix = '团工委' if town.endswith(('街道', '办事处')) else '团委'
                town_recs.append(self.org('org_%s_t%d' % (key, i + 1), town + suffix, 'town',
                                          key, county['xmlid']))
            units = []
            for i, (sector, uname, town_idx) in enumerate(COUNTY_UNITS[key]):
                parent = town_recs[town_idx]['xmlid'] if town_idx is not None else county['xmlid']
                units.append(self.org('org_%s_u%d' % (key, i + 1), uname, 'unit', key,
                                      parent, sector))
            self.county_units[key] = units
        for key, name, sector, _youth, units in SPECIALS:
            county = self.org('org_%s' % key, name, 'county', key, 'org_city', special=True)
            recs = []
            for i, (usector, uname) in enumerate(units):
                recs.append(self.org('org_%s_u%d' % (key, i + 1), uname, 'unit', key,
                                     county['xmlid'], usector))
            self.county_units[key] = recs

    # -- cadres ------------------------------------------------------------
    def cadre(self, org, county, category, leader=False, established=False, login=None,
              group='group_cadre', profile=None):
        rnd = self.rnd
        name, pinyin, gender = self.person()
        if login is None:
            login = pinyin
            n = 2
            while login in self.logins:
                login = '%s%d' % (pinyin, n)
                n += 1
        self.logins.add(login)
        mobile = self.mobile()
        media = rnd.random()
        wechat = qq = weibo = None
        if media < 0.7 or category == 'full_time':
            wechat = 'wx_%s%s' % (pinyin, mobile[-4:])
        if media > 0.5:
            qq = str(rnd.randrange(10 ** 8, 3 * 10 ** 9))
        if media > 0.85 or not (wechat or qq):
            weibo = '@%s青年%s' % (county and COUNTY_FULL.get(county, '')[:2] or '梅州', name)
        quota = 10 if category == 'other_part_time' else 100
        # stable xml ids (cadre_meijiang_3, user_meijiang_3) for the other demo files
        key = county or 'city'
        number = len([c for c in self.cadres if (c['county'] or 'city') == key]) + 1
        rec = dict(xmlid='cadre_%s_%d' % (key, number), login=login, name=name, org=org, county=county,
                   category=category, leader=leader, established=established, mobile=mobile,
                   wechat=wechat, qq=qq, weibo=weibo, group=group, quota=quota,
                   profile=profile or self.profile(quota))
        self.cadres.append(rec)
        return rec

    def profile(self, quota):
        """How well the cadre follows the rules: coverage and three cadences."""
        rnd = self.rnd
        if quota == 10:
            coverage = rnd.choices([1.0, 1.3, 0.6], weights=[5, 3, 2])[0]
        else:
            coverage = rnd.choices([0.08, 0.12, 0.2, 0.35], weights=[3, 4, 2, 1])[0]
        return dict(coverage=coverage, online=rnd.random() < 0.6,
                    activity=rnd.random() < 0.55, face=rnd.random() < 0.4)

    def build_cadres(self):
        star = dict(coverage=1.05, online=True, activity=True, face=True)
        # 团市委: the city administrator (organization department) and leaders.
        self.cadre('org_city', None, 'full_time', leader=True, established=True, profile=star)
        self.cadre('org_city', None, 'full_time', leader=True, established=True,
                   profile=dict(coverage=1.0, online=True, activity=False, face=False))
        self.cadre('org_city', None, 'full_time', established=True, login='meizhou',
                   group='group_city_admin',
                   profile=dict(coverage=0.6, online=True, activity=True, face=False))
        self.cadre('org_city', None, 'full_time', established=True)
        self.cadre('org_city', None, 'organ_part_time', leader=True)
        self.cadre('org_city', None, 'organ_part_time', leader=True)
        for n, (key, _name, _short, _towns, established, _youth) in enumerate(COUNTIES):
            county_org = 'org_%s' % key
            for i in range(established):
                profile = None
                if i == 0 and key in ('meijiang', 'meixian'):
                    profile = star
                self.cadre(county_org, key, 'full_time', leader=i < 2, established=True,
                           login=key if i == 2 else None,
                           group='group_county_admin' if i == 2 else 'group_cadre', profile=profile)
            # an attached (挂职) vice-secretary of the county committee
            self.cadre(county_org, key, 'organ_part_time', leader=True)
            # part-time cadres of towns and grassroots units
            good = dict(coverage=1.2, online=True, activity=True, face=True)
            self.cadre('org_%s_t1' % key, key, 'other_part_time', profile=good if n % 2 else None)
            unit = self.rnd.choice(self.county_units[key])
            self.cadre(unit['xmlid'], key, 'other_part_time')
        for key, _name, _sector, _youth, _units in SPECIALS:
            category = 'full_time' if key == 'jiaying' else 'other_part_time'
            self.cadre('org_%s' % key, key, category, leader=True, login=key,
                       group='group_county_admin')
            self.cadre(self.county_units[key][0]['xmlid'], key, 'other_part_time')

    # -- youth -------------------------------------------------------------
    def build_youth(self):
        rnd = self.rnd
        pools = [(key, youth) for key, _n, _s, _t, _e, youth in COUNTIES]
        pools += [(key, youth) for key, _n, _s, youth, _u in SPECIALS]
        idx = 0
        for key, count in pools:
            units = self.county_units[key]
            for i in range(count):
                idx += 1
                unit = units[i % len(units)] if i < len(units) else rnd.choice(units)
                sector = unit['sector']
                hardship = None
                r = rnd.random()
                if r < 0.16:
                    if sector == 'rural':
                        hardship = rnd.choice(['left_behind', 'poor_family', 'poor_family',
                                               'disabled'])
                    elif sector in ('enterprise', 'community'):
                        hardship = rnd.choice(['migrant', 'migrant', 'poor_family', 'disabled'])
                    elif sector == 'school':
                        hardship = rnd.choice(['poor_family', 'left_behind', 'disabled'])
                    else:
                        hardship = rnd.choice(['poor_family', 'disabled'])
                if hardship == 'left_behind':
                    age = rnd.randint(9, 15)
                elif sector == 'school':
                    age = rnd.randint(14, 22)
                else:
                    age = rnd.randint(18, 35)
                birth = '%d-%02d-%02d' % (2026 - age, rnd.randint(1, 12), rnd.randint(1, 28))
                if age < 14:
                    status = 'masses'
                elif age < 28:
                    status = rnd.choices(
                        ['league_member', 'party_member', 'probationary', 'masses'],
                        weights=[7, 1, 1, 2])[0]
                else:
                    status = rnd.choices(['league_member', 'party_member', 'masses'],
                                         weights=[2, 3, 4])[0]
                name, _py, gender = self.person()
                self.youth.append(dict(xmlid='youth_%04d' % idx, name=name, gender=gender,
                                       birthdate=birth, mobile=self.mobile(), sector=sector,
                                       org=unit['xmlid'], county=key, hardship=hardship,
                                       status=status, load=0))
        self.youth_by_county = {}
        for y in self.youth:
            self.youth_by_county.setdefault(y['county'], []).append(y)

    # -- contacts ----------------------------------------------------------
    def build_contacts(self):
        rnd = self.rnd
        # quota-100 cadres first: they need the largest pools
        order = sorted(self.cadres,
                       key=lambda c: (-c['quota'] * c['profile']['coverage'], c['xmlid']))
        for cadre in order:
            target = int(round(cadre['quota'] * cadre['profile']['coverage']))
            if cadre['county']:
                pool = list(self.youth_by_county[cadre['county']])
            else:
                pool = list(self.youth)
            # hardship youth are mostly reached through pairing, not the list
            rnd.shuffle(pool)
            pool.sort(key=lambda y: (y['load'], bool(y['hardship'] == 'left_behind')))
            chosen = pool[:min(target, len(pool))]
            items = []
            for y in chosen:
                y['load'] += 1
                # most relations are older than a year; some are recent
                days = rnd.randint(380, 900) if rnd.random() < 0.7 else rnd.randint(20, 360)
                items.append((y, days))
            self.contacts[cadre['xmlid']] = items
        # a few youth known by too many cadres ("repeated contact of a few")
        for key in ('meijiang', 'meixian'):
            cadres = [c for c in self.cadres if c['county'] == key]
            for y in self.youth_by_county[key][:3]:
                for cadre in cadres[:5]:
                    if all(item[0] is not y for item in self.contacts[cadre['xmlid']]):
                        self.contacts[cadre['xmlid']].append((y, rnd.randint(30, 300)))
                        y['load'] += 1

    # -- output ------------------------------------------------------------
    def write_orgs(self):
        f = XmlFile('league_organization_demo.xml', 'Organizations: 团梅州市委, counties, '
                    'special units, towns, grassroots units')
        for o in self.orgs:
            f.record('league.organization', o['xmlid'], [
                ('name', 'text', o['name']),
                ('level', 'text', o['level']),
                ('parent_id', 'ref', o['parent']),
                ('sector', 'text', o['sector']),
                ('is_special', 'eval', 'True' if o['special'] else None),
            ])
        f.write()

    def write_cadres(self):
        f = XmlFile('league_cadre_demo.xml', 'Cadres and their users (password = login)')
        for c in self.cadres:
            uid = c['xmlid'].replace('cadre_', 'user_', 1)
            groups = ["(4, ref('youth_contact.%s'))" % c['group']]
            f.record('res.users', uid, [
                ('name', 'text', c['name']),
                ('login', 'text', c['login']),
                ('password', 'text', c['login']),
                ('tz', 'text', 'Asia/Shanghai'),
                ('groups_id', 'eval', '[%s]' % ', '.join(groups)),
            ])
            f.record('league.cadre', c['xmlid'], [
                ('name', 'text', c['name']),
                ('user_id', 'ref', uid),
                ('organization_id', 'ref', c['org']),
                ('category', 'text', c['category']),
                ('is_leader', 'eval', 'True' if c['leader'] else 'False'),
                ('established', 'eval', 'True' if c['established'] else 'False'),
                ('mobile', 'text', c['mobile']),
                ('wechat', 'text', c['wechat']),
                ('qq', 'text', c['qq']),
                ('weibo', 'text', c['weibo']),
            ], context=QUIET)
            if c['group'] == 'group_county_admin':
                # 管理员信息表: the administrator of the county-level organization
                f.record('league.organization', 'org_%s' % c['login'], [
                    ('admin_user_id', 'ref', uid),
                    ('admin_mobile', 'text', c['mobile']),
                ])
        f.write()

    def write_youth(self):
        f = XmlFile('league_youth_demo.xml', 'Youth of every county and sector')
        for y in self.youth:
            f.record('league.youth', y['xmlid'], [
                ('name', 'text', y['name']),
                ('gender', 'text', y['gender']),
                ('birthdate', 'text', y['birthdate']),
                ('mobile', 'text', y['mobile']),
                ('political_status', 'text', y['status']),
                ('sector', 'text', y['sector']),
                ('organization_id', 'ref', y['org']),
                ('hardship', 'text', y['hardship']),
            ], context=QUIET)
        f.write()

    def write_contacts(self):
        f = XmlFile('league_contact_demo.xml', 'Contact relations cadre - youth')
        channels = ['wechat'] * 6 + ['qq'] * 2 + ['phone'] * 2 + ['weibo', 'offline']
        for c in self.cadres:
            for y, days in self.contacts[c['xmlid']]:
                f.record('league.contact', None, [
                    ('cadre_id', 'ref', c['xmlid']),
                    ('youth_id', 'ref', y['xmlid']),
                    ('date_start', 'eval', rel(days)),
                    ('channel', 'text', self.rnd.choice(channels)),
                ], context=DEFERRED)
        f.write()

    def write_logs_and_activities(self):
        rnd = self.rnd
        logs = XmlFile('league_contact_log_demo.xml', 'Contact logs over the past year')
        acts = XmlFile('league_activity_demo.xml', 'Offline activities')
        self.activity_count = 0
        self.log_count = 0

        def log(cadre, youth, date_expr, mode, topic, content):
            self.log_count += 1
            logs.record('league.contact.log', None, [
                ('cadre_id', 'ref', cadre['xmlid']),
                ('youth_ids', 'eval', refs(y['xmlid'] for y in youth)),
                ('date', 'eval', date_expr),
                ('mode', 'text', mode),
                ('topic', 'text', topic),
                ('content', 'text', content),
            ], context=DEFERRED)

        for c in self.cadres:
            items = self.contacts[c['xmlid']]
            if not items:
                continue
            prof = c['profile']
            media = [m for m in ('wechat', 'qq', 'weibo') if c[m]]
            media.append('phone')
            # online contact through the year; on track = one in the last 7 days
            last = rnd.randint(0, 4) if prof['online'] else rnd.randint(12, 75)
            day = last
            while day < 365:
                known = [y for y, since in items if since >= day]
                if known:
                    topic = rnd.choice(TOPICS)
                    youth = rnd.sample(known, min(len(known), rnd.randint(1, 6)))
                    log(c, youth, rel(day), rnd.choice(media), topic,
                        rnd.choice(ONLINE_CONTENT[topic]))
                day += rnd.randint(14, 40)
            # face-to-face exchanges: all youth (on track) or a part of them
            known = [y for y, _since in items]
            rnd.shuffle(known)
            share = 1.0 if prof['face'] else rnd.choice([0.3, 0.5, 0.8])
            met = known[:int(len(known) * share)]
            for i in range(0, len(met), 12):
                group = met[i:i + 12]
                since = min(s for y, s in items if y in group)
                day = rnd.randint(3, min(since, 330))
                log(c, group, rel(day), 'face_to_face', rnd.choice(TOPICS),
                    rnd.choice(FACE_CONTENT))
            # offline activities: this quarter (on track) and earlier ones
            dates = [in_quarter(rnd.randint(1, 20))] if prof['activity'] else []
            dates += [before_quarter(rnd.randint(2, 80))]
            if rnd.random() < 0.6:
                dates.append(before_quarter(rnd.randint(100, 250)))
            for date_expr in dates:
                self.activity_count += 1
                kind = rnd.choice(list(ACTIVITY_NAMES))
                place_county = COUNTY_FULL.get(c['county'], '梅州市' if not c['county'] else '')
                name = place_county + rnd.choice(ACTIVITY_NAMES[kind])
                participants = rnd.sample(known, min(len(known), rnd.randint(4, 15)))
                acts.record('league.activity', 'activity_%04d' % self.activity_count, [
                    ('name', 'text', name),
                    ('cadre_id', 'ref', c['xmlid']),
                    ('date', 'eval', date_expr),
                    ('kind', 'text', kind),
                    ('place', 'text', rnd.choice(PLACES)),
                    ('youth_ids', 'eval', refs(y['xmlid'] for y in participants)),
                    ('summary', 'text', ACTIVITY_SUMMARY[kind]),
                ], context=QUIET)
        logs.write()
        acts.write()

    def write_concerns_and_pairings(self):
        rnd = self.rnd
        f = XmlFile('league_concern_demo.xml',
                    'Concerns (problem list) in every state, and pairing aid')
        by_step = {}
        n = 0
        cadres = [c for c in self.cadres if self.contacts[c['xmlid']]]
        states = ['new', 'answered', 'helped', 'escalated', 'closed']
        for c in cadres:
            for _i in range(rnd.choice([0, 1, 1, 2, 3])):
                n += 1
                y = rnd.choice(self.contacts[c['xmlid']])[0]
                kind = rnd.choices(['confusion', 'difficulty', 'suggestion'], weights=[3, 4, 3])[0]
                state = states[n % len(states)]
                if state == 'helped' and kind == 'suggestion':
                    state = 'answered'
                if state == 'escalated' and kind == 'confusion':
                    state = 'closed'
                subject, description, answer = rnd.choice(CONCERNS[kind])
                escalation = rnd.choice(sorted(ESCALATION_NOTES)) if state == 'escalated' else None
                xmlid = 'concern_%04d' % n
                f.record('league.concern', xmlid, [
                    ('name', 'text', subject),
                    ('youth_id', 'ref', y['xmlid']),
                    ('cadre_id', 'ref', c['xmlid']),
                    ('kind', 'text', kind),
                    ('voice_kind', 'text', VOICE_KINDS.get(subject) if kind == 'suggestion'
                     else None),
                    ('date', 'eval', rel(rnd.randint(1, 300))),
                    ('description', 'text', description),
                    ('answer', 'text', answer if state != 'new' else None),
                    ('escalation', 'text', escalation),
                    ('escalation_note', 'text', escalation and ESCALATION_NOTES[escalation]),
                ], context=QUIET)
                flow = list(CONCERN_FLOW[state])
                if state == 'closed' and kind == 'suggestion':
                    flow.remove('action_help')
                for step, action in enumerate(flow):
                    by_step.setdefault((step, action), []).append(xmlid)
        f.comment('Move the concerns along their workflow')
        for (_step, action), xmlids in sorted(by_step.items()):
            f.function('league.concern', action, xmlids)
        self.concern_count = n
        # pairing aid: a youth of a cadre's list helps a youth in hardship of the county
        f.comment('Pairing aid')
        done = []
        m = 0
        for key, youth in sorted(self.youth_by_county.items()):
            needy = [y for y in youth if y['hardship']][:6]
            county_cadres = [c for c in cadres if c['county'] == key]
            for b in needy:
                cadre = rnd.choice(county_cadres)
                mentors = [y for y, _d in self.contacts[cadre['xmlid']]
                           if not y['hardship'] and y is not b]
                if not mentors:
                    continue
                m += 1
                xmlid = 'pairing_%03d' % m
                project, project_name = PROJECTS[b['hardship']]
                f.record('league.pairing', xmlid, [
                    ('cadre_id', 'ref', cadre['xmlid']),
                    ('mentor_id', 'ref', rnd.choice(mentors)['xmlid']),
                    ('beneficiary_id', 'ref', b['xmlid']),
                    ('project', 'text', project),
                    ('project_name', 'text', project_name),
                    ('date_start', 'eval', rel(rnd.randint(30, 600))),
                ], context=QUIET)
                if m % 4 == 0:
                    done.append(xmlid)
        if done:
            f.function('league.pairing', PAIRING_DONE_ACTION, done)
        self.pairing_count = m
        f.write()

    def run(self):
        self.build_orgs()
        self.build_cadres()
        self.build_youth()
        self.build_contacts()
        os.makedirs(OUT, exist_ok=True)
        self.write_orgs()
        self.write_cadres()
        self.write_youth()
        self.write_contacts()
        self.write_logs_and_activities()
        self.write_concerns_and_pairings()
        print('organizations %d, cadres %d, youth %d, contacts %d, logs %d, activities %d, '
              'concerns %d, pairings %d' % (
                  len(self.orgs), len(self.cadres), len(self.youth),
                  sum(len(v) for v in self.contacts.values()), self.log_count,
                  self.activity_count, self.concern_count, self.pairing_count))
        admins = [c for c in self.cadres if c['group'] != 'group_cadre']
        for c in admins:
            print('%-18s %-8s %s' % (c['login'], c['name'], c['group']))


if __name__ == '__main__':
    Demo().run()
