/* server.c - the HTTP side of `cardledger serve` (libmicrohttpd, a thread
 * pool): listening, the Host check against DNS rebinding, the token,
 * security headers, size limits, the request log and a clean stop.
 *
 * Every response carries the same security headers; only the embedded
 * assets and /api/ answer, so there is no file system path to traverse. */
#include "web.h"
#include "web_internal.h"

#include "common/json.h"
#include "common/log.h"
#include "common/util.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <errno.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_URI 4096            /* path and query string */
#define MEMORY_LIMIT (64 * 1024) /* per connection: request line and headers */
#define TOKEN_COOKIE "cardledger_token"

static const char CSP[] = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' "
                          "data:; connect-src 'self'; base-uri 'none'; form-action 'self'; "
                          "frame-ancestors 'none'";

typedef struct server {
    const web_config *cfg;
    char allowed_hosts[64][300]; /* Host header values we answer to */
    int nallowed;
} server;

/* Per-request state, created by the URI log callback (the first thing the
 * library tells us about a request) and freed when it completes. */
typedef struct request {
    double start_ms;
    char *uri;                   /* as received, for the length check only */
    char method[16];
    char path[256];              /* without the query string (never the token) */
    unsigned status;
    bool headers_seen;           /* the first call of the handler has been */
} request;

/* ---- listen address and token ------------------------------------------------ */

int web_parse_listen(const char *s, web_config *cfg, cl_err *err)
{
    const char *host = "127.0.0.1", *port = s;
    char buf[sizeof cfg->host];
    if (strlen(s) >= sizeof buf)
        return cl_err_set(err, CL_E_USAGE, "--listen: '%.40s...' is too long", s);
    snprintf(buf, sizeof buf, "%s", s);
    char *colon = strrchr(buf, ':');
    if (buf[0] == '[') {
        char *close = strchr(buf, ']');
        if (!close || close[1] != ':')
            return cl_err_set(err, CL_E_USAGE, "--listen: '%s' is not [ADDRESS]:PORT", s);
        *close = '\0';
        host = buf + 1;
        port = close + 2;
    } else if (colon) {
        *colon = '\0';
        host = buf;
        port = colon + 1;
    }
    char *end;
    errno = 0;
    long p = strtol(port, &end, 10);
    if (!*port || *end || errno || p < 0 || p > 65535)
        return cl_err_set(err, CL_E_USAGE, "--listen: '%s' has no valid port (0-65535)", s);
    if (strchr(host, ':') && buf[0] != '[')
        return cl_err_set(err, CL_E_USAGE, "--listen: write an IPv6 address as [ADDRESS]:PORT");
    if (!*host)
        return cl_err_set(err, CL_E_USAGE, "--listen: '%s' has no address", s);
    snprintf(cfg->host, sizeof cfg->host, "%s", host);
    cfg->port = (unsigned)p;
    return 0;
}

bool web_is_loopback(const char *host)
{
    if (strcmp(host, "localhost") == 0 || strcmp(host, "::1") == 0)
        return true;
    struct in_addr a;
    return inet_pton(AF_INET, host, &a) == 1 && (ntohl(a.s_addr) >> 24) == 127;
}

int web_read_token_file(const char *path, char **token, cl_err *err)
{
    *token = NULL;
    struct stat st;
    if (stat(path, &st) != 0)
        return cl_err_set(err, CL_E_USAGE, "--token-file %s: %s", path, strerror(errno));
    if (!S_ISREG(st.st_mode))
        return cl_err_set(err, CL_E_USAGE, "--token-file %s: not a regular file", path);
    if (st.st_mode & 077)
        return cl_err_set(err, CL_E_USAGE,
                          "--token-file %s: mode %04o lets others read the token. HINT: chmod 600 %s",
                          path, (unsigned)(st.st_mode & 07777), path);
    char *text = NULL;
    size_t len = 0;
    if (util_read_file(path, &text, &len, err) < 0)
        return -1;
    while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r' || text[len - 1] == ' '))
        text[--len] = '\0';
    if (len < 16 || strlen(text) != len || strpbrk(text, "\n\r\t ;,")) {
        free(text);
        return cl_err_set(err, CL_E_USAGE,
                          "--token-file %s: the token must be one line of at least 16 characters "
                          "without spaces, ';' or ','. HINT: openssl rand -hex 24 > %s",
                          path, path);
    }
    *token = text;
    return 0;
}

/* ---- helpers ----------------------------------------------------------------------- */

