/* commands.c - the table of commands; each lives in its own cmd_*.c. */
#include "cli.h"

#include <stddef.h>
#include <string.h>

extern const cli_command cli_cmd_db, cli_cmd_migrate, cli_cmd_doctor, cli_cmd_layout, cli_cmd_parse,
    cli_cmd_profiles, cli_cmd_profile, cli_cmd_ingest, cli_cmd_status, cli_cmd_report, cli_cmd_transactions,
    cli_cmd_coverage, cli_cmd_cards, cli_cmd_grafana, cli_cmd_serve,
    cli_cmd_categorize;

const cli_command *const cli_commands[] = {
    &cli_cmd_db,
    &cli_cmd_migrate,
    &cli_cmd_doctor,
    &cli_cmd_layout,
    &cli_cmd_parse,
    &cli_cmd_profiles,
    &cli_cmd_profile,
    &cli_cmd_ingest,
    &cli_cmd_status,
    &cli_cmd_report,
    &cli_cmd_transactions,
    &cli_cmd_coverage,
    &cli_cmd_cards,
    &cli_cmd_grafana,
    &cli_cmd_serve,
    &cli_cmd_categorize,
    NULL,
};
