"""The typed model of a municipal plan (pydantic v2); the JSON Schema is generated from it."""

from .common import Footnote, Note, Period, PeriodRange, Prose, Quantity, Remark, Text, Unit
from .evaluation import (Evaluation, EvaluationGrade, EvaluationScale, QualitativeTarget, Review, Revision, UnitConversion,
                         latest_evaluation)
from .content import GuidingPlan, Initiative, Level, Node, NumberedTitle, Official, Project, Table, TableRow
from .indicators import Indicator, Measurement, Target
from .progress import DEFAULT_RULE, SCHEME_GRADES, Direction, Grade, ProgressRule, Scheme, Status
from .plan import DataLicence, Division, Document, DocumentKind, GlossaryTerm, Plan, PlanRoot, Source, TermKind

__all__ = [
    "DEFAULT_RULE", "SCHEME_GRADES", "Direction", "Grade", "ProgressRule", "Scheme", "Status",
    "DataLicence", "Division", "Document", "DocumentKind", "Footnote", "GlossaryTerm", "GuidingPlan", "Indicator",
    "Initiative", "Level", "Measurement", "Node", "Note", "NumberedTitle", "Official", "Period",
    "PeriodRange", "Plan", "PlanRoot", "Project", "Prose", "Quantity", "Source", "Table", "TableRow",
    "Target", "TermKind", "Text", "Unit",
    "Evaluation", "EvaluationGrade", "EvaluationScale", "QualitativeTarget", "Remark", "Review", "Revision",
    "UnitConversion",
    "latest_evaluation",
]
