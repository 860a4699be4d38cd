"""Suggestions read from a screenshot's OCR text: what it shows (amounts, order and transaction numbers,
times, phone numbers, USCC, ICP numbers), how it might be filed (category, title, 证明目的, the time on
screen) and which bill rows it matches. Everything here is computed from the stored OCR text and never
applied by itself: the user accepts a suggestion and it is saved as any edit (``accept``).

``extract`` is pure (text in, findings out); ``rules`` is the data table of the category rules;
``suggest`` reads an exhibit and proposes; ``bill_match`` ties screenshots to bill rows and offers a
claim item from a 未到账 screenshot and its payment.
"""
