# Citi credit cards (US): Custom Cash, Double Cash, Premier, Strata,
# Simplicity, Diamond Preferred, AAdvantage, Costco ...
# Modeled on how Citi card statements are publicly described (the issuer's
# statement explainer pages, descriptions of real statements in open-source
# statement parsers) and on statement-gen's citi layout
# (tools/statement-gen/LAYOUTS.md). Open-source parsers of real statements
# also show "Trans. / Post" headings, one or two MM/DD dates and amounts
# without "$" ("-500.00"): read as well. What it reads:
# - page 1: "Account number ending in: 1234", "Billing Period:
#   12/15/23-01/14/24", Minimum payment due / New balance / Payment due
#   date beside an Account Summary: Previous balance, Payments (-$),
#   Credits (-$), Purchases (+$), Cash advances, Fees (+$), Interest (+$),
#   New balance, Credit Limit; a payment coupon with the full card number
#   (only its last 4 digits are kept); "Page k of N" at the top;
# - transactions under "Sale / Post" over "Date Date Description Amount",
#   sections "Payments, Credits and Adjustments", "Standard Purchases",
#   "Fees Charged" and "Interest Charged" ("TOTAL ... FOR THIS PERIOD");
# - rows "MM/DD  MM/DD  DESCRIPTION  $12.75" (sale date, posting date),
#   credits "-$400.00"; long descriptions continue on the next line;
#   foreign purchases add "42.24 EURO EXCHANGE RATE 1.100914" (the
#   currency's name) under the row: not part of the description;
# - "2024 totals year-to-date" and the "Interest charge calculation" table
#   (Standard Purch, Standard Adv): never transactions.
# Tolerant: MM/DD, MM/DD/YY or MM/DD/YYYY dates, the posting date optional,
# "$" or not, "-"/CR credits.

[profile]
id = citi
issuer = Citi
currency = USD
kind = card

[detect]
# A stray mention of the bank (a payment to it) is not enough.
min_score = 3
require = (?i)\bciti\b
# Citibank Singapore statements (citibank_sg) share the brand.
phrase = -5 (?i)Citibank Singapore|\bSGD\b.*\bSINGAPORE DOLLARS\b|ALL TRANSACTIONS BILLED IN SINGAPORE
phrase = 5 (?i)citicards\.com|citi\.com|\bCITI CARDS\b
phrase = 3 (?i)\bCiti (?:Custom Cash|Double Cash|Premier|Strata|Rewards\+|Simplicity|Diamond Preferred|Secured|AAdvantage|Costco|Prestige|Dividend)
phrase = 3 (?i)Billing Period:\s*\d{1,2}/\d{1,2}/\d{2,4}\s*-
phrase = 2 (?i)Account number ending in:?\s*\d{4}
phrase = 2 (?i)^\s*Standard Purchases\s*$

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
period = (?i)Billing Period:?\s*(?<start>%SDATE%)\s*-\s*(?<end>%SDATE%)
statement_date = (?i)Statement Closing Date:?\s*(?<date>%SDATE%)
card = (?i)Account number ending in:?\s*(?<last4>\d{4})\b
card = (?i)Account Number:?\s+(?<last4>(?:[X*\d]{4} ?){3}\d{4})\b
date_format = MM/DD/YYYY
date_format = MM/DD/YY

[summary]
previous_balance = (?i)%COL%Previous balance\s+%VAL%%EOV%
payments_and_credits = (?i)%COL%Payments\s+%VAL%%EOV%
payments_and_credits += (?i)%COL%Credits\s+%VAL%%EOV%
purchases = (?i)%COL%Purchases\s+%VAL%%EOV%
purchases += (?i)%COL%Cash advances\s+%VAL%%EOV%
purchases += (?i)%COL%Balance transfers\s+%VAL%%EOV%
fees = (?i)%COL%Fees\s+%VAL%%EOV%
interest = (?i)%COL%Interest\s+%VAL%%EOV%
new_balance = (?i)%COL%New balance:?\s+%VAL%%EOV%

[transactions]
line = ^\s*(?<date>%TDATE%)\s+(?:(?<posted_date>%TDATE%)\s+)?(?<description>\S.*?)\s{2,}(?<amount>%AMOUNT%)\s*$
date_format = MM/DD
date_format = MM/DD/YY
date_format = MM/DD/YYYY
continuation = aligned
continuation_tolerance = 3
# "42.24 EURO EXCHANGE RATE 1.100914": EURO is read as EUR; other names
# ("POUND STERLING") are mapped to ISO codes by the engine.
foreign_line = (?i)(?J)^\s+(?<foreign_amount>\d[\d,]*\.\d{2})\s+(?:(?<foreign_currency>EUR)O|(?<foreign_currency>[A-Z]{3})|(?<foreign_currency>[A-Z][A-Z .]*?))\s+EXCHANGE RATE\b
ignore = (?i)^\s*TOTAL .* FOR THIS PERIOD\b
ignore = (?i)^\s*(?:Sale|Date)\s+(?:Post|Date)\b
ignore = (?i)\bPage \d+ of \d+\s*$

[section payments]
start = (?i)^\s*Payments, Credits and Adjustments\s*$

[section purchases]
start = (?i)^\s*Standard Purchases\s*$

[section fees]
start = (?i)^\s*Fees Charged\s*$

[section interest]
start = (?i)^\s*Interest Charged\s*$

[section year_to_date]
start = (?i)^\s*(?:\d{4}\s+)?totals year-to-date\b
ignore = yes

[section interest_table]
start = (?i)^\s*Interest charge calculation\b
ignore = yes
