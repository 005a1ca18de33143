# -*- coding: utf-8 -*-
"""The evaluation indicators (考核指标) and their scoring rules.

Pure functions without database access: the figures come from one grouped
SQL query per evaluation (see ``league.evaluation._cadre_figures``), the
scores are computed here, so that the rules are written once and tested on
plain numbers.  The rules are documented in ``youth_contact_reports/README.md``.
"""

# The one list of the indicators: (key, default weight, label).  The weights are
# percentages of the total score.  The per-indicator fields of the evaluation
# (weights), of its results (scores) and of the settings (default weights) are
# made from it by :func:`indicator_fields`.
INDICATORS = [
    ('coverage', 20, 'Coverage'),                 # youth contacted vs quota (1+100)
    ('sector', 10, 'Sector Spread'),              # sectors of the contacted youth
    ('frequency', 15, 'Contact Frequency'),       # weeks with a contact log (日常有声音)
    ('activity', 10, 'Activities Held'),          # quarters with an activity (每季有活动)
    ('interaction', 10, 'Interactions'),          # share of the youth reached
    ('satisfaction', 15, 'Youth Satisfaction'),   # ratings (1-5)
    ('grassroots', 10, '"4+1" Compliance'),       # weeks with a grassroots day
    ('rotation', 5, '"8+4" Participation'),       # place in an approved plan, summary
    ('open_day', 5, 'Open Days Held'),            # quarters with a closed open day
]
INDICATOR_KEYS = [key for key, _weight, _label in INDICATORS]
DEFAULT_WEIGHTS = {key: weight for key, weight, _label in INDICATORS}
INDICATOR_LABELS = {key: label for key, _weight, label in INDICATORS}


def indicator_fields(name, make):
    """``{name % key: make(key, label)}`` for every indicator: a model's
    per-indicator fields, declared once (``vars().update(...)`` in the class)."""
    return {name % key: make(key, label) for key, _weight, label in INDICATORS}
WEIGHT_PARAM = 'youth_contact_reports.weight_%s'

# indicators that do not apply to everyone -> boolean field of the result lines
SCOPE_FIELDS = {'sector': 'in_sector_scope', 'grassroots': 'in_grassroots_scope',
                'rotation': 'in_rotation_scope', 'open_day': 'in_open_day_scope'}

SECTOR_COUNT = 7                  # sectors named by the document
SECTOR_CATEGORIES = ('full_time', 'organ_part_time')   # must span sectors
RATING_MAX = 5


def ratio_score(done, target):
    """``done`` out of ``target`` as a 0-100 score (capped; 0 when no target)."""
    if not target or target <= 0:
        return 0.0
    return round(100.0 * min(float(done) / target, 1.0), 2)


def confirmation_rate(confirmed, contacts):
    """Share (%) of the contacts confirmed by the youth on their pages."""
    return round(100.0 * confirmed / contacts, 2) if contacts else 0.0


def mean_score(values, empty=0.0):
    """Mean of ``values`` rounded to 2 decimals, ``empty`` when there is none."""
    values = list(values)
    return round(sum(values) / len(values), 2) if values else empty


def scopes(figures):
    """Which indicators apply to a cadre (the others are left out of the total).

    - sector spread: full-time cadres and cadres of leading organs (other
      part-time cadres contact youth of their own unit and sector);
    - "4+1" and open days: cadres of a county committee's organ (机关干部),
      special units excluded (as in ``league.grassroots.compliance`` and
      ``league.open.day.quarter``);
    - "8+4": established (在编) cadres of a county (as the rotation plans).
    """
    county_organ = figures['org_level'] == 'county' and not figures['is_special']
    return {
        'sector': figures['category'] in SECTOR_CATEGORIES,
        'grassroots': county_organ,
        'rotation': bool(figures['established'] and figures['county_id']),
        'open_day': county_organ,
    }


def indicator_scores(figures, weeks, quarters):
    """Scores 0-100 of one cadre from its figures over a period of ``weeks``
    ISO weeks and ``quarters`` calendar quarters (elapsed ones only).

    The coverage counts ``coverage_count`` contacts when given (the contacts
    confirmed by the youth, when the evaluation counts only those), else all
    the contacts (``youth_count``)."""
    youth = figures['youth_count']
    return {
        'coverage': ratio_score(figures.get('coverage_count', youth), figures['quota']),
        'sector': ratio_score(figures['sector_count'], SECTOR_COUNT),
        'frequency': ratio_score(figures['log_weeks'], weeks),
        'activity': ratio_score(figures['activity_quarters'], quarters),
        'interaction': ratio_score(figures['reached_count'], youth),
        'satisfaction': ratio_score(figures['rating_avg'] or 0.0, RATING_MAX),
        'grassroots': ratio_score(figures['grassroots_weeks'], weeks),
        'rotation': {0: 0.0, 1: 50.0, 2: 100.0}[figures['rotation_level'] or 0],
        'open_day': ratio_score(figures['open_day_quarters'], quarters),
    }


def total_score(scores, weights, applicable=None):
    """Weighted mean of ``scores`` over the applicable indicators.

    ``applicable`` maps indicator keys to a boolean (missing keys apply);
    an indicator whose score is ``None`` does not apply either.
    """
    applicable = applicable or {}
    total = weight_sum = 0.0
    for key in INDICATOR_KEYS:
        weight = weights.get(key, 0) or 0
        if not applicable.get(key, True) or scores.get(key) is None or weight <= 0:
            continue
        total += weight * scores[key]
        weight_sum += weight
    return round(total / weight_sum, 2) if weight_sum else 0.0


def competition_ranks(scores):
    """Ranks of ``scores`` (same order) by the "1224" rule: equal scores share
    a rank, the next one skips."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    ranks = [0] * len(scores)
    for position, index in enumerate(order, 1):
        previous = order[position - 2] if position > 1 else None
        if previous is not None and scores[previous] == scores[index]:
            ranks[index] = ranks[previous]
        else:
            ranks[index] = position
    return ranks
