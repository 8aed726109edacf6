/* cmd/run.c - `judge run` (work in progress). */
#include "cmd.h"
int cmd_run(int argc, char **argv) { (void)argc; (void)argv; return jg_usage_error("run: not built yet"); }
