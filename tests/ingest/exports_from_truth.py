#!/usr/bin/env python3
"""exports_from_truth.py - turn statement-gen ground-truth JSON into the
downloads an issuer's site offers (CSV in each built-in mapping's columns,
OFX, QFX) for a date range, so tests can import a PDF month and its download.

usage: exports_from_truth.py FORMAT FROM TO OUT TRUTH.json...
FORMAT: chase|amex|capital_one|citi|discover|apple_card (CSV) or ofx|qfx.
Rows whose posting date is in FROM..TO (inclusive, YYYY-MM-DD) are written.
"""
import csv
import datetime
import json
import sys


def rows(paths, lo, hi):
    out, card, org = [], None, None
    for p in paths:
        with open(p) as f:
            d = json.loads(f.readline())
        card = d["account_last4"]
        for t in d["transactions"]:
            post = t["posted_date"] or t["date"]
            if lo <= post <= hi:
                out.append((post, t["date"], t["description"], t["amount"]))
    out.sort(key=lambda r: r[0])
    return out, card


def us(d):
    y, m, dd = d.split("-")
    return f"{m}/{dd}/{y}"


def neg(a):
    return a[1:] if a.startswith("-") else "-" + a


def write_csv(fmt, rs, card, out):
    w = csv.writer(out, lineterminator="\r\n")
    if fmt == "chase":
        w.writerow(["Transaction Date", "Post Date", "Description", "Category", "Type", "Amount", "Memo"])
        for post, date, desc, amt in rs:
            w.writerow([us(date), us(post), desc, "", "Sale" if amt.startswith("-") else "Payment", amt, ""])
    elif fmt == "amex":
        w.writerow(["Date", "Description", "Card Member", "Account #", "Amount"])
        for post, date, desc, amt in rs:
            w.writerow([us(post), desc, "A HOLDER", "-" + card, neg(amt)])
    elif fmt == "capital_one":
        w.writerow(["Transaction Date", "Posted Date", "Card No.", "Description", "Category", "Debit", "Credit"])
        for post, date, desc, amt in rs:
            debit = amt[1:] if amt.startswith("-") else ""
            w.writerow([date, post, card, desc, "Other", debit, "" if debit else amt])
    elif fmt == "citi":
        w.writerow(["Status", "Date", "Description", "Debit", "Credit"])
        for post, date, desc, amt in rs:
            debit = amt[1:] if amt.startswith("-") else ""
            w.writerow(["Cleared", us(post), desc, debit, "" if debit else "-" + amt])
    elif fmt == "discover":
        w.writerow(["Trans. Date", "Post Date", "Description", "Amount", "Category"])
        for post, date, desc, amt in rs:
            w.writerow([us(date), us(post), desc, neg(amt), "Merchandise"])
    elif fmt == "apple_card":
        w.writerow(["Transaction Date", "Clearing Date", "Description", "Merchant", "Category", "Type",
                    "Amount (USD)", "Purchased By"])
        for post, date, desc, amt in rs:
            w.writerow([us(date), us(post), desc, desc, "Other", "Purchase", neg(amt), "A Holder"])
    else:
        sys.exit(f"exports_from_truth.py: unknown format {fmt}")


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_ofx(rs, card, lo, hi, org, ledger, avail, out):
    d = lambda s: s.replace("-", "") + "120000"
    out.write("OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\nSECURITY:NONE\r\nENCODING:USASCII\r\n"
              "CHARSET:1252\r\nCOMPRESSION:NONE\r\nOLDFILEUID:NONE\r\nNEWFILEUID:NONE\r\n\r\n")
    out.write("<OFX>\n<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS>"
              f"<DTSERVER>{d(hi)}<LANGUAGE>ENG<FI><ORG>{org}<FID>10898</FI></SONRS></SIGNONMSGSRSV1>\n")
    out.write("<CREDITCARDMSGSRSV1><CCSTMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>\n"
              f"<CCSTMTRS><CURDEF>USD<CCACCTFROM><ACCTID>4111000000{card}</CCACCTFROM>\n"
              f"<BANKTRANLIST><DTSTART>{d(lo)}<DTEND>{d(hi)}\n")
    for i, (post, date, desc, amt) in enumerate(rs):
        kind = "DEBIT" if amt.startswith("-") else "CREDIT"
        out.write(f"<STMTTRN><TRNTYPE>{kind}<DTPOSTED>{d(post)}<TRNAMT>{amt}<FITID>{post.replace('-', '')}{i:04d}"
                  f"<NAME>{esc(desc[:32])}<MEMO>{esc(desc)}</STMTTRN>\n")
    out.write(f"</BANKTRANLIST><LEDGERBAL><BALAMT>{ledger}<DTASOF>{d(hi)}</LEDGERBAL>\n")
    if avail is not None:
        out.write(f"<AVAILBAL><BALAMT>{avail}<DTASOF>{d(hi)}</AVAILBAL>\n")
    out.write("</CCSTMTRS></CCSTMTTRNRS></CREDITCARDMSGSRSV1>\n</OFX>\n")


def main():
    if len(sys.argv) < 6:
        sys.exit(__doc__)
    fmt, lo, hi, outp = sys.argv[1:5]
    paths = sys.argv[5:]
    rs, card = rows(paths, lo, hi)
    with open(outp, "w", newline="") as out:
        if fmt in ("ofx", "qfx"):
            with open(paths[-1]) as f:
                last = json.loads(f.readline())
            ledger = "-" + last["summary"]["new_balance"]
            write_ofx(rs, card, lo, hi, "Chase", ledger, "-100.00" if fmt == "ofx" else None, out)
        else:
            write_csv(fmt, rs, card, out)


if __name__ == "__main__":
    main()
