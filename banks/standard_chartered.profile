# Standard Chartered (Singapore) credit card statements.
# Modeled on the Standard Chartered SG statement of the peer corpus
# (cases/standard_chartered/credit): "Statement Date : 18 Jun 2024", a box
# (Previous Balance - Payments - Credits + Purchases + Cash Advance +
# Charges = New Balance) with values below the labels, a BALANCE FROM
# PREVIOUS STATEMENT row, transaction then posting dates (DD Mon), a
# "Transaction Ref 9001..." column that is not part of the description,
# credits as "120.00CR", a rewards points summary at the end.

[profile]
id = standard_chartered
issuer = Standard Chartered Bank (Singapore)
currency = SGD
kind = card

[detect]
# A stray mention of the bank (a payment to it) is not enough.
min_score = 3
require = (?i)standard\s*chartered
phrase = 5 (?i)Standard Chartered Bank \(Singapore\)
phrase = 2 (?i)BALANCE FROM PREVIOUS STATEMENT
phrase = 1 (?i)\bTransaction Ref\b

[fields]
statement_date = (?i)Statement Date\s*:\s*(?<date>\d{1,2} %MONTH% \d{4})
card = ^\s*(?<last4>[\dX*]{4}-[\dX*]{4}-[\dX*]{4}-\d{4})\s*$
date_format = DD MMM YYYY

[summary]
previous_balance.below = (?i)(?<label>Previous Balance)\s+-\s+Payments
payments_and_credits.below = (?i)Previous Balance\s+-\s+(?<label>Payments)\s+-
payments_and_credits.below += (?i)Payments\s+-\s+(?<label>Credits)\s+\+
purchases.below = (?i)\+\s+(?<label>Purchases)\s+\+
purchases.below += (?i)\+\s+(?<label>Cash Advance)\s+\+
fees.below = (?i)\+\s+(?<label>Charges)\s+=
new_balance.below = (?i)=\s+(?<label>New Balance)\s*$
previous_balance = (?i)^\s*BALANCE FROM PREVIOUS STATEMENT\s+(?<amount>%AMOUNT%)\s*$
new_balance = (?i)^\s*NEW BALANCE\s+(?<amount>%AMOUNT%)\s*$

[transactions]
line = ^\s*(?<date>\d{1,2} %MONTH%)\s+(?<posted_date>\d{1,2} %MONTH%)\s+(?<description>\S.*?)\s{2,}(?<amount>%AMOUNT%)\s*$
date_format = DD MMM
# The amount in the original currency, on the line under a transaction.
foreign_line = (?J)^\s{4,}(?:(?<foreign_currency>[A-Z]{3})\s?(?<foreign_amount>\d[\d,]*\.\d{2})|(?<foreign_amount>\d[\d,]*\.\d{2})\s?(?<foreign_currency>[A-Z]{3}))\s*$
drop = (?i)\bTransaction Ref\s+\d+
continuation = aligned
ignore = (?i)^\s*MINIMUM PAYMENT DUE\b

[section rewards]
start = (?i)REWARDS POINTS SUMMARY
ignore = yes
