# Capital One credit cards (US): Quicksilver, Venture, SavorOne, Platinum ...
# Modeled on how Capital One card statements are publicly described (the
# issuer's statement explainer pages, descriptions of real statements in
# open-source statement parsers) and on statement-gen's capital_one layout
# (tools/statement-gen/LAYOUTS.md). Confirmed by notes on real statements in
# open-source parsers: "Trans Date Post Date Description Amount", rows "Jul
# 20 Jul 22 H-E-B ... $5.82" and credits "- $14.05". What it reads:
# - page 1: "Quicksilver Card | Visa Signature ending in 1234", the period
#   "Dec 13, 2023 - Jan 12, 2024 | 31 days in Billing Cycle", Payment
#   Information beside an Account Summary: Previous Balance, Payments (-$),
#   Other Credits (-$), Transactions (+$), Cash Advances, Fees Charged,
#   Interest Charged, "New Balance = $6,398.25", Credit Limit;
# - "Transactions" with columns "Trans Date / Post Date / Description /
#   Amount" and, per card holder, "NAME #1234: Payments, Credits and
#   Adjustments" and "NAME #1234: Transactions" (each closed by "NAME
#   #1234: Total ..."), then Fees and Interest Charged with "Total ... for
#   This Period";
# - rows "Jan 3  Jan 4  DESCRIPTION  $12.75", credits "- $400.00" (minus,
#   space, dollar); long descriptions continue on the next line; foreign
#   purchases add "89.64 CAD @ 0.727289" under the row (not part of the
#   description);
# - "Totals Year-to-Date" and the "Interest Charge Calculation" table:
#   never transactions. Footer "capitalone.com  Page 2 of 3".
# Tolerant: "Mon D" or MM/DD(/YY) dates, the posting date optional,
# "$" or not, "-"/CR credits.

[profile]
id = capital_one
issuer = Capital One
currency = USD
kind = card

[detect]
# A stray mention of the bank (a payment to it) is not enough.
min_score = 3
require = (?i)capital\s*one
phrase = 5 (?i)capitalone\.com
phrase = 3 (?i)days in Billing Cycle
phrase = 2 (?i)Payments, Credits and Adjustments
phrase = 2 (?i)Trans Date\s+Post Date
phrase = 1 (?i)ending in \d{4}

[macros]
# A summary label at the start of a line or in a second column (never on
# a transaction row).
COL = (?:^\s*|^(?!\s*(?:\d{1,2}/\d{1,2}|%MONTH% \d)).*?\s{2,})
# A summary value, maybe with its operator printed apart ("-  $500.00",
# "= $6,398.25"); it ends its column.
VAL = (?:=\s*)?(?<amount>(?:[-+]\s+)?%AMOUNT%)
EOV = (?=\s{2}|\s*$)
LDATE = %MONTH% \d{1,2},? \d{4}
TDATE = (?:%MONTH% \d{1,2}(?!\d)|\d{1,2}/\d{1,2}(?:/\d{2}(?:\d{2})?)?)

[fields]
period = (?i)(?<start>%LDATE%)\s*-\s*(?<end>%LDATE%)
period = (?i)(?<start>\d{1,2}/\d{1,2}/\d{2,4})\s*-\s*(?<end>\d{1,2}/\d{1,2}/\d{2,4})
card = (?i)ending in:?\s+(?<last4>\d{4})\b
date_format = MMM D, YYYY
date_format = MMM D YYYY
date_format = MM/DD/YYYY
date_format = MM/DD/YY

[summary]
previous_balance = (?i)%COL%Previous Balance\s+%VAL%%EOV%
payments_and_credits = (?i)%COL%Payments\s+%VAL%%EOV%
payments_and_credits += (?i)%COL%Other Credits\s+%VAL%%EOV%
purchases = (?i)%COL%Transactions\s+%VAL%%EOV%
purchases += (?i)%COL%Cash Advances\s+%VAL%%EOV%
fees = (?i)%COL%Fees Charged\s+%VAL%%EOV%
interest = (?i)%COL%Interest Charged\s+%VAL%%EOV%
new_balance = (?i)%COL%New Balance\s+%VAL%%EOV%

[transactions]
line = (?i)^\s*(?<date>%TDATE%)\s+(?:(?<posted_date>%TDATE%)\s{2,})?(?<description>\S.*?)\s{2,}(?<amount>%AMOUNT%)\s*$
date_format = MMM D
date_format = MM/DD
date_format = MM/DD/YY
date_format = MM/DD/YYYY
continuation = aligned
continuation_tolerance = 3
# "89.64 CAD @ 0.727289"
foreign_line = (?J)^\s+(?<foreign_amount>\d[\d,]*\.\d{2})\s+(?:(?<foreign_currency>EUR)O|(?<foreign_currency>[A-Z]{3})|(?<foreign_currency>[A-Z][A-Za-z .]*?))\s*@\s*[\d.]+\s*$
ignore = (?i)^\s*Trans(?:action)? Date\b
ignore = (?i)#\d{4}:\s*Total\b
ignore = (?i)^\s*Total (?:Fees|Interest) for This Period\b
ignore = (?i)\bPage \d+ of \d+\s*$

[section payments]
start = (?i)^\s*(?:.*#\d{4}:\s*)?Payments, Credits and Adjustments\s*$

[section transactions]
start = (?i)^\s*.*#\d{4}:\s*Transactions\s*$

[section fees]
start = (?i)^\s*Fees\s*$

[section interest]
start = (?i)^\s*Interest Charged\s*$

[section year_to_date]
start = (?i)^\s*(?:\d{4}\s+)?Totals Year-to-Date\b
ignore = yes

[section interest_table]
start = (?i)^\s*Interest Charge Calculation\b
ignore = yes
