# Trust Bank (Singapore) credit card statements.
# Modeled on the Trust statement of the peer corpus (cases/trust/credit):
# "Statement cycle 1 Mar 2025 - 15 Mar 2025", an ACTIVITY SUMMARY box
# (Previous balance + Purchases + Cash advance + Interest/Fees -
# Repayments/Credits = Current outstanding balance) with values below, D Mon
# posting dates, credits as "+80.00", an "Amount in FCY" column, and a
# closing "Total outstanding balance" row that is not a transaction.

[profile]
id = trust
issuer = Trust Bank Singapore
currency = SGD
kind = card

[detect]
# A stray mention of the bank (a payment to it) is not enough.
min_score = 3
require = (?i)\bTrust Bank\b
phrase = 5 (?i)Trust Bank Singapore
phrase = 2 (?i)YOUR TRUST CREDIT CARD STATEMENT
phrase = 1 (?i)Statement cycle

[fields]
period = (?i)Statement cycle\s+(?<start>\d{1,2} %MONTH% \d{4})\s*-\s*(?<end>\d{1,2} %MONTH% \d{4})
card = (?i)card (?:number|no\.?|ending(?: in)?)\s*:?\s*(?<last4>(?:[\dX*]{4}[ -]?){0,3}\d{4})\b
date_format = DD MMM YYYY

[summary]
previous_balance.below = (?i)(?<label>Previous balance)\s+\+
purchases.below = (?i)\+\s+(?<label>Purchases)\s+\+
purchases.below += (?i)\+\s+(?<label>Cash advance)\s+\+
fees.below = (?i)\+\s+(?<label>Interest/Fees)\s+-
payments_and_credits.below = (?i)^\s*(?<label>Repayments/)\s*$
new_balance.below = (?i)=\s+(?<label>Current outstanding balance)\s*$
new_balance = (?i)^\s*Statement balance\s+(?<amount>%AMOUNT%)\s*$
# The closing row of the transaction list.
new_balance = (?i)^\s*\d{1,2} %MONTH%\s+Total outstanding balance\s+(?<amount>%AMOUNT%)\s*$

[transactions]
line = ^\s*(?<date>\d{1,2} %MONTH%)\s+(?<description>\S.*?)\s{2,}(?:(?<foreign_currency>[A-Z]{3})?\s?(?<foreign_amount>[\d,]+\.\d{2})\s{2,})?(?<amount>%AMOUNT%)\s*$
date_format = DD MMM
# The amount in the original currency, on the line under a transaction.
foreign_line = (?J)^\s{4,}(?:(?<foreign_currency>[A-Z]{3})\s?(?<foreign_amount>\d[\d,]*\.\d{2})|(?<foreign_amount>\d[\d,]*\.\d{2})\s?(?<foreign_currency>[A-Z]{3}))\s*$
continuation = aligned
