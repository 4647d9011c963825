# Barclays US credit cards (Barclays Bank Delaware): View, AAdvantage
# Aviator, JetBlue, Wyndham, Hawaiian, Uber ...
# Modeled on how Barclays US card statements are publicly described (the
# issuer's statement explainer pages, descriptions of real statements in
# open-source statement parsers) and on statement-gen's barclays_us layout
# (tools/statement-gen/LAYOUTS.md). What it reads:
# - page 1: "Account Ending 1234", "Statement Period 12/10/23 - 01/09/24",
#   an Account Summary (Previous Balance, Payments (-$), Other Credits
#   (-$), Purchases (+$), Balance Transfers, Cash Advances, Fees Charged,
#   Interest Charged, New Balance), Payment Information and a Rewards
#   Summary (points, never amounts); the activity starts on page 1;
# - "Transactions" with columns "Transaction / Posting" over "Date Date
#   Description Points Amount": dates "Jan 05"; the Points column
#   (integers, "-98" on returns) is not part of the description;
# - sections Payments, Other Credits, "Purchase Activity for NAME", Fees
#   Charged, Interest Charged, each closed by "Total ..."; credits
#   "-$400.00"; long descriptions continue on the next line; foreign
#   purchases add "84.23 EURO @ 1.071505" (the currency's name) under the
#   row: not part of the description;
# - "2024 Totals Year-to-Date", the "Interest Charge Calculation" table and
#   "Billing Cycle: 31 days": never transactions.
# Tolerant: "Mon DD" or MM/DD(/YY) dates, the posting date and the points
# optional, "$" or not, "-"/CR credits.

[profile]
id = barclays_us
issuer = Barclays US
currency = USD
kind = card

[detect]
# A stray mention of the bank (a payment to it) is not enough.
min_score = 3
require = (?i)\bbarclays
phrase = 5 (?i)barclaysus\.com|Barclays Bank Delaware
phrase = 3 (?i)Purchase Activity for\b
phrase = 2 (?i)Transaction\s+Posting\b
phrase = 2 (?i)Statement Period\s+\d{1,2}/\d{1,2}/\d{2,4}\s*-
phrase = 1 (?i)Account Ending\s+\d{4}\b

[macros]
# A summary label at the start of a line or in a second column (never on
# a transaction row).
COL = (?:^\s*|^(?!\s*(?:\d{1,2}/\d{1,2}|%MONTH% \d)).*?\s{2,})
# A summary value, maybe with its operator printed apart ("-  $500.00",
# "= $6,398.25"); it ends its column.
VAL = (?:=\s*)?(?<amount>(?:[-+]\s+)?%AMOUNT%)
EOV = (?=\s{2}|\s*$)
SDATE = \d{1,2}/\d{1,2}/\d{2,4}
TDATE = (?:%MONTH% \d{1,2}(?!\d)|\d{1,2}/\d{1,2}(?:/\d{2}(?:\d{2})?)?)

[fields]
period = (?i)Statement Period:?\s*(?<start>%SDATE%)\s*(?:-|to)\s*(?<end>%SDATE%)
statement_date = (?i)Statement Closing Date:?\s*(?<date>%SDATE%)
card = (?i)Account Ending(?: in)?:?\s*(?<last4>\d{4})\b
date_format = MM/DD/YYYY
date_format = MM/DD/YY

[summary]
previous_balance = (?i)%COL%Previous Balance\s+%VAL%%EOV%
payments_and_credits = (?i)%COL%Payments\s+%VAL%%EOV%
payments_and_credits += (?i)%COL%Other Credits\s+%VAL%%EOV%
purchases = (?i)%COL%Purchases\s+%VAL%%EOV%
purchases += (?i)%COL%Balance Transfers\s+%VAL%%EOV%
purchases += (?i)%COL%Cash Advances\s+%VAL%%EOV%
fees = (?i)%COL%Fees Charged\s+%VAL%%EOV%
interest = (?i)%COL%Interest Charged\s+%VAL%%EOV%
new_balance = (?i)%COL%New Balance\s+%VAL%%EOV%

[transactions]
# The Points column ("191", "-98") sits between description and amount.
line = (?i)^\s*(?<date>%TDATE%)\s+(?:(?<posted_date>%TDATE%)\s{2,})?(?<description>\S.*?)(?:\s{2,}-?\d[\d,]*)?\s{2,}(?<amount>%AMOUNT%)\s*$
date_format = MMM DD
date_format = MM/DD
date_format = MM/DD/YY
date_format = MM/DD/YYYY
continuation = aligned
continuation_tolerance = 3
# "84.23 EURO @ 1.071505": EURO is read as EUR; other names ("POUND
# STERLING") are mapped to ISO codes by the engine.
foreign_line = (?i)(?J)^\s+(?<foreign_amount>\d[\d,]*\.\d{2})\s+(?:(?<foreign_currency>EUR)O|(?<foreign_currency>[A-Z]{3})|(?<foreign_currency>[A-Z][A-Z .]*?))\s*@\s*[\d.]+\s*$
ignore = (?i)^\s*Total (?:Payments|Other Credits|Purchase Activity|fees charged|interest charged)\b
ignore = (?i)^\s*(?:Transaction|Date)\s+(?:Posting|Date)\b
ignore = (?i)\bPage \d+ of \d+\s*$

[section payments]
start = (?i)^\s*Payments\s*$

[section other_credits]
start = (?i)^\s*Other Credits\s*$

[section purchases]
start = (?i)^\s*Purchase Activity\b

[section fees]
start = (?i)^\s*Fees Charged\s*$

[section interest]
start = (?i)^\s*Interest Charged\s*$

[section year_to_date]
start = (?i)^\s*(?:\d{4}\s+)?Totals Year-to-Date\b
ignore = yes

[section interest_table]
start = (?i)^\s*Interest Charge Calculation\b
ignore = yes
