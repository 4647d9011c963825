/* fuzz_msg.c - libFuzzer target: the worker-to-parent message decoder. Any
 * line decodes or is refused; one that decodes encodes to a single line
 * that decodes to the same message (text fields come back cleaned, never
 * longer than their buffers). */
#include "ingest/msg.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* libFuzzer calls this. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void same(const ingest_msg *a, const ingest_msg *b)
{
    if (a->type != b->type)
        abort();
    switch (a->type) {
    case INGEST_MSG_READY:
        if (a->backend_pid != b->backend_pid)
            abort();
        break;
    case INGEST_MSG_START:
        if (a->file_id != b->file_id || strcmp(a->sha256, b->sha256) || strcmp(a->path, b->path))
            abort();
        break;
    case INGEST_MSG_DONE:
        if (a->file_id != b->file_id || a->outcome != b->outcome || strcmp(a->profile, b->profile) ||
            a->pages != b->pages || a->txns != b->txns || a->inserted != b->inserted ||
            a->present != b->present || a->reconciled != b->reconciled || strcmp(a->error, b->error))
            abort();
        break;
    case INGEST_MSG_FATAL:
        if (a->exit_code != b->exit_code || strcmp(a->error, b->error))
            abort();
        break;
    case INGEST_MSG_IDLE:
        break;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *line = malloc(size + 1);
    memcpy(line, data, size);
    line[size] = '\0';
    static ingest_msg m, again;
    if (ingest_msg_decode(line, &m) == 0) {
        sbuf out = {0};
        ingest_msg_encode(&m, &out);
        if (out.len == 0 || out.p[out.len - 1] != '\n' || memchr(out.p, '\n', out.len - 1))
            abort();    /* exactly one line */
        out.p[out.len - 1] = '\0';
        if (ingest_msg_decode(out.p, &again) != 0)
            abort();
        same(&m, &again);
        sbuf_free(&out);
    }
    free(line);
    return 0;
}
