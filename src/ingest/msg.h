/* msg.h - the messages a worker sends its parent on the status pipe: one
 * encoder and one decoder, so the fields have names on both sides.
 *
 * On the wire a message is one text line, fields separated by tabs:
 *
 *   R <backend pid>                                  ready (connected)
 *   S <file id> <sha256> <path>                      started a file
 *   D <file id> <outcome> <profile> <pages> <transactions> <inserted>
 *     <present> <reconciled 0|1> <ms> <error>        finished it
 *   I                                                nothing pending: idle
 *   E <exit code> <message>                          fatal (then it exits)
 *
 * Text fields have their tabs and line breaks replaced by spaces and are
 * cut to their buffer's size. */
#ifndef CL_INGEST_MSG_H
#define CL_INGEST_MSG_H

#include "common/sbuf.h"

#include <stdbool.h>

typedef enum ingest_msg_type {
    INGEST_MSG_READY = 'R',
    INGEST_MSG_START = 'S',
    INGEST_MSG_DONE = 'D',
    INGEST_MSG_IDLE = 'I',
    INGEST_MSG_FATAL = 'E',
} ingest_msg_type;

/* What became of a file (INGEST_MSG_DONE). */
typedef enum ingest_outcome {
    INGEST_STORED,
    INGEST_DUPLICATE,
    INGEST_FAILED,
    INGEST_RETRY,           /* released, to be claimed again */
} ingest_outcome;

typedef struct ingest_msg {
    ingest_msg_type type;
    int backend_pid;            /* READY */
    long long file_id;          /* START, DONE */
    char sha256[65];            /* START */
    char path[4096];            /* START */
    ingest_outcome outcome;     /* DONE ... */
    char profile[80];
    int pages;
    long txns, inserted, present;
    bool reconciled;
    double ms;
    int exit_code;              /* FATAL */
    char error[1024];           /* DONE, FATAL */
} ingest_msg;

/* "stored", "duplicate", "failed", "retry". */
const char *ingest_outcome_name(ingest_outcome o);

/* Appends m as one line, newline included. */
void ingest_msg_encode(const ingest_msg *m, sbuf *out);
/* Reads one line (without its newline) into m. Returns 0, or -1 when the
 * line is no well-formed message (m is then unspecified). */
int ingest_msg_decode(const char *line, ingest_msg *m);

#endif
