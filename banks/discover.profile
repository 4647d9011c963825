# Discover credit cards (US): Discover it, it Miles, it Chrome, NHL ...
# Modeled on how Discover card statements are publicly described (the
# issuer's statement explainer pages, descriptions of real statements in
# open-source statement parsers) and on statement-gen's discover layout
# (tools/statement-gen/LAYOUTS.md). Open-source parsers of real statements
# also show MM/DD/YY dates: read as well. What it reads:
# - page 1: "Account number ending in 1234", "Open Date: Dec 13, 2023 -
#   Close Date: Jan 12, 2024", ACCOUNT SUMMARY (Previous Balance, Payments
#   and Credits (-$), Purchases (+$), Balance Transfers, Cash Advances,
#   Fees Charged, Interest Charged, New Balance, Credit Line) beside
#   PAYMENT INFORMATION; TRANSACTIONS start on page 1;
# - columns "Trans. / Post" over "Date Date Description Merchant Category
#   Amount": the Merchant Category column ("Restaurants", "Merchandise",
#   "Payments and Credits", "Travel/ Entertainment" ...) is not part of the
#   description;
# - sections PAYMENTS AND CREDITS, PURCHASES, FEES, INTEREST CHARGED, each
#   closed by "TOTAL ..."; rows "MM/DD  MM/DD  DESCRIPTION  Category
#   $12.75", credits "-$400.00"; long descriptions continue on the next
#   line; foreign purchases add "Foreign Currency 4.89 GBP Rate 1.273375"
#   (not part of the description);
# - "2024 Totals Year-to-Date" and the "Interest Charge Calculation" table:
#   never transactions. Footer "Discover.com ... Page k of N".
# Tolerant: MM/DD, MM/DD/YY or MM/DD/YYYY dates, the posting date and the
# category optional, "$" or not, "-"/CR credits.

[profile]
id = discover
issuer = Discover
currency = USD
kind = card

[detect]
# A stray mention of the bank (a payment to it) is not enough.
min_score = 3
require = (?i)\bdiscover
phrase = 5 (?i)discover\.com|Discover Bank|Discover Products
phrase = 3 (?i)\bDiscover it\b|\bDiscover (?:More|Miles|Chrome|Secured|NHL)\b
phrase = 3 (?i)Open Date:\s*.*\s-\s*Close Date:
phrase = 2 (?i)Merchant Category\s+Amount
phrase = 1 (?i)^\s*PAYMENTS AND CREDITS\s*$

[macros]
# A summary label at the start of a line or in a second column (never on
# a transaction row).
COL = (?:^\s*|^(?!\s*(?:\d{1,2}/\d{1,2}|%MONTH% \d)).*?\s{2,})
# A summary value, maybe with its operator printed apart ("-  $500.00",
# "= $6,398.25"); it ends its column.
VAL = (?:=\s*)?(?<amount>(?:[-+]\s+)?%AMOUNT%)
EOV = (?=\s{2}|\s*$)
LDATE = (?:%MONTH% \d{1,2},? \d{4}|\d{1,2}/\d{1,2}/\d{2,4})
TDATE = \d{1,2}/\d{1,2}(?:/\d{2}(?:\d{2})?)?
# Discover's merchant categories (a Title Case column before the amount).
CATEGORY = (?:Payments and Credits|Awards and Rebate Credits|Restaurants|Merchandise|Supermarkets|Gasoline|Travel/ ?Entertainment|Services|Home Improvement|Automotive|Medical Services|Department Stores|Education|Government Services|Warehouse Clubs|Fees|Interest|Other|Cash Advances?|Balance Transfers?|[A-Z][a-z]+(?:[ /&-]+[A-Za-z][a-z]+)*)

[fields]
period = (?i)Open to Close Date:?\s*(?<start>%LDATE%)\s*-\s*(?<end>%LDATE%)
period_start = (?i)Open Date:?\s*(?<date>%LDATE%)
period_end = (?i)(?<!Open to )Close Date:?\s*(?<date>%LDATE%)
card = (?i)Account number ending in:?\s*(?<last4>\d{4})\b
date_format = MMM D, YYYY
date_format = MMM D YYYY
date_format = MM/DD/YYYY
date_format = MM/DD/YY

[summary]
previous_balance = (?i)%COL%Previous Balance\s+%VAL%%EOV%
payments_and_credits = (?i)%COL%Payments and Credits\s+%VAL%%EOV%
purchases = (?i)%COL%Purchases\s+%VAL%%EOV%
purchases += (?i)%COL%Balance Transfers\s+%VAL%%EOV%
purchases += (?i)%COL%Cash Advances\s+%VAL%%EOV%
fees = (?i)%COL%Fees Charged\s+%VAL%%EOV%
interest = (?i)%COL%Interest Charged\s+%VAL%%EOV%
new_balance = (?i)%COL%New Balance\s+%VAL%%EOV%

[transactions]
# The category is matched apart so that it stays out of the description.
line = ^\s*(?<date>%TDATE%)\s+(?:(?<posted_date>%TDATE%)\s+)?(?<description>\S.*?)(?:\s{2,}%CATEGORY%)?\s{2,}(?<amount>%AMOUNT%)\s*$
date_format = MM/DD
date_format = MM/DD/YY
date_format = MM/DD/YYYY
continuation = aligned
continuation_tolerance = 3
# "Foreign Currency 4.89 GBP Rate 1.273375"
foreign_line = (?i)(?J)^\s+Foreign Currency:?\s+(?<foreign_amount>\d[\d,]*\.\d{2})\s+(?:(?<foreign_currency>EUR)O|(?<foreign_currency>[A-Z]{3})|(?<foreign_currency>[A-Z][A-Z .]*?))(?:\s+Rate\b.*)?\s*$
ignore = (?i)^\s*TOTAL (?:PAYMENTS|PURCHASES|FEES|INTEREST)\b
ignore = (?i)^\s*(?:Trans\.?|Date)\s+(?:Post|Date)\b
ignore = (?i)\bPage \d+ of \d+\s*$

[section payments]
start = (?i)^\s*PAYMENTS AND CREDITS\s*$

[section purchases]
start = (?i)^\s*PURCHASES\s*$

[section fees]
start = (?i)^\s*FEES(?: CHARGED)?\s*$

[section interest]
start = (?i)^\s*INTEREST CHARGED\s*$

[section year_to_date]
start = (?i)^\s*(?:\d{4}\s+)?Totals Year-to-Date\b
ignore = yes

[section interest_table]
start = (?i)^\s*Interest Charge Calculation\b
ignore = yes
