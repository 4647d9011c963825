# Wells Fargo credit cards (US): Active Cash, Autograph, Reflect, Attune,
# Bilt ...
# Modeled on how Wells Fargo card statements are publicly described (the
# issuer's statement explainer pages, descriptions of real statements in
# open-source statement parsers) and on statement-gen's wells_fargo layout
# (tools/statement-gen/LAYOUTS.md). What it reads:
# - page 1: "Account Number Ending in 1234", "Statement Period 12/27/2023
#   to 01/26/2024", "Summary of Account Activity": Previous Balance,
#   Payments (-$), Other Credits (-$), Cash Advances, "Purchases, Balance
#   Transfers & Other Charges" (+$), Fees Charged, Interest Charged, New
#   Balance, Credit Limit; Payment Information beside it; a payment coupon
#   with the full card number (only its last 4 digits are kept);
# - "Transactions" with columns "Trans / Post" over "Date Date Reference
#   Number Description Credits Charges": a Reference Number column (17
#   letters and digits, not part of the description) and TWO amount
#   columns, Credits and Charges, with no sign: the column gives the sign;
# - sections Payments, Other Credits, "Purchases, Balance Transfers &
#   Other Charges", Fees Charged, Interest Charged, each closed by "TOTAL
#   ... FOR THIS PERIOD"; long descriptions continue on the next line;
#   foreign purchases add "339.16 CAD EXCHG RATE 0.749001" (not part of
#   the description);
# - "2024 Totals Year-to-Date" and the "Interest Charge Calculation" table:
#   never transactions.
# Some cards (Bilt) print instead "Billing Cycle 06/08/2024 to 07/07/2024", one
# "Transaction Summary" with signed amounts ("$13.06", "-$2.90"), a numeric
# column before the reference number, and foreign purchases as a currency
# name line ("DK KRONE") and a "123.45 X 0.1456" line, as open-source
# parsers of those statements describe them: read as well.
# The Credits and Charges column headers give the sign (credit_header /
# charge_header); the sections Payments and Other Credits agree, and a "-"
# or CR is read as a credit anywhere.
# Tolerant: MM/DD, MM/DD/YY or MM/DD/YYYY dates, the posting date and the
# reference number optional, "$" or not.

[profile]
id = wells_fargo
issuer = Wells Fargo
currency = USD
kind = card

[detect]
# A stray mention of the bank (a payment to it) is not enough.
min_score = 3
require = (?i)wells\s*fargo
phrase = 5 (?i)wellsfargo\.com
phrase = 3 (?i)Summary of Account Activity
phrase = 3 (?i)Purchases, Balance Transfers (?:&|and) Other Charges
phrase = 2 (?i)Reference Number\s+Description
phrase = 1 (?i)Account Number Ending in\s*\d{4}

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
# Columns before the description: an optional numeric column, then the
# reference number (17 letters and digits; other lengths need a wide gap).
REF = (?:\d{6,12}\s+)?(?:(?=[A-Z]*\d)(?=\d*[A-Z])[A-Z0-9]{17}\s+|(?=[A-Z]*\d)[A-Z0-9]{10,24}\s{2,})
# A currency's name as card networks print it ("EURO", "DK KRONE").
CURNAME = (?:EUROS?|(?:[A-Z]{2,}\.? )*(?:DOLLAR|PESO|FRANC|RUPEE|YEN|WON|BAHT|RAND|REAL|RINGGIT|ZLOTY|FORINT|LIRA|SHEKEL|DIRHAM|YUAN|RENMINBI|STERLING|POUND|KORUNA|KRONE|KRONA|KRONER|DONG|RUPIAH|SOL|DINAR|RIYAL|LEU|LEV|COLON|QUETZAL|SHILLING)S?)

[fields]
period = (?i)(?:Statement Period|Billing Cycle):?\s*(?<start>%SDATE%)\s*(?:to|-|through)\s*(?<end>%SDATE%)
statement_date = (?i)Statement Closing Date:?\s*(?<date>%SDATE%)
card = (?i)Account Number Ending in:?\s*(?<last4>\d{4})\b
card = (?i)Account Number:?\s+(?<last4>(?:[X*\d]{4} ?){3}\d{4})\b
date_format = MM/DD/YYYY
date_format = MM/DD/YY

[summary]
previous_balance = (?i)%COL%Previous Balance\s+%VAL%%EOV%
payments_and_credits = (?i)%COL%Payments\s+%VAL%%EOV%
payments_and_credits += (?i)%COL%Other Credits\s+%VAL%%EOV%
purchases = (?i)%COL%Purchases, Balance Transfers (?:&|and) Other Charges\s+%VAL%%EOV%
purchases += (?i)%COL%Cash Advances\s+%VAL%%EOV%
fees = (?i)%COL%Fees Charged\s+%VAL%%EOV%
interest = (?i)%COL%Interest Charged\s+%VAL%%EOV%
new_balance = (?i)%COL%New Balance\s+%VAL%%EOV%

[transactions]
line = ^\s*(?<date>%TDATE%)\s+(?:(?<posted_date>%TDATE%)\s+)?(?:%REF%)?(?<description>\S.*?)\s{2,}(?<amount>%AMOUNT%)\s*$
date_format = MM/DD
date_format = MM/DD/YY
date_format = MM/DD/YYYY
continuation = aligned
continuation_tolerance = 3
# "339.16 CAD EXCHG RATE 0.749001"
foreign_line = (?i)(?J)^\s+(?<foreign_amount>\d[\d,]*\.\d{2})\s+(?:(?<foreign_currency>EUR)O|(?<foreign_currency>[A-Z]{3})|(?<foreign_currency>[A-Z][A-Z .]*?))\s+EXCHG\.? RATE\b
# "123.45 X 0.1456" under a row whose currency is named on the line above.
foreign_line = (?i)^\s+(?<foreign_amount>\d[\d,]*\.\d{2})\s*X\s*[\d.]+\s*$
continuation_exclude = (?i)^\s+(?:-\s*)?(?:\d{1,2}/\d{1,2}\s+)?%CURNAME%\s*$
ignore = (?i)^\s*TOTAL .* FOR THIS PERIOD\b
credit_header = (?i)^(?=.*\bDescription\b).*(?<=\s\s)(?<label>Credits)(?=\s\s|\s*$)
charge_header = (?i)^(?=.*\bDescription\b).*(?<=\s\s)(?<label>Charges)\s*$
ignore = (?i)^\s*Trans\s+Post\s*$
ignore = (?i)\bPage \d+ of \d+\s*$

[section payments]
start = (?i)^\s*Payments\s*$
sign = credit

[section other_credits]
start = (?i)^\s*Other Credits\s*$
sign = credit

[section transaction_summary]
start = (?i)^\s*Transactions? Summary\b

[section purchases]
start = (?i)^\s*Purchases, Balance Transfers (?:&|and) Other Charges\s*$

[section fees]
start = (?i)^\s*Fees Charged\s*$

[section interest]
start = (?i)^\s*Interest Charged\s*$

[section year_to_date]
start = (?i)^\s*(?:\d{4}\s+)?Totals Year-to-Date\b
ignore = yes

[section protection_summary]
start = (?i)^\s*BiltProtect Summary\b
ignore = yes

[section interest_table]
start = (?i)^\s*Interest Charge Calculation\b
ignore = yes