/* Compare without leaking where the first difference is. */
static bool token_equal(const char *given, const char *want)
{
    size_t gl = strlen(given), wl = strlen(want);
    unsigned char d = (unsigned char)(gl != wl);
    for (size_t i = 0; i < wl; i++)
        d |= (unsigned char)(want[i] ^ (i < gl ? given[i] : 0));
    return d == 0;
}

static void add_security_headers(struct MHD_Response *r)
{
    MHD_add_response_header(r, "Content-Security-Policy", CSP);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Cross-Origin-Opener-Policy", "same-origin");
    MHD_add_response_header(r, "Cross-Origin-Resource-Policy", "same-origin");
}

static enum MHD_Result reply(struct MHD_Connection *conn, request *rq, unsigned status,
                            const char *type, const char *body, size_t len,
                            enum MHD_ResponseMemoryMode mode, const char *cache)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(len, (void *)body, mode);
    if (!r)
        return MHD_NO;
    add_security_headers(r);
    MHD_add_response_header(r, "Content-Type", type);
    MHD_add_response_header(r, "Cache-Control", cache);
    if (rq)
        rq->status = status;
    enum MHD_Result ok = MHD_queue_response(conn, status, r);
    MHD_destroy_response(r);
    return ok;
}

static enum MHD_Result send_json(struct MHD_Connection *conn, request *rq, unsigned status, sbuf *b)
{
    size_t len = b->len;
    char *body = sbuf_detach(b);
    return reply(conn, rq, status, "application/json; charset=utf-8", body ? body : "", len,
                body ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT, "no-store");
}

static enum MHD_Result send_error(struct MHD_Connection *conn, request *rq, unsigned status,
                                  const char *msg)
{
    sbuf b = {0};
    web_json_error(&b, msg, NULL);
    return send_json(conn, rq, status, &b);
}

static bool host_allowed(const server *s, const char *host)
{
    if (!host)
        return false;
    for (int i = 0; i < s->nallowed; i++)
        if (strcasecmp(host, s->allowed_hosts[i]) == 0)
            return true;
    return false;
}

static bool authorized(const server *s, struct MHD_Connection *conn)
{
    if (!s->cfg->token)
        return true;
    const char *h = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Authorization");
    if (h && strncasecmp(h, "Bearer ", 7) == 0 && token_equal(h + 7, s->cfg->token))
        return true;
    const char *c = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND, TOKEN_COOKIE);
    return c && token_equal(c, s->cfg->token);
}

static enum MHD_Result collect_param(void *cls, enum MHD_ValueKind kind, const char *key,
                                     const char *value)
{
    (void)kind;
    web_params *p = cls;
    if (p->n == WEB_MAX_PARAMS) {
        p->overflow = true;
        return MHD_NO;
    }
    p->key[p->n] = key;
    p->val[p->n] = value ? value : "";
    p->n++;
    return MHD_YES;
}

const char *web_param(const web_params *p, const char *key)
{
    const char *v = NULL;
    for (int i = 0; i < p->n; i++)
        if (strcmp(p->key[i], key) == 0)
            v = p->val[i];
    return v;
}

/* /login?token=T: a valid token becomes an HttpOnly cookie, then "/". */
static enum MHD_Result login(const server *s, struct MHD_Connection *conn, request *rq)
{
    const char *t = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "token");
    if (!s->cfg->token || !t || !token_equal(t, s->cfg->token))
        return send_error(conn, rq, MHD_HTTP_UNAUTHORIZED, "missing or wrong token");
    struct MHD_Response *r = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    if (!r)
        return MHD_NO;
    add_security_headers(r);
    char cookie[512];
    snprintf(cookie, sizeof cookie, "%s=%s; Path=/; HttpOnly; SameSite=Strict", TOKEN_COOKIE,
             s->cfg->token);
    MHD_add_response_header(r, "Set-Cookie", cookie);
    MHD_add_response_header(r, "Location", "/");
    MHD_add_response_header(r, "Cache-Control", "no-store");
    rq->status = MHD_HTTP_SEE_OTHER;
    enum MHD_Result ok = MHD_queue_response(conn, MHD_HTTP_SEE_OTHER, r);
    MHD_destroy_response(r);
    return ok;
}

/* ---- the request handler ------------------------------------------------------------ */

