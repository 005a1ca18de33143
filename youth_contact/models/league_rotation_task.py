# -*- coding: utf-8 -*-
from odoo import fields, models


class LeagueRotationTask(models.Model):
    """One of the eight tasks of an "8+4" working group (政策宣讲, 调查研究, ...)."""
    _name = 'league.rotation.task'
    _description = '"8+4" Working Group Task'
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    color = fields.Integer('Color Index')
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ('name_unique', 'unique(name)', 'A task with this name already exists.'),
    ]
