/* core/callback.c - result callbacks (see callback.h). */
#include "callback.h"
#include "error.h"

#include <curl/curl.h>
#include <string.h>

#define ANSWER_MAX (64 * 1024)
#define DELAY_MAX  (5 * 60 * 1000)

/* The receiver's answer is not kept, only bounded. */
static size_t drop(char *p, size_t size, size_t n, void *seen)
{
	size_t *total = seen;
	(void)p;
	*total += size * n;
	return *total > ANSWER_MAX ? 0 : size * n;
}

int jg_callback_post(const char *url, const char *json, long timeout_s)
{
	CURL *c = curl_easy_init();
	struct curl_slist *h = curl_slist_append(NULL, "Content-Type: application/json");
	char err[CURL_ERROR_SIZE] = "";
	size_t seen = 0;
	long status = 0;
	CURLcode cc;
	int rc;

	if (!c || !h) {
		curl_slist_free_all(h);
		curl_easy_cleanup(c);
		return jg_error_set(JG_ENOMEM, "out of memory");
	}
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, json);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "judge/" JG_VERSION);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout_s);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, drop);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &seen);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, err);
	cc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	if (cc != CURLE_OK && !(cc == CURLE_WRITE_ERROR && status >= 200 && status < 300))
		rc = jg_error_set(JG_EIO, "%s", *err ? err : curl_easy_strerror(cc));
	else if (status < 200 || status >= 300)
		rc = jg_error_set(JG_EIO, "HTTP %ld", status);
	else
		rc = 0;
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
	return rc;
}

int64_t jg_callback_delay_ms(int failed, int64_t base_ms)
{
	int64_t d = base_ms > 0 ? base_ms : 1000;

	for (int i = 1; i < failed && d < DELAY_MAX; i++)
		d *= 2;
	return d < DELAY_MAX ? d : DELAY_MAX;
}
