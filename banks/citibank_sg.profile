# Citibank Singapore credit card statements.
# Modeled on the Citibank SG statement of the peer corpus
# (cases/citibank/credit): "Statement Date March 12, 2022", a summary box
# (PREVIOUS BALANCE - PAYMENTS & CREDITS + PURCHASES & ADVANCES + INTEREST
# CHARGES + FEES & CHARGES = CURRENT BALANCE) with labels over several
# lines and the values below, a BALANCE PREVIOUS STATEMENT row in the list,
# DD MMM dates, credits in parentheses.

[profile]
id = citibank_sg
issuer = Citibank Singapore
currency = SGD
kind = card

[detect]
# A stray mention of the bank (a payment to it) is not enough.
min_score = 3
require = (?i)\bcitibank\b
phrase = 5 (?i)Citibank Singapore Ltd
phrase = 2 (?i)YOUR CITIBANK CARDS
phrase = 2 (?i)BALANCE PREVIOUS STATEMENT
creator = 1 (?i)AFP2PDF

[fields]
statement_date = (?i)Statement Date:?\s+(?<date>%MONTH% \d{1,2},? \d{4})
card = \b(?<last4>[\dX*]{4} [\dX*]{4} [\dX*]{4} \d{4})\b
date_format = MMM DD, YYYY
date_format = MMM DD YYYY

[summary]
previous_balance = (?i)^\s*BALANCE PREVIOUS STATEMENT\s+(?<amount>%AMOUNT%)\s*$
new_balance = (?i)^\s*NEW BALANCE THIS STATEMENT\s+(?<amount>%AMOUNT%)\s*$
payments_and_credits = (?i)^\s*TOTAL PAYMENTS & CREDITS\s+(?<amount>%AMOUNT%)\s*$
# The box: labels on one line, values a few lines below.
previous_balance.below = (?i)^\s*(?<label>PREVIOUS)\s+PAYMENTS\s+PURCHASES
payments_and_credits.below = (?i)^\s*PREVIOUS\s+(?<label>PAYMENTS)\s+PURCHASES
purchases.below = (?i)^\s*PREVIOUS\s+PAYMENTS\s+(?<label>PURCHASES)\b
interest.below = (?i)PURCHASES\s+(?<label>INTEREST)\s+FEES
fees.below = (?i)INTEREST\s+(?<label>FEES)\s+CURRENT
new_balance.below = (?i)FEES\s+(?<label>CURRENT)\s*$

[transactions]
line = ^\s*(?<date>\d{1,2} %MONTH%)\s+(?<description>\S.*?)\s{2,}(?<amount>%AMOUNT%)\s*$
date_format = DD MMM
# The amount in the original currency, on the line under a transaction.
foreign_line = (?J)^\s{4,}(?:(?<foreign_currency>[A-Z]{3})\s?(?<foreign_amount>\d[\d,]*\.\d{2})|(?<foreign_amount>\d[\d,]*\.\d{2})\s?(?<foreign_currency>[A-Z]{3}))\s*$
continuation = aligned
ignore = (?i)^\s*TOTAL (?:PAYMENTS|PURCHASES)
ignore = (?i)^\s*(?:TRANSACTIONS FOR|ALL TRANSACTIONS BILLED)
