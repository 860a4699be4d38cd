"""Full-text search over a case: OCR lines, the user's words on each exhibit, chat messages, bill rows.

Design: **the index is derived data kept in its own database**, ``<profile>/cache/search.sqlite3``,
never in the case file. It is not evidence, not backed up (backups take the database and the vault,
not ``cache/``), and it is rebuilt from scratch whenever it is missing, of an older layout or
unreadable. Keeping it apart means imports and edits write exactly what they wrote before (no
triggers, no extra rows in their transactions), a read-only profile (``kami search`` beside the open
window) can still bring it up to date, and a broken index can be thrown away without touching the case.

It is never stale. Every search first compares a stamp of the case file — the ledger head (seq and
hash: every import, edit, trash, restore, merge and purge appends an entry) and the largest id and
count of ``ocr_texts`` (OCR results are derived rows outside the ledger; a re-read replaces its row
with a new id) — with the stamp it last indexed. When they differ it reads what happened since: ledger entries that
name one exhibit (an edit, an import, a trash or restore) and OCR rows added since (the background job
reading) name the exhibits to look at; anything else (a reorder, a merge, a page read again, an
unknown action, another chain after a restore) makes it look at every exhibit of the case. Looking
means per-exhibit signatures from a few aggregate queries (the exhibit's own words and trash state,
the OCR rows of its files, its chats and bills) and re-indexing only the parts that differ; binder
numbers are compared for every exhibit. All of it runs inside one read transaction of the case file,
so the stamp and the text agree. An unchanged case costs a few index lookups. ``warm(profile, case_id)``
does the same ahead of time: the desktop app has it done by a child process of lower priority
(``warm_process``) when a case opens and after each change, so even the first search of a big case
(4–13 s to index) is answered at once, and the window's interpreter is not kept busy meanwhile.

Matching: an FTS5 table with the ``trigram`` tokenizer (Chinese has no spaces: any substring of three
or more characters is found), checked when the index is created; without it (an SQLite built without
FTS5 or older than 3.34) the same rows are searched with ``LIKE``. Terms of one or two characters
("退款", "扣") are matched with ``LIKE`` over the case's rows. Text is normalised one character for one
(full-width letters, digits and signs to half-width, ``￥`` to ``¥``, ASCII lower case), so offsets in
the normalised text are offsets in the original and snippets show what was stored. Every user term is
passed to FTS5 as a quoted string, so no input is FTS syntax. Ranking: rows holding the whole query as
typed first, then bm25.

Modules: ``text`` (normalising, the FTS expression, snippets), ``documents`` (what is indexed, read from
the case file), ``index`` (the index database and keeping it current), ``query`` (``search``),
``warm_process`` (``warm`` in a child process, for the desktop app).
"""

from kami_desktop.core.search.index import warm
from kami_desktop.core.search.query import KINDS, Hit, search

__all__ = ["KINDS", "Hit", "search", "warm"]
