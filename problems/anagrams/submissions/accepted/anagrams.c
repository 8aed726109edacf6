/* C: string[] comes as (char **, int); string[][] goes back as char ***
 * with *returnSize and *returnColumnSizes. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static int by_char(const void *a, const void *b)
{
	return *(const unsigned char *)a - *(const unsigned char *)b;
}

static char *key_of(const char *w, bool ignore_case)
{
	char *k = malloc(strlen(w) + 1);   /* strdup is not C17 */
	strcpy(k, w);
	for (char *p = k; ignore_case && *p; p++)
		*p = (char)tolower((unsigned char)*p);
	qsort(k, strlen(k), 1, by_char);
	return k;
}

char ***groupAnagrams(char **words, int n, bool ignoreCase, int *returnSize, int **returnColumnSizes)
{
	char ***groups = malloc((n ? n : 1) * sizeof(*groups)), **keys = malloc((n ? n : 1) * sizeof(*keys));
	int *sizes = calloc(n ? n : 1, sizeof(int)), ng = 0;

	for (int i = 0; i < n; i++) {
		char *k = key_of(words[i], ignoreCase);
		int g = 0;
		while (g < ng && strcmp(keys[g], k))
			g++;
		if (g == ng) {
			keys[ng] = k;
			groups[ng++] = malloc(n * sizeof(char *));
		} else {
			free(k);
		}
		groups[g][sizes[g]++] = words[i];
	}
	*returnSize = ng;
	*returnColumnSizes = sizes;
	return groups;
}