static enum MHD_Result handle(void *cls, struct MHD_Connection *conn, const char *url,
                              const char *method, const char *version, const char *upload_data,
                              size_t *upload_data_size, void **req_cls)
{
    (void)version;
    (void)upload_data;
    const server *s = cls;
    request *rq = *req_cls;
    if (!rq)
        return MHD_NO;
    snprintf(rq->method, sizeof rq->method, "%s", method);
    snprintf(rq->path, sizeof rq->path, "%s", url);

    bool head = strcmp(method, MHD_HTTP_METHOD_HEAD) == 0;
    if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 && !head)
        return send_error(conn, rq, MHD_HTTP_METHOD_NOT_ALLOWED, "only GET is served");
    const char *clen = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
    if (*upload_data_size != 0 || (clen && strcmp(clen, "0") != 0) ||
        MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Transfer-Encoding"))
        return send_error(conn, rq, MHD_HTTP_CONTENT_TOO_LARGE, "a GET takes no body");
    /* Answer on the second call, once the request is complete: a response
     * queued with the headers alone costs the connection its keep-alive. */
    if (!rq->headers_seen) {
        rq->headers_seen = true;
        return MHD_YES;
    }
    if (rq->uri && strlen(rq->uri) > MAX_URI)
        return send_error(conn, rq, MHD_HTTP_URI_TOO_LONG, "request URI too long");
    if (!host_allowed(s, MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Host")))
        return send_error(conn, rq, MHD_HTTP_MISDIRECTED_REQUEST,
                          "unknown Host (open the dashboard by its listen address or localhost)");
    if (strcmp(url, "/login") == 0)
        return login(s, conn, rq);
    if (!authorized(s, conn))
        return send_error(conn, rq, MHD_HTTP_UNAUTHORIZED,
                          "missing or wrong token: open /login?token=TOKEN once, or send "
                          "'Authorization: Bearer TOKEN'");

    if (strncmp(url, "/api/", 5) == 0) {
        web_params p = {0};
        MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, collect_param, &p);
        sbuf out = {0};
        int status;
        if (p.overflow) {
            web_json_error(&out, "too many parameters", NULL);
            status = 400;
        } else {
            status = web_api(url + 5, &p, &out);
        }
        return send_json(conn, rq, (unsigned)status, &out);
    }
    web_asset a;
    if (web_asset_find(url, &a))
        return reply(conn, rq, MHD_HTTP_OK, a.type, a.text, a.len, MHD_RESPMEM_PERSISTENT,
                    "no-cache");
    return send_error(conn, rq, MHD_HTTP_NOT_FOUND, "not found");
}

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
    (void)cls;
    (void)conn;
    request *rq = xcalloc(1, sizeof *rq);
    rq->start_ms = util_now_ms();
    rq->uri = xstrndup(uri, MAX_URI + 1);
    return rq;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **req_cls,
                         enum MHD_RequestTerminationCode toe)
{
    (void)cls;
    (void)conn;
    request *rq = *req_cls;
    if (!rq)
        return;
    log_info("http_request", LOG_S("method", rq->method), LOG_S("path", rq->path),
             LOG_I("status", rq->status), LOG_D("ms", util_now_ms() - rq->start_ms),
             LOG_B("completed", toe == MHD_REQUEST_TERMINATED_COMPLETED_OK));
    free(rq->uri);
    free(rq);
    *req_cls = NULL;
}

static void on_mhd_error(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    char line[512];
    vsnprintf(line, sizeof line, fmt, ap);
    line[strcspn(line, "\n")] = '\0';
    log_debug("http_library", LOG_S("message", line));
}

/* ---- serving ----------------------------------------------------------------------------- */

static void allow_host(server *s, const char *host, unsigned port, bool v6)
{
    if (s->nallowed + 2 > (int)(sizeof s->allowed_hosts / sizeof s->allowed_hosts[0]))
        return;
    snprintf(s->allowed_hosts[s->nallowed++], sizeof s->allowed_hosts[0], v6 ? "[%s]:%u" : "%s:%u",
             host, port);
    if (port == 80)
        snprintf(s->allowed_hosts[s->nallowed++], sizeof s->allowed_hosts[0], v6 ? "[%s]" : "%s",
                 host);
}

/* A wildcard address (0.0.0.0, ::) listens on every interface: the Host
 * may then name any of this machine's addresses or its host name. */
static void allow_local_names(server *s, unsigned port)
{
    char name[256] = "";
    if (gethostname(name, sizeof name - 1) == 0 && *name)
        allow_host(s, name, port, false);
    struct ifaddrs *ifs = NULL;
    if (getifaddrs(&ifs) != 0)
        return;
    for (struct ifaddrs *i = ifs; i; i = i->ifa_next) {
        if (!i->ifa_addr || (i->ifa_addr->sa_family != AF_INET && i->ifa_addr->sa_family != AF_INET6))
            continue;
        char a[INET6_ADDRSTRLEN] = "";
        bool v6 = i->ifa_addr->sa_family == AF_INET6;
        const void *bin = v6 ? (const void *)&((struct sockaddr_in6 *)i->ifa_addr)->sin6_addr
                             : (const void *)&((struct sockaddr_in *)i->ifa_addr)->sin_addr;
        if (inet_ntop(i->ifa_addr->sa_family, bin, a, sizeof a) && !strchr(a, '%'))
            allow_host(s, a, port, v6);
    }
    freeifaddrs(ifs);
}

