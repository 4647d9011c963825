# Maybank (Malaysia) credit card statements.
# Modeled on the Maybank statement of the peer corpus
# (cases/maybank/credit): "Statement Date 08 Nov 24", a posting date then a
# transaction date as DD/MM, YOUR PREVIOUS STATEMENT BALANCE in the list,
# credits as "500.00 CR", TOTAL DEBITS / TOTAL CREDITS / NEW BALANCE.

[profile]
id = maybank
issuer = Maybank
currency = MYR
kind = card

[detect]
# A stray mention of the bank (a payment to it) is not enough.
min_score = 3
require = (?i)\bmaybank
phrase = 3 (?i)maybank2u
phrase = 2 (?i)YOUR PREVIOUS STATEMENT BALANCE
phrase = 1 (?i)Amount \(RM\)

[fields]
statement_date = (?i)Statement Date\s+(?<date>\d{1,2} %MONTH% \d{2,4})
card = (?i)Card Number\s+(?<last4>[\dX*]{4} ?[\dX*]{4} ?[\dX*]{4} ?\d{4})
date_format = DD MMM YY
date_format = DD MMM YYYY

[summary]
previous_balance = (?i)^\s*YOUR PREVIOUS STATEMENT BALANCE\s+(?<amount>%AMOUNT%)\s*$
payments_and_credits = (?i)^\s*TOTAL CREDITS\s+(?<amount>%AMOUNT%)\s*$
new_balance = (?i)^\s*NEW BALANCE\s+(?<amount>%AMOUNT%)\s*$

[transactions]
line = ^\s*(?<posted_date>\d{2}/\d{2})\s+(?<date>\d{2}/\d{2})\s+(?<description>\S.*?)\s{2,}(?<amount>%AMOUNT%)\s*$
date_format = DD/MM
# The amount in the original currency, on the line under a transaction.
foreign_line = (?J)^\s{4,}(?:(?<foreign_currency>[A-Z]{3})\s?(?<foreign_amount>\d[\d,]*\.\d{2})|(?<foreign_amount>\d[\d,]*\.\d{2})\s?(?<foreign_currency>[A-Z]{3}))\s*$
continuation = aligned
ignore = (?i)^\s*TOTAL (?:DEBITS|CREDITS)
