/* schema_version.c - the newest migration built into this binary. */
#include "common/embedded.h"
#include "db.h"

#include <stdlib.h>

extern const cl_embedded_file db_embedded_migrations[];

int db_schema_head_version(void)
{
    int head = 0;
    for (const cl_embedded_file *f = db_embedded_migrations; f->name; f++) {
        int v = atoi(f->name);
        if (v > head)
            head = v;
    }
    return head;
}
