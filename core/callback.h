/* core/callback.h - delivery of a finished job's result to the callback_url
 * of its request (`judge serve`): one HTTP POST of a JSON body per try
 * (libcurl), and the schedule of the tries.
 *
 * A try succeeds when the receiver answers 2xx.  Redirects are not
 * followed; the receiver's answer is read up to 64 KiB and dropped.
 */
#ifndef JG_CALLBACK_H
#define JG_CALLBACK_H

#include <stdint.h>

#define JG_CALLBACK_TRIES 5           /* default tries in all */

/* POSTs `json` (Content-Type: application/json) to url within timeout_s
 * seconds.  Returns 0 on a 2xx answer; else JG_EIO with the reason
 * ("HTTP 500", "Couldn't connect to server", ...) in jg_error_last(). */
int jg_callback_post(const char *url, const char *json, long timeout_s);

/* The wait before the next try after `failed` failed tries: 1 s, 2 s, 4 s...
 * (base_ms doubling), at most 5 minutes. */
int64_t jg_callback_delay_ms(int failed, int64_t base_ms);

#endif
