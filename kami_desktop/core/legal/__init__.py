"""Qt-free legal rules engine: identifiers, working days, legal periods, deadlines, interest, fees,
evidence copies.

Pure functions over dates and Decimals plus the editable data tables in
``kami_desktop/resources/data`` (LPR, small-claims thresholds, portal limits, fallback holidays).
No database, no network, no Qt.

A plain package: import the submodule you need (``legal.calendar``, ``legal.interest``…), so a
command that checks a USCC does not load the calendar, the LPR table and the deadline rules.
"""
