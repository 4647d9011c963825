# Bank of America credit card statements (US).
# Modeled on the Bank of America statement of the peer corpus
# (cases/bank_of_america/credit): an Account Summary (Previous Balance,
# Payments and Other Credits, Purchases and Adjustments, Fees Charged,
# Interest Charged, New Balance Total), separate "Payments and Other
# Credits" and "Purchases and Adjustments" sections, transaction and
# posting dates as MM/DD, Reference Number and Account Number columns
# between the description and the amount, credits printed with a minus.

[profile]
id = bank_of_america
issuer = Bank of America
currency = USD
kind = card

[detect]
# A stray mention of the bank (a payment to it) is not enough.
min_score = 3
require = (?i)bank\s*of\s*america|bankofamerica\.com
phrase = 3 (?i)bankofamerica\.com
phrase = 2 (?i)Statement Closing Date
phrase = 2 (?i)Purchases and Adjustments
producer = 5 (?i)Bank of America
creator = 2 (?i)Bank of America

[fields]
statement_date = (?i)Statement Closing Date\s+(?<date>\d{2}/\d{2}/\d{4})
period = (?i)(?<start>\d{2}/\d{2}/\d{4})\s*-\s*(?<end>\d{2}/\d{2}/\d{4})
card = (?i)Account (?:Number|#):?\s+(?<last4>[\dX*]{4} ?[\dX*]{4} ?[\dX*]{4} ?\d{4})
date_format = MM/DD/YYYY
date_format = MM/DD/YY

[summary]
previous_balance = (?i)^\s*Previous Balance\s+(?<amount>%AMOUNT%)\s*$
payments_and_credits = (?i)^\s*Payments and Other Credits\s+(?<amount>%AMOUNT%)\s*$
purchases = (?i)^\s*Purchases and Adjustments\s+(?<amount>%AMOUNT%)\s*$
fees = (?i)^\s*Fees Charged\s+(?<amount>%AMOUNT%)\s*$
interest = (?i)^\s*Interest Charged\s+(?<amount>%AMOUNT%)\s*$
new_balance = (?i)^\s*New Balance Total\s+(?<amount>%AMOUNT%)\s*$

[transactions]
# Transaction date, posting date, description, optional reference and
# account-number columns, amount.
line = ^\s*(?<date>\d{2}/\d{2})\s+(?<posted_date>\d{2}/\d{2})\s+(?<description>\S.*?)(?:\s{2,}\d{4,})?(?:\s{2,}\d{4})?\s{2,}(?<amount>%AMOUNT%)\s*$
date_format = MM/DD
# The amount in the original currency, on the line under a transaction.
foreign_line = (?J)^\s{4,}(?:(?<foreign_currency>[A-Z]{3})\s?(?<foreign_amount>\d[\d,]*\.\d{2})|(?<foreign_amount>\d[\d,]*\.\d{2})\s?(?<foreign_currency>[A-Z]{3}))\s*$
continuation = aligned
ignore = (?i)^\s*TOTAL .* FOR THIS PERIOD
ignore = (?i)^\s*Transaction\s+Posting\b

[section payments]
start = (?i)^\s*Payments and Other Credits\s*$
sign = credit

[section purchases]
start = (?i)^\s*Purchases and Adjustments\s*$

[section fees]
start = (?i)^\s*Fees Charged\s*$

[section interest]
start = (?i)^\s*Interest Charged\s*$

[section interest_calculation]
start = (?i)^\s*Interest Charge Calculation
ignore = yes

[section year_to_date]
start = (?i)^\s*(?:\d{4} )?Totals Year-to-Date
ignore = yes
