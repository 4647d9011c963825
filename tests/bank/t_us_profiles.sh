#!/usr/bin/env bash
# t_us_profiles.sh - the nine US issuer profiles (sanitizer build) on
# statement-gen statements: each detected without --profile and parsed back
# to its ground truth exactly (several seeds and months, a December to
# January period, 0, 1 and 300 transactions), no line that looks like a
# transaction left unmatched, no full card number in the output; and
# hand-written variants of real statements (CR credits, dates with years,
# summary operators printed apart, currency names) that the profiles must
# tolerate. The statement-gen round trip (tests/gen) does the volume.
source "$CL_SRC/tests/lib.sh"

CL=$CARDLEDGER_ASAN
GEN=$STATEMENT_GEN
T=$CL_TEST_TMP/us_profiles
rm -rf "$T"
mkdir -p "$T"
US="chase amex_us capital_one citi discover wells_fargo us_bank apple_card barclays_us"
cmp="python3 $CL_SRC/tests/gen/truth_compare.py"

list=$("$CL" profiles)
for p in $US; do
    like "profiles lists $p" "$list" "^$p +.* built-in$"
done

# --- generated statements ------------------------------------------------------
seed=40
for p in $US; do
    seed=$((seed + 3))
    d=$T/$p
    # Random sizes over a year end, a fixed size over another, and 0, 1, 300.
    $GEN --profile $p --card 4${seed}0 --from 2023-11 --months 4 --seed $seed --out "$d/a" >/dev/null &&
    $GEN --profile $p --card 3${seed}1 --from 2024-12 --months 2 --seed $((seed + 1)) --transactions 40 \
        --out "$d/b" >/dev/null &&
    for n in 0 1 300; do
        $GEN --profile $p --card $((7000 + n)) --from 2024-0$((n % 9 + 1)) --seed $((seed + n)) \
            --transactions $n --out "$d/n$n" >/dev/null || break
    done
    is "$p: statement-gen wrote 9 statements" "$(ls "$d"/*/*.json 2>/dev/null | wc -l)" 9
    # The set must hold what it claims to test (a December purchase on a
    # January statement; 0 and 300 transactions).
    ok "$p: the set holds a year end, 0 and 300 transactions" python3 - "$d"/*/*.json <<'PY'
import json, sys
docs = [json.load(open(f)) for f in sys.argv[1:]]
year_end = any(d["statement_date"][5:7] == "01" and
               any(t["date"][:4] < d["statement_date"][:4] for t in d["transactions"]) for d in docs)
sizes = {len(d["transactions"]) for d in docs}
sys.exit(0 if year_end and {0, 300} <= sizes else 1)
PY
    "$CL" parse "$d" >"$d/parsed.jsonl" 2>"$d/parse.err"
    is "$p: parse (no --profile) exits 0" "$?" 0
    unlike "$p: no sanitizer report" "$(cat "$d/parse.err")" 'ERROR: AddressSanitizer|runtime error|LeakSanitizer'
    ok "$p: detected and read back exactly (summary, dates, every transaction)" \
        $cmp "$d/parsed.jsonl" "$d"/*/*.json
    echo "# $p: $($cmp "$d/parsed.jsonl" "$d"/*/*.json | tail -1 | sed 's/^# //')"
    # Every line that looks like a transaction is matched by something.
    big=$(ls "$d"/n300/*.pdf)
    chk=$("$CL" profile check $p "$big"); rc=$?
    is "$p: profile check on 300 transactions exits 0" "$rc" 0
    like "$p: profile check: 300 transactions, nothing unmatched" "$chk" \
        '^300 transactions; 0 lines look like transactions but matched nothing$'
done

# --- card numbers ---------------------------------------------------------------
# Coupons of chase, citi, wells_fargo and us_bank print the full number.
cat "$T"/*/parsed.jsonl >"$T/all.jsonl"
"$CL" parse --format csv "$T"/chase "$T"/citi "$T"/wells_fargo "$T"/us_bank >"$T/all.csv" 2>/dev/null
luhn_numbers() { # FILE: Luhn-valid runs of 13 to 19 digits (file hashes aside)
    python3 - "$1" <<'PY'
import re, sys
def luhn(s):
    total = 0
    for i, c in enumerate(reversed(s)):
        d = int(c)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0
text = re.sub(r'"sha256": ?"[0-9a-f]*"', "", open(sys.argv[1]).read())
for m in re.finditer(r"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)", text):
    digits = re.sub(r"\D", "", m.group())
    if 13 <= len(digits) <= 19 and luhn(digits):
        print(m.group())
PY
}
is "no full card number in the JSON output" "$(luhn_numbers "$T/all.jsonl")" ""
is "no full card number in the CSV output" "$(luhn_numbers "$T/all.csv")" ""
full=$(for p in chase citi wells_fargo us_bank; do
    "$CARDLEDGER" layout "$(ls "$T/$p"/n1/*.pdf)"; done >"$T/layouts.txt"; luhn_numbers "$T/layouts.txt" | wc -l)
ok "the statements do print full numbers (the check can fail)" test "$full" -ge 4

# --- detection does not cross issuers -----------------------------------------
# Each US statement qualifies its own profile well ahead of any other.
for p in $US; do
    f=$(ls "$T/$p"/b/*.pdf | head -1)
    det=$("$CL" profile check $p "$f" | sed -n 2p)
    like "$p: detection picks it with a margin" "$det" "^detection: $p; "
    python3 - "$p" "$det" <<'PY' || echo "# $det"
import re, sys
scores = dict((k, int(v)) for k, v in re.findall(r"(\w+)=(-?\d+)", sys.argv[2]))
own = scores.pop(sys.argv[1])
sys.exit(0 if all(own >= 2 * v for v in scores.values()) else 1)
PY
    is "$p: no other profile within half its score" "$?" 0
done

# --- variants of real statements the profiles must tolerate -------------------
# Layout text as `cardledger layout` prints it, one directory a statement.
variant() { # NAME: page_01.txt from stdin
    mkdir -p "$T/var/$1"
    cat >"$T/var/$1/page_01.txt"
}
txns() { # [FIELDS] < JSON-LINE: "date|posted|description|amount|foreign|currency" a transaction
    python3 -c '
import json, sys
d = json.loads(sys.stdin.readline())
keys = sys.argv[1].split(",") if len(sys.argv) > 1 else ["date", "posted_date", "description", "amount",
                                                        "foreign_amount", "foreign_currency"]
for t in d["transactions"]:
    print("|".join(str(t[k]) for k in keys))
print("reconciled=%s summary=%s" % (d["reconciled"], ",".join(str(v) for v in d["summary"].values())))' "$@"
}

# Chase with a "CR" credit, dates with years, a plural PURCHASES heading, a
# foreign line pair ("12/28 EURO" / "38.00 X ... (EXCHG RATE)": the name
# sits on its own line, so the currency waits for the engine; the amount
# is checked) and the year-to-date block.
variant chase <<'PAGE'
CHASE                                                     Manage your account online: www.chase.com/cardhelp
ACCOUNT SUMMARY
Account Number: XXXX XXXX XXXX 9876
Previous Balance                      $100.00
Payment, Credits                      -$50.00
Purchases                             +$70.00
Fees Charged                           +$1.25
Interest Charged                        $0.00
New Balance                           $121.25
Opening/Closing Date       12/06/2023 - 01/05/2024

ACCOUNT ACTIVITY
    Date of
Transaction   Merchant Name or Transaction Description                       $ Amount
PAYMENTS AND OTHER CREDITS
12/20/23      Payment Thank You-Mobile                                         50.00 CR
PURCHASES
12/28/23      LUFTHANSA 2201234567890 FRANKFURT                                  41.75
              12/28 EURO
              38.00 X 1.098684 (EXCHG RATE)
01/02/24      AMAZON MKTPL*AB1CD2EF3 Amzn.com/bill WA                            28.25
FEES CHARGED
12/28/23      FOREIGN TRANSACTION FEE                                              1.25
TOTAL FEES FOR THIS PERIOD                                                         $1.25
2024 Totals Year-to-Date
Total fees charged in 2024                                $0.00
PAGE
"$CL" parse "$T/var/chase" >"$T/var/chase.json" 2>"$T/var/chase.err"
got=$(txns date,posted_date,description,amount,foreign_amount <"$T/var/chase.json")
is "variant chase: CR credit, years in dates, foreign amount" "$got" \
"2023-12-20|None|Payment Thank You-Mobile|50.00|None
2023-12-28|None|LUFTHANSA 2201234567890 FRANKFURT|-41.75|-38.00
2024-01-02|None|AMAZON MKTPL*AB1CD2EF3 Amzn.com/bill WA|-28.25|None
2023-12-28|None|FOREIGN TRANSACTION FEE|-1.25|None
reconciled=True summary=100.00,-50.00,70.00,1.25,0.00,121.25"

# U.S. Bank with the summary operators printed apart and a "-" credit.
variant us_bank <<'PAGE'
usbank                                          U.S. BANK ALTITUDE GO VISA SIGNATURE CARD
                                                Account Number 4798 51XX XXXX 2222
                                                Open Date: 02/10/2024  Closing Date: 03/11/2024
Account Summary
Previous Balance          +      $200.00
Payments                  -      $200.00
Other Credits             -       $10.00
Purchases and Other Debits +      $60.00
Fees Charged              +        $0.00
Interest Charged          +        $0.00
New Balance               =       $50.00
Transactions
Post      Trans
Date      Date     Ref #   Transaction Description                  Amount
Payments and Other Credits
02/25     02/25    8123    PAYMENT THANK YOU                        200.00-
03/01     02/28    4410    BEST BUY 00012345 RICHFIELD MN            10.00CR
Purchases and Other Debits
02/12     02/10    5501    TRADER JOE S #123 SEATTLE WA              60.00
Total This Period                                                    $60.00
PAGE
"$CL" parse "$T/var/us_bank" >"$T/var/us_bank.json" 2>/dev/null
is "variant us_bank: operators apart, posting date first, '-' and CR credits" "$(txns <"$T/var/us_bank.json")" \
"2024-02-25|2024-02-25|PAYMENT THANK YOU|200.00|None|None
2024-02-28|2024-03-01|BEST BUY 00012345 RICHFIELD MN|10.00|None|None
2024-02-10|2024-02-12|TRADER JOE S #123 SEATTLE WA|-60.00|None|None
reconciled=True summary=200.00,-210.00,60.00,0.00,0.00,50.00"

# American Express with a currency name ("Euro") and a card-member heading.
variant amex_us <<'PAGE'
AMERICAN EXPRESS                                    Blue Cash Preferred
                                                    Account Ending 1-23456
                                                    Closing Date 03/04/24
Account Summary
Previous Balance                 $80.00
Payments/Credits                -$80.00
New Charges                     +$54.10
Fees                             $0.00
Interest Charged                 $0.00
New Balance                      $54.10
Detail     *Indicates posting date                                     Amount
Payments
02/14/24*       AUTOPAY PAYMENT RECEIVED - THANK YOU                  -$80.00
New Charges
ALEX SAMPLE Card Ending 1-23456
02/20/24        CAFE DE FLORE PARIS                                    $54.10
                Foreign Spend Amount: 49.50 Euro
                Commission Amount: 0.00
                Currency Exchange Rate: 1.0929
Total New Charges                                                      $54.10
PAGE
"$CL" parse "$T/var/amex_us" >"$T/var/amex_us.json" 2>/dev/null
is "variant amex_us: payment star, currency name Euro, member heading" "$(txns <"$T/var/amex_us.json")" \
"2024-02-14|None|AUTOPAY PAYMENT RECEIVED - THANK YOU|80.00|None|None
2024-02-20|None|CAFE DE FLORE PARIS|-54.10|-49.50|EUR
reconciled=True summary=80.00,-80.00,54.10,0.00,0.00,54.10"
like "variant amex_us: last 4 of 'Account Ending 1-23456'" "$(cat "$T/var/amex_us.json")" '"account_last4":"3456"'

# Discover with the period printed as "OPEN TO CLOSE DATE" and numeric dates.
variant discover <<'PAGE'
DISCOVER                                 Discover it Card
                                         Account number ending in 5555
                                         OPEN TO CLOSE DATE: 12/15/2023 - 01/14/2024
ACCOUNT SUMMARY
Previous Balance                           $50.00
Payments and Credits                      -$50.00
Purchases                                 +$25.00
Fees Charged                               $0.00
Interest Charged                           $0.00
New Balance                                $25.00
TRANSACTIONS
PAYMENTS AND CREDITS
12/20    12/20     INTERNET PAYMENT - THANK YOU                 Payments and Credits          -$50.00
PURCHASES
12/30    01/02     TARGET 00012345 MINNEAPOLIS MN               Merchandise                    $25.00
PAGE
"$CL" parse "$T/var/discover" >"$T/var/discover.json" 2>/dev/null
is "variant discover: 'OPEN TO CLOSE DATE', category column left out" "$(txns <"$T/var/discover.json")" \
"2023-12-20|2023-12-20|INTERNET PAYMENT - THANK YOU|50.00|None|None
2023-12-30|2024-01-02|TARGET 00012345 MINNEAPOLIS MN|-25.00|None|None
reconciled=True summary=50.00,-50.00,25.00,0.00,0.00,25.00"
like "variant discover: period" "$(cat "$T/var/discover.json")" '"period_start":"2023-12-15","period_end":"2024-01-14"'

# Wells Fargo (Bilt style): "Billing Cycle", one Transaction Summary with
# signed "$" amounts (a trailing minus too), a numeric column before the
# reference number, a currency-name line and a "200.00 X 0.1464" line.
variant wells_fargo <<'PAGE'
WELLS FARGO                                                   Bilt World Elite Mastercard
                                                              Account Number Ending in 7777
                                                              Billing Cycle 06/08/2024 to 07/07/2024
Previous Balance                          $20.00
Payments                                 -$20.00
Other Credits                             -$2.90
Purchases, Balance Transfers & Other Charges   +$42.34
Fees Charged                               $0.00
Interest Charged                           $0.00
New Balance                               $39.44
Transaction Summary
Trans   Post
Date    Date     Reference Number                       Description                                   Amount
06/15   06/15    860001800  F3157005R00CHGDDA           ONLINE ACH PAYMENT THANK YOU                 -$20.00
06/17   06/17    860001800  5543286595Z9WS512           TST*BLACK TAP SOHO - T NEW YORK NY            $13.06
06/20   06/21    860001800  7743286595Z9WS513           NORDISK CAFE COPENHAGEN                       $29.28
                                                        DK KRONE
                                                        200.00 X 0.1464
06/25   06/26    860001800  8843286595Z9WS514           TST*BLACK TAP SOHO - T NEW YORK NY             $2.90-
PAGE
"$CL" parse "$T/var/wells_fargo" >"$T/var/wells_fargo.json" 2>/dev/null
is "variant wells_fargo: Bilt layout, reference columns left out, foreign amount" \
    "$(txns date,posted_date,description,amount,foreign_amount <"$T/var/wells_fargo.json")" \
"2024-06-15|2024-06-15|ONLINE ACH PAYMENT THANK YOU|20.00|None
2024-06-17|2024-06-17|TST*BLACK TAP SOHO - T NEW YORK NY|-13.06|None
2024-06-20|2024-06-21|NORDISK CAFE COPENHAGEN|-29.28|-200.00
2024-06-25|2024-06-26|TST*BLACK TAP SOHO - T NEW YORK NY|2.90|None
reconciled=True summary=20.00,-22.90,42.34,0.00,0.00,39.44"

# Every variant is detected as its issuer.
for v in chase us_bank amex_us discover wells_fargo; do
    like "variant $v: detected" "$(cat "$T/var/$v.json")" "\"issuer\":\"$v\""
done

rm -rf "$T"
done_testing
