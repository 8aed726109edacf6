/* cmd/image.c - `judge image` (work in progress). */
#include "cmd.h"
int cmd_image(int argc, char **argv) { (void)argc; (void)argv; return jg_usage_error("image: not built yet"); }
