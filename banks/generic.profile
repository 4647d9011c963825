# Generic profile: statements of issuers without a profile of their own.
# It is never chosen by detection; `parse` falls back to it when no bank
# profile matches (with a warning), and `--profile generic` forces it.
#
# It finds the transaction table by the shape of its lines (a date, text,
# an amount at the end, columns split by two or more spaces), takes the sign
# from CR/DR, minus, plus, parentheses or a "Payments and Credits" style
# section heading, drops reference-number columns, keeps total and balance
# rows out of the transactions, reads a running-balance column (the
# rightmost amount under a "Balance" header) as a balance and not as the
# amount, and reads the summary from the labels most issuers use.

[profile]
id = generic
issuer = Generic (any issuer)
# Card or bank account, whichever reconciles; 1,234.56 or 1.234,56, decided
# per statement from its amount tokens.
kind = auto
decimal = auto
# ... an account when the statement says so and reconciling does not decide
# (no transactions, or neither reading reconciles).
account_when = (?i)\b(?:checking|savings|current account|statement of account|account statement|kontoauszug|girokonto|relev(?:é|e) de compte|compte courant|rekeningafschrift|betaalrekening|spaarrekening|extracto de cuenta|cuenta corriente|estratto conto|conto corrente|extrato de conta|conta corrente|penyata akaun)\b
card_when = (?i)\b(?:credit card|card statement|card account|visa|mastercard|american express|card ?member|kreditkarte\w*|carte (?:de cr(?:é|e)dit|bancaire)|creditcard|tarjeta|carta di credito|cart(?:ã|a)o|kad kredit)\b

