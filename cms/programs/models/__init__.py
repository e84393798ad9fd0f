from .pages import ProgramFilterForm, ProgramIndexPage
from .program import Program, ProgramQuerySet
from .sync_run import ProgramSyncRun

__all__ = ["Program", "ProgramFilterForm", "ProgramIndexPage", "ProgramQuerySet", "ProgramSyncRun"]
