/* layouts.c - the table of layouts statement-gen can draw. */
#include "layout.h"

#include <string.h>

extern const sg_layout sg_layout_chase;

const sg_layout *const sg_layouts[] = {
    &sg_layout_chase,
    NULL,
};

const sg_layout *sg_layout_find(const char *id)
{
    for (const sg_layout *const *l = sg_layouts; *l; l++)
        if (!strcmp((*l)->id, id))
            return *l;
    return NULL;
}
