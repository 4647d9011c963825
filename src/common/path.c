/* path.c - escaped path names and opening regular files only. */
#include "path.h"
#include "sbuf.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

static bool plain_at(const char *p, int *len)
{
    unsigned cp;
    int n = util_utf8_decode(p, &cp);
    *len = n ? n : 1;
    return n > 0 && cp >= 0x20 && cp != 0x7F && cp != '\\' && !(cp >= 0x80 && cp < 0xA0);
}

bool path_is_plain(const char *p)
{
    for (int n; *p; p += n)
        if (!plain_at(p, &n))
            return false;
    return true;
}

char *path_escape(const char *p)
{
    if (path_is_plain(p))
        return xstrdup(p);
    sbuf b = {0};
    for (int n; *p; p += n) {
        if (plain_at(p, &n))
            sbuf_append(&b, p, (size_t)n);
        else if (*p == '\\')
            sbuf_puts(&b, "\\\\");
        else
            for (int k = 0; k < n; k++)
                sbuf_printf(&b, "\\x%02X", (unsigned char)p[k]);
    }
    return sbuf_detach(&b);
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

char *path_unescape(const char *s)
{
    if (!strchr(s, '\\'))
        return xstrdup(s);
    sbuf b = {0};
    while (*s) {
        if (s[0] == '\\' && s[1] == '\\') {
            sbuf_putc(&b, '\\');
            s += 2;
        } else if (s[0] == '\\' && s[1] == 'x' && hexval(s[2]) >= 0 && hexval(s[3]) >= 0 &&
                   (hexval(s[2]) << 4 | hexval(s[3])) != 0) {
            sbuf_putc(&b, (char)(hexval(s[2]) << 4 | hexval(s[3])));
            s += 4;
        } else {
            sbuf_putc(&b, *s++);
        }
    }
    return sbuf_detach(&b);
}

const char *path_kind_name(mode_t m)
{
    return S_ISDIR(m) ? "a directory" : S_ISFIFO(m) ? "a FIFO" : S_ISCHR(m) ? "a character device"
         : S_ISBLK(m) ? "a block device" : S_ISSOCK(m) ? "a socket" : "not a regular file";
}

int path_open_regular(const char *path, const char *name, struct stat *st, cl_err *err)
{
    if (!name)
        name = path;
    if (strlen(path) > PATH_LIMIT)
        return cl_err_set(err, CL_E_IO, "%.200s...: path longer than %d bytes", name, PATH_LIMIT);
    /* O_NONBLOCK: opening a FIFO must not wait for a writer. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0)
        return cl_err_set(err, CL_E_IO, "%s: %s", name, strerror(errno));
    if (fstat(fd, st) != 0) {
        int e = errno;
        close(fd);
        return cl_err_set(err, CL_E_IO, "%s: %s", name, strerror(e));
    }
    if (!S_ISREG(st->st_mode)) {
        close(fd);
        if (S_ISDIR(st->st_mode))
            return cl_err_set(err, CL_E_IO, "%s: is a directory", name);
        return cl_err_set(err, CL_E_IO, "%s: not a regular file (%s)", name, path_kind_name(st->st_mode));
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0)
        fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    return fd;
}
