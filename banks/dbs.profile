# DBS Bank (Singapore) credit card statements.
# Modeled on the DBS statement of the peer corpus (cases/dbs/credit): a
# "STATEMENT DATE" box with the date below its label, one block per card
# ("DBS ... CARD NO.: 4111 2222 3333 4444"), a PREVIOUS BALANCE row inside
# the transaction list, credits marked "CR", a "REF NO:" line under
# payments that is not part of the description, SUB-TOTAL / TOTAL / GRAND
# TOTAL lines.

[profile]
id = dbs
issuer = DBS Bank (Singapore)
currency = SGD
kind = card

[detect]
# A stray mention of the bank (a payment to it) is not enough.
min_score = 3
require = \bDBS\b
phrase = 5 (?i)DBS Cards\b
phrase = 3 (?i)\bCARD NO\.:
phrase = 2 (?i)GRAND TOTAL FOR ALL CARD ACCOUNTS
phrase = 1 (?i)STATEMENT PRINTED ON

[fields]
statement_date.below = (?i)\bSTATEMENT DATE\b
statement_date = (?i)STATEMENT PRINTED ON\s+(?<date>\d{1,2} %MONTH% \d{4})
card = (?i)\bCARD NO\.:\s*(?<last4>(?:[\dX*]{4} ?){3}\d{4})
date_format = DD MMM YYYY
date_format = DD MMM YY

[summary]
# Several cards may share a statement: every card's previous balance adds.
previous_balance += (?i)^\s*PREVIOUS BALANCE\s+(?<amount>%AMOUNT%)\s*$
new_balance = (?i)^\s*GRAND TOTAL FOR ALL CARD ACCOUNTS:?\s+(?<amount>%AMOUNT%)\s*$
new_balance = (?i)^\s*TOTAL:\s+(?<amount>%AMOUNT%)\s*$

[transactions]
line = ^\s*(?<date>\d{1,2} %MONTH%)\s+(?<description>\S.*?)\s{2,}(?<amount>%AMOUNT%)\s*$
date_format = DD MMM
# The amount in the original currency, on the line under a transaction.
foreign_line = (?J)^\s{4,}(?:(?<foreign_currency>[A-Z]{3})\s?(?<foreign_amount>\d[\d,]*\.\d{2})|(?<foreign_amount>\d[\d,]*\.\d{2})\s?(?<foreign_currency>[A-Z]{3}))\s*$
continuation = aligned
continuation_exclude = (?i)^\s*REF\.? NO\.?:
ignore = (?i)^\s*(?:SUB-TOTAL|TOTAL):
