"""Headless use cases shared by the interface and the command line (DESIGN §2).

The session, the dashboard data, the status report, the automatic hours, the
profile, the homework, the demo and the texts both faces print live here, one
layer between the faces (``ui``, ``cli``) and the parts below (``export``,
``store``, ``packs``, ``domain``). Nothing here imports ``ui``. This module
imports nothing, so that reaching one service never loads the others (the first
frame depends on it).
"""
