/* passwords.c - the password file for encrypted PDFs: one password per
 * line, tried in order. A file that group or others may read is refused:
 * it holds the keys to every statement. Every command treats the refusal
 * the same way (pdf_passwords_from_option): a warning, and the work goes
 * on without passwords. Memory holding passwords is wiped before it is
 * released. */
#include "pdf.h"
#include "common/env.h"
#include "common/log.h"
#include "common/util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_FILE (1 << 20)

/* Read the whole of fd (size hint st_size) into a NUL-terminated buffer. */
static char *read_all(int fd, size_t size, size_t *len)
{
    char *buf = xmalloc(size + 1);
    size_t n = 0;
    while (n < size) {
        ssize_t r = read(fd, buf + n, size - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static void add_password(pdf_passwords *out, const char *s, size_t n)
{
    out->list = xrealloc(out->list, (size_t)(out->n + 1) * sizeof *out->list);
    out->list[out->n++] = xstrndup(s, n);
}

int pdf_passwords_load(const char *path, pdf_passwords *out, cl_err *err)
{
    out->list = NULL;
    out->n = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return cl_err_set(err, CL_E_IO, "%s: password file: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return cl_err_set(err, CL_E_IO, "%s: password file is not a regular file", path);
    }
    if (st.st_mode & (S_IRGRP | S_IROTH)) {
        close(fd);
        return cl_err_set(err, CL_E_PASSWORD,
                          "%s: password file is readable by group or others (mode %04o); refused. "
                          "HINT: chmod 600 %s",
                          path, (unsigned)(st.st_mode & 07777), path);
    }
    if (st.st_size > MAX_FILE) {
        close(fd);
        return cl_err_set(err, CL_E_IO, "%s: password file is larger than 1 MB", path);
    }
    size_t len;
    char *buf = read_all(fd, (size_t)st.st_size, &len);
    close(fd);
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && buf[j] != '\n')
            j++;
        size_t n = j - i;
        if (n > 0 && buf[i + n - 1] == '\r')
            n--;
        if (n > 0)
            add_password(out, buf + i, n);
        i = j + 1;
    }
    explicit_bzero(buf, len);
    free(buf);
    return 0;
}

int pdf_passwords_from_option(const char *path, pdf_passwords *out, cl_err *err)
{
    out->list = NULL;
    out->n = 0;
    if (!path || !*path)
        path = cl_env_get(CL_ENV_PDF_PASSWORDS_FILE);
    if (!path || !*path)
        return 0;
    cl_err why = {0};
    if (pdf_passwords_load(path, out, &why) == 0)
        return 0;
    if (why.code == CL_E_PASSWORD) {
        log_warn("password_file_refused", LOG_S("file", path), LOG_S("error", why.msg));
        return 0;
    }
    if (err)
        *err = why;
    return -1;
}

void pdf_passwords_free(pdf_passwords *pw)
{
    if (!pw)
        return;
    for (int i = 0; i < pw->n; i++) {
        explicit_bzero(pw->list[i], strlen(pw->list[i]));
        free(pw->list[i]);
    }
    free(pw->list);
    pw->list = NULL;
    pw->n = 0;
}
