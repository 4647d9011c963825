# OCBC Bank (Singapore) credit card statements.
# Modeled on the OCBC statement of the peer corpus (cases/ocbc/credit): a
# STATEMENT DATE box with the date (DD-MM-YYYY) below its label, a LAST
# MONTH'S BALANCE row in the list, DD/MM dates, credits in parentheses,
# TOTAL AMOUNT DUE.

[profile]
id = ocbc
issuer = OCBC Bank
currency = SGD
kind = card

[detect]
# A stray mention of the bank (a payment to it) is not enough.
min_score = 3
require = \bOCBC\b
phrase = 5 (?i)OCBC Bank\b|OCBC Centre
phrase = 2 (?i)LAST MONTH'S BALANCE
phrase = 1 (?i)TOTAL AMOUNT DUE

[fields]
statement_date.below = (?i)\bSTATEMENT DATE\b
card = (?<last4>\b[\dX*]{4}-[\dX*]{4}-[\dX*]{4}-\d{4})\b
date_format = DD-MM-YYYY
date_format = DD MMM YY

[summary]
previous_balance = (?i)^\s*LAST MONTH'S BALANCE\s+(?<amount>%AMOUNT%)\s*$
new_balance = (?i)^\s*TOTAL AMOUNT DUE\s+(?<amount>%AMOUNT%)\s*$

[transactions]
line = ^\s*(?<date>\d{2}/\d{2})\s+(?<description>\S.*?)\s{2,}(?<amount>%AMOUNT%)\s*$
date_format = DD/MM
# The amount in the original currency, on the line under a transaction.
foreign_line = (?J)^\s{4,}(?:(?<foreign_currency>[A-Z]{3})\s?(?<foreign_amount>\d[\d,]*\.\d{2})|(?<foreign_amount>\d[\d,]*\.\d{2})\s?(?<foreign_currency>[A-Z]{3}))\s*$
continuation = aligned
ignore = (?i)^\s*TOTAL NEW TRANSACTIONS
