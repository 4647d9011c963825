# HSBC Singapore credit card statements.
# Modeled on the HSBC SG statement of the peer corpus (cases/hsbc/credit):
# "Statement From 25 AUG 2024 to 24 SEP 2024", a posting date then a
# transaction date (DD Mon), the merchant's city and country printed on the
# line under the description (part of it), credits as "60.00CR", a
# Previous Statement Balance row, "Total Due" with its value below.

[profile]
id = hsbc_sg
issuer = HSBC Bank (Singapore)
currency = SGD
kind = card

[detect]
# A stray mention of the bank (a payment to it) is not enough.
min_score = 3
require = (?i)\bHSBC\b
any = (?i)HSBC Bank \(Singapore\)|\bSGD\b|AMOUNT\s?\(SGD\)
phrase = 5 (?i)HSBC Bank \(Singapore\) Limited
phrase = 2 (?i)Statement From\s+\d{1,2} %MONTH% \d{4} to
phrase = 1 (?i)Total Debit Transactions

[fields]
period = (?i)Statement From\s+(?<start>\d{1,2} %MONTH% \d{4})\s+to\s+(?<end>\d{1,2} %MONTH% \d{4})
card = \b(?<last4>[\dX*]{4}-[\dX*]{4}-[\dX*]{4}-\d{4})\b
date_format = DD MMM YYYY

[summary]
previous_balance = (?i)^\s*Previous Statement Balance\s+(?<amount>%AMOUNT%)\s*$
payments_and_credits = (?i)^\s*Total Credit Transactions\s+(?<amount>%AMOUNT%)\s*$
new_balance.below = (?i)\b(?<label>Total Due)\b

[transactions]
line = ^\s*(?<posted_date>\d{1,2} %MONTH%)\s+(?<date>\d{1,2} %MONTH%)\s+(?<description>\S.*?)\s{2,}(?<amount>%AMOUNT%)\s*$
date_format = DD MMM
# The amount in the original currency, on the line under a transaction.
foreign_line = (?J)^\s{4,}(?:(?<foreign_currency>[A-Z]{3})\s?(?<foreign_amount>\d[\d,]*\.\d{2})|(?<foreign_amount>\d[\d,]*\.\d{2})\s?(?<foreign_currency>[A-Z]{3}))\s*$
# The city/country line under a merchant belongs to its description.
continuation = aligned
continuation_max = 2
ignore = (?i)^\s*Total (?:Debit|Credit) Transactions
