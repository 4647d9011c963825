# American Express (Singapore) card statements.
# Modeled on the American Express SG statement of the peer corpus
# (cases/amex/credit): a summary box (Opening Balance - New Credits + New
# Debits = Closing Balance) whose values sit on a line below the labels,
# dates as DD.MM.YY, and credits marked by "CR" printed on the line under
# the amount. A Foreign Spending column may hold "USD 12.34".

[profile]
id = amex_sg
issuer = American Express (Singapore)
currency = SGD
kind = card

[detect]
# A stray mention of the bank (a payment to it) is not enough.
min_score = 3
require = (?i)american\s*express|americanexpress\.com
any = (?i)americanexpress\.com/sg|\bS\$
phrase = 5 (?i)americanexpress\.com/sg
phrase = 2 (?i)\bMembership Number\b
phrase = 2 (?i)\bStatement of Account\b
phrase = 1 (?i)Opening Balance S\$

[fields]
period = (?i)Statement Period\s+From\s+(?<start>\d{1,2}\.\d{1,2}\.\d{4})\s+to\s+(?<end>\d{1,2}\.\d{1,2}\.\d{4})
statement_date = (?i)charges received by\s+(?<date>\d{1,2}\.\d{1,2}\.\d{4})
statement_date.below = (?i)Membership Number\s+(?<label>Date)\s*$
card = (?i)\b(?<last4>[\dX*]{4}-[\dX*]{6}-[\dX*]?\d{4})\b
date_format = DD.MM.YYYY
date_format = DD.MM.YY

[summary]
previous_balance.below = (?i)\b(?<label>Opening Balance(?: S\$)?)
payments_and_credits.below = (?i)\b(?<label>New Credits(?: S\$)?)
purchases.below = (?i)\b(?<label>New Debits(?: S\$)?)
new_balance.below = (?i)\b(?<label>Closing Balance(?: S\$)?)

[transactions]
line = ^\s*(?<date>\d{2}\.\d{2}\.\d{2})\s+(?<description>\S.*?)\s{2,}(?:(?<foreign_currency>[A-Z]{3})\s?(?<foreign_amount>[\d,]+\.\d{2})\s{2,})?(?<amount>%AMOUNT%)\s*$
date_format = DD.MM.YY
# The amount in the original currency, on the line under a transaction.
foreign_line = (?J)^\s{4,}(?:(?<foreign_currency>[A-Z]{3})\s?(?<foreign_amount>\d[\d,]*\.\d{2})|(?<foreign_amount>\d[\d,]*\.\d{2})\s?(?<foreign_currency>[A-Z]{3}))\s*$
# "CR" printed under the amount marks a credit.
sign_below = yes
continuation = aligned
ignore = (?i)^\s*Total of (?:New Transactions|payment)