[macros]
PREV = previous (?:statement |monthly )?balance|%PREV_EU%|beginning balance(?: on %YDATE%)?|balance (?:from )?previous statement|your previous (?:statement )?balance|last month'?s balance|opening balance|balance brought forward|balance b/?f
NEW = %NEW_EU%|ending balance(?: on %YDATE%)?|balance c/f|balance carried forward|new balance(?: total| this statement)?|closing balance|current balance|statement balance|total balance(?: for [A-Za-z][A-Za-z0-9 &'/.-]*?)?|total (?:outstanding )?balance|total amount due|current outstanding balance|new statement balance|balance due
PAY = (?:total )?payments?\s*(?:,|and|&|/|, and)\s*(?:other )?credits|payments and refunds|new credits|repayments/credits
PAY2 = total credit transactions|total credits?
BUY = purchases(?: and| &)? (?:adjustments|advances|other charges|charges)|new purchases|purchases|new debits|new charges
FEES = fees(?: and| &)? (?:charges|charged)|fees|other charges
INT = interest(?: charges?| charged)?|finance charges?
# Opening and closing balances in French, German, Dutch, Spanish, Italian,
# Portuguese and Malay, maybe followed by their date ("Solde au 31.01.2024").
PREV_EU = (?:ancien solde|solde (?:pr(?:é|e)c(?:é|e)dent|initial|d'ouverture)|alter (?:kontostand|saldo)|anfangssaldo|vorsaldo|saldo (?:alt|anterior|inicial|iniziale|precedente|vorig|begin)|beginsaldo|oud saldo|vorig saldo|baki (?:terdahulu|awal))(?:\s+(?:au|du|am|vom|per|op|al|a|em|on|at|as at)\s+%YDATE%)?
NEW_EU = (?:nouveau solde|solde (?:final|de cl(?:ô|o)ture)|neuer (?:kontostand|saldo)|endsaldo|schlusssaldo|saldo (?:neu|final|finale|nuevo|actual|nieuw|eind|attuale|atual)|eindsaldo|nieuw saldo|baki (?:akhir|baru))(?:\s+(?:au|du|am|vom|per|op|al|a|em|on|at|as at)\s+%YDATE%)?
# "Solde au 31.01.2024", "Kontostand am ...", "Balance as of ...": opening
# or closing by where it stands; the pair that reconciles is kept.
BAL_AT = (?:solde|saldo|kontostand|stand|balance)\s+(?:au|du|per|am|vom|zum|al|a|em|op|on|as at|as of)\s+%YDATE%
VAL = (?:\s*/\s*[^\d\s/:][^\d/:]{0,40}?)?\s*:?\s+(?:=\s*)?(?:[A-Z]{1,3}\$?\s*)?(?<amount>%AMOUNT%)(?=\s{2,}|\s*$)

# Words of a transaction table's header, in several languages.
HDR = date|datum|fecha|data|valuta|description|particulars|omschrijving|libell(?:é|e)|op(?:é|e)rations?|buchungstext|verwendungszweck|concepto|descrizione|descripci(?:ó|o)n|descri(?:ç|c)(?:ã|a)o|beschreibung|naam|keterangan|butiran

[fields]
statement_date = (?i)(?<!/)\b(?:statement|closing|close|billing)\s+(?:closing\s+)?date\b(?:\s*/\s*[^\d\s/:][^\d/:]{0,40}?)?\s*:?\s*(?<date>%YDATE%)
statement_date = (?i)\bstatement (?:printed|issued) on\s+(?<date>%YDATE%)
statement_date.below = (?i)\b(?:statement|closing)\s+date\b
period = (?i)\bopen(?:ing)?\s+date\s*:?\s*(?<start>%YDATE%)\s*-?\s*clos(?:e|ing)\s+date\s*:?\s*(?<end>%YDATE%)
period = (?i)\b(?:statement\s+|billing\s+)?(?:period|cycle|from)\b[\s:]*(?:from\s+)?(?<start>%YDATE%)\s*(?:to|-|\xe2\x80\x93|through|until)\s*(?<end>%YDATE%)
period = (?i)\bopen(?:ing)?\s*/\s*closing date\s*:?\s*(?<start>%YDATE%)\s*-\s*(?<end>%YDATE%)
# Any two full dates joined by a dash or "to" (au, bis, tot, al, hasta, até, hingga) ("Nov 22, 2023 - Dec 21, 2023").
period = (?i)(?<start>%YDATE%)\s*(?:-|\xe2\x80\x93|to|through|au|bis|tot|t/m|al|a|hasta|at(?:é|e)|hingga|sehingga)\s*(?<end>%YDATE%)
# A dashed account number ("Account No. 0098-221-54310"): its last digits.
card = (?i)\baccount\s*(?:no\.?|number|#)\s*:?\s*(?<last4>\d{2,6}(?:-\d{1,8}){1,4})\b
card = (?i)\b(?:card|account)\s*(?:(?:no\.?|number|#)\s*(?:ending(?: in)?\s*)?|ending(?: in)?\s*):?\s*(?<last4>(?:[\dX*]{4}[ -]?){0,3}\d{4})\b
card = \b(?<last4>[\dX*]{4}[ -][\dX*]{4}[ -][\dX*]{4}[ -]\d{4})\b
# Bank accounts: the account number in several languages, else the IBAN.
card = (?i)\b(?:compte|konto|kontonummer|rekening(?:nummer)?|cuenta|conto|conta|akaun)(?:\s+(?:courant|ch(?:è|e)ques?|joint|corriente|corrente|semasa|simpanan))?\s*(?:n(?:°|o\.?|r\.?|umm?er)|number|no\.?)?\s*:?\s*(?<last4>\d[\d ]{3,30}\d)\b
card = \bIBAN:?\s*(?<last4>[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)
currency = (?i)\bamount\s*\((?<currency>[A-Z]{3}|S\$|RM|HK\$|US\$)\)
currency = \bAmount in (?!FCY\b)(?<currency>[A-Z]{3})\b
# "Betrag in EUR", "Montant (EUR)", "Bedrag EUR": an amount column's currency.
currency = (?i)\b(?:betrag|montant|bedrag|importe|importo|valor)\s*(?:in\s+|en\s+)?\(?(?<currency>EUR|USD|GBP|CHF|SEK|NOK|DKK|PLN|CZK|HUF)\)?(?=\s|$)

[summary]
# A label (maybe followed by its translation, "Previous Balance / Baki
# Terdahulu") then its amount, at the start of a line (maybe after a date) or
# after another column (two-column summaries; never in a line that starts
# with a date, where a column such as a merchant category may hold such a
# label); "= $1.00" and "+$1.00" too.
previous_balance = (?i)^\s*(?:%DATE%\s+){0,2}(?:[-+=]\s*)?(?:%PREV%)%VAL%
previous_balance = (?i)^(?!\s*%DATE%\s)(?:.*?\S)?\s{2,}(?:%PREV%)%VAL%
new_balance = (?i)^\s*(?:%DATE%\s+){0,2}(?:[-+=]\s*)?(?:%NEW%)%VAL%
new_balance = (?i)^(?!\s*%DATE%\s)(?:.*?\S)?\s{2,}(?:%NEW%)%VAL%
payments_and_credits = (?i)^\s*(?:[-+=]\s*)?(?:%PAY%)%VAL%
payments_and_credits = (?i)^(?!\s*%DATE%\s)(?:.*?\S)?\s{2,}(?:%PAY%)%VAL%
payments_and_credits = (?i)^\s*(?:[-+=]\s*)?(?:%PAY2%)%VAL%
purchases = (?i)^\s*(?:[-+=]\s*)?(?:%BUY%)%VAL%
purchases = (?i)^(?!\s*%DATE%\s)(?:.*?\S)?\s{2,}(?:%BUY%)%VAL%
fees = (?i)^\s*(?:[-+=]\s*)?(?:%FEES%)%VAL%
fees = (?i)^(?!\s*%DATE%\s)(?:.*?\S)?\s{2,}(?:%FEES%)%VAL%
interest = (?i)^\s*(?:[-+=]\s*)?(?:%INT%)%VAL%
interest = (?i)^(?!\s*%DATE%\s)(?:.*?\S)?\s{2,}(?:%INT%)%VAL%
previous_balance = (?i)^\s*(?:%DATE%\s+){0,2}(?:%BAL_AT%)%VAL%
new_balance = (?i)^\s*(?:%DATE%\s+){0,2}(?:%BAL_AT%)%VAL%
# Summary boxes: the value in the column under the label.
previous_balance.below = (?i)\b(?<label>opening balance|previous balance)\b
new_balance.below = (?i)\b(?<label>closing balance|new balance|total outstanding|current outstanding balance|total (?:amount )?due)\b
payments_and_credits.below = (?i)\b(?<label>new credits|payments (?:and|&) credits)\b
purchases.below = (?i)\b(?<label>new debits)\b

[transactions]
# A date (and maybe a second one; a footnote '*' may follow), the description, an optional foreign
# amount with its currency code, the amount, an optional running balance
# (only under a "Balance" header; else the two amounts are foreign, local).
# A leading row-number column ("12   03/05  ...") is not part of the row.
line = ^\s*(?:\d{1,4}\.?\s{2,}(?=%DATE%\s))?(?<date>%DATE%)\*?\s+(?:(?<posted_date>%DATE%)\*?\s+)?(?<description>\S.*?)\s{2,}(?:(?<foreign_currency>[A-Z]{3})\s(?<foreign_amount>\d[\d,]*\.\d{2})\s{2,})?(?<amount>%AMOUNT%)(?:\s{2,}(?<balance>%AMOUNT%))?\s*$
# An amount with one space before it, when its right edge is the table's
# (where the row above ended its amount).
line_aligned = ^\s*(?:\d{1,4}\.?\s{2,}(?=%DATE%\s))?(?<date>%DATE%)\*?\s+(?:(?<posted_date>%DATE%)\*?\s+)?(?<description>\S.*?[A-Za-z][^\d\s]*) (?<amount>%AMOUNT%)\s*$
# The amount in the original currency, on the line under a transaction.
foreign_line = (?J)^\s{4,}(?:(?<foreign_currency>[A-Z]{3})\s?(?<foreign_amount>\d[\d,]*\.\d{2})|(?<foreign_amount>\d[\d,]*\.\d{2})\s?(?<foreign_currency>[A-Z]{3}))\s*$
# ... after a label, or followed by the exchange rate ("EUR 212.00 @ 1.46792").
foreign_line = ^\s{4,}(?:(?i:(?:foreign|original|transaction|local) (?:currency|amount|ccy)|amount in foreign currency|fcy)\s*:?\s*)?(?<foreign_currency>[A-Z]{3})\s?(?<foreign_amount>\d[\d,]*\.\d{2})(?:\s*(?:@|X|at)\s*\d+(?:\.\d+)?)?\s*$
# Currencies without minor units print no decimals ("JPY 52,800").
foreign_line = ^\s{4,}(?<foreign_currency>JPY|KRW|IDR|VND|CLP|ISK|TWD|HUF|PYG|UGX)\s?(?<foreign_amount>\d{1,3}(?:,\d{3})+|\d+)\s*$
# "Continued on next page" and the like, alone on a line.
ignore = (?i)^\s*\(?(?:continued|cont'd)(?: (?:on|from) (?:the )?(?:next|following|previous) page)?\)?\s*$
# Reference-number columns are not part of the description.
drop = (?i)\b(?:transaction\s+)?ref(?:erence)?\.?(?:\s*(?:no\.?|number|#))?:?\s*[A-Z0-9]{6,}\b
drop = (?<=\s\s)(?=[A-Z]*\d)[A-Z0-9]{4,}(?=\s\s)
# ... and point, percentage and count columns (also at the end of the line).
drop = (?<=\s\s)(?:[-+]?\d[\d,]*(?<!,\d\d)|\d+(?:\.\d+)?%)(?=\s\s|\s*$)
description_match = [A-Za-z]{2}
exclude_description = (?i)^(?:sub-?total|grand total|total\s+(?:for|of|new|payments?|purchases?|debits?|credits?|charges?|fees?|interest|amount|outstanding|balance|transactions?|due|this|current))\b
exclude_description = (?i)\b(?:previous|opening|closing|new|outstanding|statement|current) balance\b|\bbalance (?:from )?previous\b|last month'?s balance|brought forward|carried forward|\bbalance b/?f\b|minimum (?:payment|amount) due
continuation = aligned
continuation_max = 2
# Reference lines, and lines that start with a date (a currency line such
# as "11/15 EURO"), are not part of a description.
continuation_exclude = (?i)^\s*(?:ref(?:erence)?\.?\s*(?:no\.?|number|#)?\s*:|transaction ref\b)
continuation_exclude = ^\s*%DATE%\s
# A card member's heading inside the table ("JANE DOE  CARD ENDING 1234") is
# not part of the description above it.
continuation_exclude = (?i)\b(?:card|account|member)\s*(?:no\.?|number|#)?\s*(?:ending(?: in)?)?\s*:?\s*(?:[\dX*]{4}[ -]?){0,3}\d{4}\s*$
sign_below = yes
# A description that wraps may carry its amount on its second line.
amount_on_next_line = yes
# Two tables side by side on one page are read one after the other.
two_up = yes
# Column headers: a line of three or more columns (runs of two or more
# spaces apart, never prose), with the label standing as a column of its own.
balance_header = (?i)^(?=\s*[A-Za-z])(?=(?:.*?\S\s{2,}){2})(?=.*\b(?:%HDR%)\b).*(?<=\s\s)(?<label>balance|saldo|solde|kontostand|baki)(?=\s\s|\s*$)
# Separate columns for money in and money out (bank accounts, some cards).
credit_header = (?i)^(?=\s*[A-Za-z])(?=(?:.*?\S\s{2,}){2})(?=.*\b(?:%HDR%)\b).*(?<=\s\s)(?<label>deposits?|credits?|paid in|money in|cr(?:é|e)dit|bij|haben|abono|gutschrift|avere|entrada|ingresos?|eingang|kredit)(?=\s\s|\s*$)
charge_header = (?i)^(?=\s*[A-Za-z])(?=(?:.*?\S\s{2,}){2})(?=.*\b(?:%HDR%)\b).*(?<=\s\s)(?<label>withdrawals?|debits?|charges|paid out|money out|d(?:é|e)bit|af|soll|cargo|lastschrift|dare|sa(?:í|i)da|gastos?|belastung|debet)(?=\s\s|\s*$)
# A text column after the description (a merchant category) is not part of it.
description_stop_header = (?i)^(?=\s*[A-Za-z])(?=(?:.*?\S\s{2,}){2}).*\bdescription\b.*?\s{2,}(?<label>(?:merchant )?category|type|location|memo|notes?|points|daily cash|rewards?)(?=\s{2,}|\s*$)
# Rewards, points or cashback printed beside the amount are not the amount.
other_amount_header = (?i)^(?=\s*[A-Za-z])(?=(?:.*?\S\s{2,}){2})(?=.*\b(?:%HDR%)\b).*(?<=\s\s)(?<label>cash ?back|rewards?(?: earned)?|points(?: earned)?|miles(?: earned)?|daily cash)(?=\s\s|\s*$)
sign_from_balance = account

# Section headings: one short phrase alone on its line, at the left margin or
# indented like the descriptions (not far right, as in a summary box).
# Payments, credits or refunds: every amount is a credit; any other heading
# about charges, purchases or transactions ends such a section.
[section credits]
start = (?i)^\s{0,24}(?=[A-Za-z])(?!.*\bcard\b)(?:[A-Za-z&,/#:*'-]+ ){0,6}(?:payments|credits|refunds)(?: [A-Za-z&,/'-]+){0,4}\s*:?\s*$
sign = credit

[section charges]
start = (?i)^\s{0,24}(?=[A-Za-z])(?!.*\bcard\b)(?:[A-Za-z&,/#:*'-]+ ){0,6}(?:charges?|purchases?|debits?|transactions|advances|transfers|fees|interest(?: charged)?|activity|details)(?: [A-Za-z&,/'-]+){0,4}\s*:?\s*$
