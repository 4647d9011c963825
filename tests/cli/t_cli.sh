#!/usr/bin/env bash
# t_cli.sh - options declared once and the environment read in one place:
# shared options carry the same help text in every command, usage lines
# are generated from the declarations, every environment variable the
# sources read is listed in --help, and getenv() is called in one file.
source "$CL_SRC/tests/lib.sh"

help_line() { # COMMAND OPTION: the option's line in the command's --help
    "$CARDLEDGER" "$1" --help | grep -E "^ +(-., )?--$2( |\$)" | sed -E 's/^ +(-., )?//'
}

for opt in password-file memory-limit max-pages file-timeout; do
    a=$(help_line parse "$opt")
    like "parse declares --$opt" "$a" "^--$opt"
    is "layout's --$opt is the same declaration" "$(help_line layout "$opt")" "$a"
    is "ingest's --$opt is the same declaration" "$(help_line ingest "$opt")" "$a"
done
db=$(help_line ingest db)
for cmd in migrate doctor status db; do
    is "$cmd's --db is the same declaration as ingest's" "$(help_line "$cmd" db)" "$db"
done
like "parse's usage is generated from its options" "$("$CARDLEDGER" parse --help | head -2)" \
    'usage: cardledger parse \[-f FMT\] \[-p ID\] \[--password-file FILE\].*'
like "... and ends with its positional arguments" "$("$CARDLEDGER" parse --help | sed '/^$/q' | grep -v '^$' | tail -1)" 'INPUT\.\.\.$'
"$CARDLEDGER" parse --format xml x.pdf 2>"$CL_TEST_TMP/cli.err"
is "a bad --format: usage error" "$?" 2
like "... listing the formats" "$(cat "$CL_TEST_TMP/cli.err")" "--format must be json or csv, not 'xml'"

# Every variable a source file names in a cl_env table entry or a README
# mention must be in --help; getenv() only in src/common/env.c.
help=$("$CARDLEDGER" --help)
for v in $(grep -ohE '"(CARDLEDGER_[A-Z_]+|DATABASE_URL|PGHOST|PGSERVICE|XDG_[A-Z_]+)"' "$CL_SRC"/src/common/env.c | tr -d '"' | sort -u); do
    like "--help lists \$$v" "$help" "^  $v "
done
is "getenv() is called only in src/common/env.c" \
    "$(grep -rln 'getenv *(' "$CL_SRC/src" --include='*.c' | grep -v 'src/common/env.c$')" ""
for v in $(grep -rohE '\$?(CARDLEDGER_[A-Z_]+)' "$CL_SRC/README.md" | tr -d '$' | sort -u); do
    case $v in CARDLEDGER_VERSION*) continue ;; esac
    # Read by Grafana's provisioning files, not by cardledger.
    grep -q "\${$v}" "$CL_SRC"/grafana/provisioning/*/*.yaml 2>/dev/null &&
        ! grep -q "\"$v\"" "$CL_SRC/src/cli/cmd_grafana.c" && continue
    like "README's \$$v is read through the table" "$(cat "$CL_SRC/src/common/env.c")" "\"$v\""
done
like "the test hooks are listed as test hooks" "$help" "test hooks .*
  CARDLEDGER_TEST_HANG"

done_testing
