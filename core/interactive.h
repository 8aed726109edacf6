/* core/interactive.h - interactive problems: the submission and the output
 * validator, each in a container of its own, talking through two pipes.
 *
 * Who owns what.  jg_interactive_open() creates, in this order: the pair's
 * volume (a 1 MiB tmpfs that will hold the two FIFOs and nothing else), the
 * validator's sandbox (the validator's image; the validator, prebuilt or as
 * sources, and the tests; no submission files) and the submission's sandbox
 * (as jg_sandbox_open() would create it, plus the volume, minus the tests and
 * the validator, which it never needs).  It returns the submission's
 * sandbox, which owns the rest through its runner (sandbox.h), and which
 * the caller uses as any other sandbox:
 *   jg_sandbox_compile()      compiles the submission;
 *   jg_sandbox_test_args()    runs one test interactively (below);
 *   jg_sandbox_set_vflags()   sets the validator's flags (group flags);
 *   jg_sandbox_set_limits()   changes the submission's limits;
 *   jg_sandbox_free()         removes the submission's container, then the
 *                             validator's, then the volume.
 * Nothing else is handed out.  Every container and the volume carry the
 * judge's labels: jg_sandbox_remove_all() (signals) and
 * jg_sandbox_reap_leftovers() (judges killed with SIGKILL) remove them too.
 *
 * One test.  For each pass (one, or for multi-pass problems as many as the
 * validator asks for, at most spec->multipass): "iopen" to both supervisors
 * (the FIFO handshake of harness/supervisor/supervisor.c), then "ival" to the
 * validator's and "irun" to the submission's, then both R replies.  The
 * submission runs with the problem's limits (CPU, wall = JG_WALL_LIMIT of
 * the CPU limit, memory; each pass separately), the validator with
 * spec->validator_time seconds of CPU, a wall limit of the submission's
 * plus spec->validator_time, and JG_INTERACTIVE_VALIDATOR_MEMORY.
 * The verdict, in this order of precedence:
 *   the validator failed (crash, exit code not 42/43, time out,
 *   nextpass.in against the rules)                            JE
 *   the validator rejected (43) before the submission exited  WA
 *   the submission went over its time limit                   TLE
 *   the submission crashed, went over memory or output        RTE, MLE, OLE
 *   otherwise                                                 the validator's AC or WA
 * Time, wall time and memory are the submission's (the largest of any
 * pass), exit code, signal and stderr those of its last pass; the message is
 * the validator's judgemessage.txt (or the submission's failure), prefixed
 * "pass N: " when pass N > 1 failed; the score is the validator's score.txt.
 *
 * How it fails.  An engine error, a supervisor's E reply, a handshake that
 * does not complete (neither side waits more than ~10 s for the other) or a
 * reply that does not come in time is returned as a negative JG_E* code with
 * a message naming the side: a judge error, never the submission's fault.
 * The caller marks the test JE and stops using the pair.
 */
#ifndef JG_INTERACTIVE_H
#define JG_INTERACTIVE_H

#include "docker.h"
#include "sandbox.h"

#define JG_INTERACTIVE_VALIDATOR_MEMORY (2048ull << 20)  /* bytes, the validator's container */

/* spec: the submission's sandbox as for jg_sandbox_open(), with the
 * validator's fields (vrun, vflags, validator_tar or vsrc_dir, validator_time)
 * and the tests filled; spec->multipass 0 or the most passes per test.
 * validator_image: where the validator was built.  *out: the submission's
 * sandbox (free with jg_sandbox_free()).  Returns 0 or a JG_E* code, with
 * nothing left behind. */
int jg_interactive_open(jg_sandbox **out, jg_docker *d, const jg_sandbox_spec *spec,
			const char *validator_image);

#endif
