# American Express (US) cards: Platinum, Gold, Green, Blue Cash, Everyday,
# Delta, Hilton, Marriott ...
# Modeled on how American Express US statements are publicly described (the
# issuer's statement explainer pages, descriptions of real statements in
# open-source statement parsers) and on statement-gen's amex_us layout
# (tools/statement-gen/LAYOUTS.md). Confirmed by notes on real statements in
# open-source parsers: "Account Ending 9-04001" / "Card Ending", "MM/DD/YY*"
# payment dates, "$Amount" at the end of the row, "Total Fees in 2026",
# follow lines with the merchant's phone number. What it reads:
# - page 1: "Prepared for", "Account Ending 6-21234" (only the last digits
#   are printed), "Closing Date 01/04/24" (no period is printed; "Next
#   Closing Date" is not the statement date), New Balance / Minimum Payment
#   Due / Payment Due Date beside an Account Summary: Previous Balance,
#   Payments/Credits (-$), New Charges (+$), Fees (+$), Interest Charged
#   (+$), New Balance; "Days in Billing Period: 31"; footer "p. 1/3";
# - activity ("Detail *Indicates posting date ... Amount") in sections
#   Payments, Credits, New Charges, Fees, Interest Charged, each closed by a
#   "Total ..." line; on cards with several card members, a "NAME Card
#   Ending 6-21234" heading per member;
# - rows "MM/DD/YY  DESCRIPTION  $12.75", credits "-$400.00", payment
#   dates with a "*" suffix (the posting date); long descriptions continue
#   on the next line;
# - foreign charges: "Foreign Spend Amount: 45.00 EUR" (or the currency's
#   name) and "Commission Amount: 0.00 Currency Exchange Rate: 1.0920"
#   under the row: not part of the description;
# - "2024 Fees and Interest Totals Year-to-Date" and the "Interest Charge
#   Calculation" table (Pay Over Time, Cash Advances): never transactions.
# Tolerant: MM/DD/YY, MM/DD/YYYY or MM/DD dates, "$" or not, "-"/CR credits.

[profile]
id = amex_us
issuer = American Express (US)
currency = USD
kind = card

[detect]
# A stray mention of the bank (a payment to it) is not enough.
min_score = 3
require = (?i)american\s*express|americanexpress\.com
# The Singapore statements (amex_sg) share the brand and "Prepared for".
reject = (?i)americanexpress\.com/sg\b
phrase = -5 \bS\$
phrase = 4 (?i)Account Ending\s+\d-\d{5}\b
phrase = 2 (?i)\*Indicates posting date
phrase = 2 (?i)Days in Billing Period
phrase = 2 (?i)\bPay Over Time\b
phrase = 1 (?i)^\s*New Charges\b
phrase = 1 (?i)Fees and Interest Totals Year-to-Date

[macros]
# A summary label at the start of a line or in a second column (never on
# a transaction row).
COL = (?:^\s*|^(?!\s*(?:\d{1,2}/\d{1,2}|%MONTH% \d)).*?\s{2,})
# A summary value, maybe with its operator printed apart ("-  $500.00",
# "= $6,398.25"); it ends its column.
VAL = (?:=\s*)?(?<amount>(?:[-+]\s+)?%AMOUNT%)
EOV = (?=\s{2}|\s*$)
SDATE = \d{1,2}/\d{1,2}/\d{2,4}

[fields]
statement_date = (?i)(?<!Next )Closing Date:?\s+(?<date>%SDATE%)
card = (?i)Account Ending(?: in)?:?\s+(?<last4>(?:\d-)?\d{4,5})\b
card = (?i)Card Ending(?: in)?:?\s+(?<last4>(?:\d-)?\d{4,5})\b
date_format = MM/DD/YYYY
date_format = MM/DD/YY

[summary]
previous_balance = (?i)%COL%Previous Balance\s+%VAL%%EOV%
payments_and_credits = (?i)%COL%Payments\s*/\s*Credits\s+%VAL%%EOV%
purchases = (?i)%COL%New Charges\s+%VAL%%EOV%
fees = (?i)%COL%Fees\s+%VAL%%EOV%
interest = (?i)%COL%Interest Charged\s+%VAL%%EOV%
new_balance = (?i)%COL%New Balance\s+%VAL%%EOV%

[transactions]
line = ^\s*(?<date>\d{1,2}/\d{1,2}(?:/\d{2}(?:\d{2})?)?)\*?\s+(?<description>\S.*?)\s{2,}(?<amount>%AMOUNT%)\s*$
date_format = MM/DD/YY
date_format = MM/DD/YYYY
date_format = MM/DD
continuation = aligned
continuation_tolerance = 3
# "Foreign Spend Amount: 45.00 EUR" (a code, or a name: "45.00 Euro").
foreign_line = (?i)(?J)^\s+Foreign Spend(?:ing)? Amount:?\s+(?<foreign_amount>\d[\d,]*\.\d{2})\s+(?:(?<foreign_currency>EUR)(?:O|OS)?|(?<foreign_currency>[A-Z]{3})|(?<foreign_currency>[A-Z][A-Za-z .]*?))(?:\s{2,}.*)?\s*$
# Lines under a charge that only hold the merchant's phone number or web
# address are not part of the description.
continuation_exclude = ^\s+(?:\+?1[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}\s*$
ignore = (?i)^\s*Commission Amount:
ignore = (?i)^\s*Currency Exchange Rate:
ignore = (?i)^\s*Total (?:Payments|Credits|New Charges|Fees|Interest)\b
ignore = (?i)^\s*Detail\b.*\bAmount\s*$
ignore = (?i)\bCard Ending\s+\d-\d{5}\s*$
ignore = (?i)\bp\. \d+/\d+\s*$

[section payments]
start = (?i)^\s*Payments\s*$

[section credits]
start = (?i)^\s*Credits\s*$

[section new_charges]
start = (?i)^\s*New Charges\s*$

[section fees]
start = (?i)^\s*Fees\s*$

[section interest]
start = (?i)^\s*Interest Charged\s*$

[section year_to_date]
start = (?i)^\s*(?:\d{4}\s+)?Fees and Interest Totals Year-to-Date\b
ignore = yes

[section interest_table]
start = (?i)^\s*Interest Charge Calculation\b
ignore = yes
