/* cmd_serve.c - `cardledger serve`: the built-in dashboard (src/web). */
#include "cli.h"
#include "common/err.h"
#include "web/web.h"

#include <stdio.h>
#include <stdlib.h>

static const cli_opt opts[] = {
    CLI_OPTS_DB,
    {"listen", 'l', "HOST:PORT", "address to listen on (default 127.0.0.1:8080; port 0: any free)"},
    {"token-file", 0, "FILE", "require the token in FILE (mode 0600); needed off loopback"},
    {"threads", 0, "N", "server threads and database connections (default 2 x cores)"},
    CLI_OPT_END,
};

static const char description[] =
    "Serves the dashboard (spend over time, by category, card and merchant, the\n"
    "transactions, the coverage grid and recent imports) and its JSON API\n"
    "(/api/summary, /api/report, /api/transactions, /api/coverage, /api/cards,\n"
    "/api/categories, /api/imports) from the binary itself: nothing is fetched\n"
    "from the network. It reads the database as the read-only role\n"
    "cardledger_reader and reconnects by itself when the database comes back.\n"
    "\n"
    "It listens on loopback only unless told otherwise; any other address needs\n"
    "--token-file, and every request must then carry the token (open\n"
    "/login?token=TOKEN once in the browser, or send 'Authorization: Bearer\n"
    "TOKEN'). Ctrl-C or SIGTERM stops it.\n"
    "\n"
    "Examples:\n"
    "  cardledger serve                      # then open http://127.0.0.1:8080/\n"
    "  openssl rand -hex 24 > ~/.cardledger-token && chmod 600 ~/.cardledger-token\n"
    "  cardledger serve --listen 0.0.0.0:8080 --token-file ~/.cardledger-token\n";

static int run(const cli_command *cmd, const cli_args *a)
{
    if (a->npos > 0)
        return cli_usage_error(cmd, "unexpected argument '%s'", a->pos[0]);
    long threads;
    if (!cli_get_int(cmd, a, "threads", 0, 1, 256, &threads))
        return CL_EXIT_USAGE;
    web_config cfg = {.dsn = cli_get(cmd, a, "db"), .no_migrate = cli_flag(cmd, a, "no-migrate"),
                      .threads = (int)threads};
    cl_err err = {0};
    const char *listen = cli_get(cmd, a, "listen");
    const char *token_file = cli_get(cmd, a, "token-file");
    if (web_parse_listen(listen ? listen : "127.0.0.1:8080", &cfg, &err) < 0 ||
        (token_file && web_read_token_file(token_file, &cfg.token, &err) < 0))
        return cli_usage_error(cmd, "%s", err.msg);
    int rc = web_serve(&cfg, &err);
    free(cfg.token);
    if (rc < 0) {
        fprintf(stderr, "cardledger serve: %s\n", err.msg);
        return err.code == CL_E_USAGE ? CL_EXIT_USAGE : cl_err_exit_code(&err);
    }
    return CL_EXIT_OK;
}

const cli_command cli_cmd_serve = {
    .name = "serve",
    .summary = "the dashboard in your browser (charts, filters, coverage)",
    .usage = "serve [options]",
    .description = description,
    .opts = opts,
    .run = run,
};
