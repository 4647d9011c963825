# Apple Card (US; issued by Goldman Sachs Bank USA).
# Modeled on how Apple Card monthly statements are publicly described (the
# issuer's statement explainer pages, descriptions of real statements in
# open-source statement parsers) and on statement-gen's apple_card layout
# (tools/statement-gen/LAYOUTS.md). What it reads:
# - page 1: "Apple Card", "Statement", the period "Dec 8, 2023 - Jan 7,
#   2024", "Account ending in 1234", Total Balance / Minimum Payment Due /
#   Payment Due Date beside a summary: Previous Monthly Balance, Payments &
#   Credits (-$), Purchases, Fees, Interest Charged, Total Balance, "Daily
#   Cash earned this month" (not an amount of the balance); the activity
#   starts on page 1;
# - columns "Date  Description  Daily Cash  Amount"; sections Payments
#   ("Total payments for this period"), Transactions (purchases and
#   returns: "Total charges, credits and returns") and Interest Charged;
#   mixed-case descriptions ("Harbor Fuel Madison WI", returns "Return
#   ..."), dates MM/DD/YYYY, credits "-$400.00";
# - the Daily Cash column ("2%  $0.25") is neither the description nor the
#   amount (the amount is the last column); long descriptions continue on
#   the next line;
# - "Year-to-date totals" and the "Interest Charge Calculation" table:
#   never transactions. Footer "Goldman Sachs Bank USA, Salt Lake City
#   Branch  Page k /N".
# Tolerant: MM/DD/YYYY, MM/DD/YY or MM/DD dates, "$" or not, "-"/CR credits.

[profile]
id = apple_card
issuer = Apple Card
currency = USD
kind = card

[detect]
# A stray mention of the bank (a payment to it) is not enough.
min_score = 3
require = (?i)\bApple Card\b
phrase = 5 (?i)Goldman Sachs Bank USA
phrase = 3 (?i)\bDaily Cash\b
phrase = 2 (?i)Previous Monthly Balance
phrase = 2 (?i)^\s*Total Balance\b
phrase = 1 (?i)card\.apple\.com|apple\.com/card

[macros]
# A summary label at the start of a line or in a second column (never on
# a transaction row).
COL = (?:^\s*|^(?!\s*(?:\d{1,2}/\d{1,2}|%MONTH% \d)).*?\s{2,})
# A summary value, maybe with its operator printed apart ("-  $500.00",
# "= $6,398.25"); it ends its column.
VAL = (?:=\s*)?(?<amount>(?:[-+]\s+)?%AMOUNT%)
EOV = (?=\s{2}|\s*$)
LDATE = %MONTH% \d{1,2},? \d{4}
TDATE = \d{1,2}/\d{1,2}(?:/\d{2}(?:\d{2})?)?
DASH = (?:-|\xe2\x80\x93|\xe2\x80\x94|to)

[fields]
period = (?i)(?<start>%LDATE%)\s*%DASH%\s*(?<end>%LDATE%)
period = (?i)(?<start>\d{1,2}/\d{1,2}/\d{2,4})\s*%DASH%\s*(?<end>\d{1,2}/\d{1,2}/\d{2,4})
card = (?i)(?:Account|card) ending in:?\s*(?<last4>\d{4})\b
date_format = MMM D, YYYY
date_format = MMM D YYYY
date_format = MM/DD/YYYY
date_format = MM/DD/YY

[summary]
previous_balance = (?i)%COL%Previous (?:Monthly )?Balance\s+%VAL%%EOV%
payments_and_credits = (?i)%COL%Payments (?:&|and) Credits\s+%VAL%%EOV%
purchases = (?i)%COL%Purchases\s+%VAL%%EOV%
fees = (?i)%COL%Fees(?: Charged)?\s+%VAL%%EOV%
interest = (?i)%COL%Interest Charged\s+%VAL%%EOV%
new_balance = (?i)%COL%(?:Total|New) Balance\s+%VAL%%EOV%

[transactions]
# The Daily Cash column ("2%  $0.25") sits between description and amount.
line = ^\s*(?<date>%TDATE%)\s+(?<description>\S.*?)(?:\s{2,}\d{1,2}(?:\.\d+)?%\s+\$?\d[\d,]*\.\d{2})?\s{2,}(?<amount>%AMOUNT%)\s*$
date_format = MM/DD/YYYY
date_format = MM/DD/YY
date_format = MM/DD
continuation = aligned
continuation_tolerance = 3
ignore = (?i)^\s*Total (?:payments|charges|interest|fees)\b
ignore = (?i)^\s*Date\s+Description\b
ignore = (?i)\bPage \d+\s*/\s*\d+\s*$
ignore = (?i)\bPage \d+ of \d+\s*$

[section payments]
start = (?i)^\s*Payments\s*$

[section transactions]
start = (?i)^\s*Transactions\s*$

[section fees]
start = (?i)^\s*Fees(?: Charged)?\s*$

[section interest]
start = (?i)^\s*Interest Charged\s*$

[section year_to_date]
start = (?i)^\s*Year-to-date totals\b|^\s*(?:\d{4}\s+)?Totals Year-to-Date\b
ignore = yes

[section interest_table]
start = (?i)^\s*Interest Charge Calculation\b
ignore = yes
