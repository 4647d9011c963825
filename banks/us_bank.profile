# U.S. Bank credit cards (US): Visa Signature, Altitude, Cash+, Shopper
# Cash Rewards, and the cards U.S. Bank issues for others ("Cardmember
# Service").
# Modeled on how U.S. Bank card statements are publicly described (the
# issuer's statement explainer pages, descriptions of real statements in
# open-source statement parsers) and on statement-gen's us_bank layout
# (tools/statement-gen/LAYOUTS.md). What it reads:
# - page 1: "Account Number 4037 84XX XXXX 1234", "Open Date: 12/24/2023
#   Closing Date: 01/23/2024", an Account Summary (Previous Balance,
#   Payments, Other Credits, Purchases and Other Debits, Balance Transfers,
#   Advances, Other Debits, Fees Charged, Interest Charged, New Balance;
#   printed "-$", "+$", or with the operator apart: "Payments  -  $500.00")
#   beside a Payment Summary; a payment coupon with the full card number
#   (only its last 4 digits are kept);
# - "Transactions  NAME  Card Number XXXX XXXX XXXX 1234", columns "Post /
#   Trans" over "Date Date Ref # Transaction Description Amount": the
#   POSTING date comes first, then the transaction date; the 4-digit Ref #
#   is not part of the description;
# - sections "Payments and Other Credits", "Purchases and Other Debits",
#   Fees, "Interest Charged", each closed by "Total ... This Period";
#   credits "34.08CR" (totals "$340.22CR"); long descriptions continue on
#   the next line; foreign purchases add "47.15 EUR CONVERSION RATE
#   1.085513" (not part of the description);
# - "2024 Totals Year-to-Date" and the "Interest Charge Calculation" table:
#   never transactions.
# Tolerant: MM/DD, MM/DD/YY or MM/DD/YYYY dates, one date only, Ref #
# optional, "$" or not, CR or "-" credits.

[profile]
id = us_bank
issuer = U.S. Bank
currency = USD
kind = card

[detect]
# A stray mention of the bank (a payment to it) is not enough.
min_score = 3
require = (?i)\bU\.\s?S\.\s?BANK\b|\busbank\b|usbank\.com
phrase = 5 (?i)usbank\.com
phrase = 3 (?i)Purchases and Other Debits
phrase = 2 (?i)Ref #\s+Transaction Description
phrase = 2 (?i)Open Date:\s*\d{1,2}/\d{1,2}/\d{2,4}\s+Closing Date:
phrase = 1 (?i)\bU\.\s?S\.\s?BANK\b

[macros]
# A summary label at the start of a line or in a second column (never on
# a transaction row).
COL = (?:^\s*|^(?!\s*(?:\d{1,2}/\d{1,2}|%MONTH% \d)).*?\s{2,})
# A summary value, maybe with its operator printed apart ("-  $500.00",
# "= $6,398.25"); it ends its column.
VAL = (?:=\s*)?(?<amount>(?:[-+]\s+)?%AMOUNT%)
EOV = (?=\s{2}|\s*$)
SDATE = \d{1,2}/\d{1,2}/\d{2,4}
TDATE = \d{1,2}/\d{1,2}(?:/\d{2}(?:\d{2})?)?

[fields]
period_start = (?i)Open Date:?\s*(?<date>%SDATE%)
period_end = (?i)Closing Date:?\s*(?<date>%SDATE%)
card = (?i)(?:Account|Card) Number:?\s+(?<last4>(?:[X*\d]{4} ?){3}\d{4})\b
card = (?i)ending in:?\s*(?<last4>\d{4})\b
date_format = MM/DD/YYYY
date_format = MM/DD/YY

[summary]
previous_balance = (?i)%COL%Previous Balance\s+%VAL%%EOV%
payments_and_credits = (?i)%COL%Payments\s+%VAL%%EOV%
payments_and_credits += (?i)%COL%Other Credits\s+%VAL%%EOV%
purchases = (?i)%COL%Purchases and Other Debits\s+%VAL%%EOV%
purchases += (?i)%COL%Balance Transfers\s+%VAL%%EOV%
purchases += (?i)%COL%(?:Cash )?Advances\s+%VAL%%EOV%
purchases += (?i)%COL%Other Debits\s+%VAL%%EOV%
fees = (?i)%COL%Fees Charged\s+%VAL%%EOV%
interest = (?i)%COL%Interest Charged\s+%VAL%%EOV%
new_balance = (?i)%COL%New Balance\s+%VAL%%EOV%

[transactions]
# Posting date first, then the transaction date.
line = ^\s*(?:(?<posted_date>%TDATE%)\s+)?(?<date>%TDATE%)\s+(?:\d{4}\s{2,})?(?<description>\S.*?)\s{2,}(?<amount>%AMOUNT%)\s*$
date_format = MM/DD
date_format = MM/DD/YY
date_format = MM/DD/YYYY
continuation = aligned
continuation_tolerance = 3
# "47.15 EUR CONVERSION RATE 1.085513"
foreign_line = (?i)(?J)^\s+(?<foreign_amount>\d[\d,]*\.\d{2})\s+(?:(?<foreign_currency>EUR)O|(?<foreign_currency>[A-Z]{3})|(?<foreign_currency>[A-Z][A-Z .]*?))\s+(?:CONVERSION|EXCHANGE|EXCHG\.?) RATE\b
ignore = (?i)^\s*Total\b.*\bThis Period\b
ignore = (?i)^\s*(?:Post|Date)\s+(?:Trans|Date)\b
ignore = (?i)\bPage \d+ of \d+\s*$

[section payments]
start = (?i)^\s*Payments and Other Credits\s*$

[section purchases]
start = (?i)^\s*Purchases and Other Debits\s*$

[section fees]
start = (?i)^\s*Fees(?: Charged)?\s*$

[section interest]
start = (?i)^\s*Interest Charged\s*$

[section year_to_date]
start = (?i)^\s*(?:\d{4}\s+)?Totals Year-to-Date\b
ignore = yes

[section interest_table]
start = (?i)^\s*Interest Charge Calculation\b
ignore = yes