static int choose_threads(const web_config *cfg, cl_err *err)
{
    int slots = web_pool_free_slots(err);
    if (slots < 0)
        return -1;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int want = cfg->threads > 0 ? cfg->threads : (int)(cores > 0 ? 2 * cores : 2);
    /* Leave a few slots for ingest, psql and the like. */
    int cap = slots - 3;
    if (cap < 1)
        return cl_err_set(err, CL_E_DB,
                          "the database server has %d free connection slot(s); serve needs at least "
                          "one beside the few kept for other clients",
                          slots);
    if (want > cap) {
        log_warn("serve_threads_capped", LOG_I("wanted", want), LOG_I("threads", cap),
                 LOG_I("free_slots", slots));
        want = cap;
    }
    return want;
}

int web_serve(const web_config *cfg, cl_err *err)
{
    if (!web_is_loopback(cfg->host) && !cfg->token)
        return cl_err_set(err, CL_E_USAGE,
                          "--listen %s is not a loopback address: it needs --token-file FILE "
                          "(mode 0600) so nobody else on the network can read your statements",
                          cfg->host);
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
                             .ai_flags = AI_PASSIVE}, *ai = NULL;
    char port_s[8];
    snprintf(port_s, sizeof port_s, "%u", cfg->port);
    int gai = getaddrinfo(cfg->host, port_s, &hints, &ai);
    if (gai != 0)
        return cl_err_set(err, CL_E_USAGE, "--listen %s: %s", cfg->host, gai_strerror(gai));

    if (web_pool_init(cfg->dsn, cfg->no_migrate, err) < 0) {
        freeaddrinfo(ai);
        return -1;
    }
    int threads = choose_threads(cfg, err);
    if (threads < 0) {
        freeaddrinfo(ai);
        web_pool_shutdown();
        return -1;
    }

    /* The signals are taken by sigwait below, so every thread blocks them. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    /* A shell starts background jobs with SIGINT ignored, and an ignored
     * signal never reaches sigwait: take both back. */
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGPIPE, SIG_IGN);

    server s = {.cfg = cfg};
    bool v6 = ai->ai_family == AF_INET6;
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG | (v6 ? MHD_USE_IPv6 : 0);
    struct MHD_Daemon *d = MHD_start_daemon(
        flags, (uint16_t)cfg->port, NULL, NULL, handle, &s, MHD_OPTION_SOCK_ADDR, ai->ai_addr,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)threads, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
        (size_t)MEMORY_LIMIT, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)256, MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL, MHD_OPTION_EXTERNAL_LOGGER, on_mhd_error,
        NULL, MHD_OPTION_END);
    freeaddrinfo(ai);
    if (!d) {
        web_pool_shutdown();
        pthread_sigmask(SIG_UNBLOCK, &stop, NULL);
        return cl_err_set(err, CL_E_FAILED, "cannot listen on %s:%u: %s", cfg->host, cfg->port,
                          strerror(errno));
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    unsigned port = info ? info->port : cfg->port;
    allow_host(&s, cfg->host, port, v6);
    if (strcmp(cfg->host, "localhost") != 0)
        allow_host(&s, "localhost", port, false);
    if (web_is_loopback(cfg->host) && strcmp(cfg->host, "127.0.0.1") != 0 && !v6)
        allow_host(&s, "127.0.0.1", port, false);
    if (strcmp(cfg->host, "0.0.0.0") == 0 || strcmp(cfg->host, "::") == 0)
        allow_local_names(&s, port);

    char url[320];
    snprintf(url, sizeof url, v6 ? "http://[%s]:%u/" : "http://%s:%u/", cfg->host, port);
    log_info("serve_listening", LOG_S("url", url), LOG_I("threads", threads),
             LOG_B("token", cfg->token != NULL));
    printf("cardledger serve: dashboard at %s%s (Ctrl-C stops it)\n", url,
           cfg->token ? " (open /login?token=TOKEN once)" : "");
    fflush(stdout);

    int sig = 0;
    sigwait(&stop, &sig);
    log_info("serve_stopping", LOG_S("signal", sig == SIGINT ? "SIGINT" : "SIGTERM"));
    MHD_stop_daemon(d);
    web_pool_shutdown();
    pthread_sigmask(SIG_UNBLOCK, &stop, NULL);
    log_info("serve_stopped");
    return 0;
}
