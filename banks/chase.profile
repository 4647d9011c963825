# Chase credit cards (US): Freedom, Sapphire, Slate, Amazon, Ink and the
# co-branded cards.
# Modeled on how Chase card statements are publicly described (the issuer's
# statement explainer pages, descriptions of real statements in open-source
# statement parsers) and on statement-gen's chase layout
# (tools/statement-gen/LAYOUTS.md). Confirmed by notes on real statements in
# open-source parsers: the Account Number line, "Opening/Closing Date
# MM/DD/YY - MM/DD/YY", the section names, "Payment Thank You-Mobile",
# foreign purchases over up to three rows. What it reads:
# - page 1: ACCOUNT SUMMARY with "Account Number: XXXX XXXX XXXX 1234",
#   Previous Balance, "Payment, Credits" (-$), Purchases (+$), Cash
#   Advances, Balance Transfers, Fees Charged, Interest Charged, New
#   Balance, "Opening/Closing Date 01/05/24 - 02/04/24", with PAYMENT
#   INFORMATION printed beside it on the same lines; a payment coupon with
#   the full card number (only its last 4 digits are kept);
# - ACCOUNT ACTIVITY (and "ACCOUNT ACTIVITY (CONTINUED)") under the page
#   header "NAME  Page 2 of 3  Statement Date: 02/04/24", columns "Date of
#   Transaction / Merchant Name or Transaction Description / $ Amount";
# - sections PAYMENTS AND OTHER CREDITS, PURCHASE(S), CASH ADVANCES,
#   BALANCE TRANSFERS, FEES CHARGED, INTEREST CHARGED with "TOTAL ... FOR
#   THIS PERIOD" lines; one MM/DD date per row; charges unsigned, credits
#   with a minus (a CR suffix is read as a credit too);
# - foreign purchases: a line "01/20 EURO" (the currency's name) and a line
#   "45.00 X 1.092035 (EXCHG RATE)" under the row: not part of the
#   description; long merchant names wrap onto continuation lines;
# - "2024 Totals Year-to-Date" and the INTEREST CHARGES table (APR,
#   balance subject to interest, "-0-"): never transactions.
# Tolerant: MM/DD, MM/DD/YY or MM/DD/YYYY dates, "$" or not, "-"/CR credits.

[profile]
id = chase
issuer = Chase
currency = USD
kind = card

[detect]
# A stray mention of the bank (a payment to it) is not enough.
min_score = 3
require = (?i)\bchase\b
phrase = 5 (?i)chase\.com
phrase = 3 (?i)\bChase (?:Freedom|Sapphire|Slate|Amazon|Prime|Ink|Marriott|United|Southwest|IHG|World of Hyatt|Aeroplan|British Airways|Aer Lingus|Iberia|Disney|Instacart|DoorDash|Card Services)
phrase = 3 (?i)Merchant Name or Transaction Description
phrase = 2 (?i)Opening/Closing Date
phrase = 1 (?i)^\s*ACCOUNT ACTIVITY\b
phrase = 1 (?i)Credit Access Line

[macros]
# A summary label at the start of a line or in a second column (never on
# a transaction row).
COL = (?:^\s*|^(?!\s*(?:\d{1,2}/\d{1,2}|%MONTH% \d)).*?\s{2,})
# A summary value, maybe with its operator printed apart ("-  $500.00",
# "= $6,398.25"); it ends its column.
VAL = (?:=\s*)?(?<amount>(?:[-+]\s+)?%AMOUNT%)
EOV = (?=\s{2}|\s*$)
SDATE = \d{1,2}/\d{1,2}/\d{2,4}
# A currency's name as card networks print it ("EURO", "HONG KONG DOLLAR",
# "DK KRONE").
CURNAME = (?:EUROS?|(?:[A-Z]{2,}\.? )*(?:DOLLAR|PESO|FRANC|RUPEE|YEN|WON|BAHT|RAND|REAL|RINGGIT|ZLOTY|FORINT|LIRA|SHEKEL|DIRHAM|YUAN|RENMINBI|STERLING|POUND|KORUNA|KRONE|KRONA|KRONER|DONG|RUPIAH|SOL|DINAR|RIYAL|LEU|LEV|COLON|QUETZAL|SHILLING)S?)

[fields]
period = (?i)Opening/Closing Date\s+(?<start>%SDATE%)\s*-\s*(?<end>%SDATE%)
statement_date = (?i)Statement Date:?\s+(?<date>%SDATE%)
card = (?i)Account Number:?\s+(?<last4>(?:[X*\d]{4}[ -]?){2,3}\d{4})\b
date_format = MM/DD/YYYY
date_format = MM/DD/YY

[summary]
previous_balance = (?i)%COL%Previous Balance\s+%VAL%%EOV%
payments_and_credits = (?i)%COL%Payments?,? (?:and )?(?:Other )?Credits\s+%VAL%%EOV%
purchases = (?i)%COL%Purchases\s+%VAL%%EOV%
# Cash advances and balance transfers are new debits too (the printed
# summary only adds up with them).
purchases += (?i)%COL%Cash Advances\s+%VAL%%EOV%
purchases += (?i)%COL%Balance Transfers\s+%VAL%%EOV%
fees = (?i)%COL%Fees Charged\s+%VAL%%EOV%
interest = (?i)%COL%Interest Charged\s+%VAL%%EOV%
new_balance = (?i)%COL%New Balance:?\s+%VAL%%EOV%

[transactions]
line = ^\s*(?<date>\d{1,2}/\d{1,2}(?:/\d{2}(?:\d{2})?)?)\s+(?<description>\S.*?)\s{2,}(?<amount>%AMOUNT%)\s*$
date_format = MM/DD
date_format = MM/DD/YY
date_format = MM/DD/YYYY
continuation = aligned
continuation_tolerance = 3
# Foreign purchases: a line naming the currency ("01/20 EURO", "01/20
# CANADIAN DOLLAR": the engine maps currency names to ISO codes) and a line
# "45.00 X 1.092035 (EXCHG RATE)" under the row; neither is part of the
# description.
foreign_line = (?i)^\s+\d{1,2}/\d{1,2}(?:/\d{2,4})?\s+(?<foreign_currency>%CURNAME%)\s*$
foreign_line = (?i)^\s+(?<foreign_amount>\d[\d,]*\.\d{2})\s*X\s*[\d.]+(?:\s*\(EXCHG RATE\))?\s*$
continuation_exclude = (?i)^\s+\d{1,2}/\d{1,2}(?:/\d{2,4})?\s+%CURNAME%\s*$
ignore = (?i)^\s*TOTAL .* FOR THIS PERIOD\b
ignore = (?i)^\s*(?:Date of|Transaction\s+Merchant Name)
ignore = (?i)^\s*ACCOUNT ACTIVITY
ignore = (?i)\bPage \d+ of \d+\b

[section payments]
start = (?i)^\s*PAYMENTS AND OTHER CREDITS\s*$

[section purchases]
start = (?i)^\s*PURCHASES?\s*$

[section cash_advances]
start = (?i)^\s*CASH ADVANCES?\s*$

[section balance_transfers]
start = (?i)^\s*BALANCE TRANSFERS?\s*$

[section fees]
start = (?i)^\s*FEES CHARGED\s*$

[section interest]
start = (?i)^\s*INTEREST CHARGED\s*$

[section year_to_date]
start = (?i)^\s*(?:\d{4}\s+)?Totals Year-to-Date\b
ignore = yes

[section interest_table]
start = (?i)^\s*INTEREST CHARGES\s*$
ignore = yes
