/* core/sandbox.c - the judge's side of a submission's container. */
#define _GNU_SOURCE
#include "sandbox.h"
#include "utf8.h"
#include "buf.h"
#include "error.h"
#include "fs.h"
#include "stream.h"

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MIB (1024ull * 1024ull)
#define CGROUP_SLACK (64 * MIB)   /* supervisor, build outputs in tmpfs, page cache */
#define REPLY_CAP (16 * MIB)
#define DIAG_CAP 8192

struct jg_sandbox {
	jg_docker      *docker;
	jg_docker_conn *conn;
	char           *id;
	jg_sandbox_spec spec;
	uint64_t        cgroup_memory;
	int             run_memory_set;
	jg_demux        demux;
	jg_buf          in;      /* supervisor stdout not yet consumed */
	jg_buf          diag;    /* supervisor stderr (capped) */
	int             eof;
	jg_sandbox_runner runner; /* test.. NULL: the plain "test" command */
};

/* ---- registry of live containers and volumes, for cleanup on signals ---- */

static pthread_mutex_t reg_lock = PTHREAD_MUTEX_INITIALIZER;
static char **registry;       /* container ids */
static char **vol_registry;   /* volume names (interactive pairs) */

static void reg_add(char ***reg, const char *id)
{
	pthread_mutex_lock(&reg_lock);
	jg_strv_push(reg, id);
	pthread_mutex_unlock(&reg_lock);
}

static void reg_del(char ***reg, const char *id)
{
	pthread_mutex_lock(&reg_lock);
	for (size_t i = 0; *reg && (*reg)[i]; i++) {
		if (!strcmp((*reg)[i], id)) {
			free((*reg)[i]);
			memmove(&(*reg)[i], &(*reg)[i + 1], (jg_strv_len(*reg) - i) * sizeof(char *));
			break;
		}
	}
	pthread_mutex_unlock(&reg_lock);
}

void jg_sandbox_remove_all(jg_docker *d)
{
	pthread_mutex_lock(&reg_lock);
	for (size_t i = 0; registry && registry[i]; i++)
		jg_docker_remove(d, registry[i]);
	/* Volumes last: a volume still mounted by a container cannot go. */
	for (size_t i = 0; vol_registry && vol_registry[i]; i++)
		jg_docker_volume_remove(d, vol_registry[i]);
	jg_strv_free(registry);
	jg_strv_free(vol_registry);
	registry = vol_registry = NULL;
	pthread_mutex_unlock(&reg_lock);
}

/* ---- container description ---- */


static json_t *labels(void)
{
	char pid[32], host[256] = "";
	snprintf(pid, sizeof(pid), "%d", (int)getpid());
	gethostname(host, sizeof(host) - 1);
	return json_pack("{ssssss}", JG_SANDBOX_LABEL, "1", "org.judge.pid", pid, "org.judge.host", host);
}

uint64_t jg_sandbox_tests_tmpfs(const jg_sandbox_spec *spec)
{
	uint64_t pages = spec->tests_bytes / 4096 + 2 * (uint64_t)spec->ntests + 256;
	return pages * 4096;
}

static json_t *host_config(uint64_t mem, uint64_t tests_tmpfs)
{
	char tests_opts[96];
	snprintf(tests_opts, sizeof(tests_opts), "rw,noexec,nosuid,nodev,size=%llu,mode=750",
		 (unsigned long long)tests_tmpfs);
	return json_pack(
		"{sIsIsIsssbsbs[s]s[ssss]s[s]s{ssssss}s[{sssIsI}{sssIsI}{sssIsI}]ss}",
		"Memory", (json_int_t)mem, "MemorySwap", (json_int_t)mem,
		"PidsLimit", (json_int_t)256,
		"NetworkMode", "none",
		"Privileged", 0,
		"ReadonlyRootfs", 1,
		"CapDrop", "ALL",
		"CapAdd", "CHOWN", "SETUID", "SETGID", "KILL",
		"SecurityOpt", "no-new-privileges",
		"Tmpfs", "/tmp", "rw,exec,nosuid,nodev,size=256m,mode=1777",
			 "/box", "rw,exec,nosuid,nodev,size=512m,mode=711",
			 "/tests", tests_opts,
		"Ulimits",
			"Name", "nofile", "Soft", (json_int_t)1024, "Hard", (json_int_t)1024,
			"Name", "core", "Soft", (json_int_t)0, "Hard", (json_int_t)0,
			"Name", "fsize", "Soft", (json_int_t)(2048 * MIB), "Hard", (json_int_t)(2048 * MIB),
		"IpcMode", "private");
}

static json_t *host_config_for(const jg_sandbox_spec *spec, uint64_t cgroup_memory)
{
	json_t *h = host_config(cgroup_memory, jg_sandbox_tests_tmpfs(spec));
	if (h && spec->cpuset && *spec->cpuset &&
	    json_object_set_new(h, "CpusetCpus", json_string(spec->cpuset)) < 0) {
		json_decref(h);
		return NULL;
	}
	return h;
}

json_t *jg_sandbox_container_spec(const jg_sandbox_spec *spec, uint64_t cgroup_memory)
{
	json_t *c = json_pack(
		"{sss[s]s[s]sssss[s]sbsbsbsbsbsbsbsos{s{}}so}",
		"Image", spec->image,
		"Entrypoint", "/judge/judge-supervisor",
		"Cmd", "/judge/config",
		"User", "0:0",
		"WorkingDir", "/",
		"Env", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
		"AttachStdin", 1, "AttachStdout", 1, "AttachStderr", 1,
		"OpenStdin", 1, "StdinOnce", 1, "Tty", 0,
		"NetworkDisabled", 1,
		"Labels", labels(),
		"Volumes", "/judge",
		"HostConfig", host_config_for(spec, cgroup_memory));

	/* An interactive pair's volume: the FIFOs, nothing else. */
	if (c && spec->ipc_volume &&
	    json_object_set_new(json_object_get(c, "HostConfig"), "Mounts",
				json_pack("[{sssssssb}]", "Type", "volume", "Source", spec->ipc_volume,
					  "Target", JG_SANDBOX_IPC_DIR, "ReadOnly", 0)) < 0) {
		json_decref(c);
		c = NULL;
	}
	return c;
}

/* ---- supervisor config ---- */

static int argv_block(jg_buf *b, const char *name, char *const *v)
{
	size_t n = jg_strv_len(v);
	jg_buf_printf(b, "argv %s %zu\n", name, n);
	for (size_t i = 0; i < n; i++) {
		if (strchr(v[i], '\n'))
			return jg_error_set(JG_EINPUT, "argument with a newline: '%.40s'", v[i]);
		jg_buf_printf(b, "%s\n", v[i]);
	}
	return 0;
}

static long ms(double s) { return (long)(s * 1000.0 + 0.5); }

int jg_sandbox_config_text(char **out, const jg_sandbox_spec *s)
{
	jg_buf b = JG_BUF_INIT(0);
	char *env_default[] = { "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
				"HOME=/tmp", "LANG=C.UTF-8", "TMPDIR=/tmp", NULL };
	char **env = NULL;
	int rc = 0;

	jg_buf_printf(&b, "run_uid %d\nval_uid %d\n", JG_SANDBOX_RUN_UID, JG_SANDBOX_VAL_UID);
	jg_buf_printf(&b, "compile_cpu_ms %ld\ncompile_wall_ms %ld\ncompile_out_cap %d\ncompile_fsize %llu\n",
		      ms(s->compile_time), ms(2 * s->compile_time + 5), JG_SANDBOX_COMPILE_OUT, 256 * MIB);
	jg_buf_printf(&b, "cpu_ms %ld\nwall_ms %ld\nmem_bytes %" PRIu64 "\nout_bytes %" PRIu64 "\n",
		      ms(s->cpu_limit), ms(JG_WALL_LIMIT(s->cpu_limit)), s->memory, s->output);
	jg_buf_printf(&b, "stderr_cap %d\ncapture_cap %d\nval_cpu_ms %ld\n",
		      s->execute ? JG_SANDBOX_EXEC_CAP : JG_SANDBOX_STDERR,
		      s->execute ? JG_SANDBOX_EXEC_CAP : JG_SANDBOX_CAPTURE, ms(s->validator_time));
	if (s->execute)
		jg_buf_printf(&b, "execute 1\n");
	jg_buf_printf(&b, "validator %s\nvflags %s\n", s->vrun ? "custom" : "default",
		      s->vflags ? s->vflags : "");
	if (s->ipc_role != JG_IPC_NONE)
		jg_buf_printf(&b, "ipc %s\n", s->ipc_role == JG_IPC_VALIDATOR ? "val" : "sub");
	if (s->multipass)
		jg_buf_printf(&b, "multipass %u\n", s->multipass);
	if (s->function)
		jg_buf_printf(&b, "function %s\n", s->function);
	for (size_t i = 0; env_default[i]; i++)
		if (jg_strv_push(&env, env_default[i]) < 0)
			goto oom;
	for (size_t i = 0; s->env && s->env[i]; i++)
		if (jg_strv_push(&env, s->env[i]) < 0)
			goto oom;
	if ((rc = argv_block(&b, "compile", s->compile)) < 0 ||
	    (rc = argv_block(&b, "run", s->run)) < 0 ||
	    (rc = argv_block(&b, "vcompile", s->vcompile)) < 0 ||
	    (rc = argv_block(&b, "vrun", s->vrun)) < 0 ||
	    (rc = argv_block(&b, "env", env)) < 0)
		goto done;
	*out = jg_buf_detach(&b);
	goto done;
oom:
	rc = jg_error_set(JG_ENOMEM, "out of memory");
done:
	jg_strv_free(env);
	jg_buf_free(&b);
	return rc;
}

/* ---- tar building (libarchive) ---- */

/* libarchive's message, with the system's reason when there is one ("No
 * space left on device" matters more than "Write error"). */
static int tar_error(struct archive *a, const char *what)
{
	int e = archive_errno(a);
	if (e > 0)
		return jg_error_set(JG_EIO, "%s: %s (%s)", what, archive_error_string(a), strerror(e));
	return jg_error_set(JG_EIO, "%s: %s", what, archive_error_string(a));
}

static int tar_add_mem(struct archive *a, const char *name, const void *p, size_t n, int mode)
{
	struct archive_entry *e = archive_entry_new();
	int rc = 0;
	archive_entry_set_pathname(e, name);
	archive_entry_set_filetype(e, AE_IFREG);
	archive_entry_set_perm(e, mode);
	archive_entry_set_size(e, (la_int64_t)n);
	if (archive_write_header(a, e) != ARCHIVE_OK ||
	    (n && archive_write_data(a, p, n) != (la_ssize_t)n))
		rc = tar_error(a, name);
	archive_entry_free(e);
	return rc;
}

static int tar_add_file(struct archive *a, const char *name, const char *path, int mode)
{
	char buf[65536];
	struct stat st;
	struct archive_entry *e = NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc = 0;
	ssize_t n;

	if (fd < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		rc = jg_error_errno(JG_EIO, "%s: cannot read", path);
		goto done;
	}
	e = archive_entry_new();
	archive_entry_set_pathname(e, name);
	archive_entry_set_filetype(e, AE_IFREG);
	archive_entry_set_perm(e, mode ? mode : (st.st_mode & 0100 ? 0755 : 0644));
	archive_entry_set_size(e, st.st_size);
	if (archive_write_header(a, e) != ARCHIVE_OK) {
		rc = tar_error(a, name);
		goto done;
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (archive_write_data(a, buf, (size_t)n) != n) {
			rc = tar_error(a, name);
			goto done;
		}
	if (n < 0)
		rc = jg_error_errno(JG_EIO, "%s: read", path);
done:
	archive_entry_free(e);
	if (fd >= 0)
		close(fd);
	return rc;
}

static struct archive *tar_open(const char *path, int ustar)
{
	struct archive *a = archive_write_new();
	if (!a)
		return NULL;
	if (ustar)
		archive_write_set_format_ustar(a);
	else
		archive_write_set_format_pax_restricted(a);
	if (archive_write_open_filename(a, path) != ARCHIVE_OK) {
		tar_error(a, path);
		archive_write_free(a);
		return NULL;
	}
	return a;
}

static int tar_close(struct archive *a, int rc)
{
	if (archive_write_close(a) != ARCHIVE_OK && rc == 0)
		rc = tar_error(a, "writing a tar for the container");
	archive_write_free(a);
	return rc;
}

/* The tests travel as one file, tests.tar (ustar, entries tests/N.in and
 * tests/N.ans), wrapped in the tar that is uploaded: the engine extracts
 * thousands of small files slowly, the supervisor unpacks them quickly. */
int jg_sandbox_tests_tar(const char *tar_path, char *const *in_paths, char *const *ans_paths, size_t n)
{
	char *inner = NULL, name[64];
	struct archive *a = NULL;
	int rc = 0;

	if (asprintf(&inner, "%s.inner", tar_path) < 0)
		return jg_error_set(JG_ENOMEM, "out of memory");
	if (!(a = tar_open(inner, 1))) {
		rc = JG_EIO;
		goto done;
	}
	for (size_t i = 0; i < n && rc == 0; i++) {
		snprintf(name, sizeof(name), "tests/%zu.in", i);
		rc = tar_add_file(a, name, in_paths[i], 0644);
		snprintf(name, sizeof(name), "tests/%zu.ans", i);
		if (rc == 0)
			rc = tar_add_file(a, name, ans_paths[i], 0644);
	}
	if ((rc = tar_close(a, rc)) < 0 || !(a = tar_open(tar_path, 0))) {
		rc = rc < 0 ? rc : JG_EIO;
		goto done;
	}
	rc = tar_close(a, tar_add_file(a, "tests.tar", inner, 0600));
done:
	unlink(inner);
	free(inner);
	return rc;
}

/* Everything but the tests: supervisor, config, sources, validator sources. */
static int add_tree(struct archive *a, const char *prefix, const char *dir, const char *rel, int depth);

/* The files (relative to dir) under src/ in the tar. */
static int add_src(struct archive *a, const char *dir, char *const *files)
{
	int rc = 0;
	for (size_t i = 0; files && files[i] && rc == 0; i++) {
		char *from = jg_path_join(dir, files[i]);
		char *to = jg_path_join("src", files[i]);
		rc = (from && to) ? tar_add_file(a, to, from, 0) : jg_error_set(JG_ENOMEM, "out of memory");
		free(from);
		free(to);
	}
	return rc;
}

static int setup_tar(const char *tar_path, const jg_sandbox_spec *s)
{
	struct archive *a = tar_open(tar_path, 0);
	char *config = NULL;
	int rc;

	if (!a)
		return JG_EIO;
	if ((rc = jg_sandbox_config_text(&config, s)) < 0 ||
	    (rc = tar_add_file(a, "judge-supervisor", s->supervisor_path, 0755)) < 0 ||
	    (rc = tar_add_mem(a, "config", config, strlen(config), 0600)) < 0)
		goto done;
	rc = add_src(a, s->src_dir, s->src_files);
	if (rc == 0)
		rc = add_src(a, s->src_dir, s->support_files);
	if (rc == 0 && s->harness_dir)
		rc = add_src(a, s->harness_dir, s->harness_files);
	if (rc == 0 && s->vsrc_dir)
		rc = add_tree(a, "vsrc", s->vsrc_dir, "", 0);
done:
	free(config);
	return tar_close(a, rc);
}


static int add_tree(struct archive *a, const char *prefix, const char *dir, const char *rel, int depth)
{
	char *path = *rel ? jg_path_join(dir, rel) : strdup(dir);
	DIR *d = path ? opendir(path) : NULL;
	struct dirent *e;
	int rc = 0;

	if (!d) {
		rc = jg_error_errno(JG_EIO, "%s: cannot read the directory", path ? path : dir);
		free(path);
		return rc;
	}
	while (rc == 0 && (e = readdir(d))) {
		char *r2 = NULL, *full = NULL, *name = NULL;
		struct stat st;
		if (e->d_name[0] == '.')
			continue;
		if (asprintf(&r2, "%s%s%s", rel, *rel ? "/" : "", e->d_name) < 0)
			break;
		full = jg_path_join(dir, r2);
		name = jg_path_join(prefix, r2);
		if (full && name && lstat(full, &st) == 0) {
			if (S_ISDIR(st.st_mode) && depth < 16)
				rc = add_tree(a, prefix, dir, r2, depth + 1);
			else if (S_ISREG(st.st_mode))
				rc = tar_add_file(a, name, full, 0);
		}
		free(r2);
		free(full);
		free(name);
	}
	closedir(d);
	free(path);
	return rc;
}

static int upload(jg_docker *d, const char *id, const char *tar_path)
{
	FILE *f = fopen(tar_path, "rb");
	struct stat st;
	int rc;
	if (!f || fstat(fileno(f), &st) < 0) {
		rc = jg_error_errno(JG_EIO, "%s", tar_path);
	} else {
		rc = jg_docker_put_archive(d, id, "/judge", f, (uint64_t)st.st_size);
	}
	if (f)
		fclose(f);
	return rc;
}

/* ---- talking to the supervisor ---- */

static int on_frame(int stream, const char *data, size_t len, void *ud)
{
	jg_sandbox *sb = ud;
	if (stream == 2)
		return jg_buf_add(&sb->diag, data, len);
	if (sb->in.len + len > REPLY_CAP)
		return jg_error_set(JG_EINTERNAL, "supervisor reply larger than %llu bytes", REPLY_CAP);
	return jg_buf_add(&sb->in, data, len);
}

/* Fails with what the supervisor said on stderr, if anything, else with the
 * cause recorded by the failing call (copied first: jg_error_set() writes
 * into the very buffer jg_error_last() returns). */
static int lost(jg_sandbox *sb, int rc, const char *what)
{
	char cause[512];
	snprintf(cause, sizeof(cause), "%s", rc < 0 && rc != JG_EINTERNAL ? jg_error_last() : "connection closed");
	if (sb->diag.len)
		return jg_error_set(rc < 0 ? rc : JG_EINTERNAL, "container %.12s: %s (%s)", sb->id, what,
				    sb->diag.data);
	return jg_error_set(rc < 0 ? rc : JG_EINTERNAL, "container %.12s: %s: %s", sb->id, what, cause);
}

/* The supervisor's stdout ended: says how the container ended, as far as
 * the engine knows. */
static int exited(jg_sandbox *sb)
{
	char what[200];
	int code = 0, oom = 0;

	sb->eof = 1;
	if (jg_docker_exit_state(sb->docker, sb->id, 2000, &code, &oom) < 0)
		snprintf(what, sizeof(what), "the supervisor exited");
	else if (oom)
		snprintf(what, sizeof(what), "the supervisor exited with code %d after the kernel's OOM killer "
			 "acted in the container", code);
	else
		snprintf(what, sizeof(what), "the supervisor exited with code %d", code);
	return lost(sb, JG_EINTERNAL, what);
}

static int read_more(jg_sandbox *sb, long timeout_ms)
{
	char buf[65536];
	long n;
	int rc;

	if (sb->eof)
		return lost(sb, JG_EINTERNAL, "the supervisor exited");
	n = jg_docker_conn_recv(sb->conn, buf, sizeof(buf), timeout_ms);
	if (n < 0)
		return lost(sb, (int)n, "no answer from the supervisor");
	if (n == 0)
		return exited(sb);
	rc = jg_demux_feed(&sb->demux, buf, (size_t)n, on_frame, sb);
	return rc < 0 ? rc : 0;
}

static void consume(jg_sandbox *sb, size_t n)
{
	memmove(sb->in.data, sb->in.data + n, sb->in.len - n);
	sb->in.len -= n;
	sb->in.data[sb->in.len] = '\0';
}

/* Takes one line (without '\n') into *line (owned by caller). */
static int take_line(jg_sandbox *sb, char **line, long timeout_ms)
{
	char *nl;
	int rc;
	while (!sb->in.data || !(nl = memchr(sb->in.data, '\n', sb->in.len)))
		if ((rc = read_more(sb, timeout_ms)) < 0)
			return rc;
	*line = strndup(sb->in.data, (size_t)(nl - sb->in.data));
	consume(sb, (size_t)(nl - sb->in.data) + 1);
	return *line ? 0 : jg_error_set(JG_ENOMEM, "out of memory");
}

static int take_bytes(jg_sandbox *sb, char **out, size_t n, long timeout_ms)
{
	int rc;
	while (sb->in.len < n)
		if ((rc = read_more(sb, timeout_ms)) < 0)
			return rc;
	if (n && memchr(sb->in.data, '\0', n)) {
		/* Output with NUL bytes: kept whole, each NUL shown as U+FFFD. */
		if (!(*out = jg_utf8_sanitize(sb->in.data, n)))
			return JG_ENOMEM;
	} else if (!(*out = malloc(n + 1))) {
		return jg_error_set(JG_ENOMEM, "out of memory");
	} else {
		if (n)
			memcpy(*out, sb->in.data, n);
		(*out)[n] = '\0';
	}
	consume(sb, n);
	return 0;
}

/* Handles "E LEN\nmessage" from the supervisor. */
static int supervisor_error(jg_sandbox *sb, const char *line, long timeout_ms)
{
	size_t n = 0;
	char *msg = NULL;
	int rc;
	if (sscanf(line, "E %zu", &n) != 1 || n > 4096)
		return jg_error_set(JG_EINTERNAL, "container %.12s: unexpected supervisor reply '%.60s'", sb->id, line);
	if ((rc = take_bytes(sb, &msg, n, timeout_ms)) < 0)
		return rc;
	rc = jg_error_set(JG_EINTERNAL, "supervisor in %.12s: %s", sb->id, msg);
	free(msg);
	return rc;
}

static int send_command(jg_sandbox *sb, const char *cmd)
{
	int rc = jg_docker_conn_send(sb->conn, cmd, strlen(cmd), 10000);
	return rc < 0 ? lost(sb, rc, "cannot send a command") : 0;
}

/* Takes a reply line; an E reply becomes the error it carries. */
static int reply_line(jg_sandbox *sb, char **line, long timeout_ms)
{
	int rc = take_line(sb, line, timeout_ms);
	if (rc == 0 && (*line)[0] == 'E') {
		rc = supervisor_error(sb, *line, timeout_ms);
		free(*line);
		*line = NULL;
	}
	return rc;
}

static int command(jg_sandbox *sb, const char *cmd, char **line, long timeout_ms)
{
	int rc = send_command(sb, cmd);
	return rc < 0 ? rc : reply_line(sb, line, timeout_ms);
}

/* ---- lifecycle ---- */

static int create_container(jg_sandbox *sb)
{
	json_t *spec = jg_sandbox_container_spec(&sb->spec, sb->cgroup_memory);
	static unsigned counter;
	char name[64];
	int rc;

	if (!spec)
		return jg_error_set(JG_ENOMEM, "out of memory");
	snprintf(name, sizeof(name), "judge-%d-%u", (int)getpid(), __atomic_add_fetch(&counter, 1, __ATOMIC_SEQ_CST));
	rc = jg_docker_create(sb->docker, spec, name, &sb->id);
	if (rc == JG_ENOIMAGE || (rc < 0 && strstr(jg_error_last(), "No such image")))
		rc = jg_error_set(JG_ENOIMAGE, "image '%s' is not available: %s", sb->spec.image, jg_error_last());
	json_decref(spec);
	if (rc == 0)
		reg_add(&registry, sb->id);
	return rc;
}

static int upload_all(jg_sandbox *sb)
{
	char *dir = NULL, *tar = NULL;
	int rc = jg_fs_mkdtemp(&dir, NULL, "judge-up-");
	if (rc < 0)
		return rc;
	if (!(tar = jg_path_join(dir, "setup.tar")))
		rc = jg_error_set(JG_ENOMEM, "out of memory");
	else if ((rc = setup_tar(tar, &sb->spec)) == 0)
		rc = upload(sb->docker, sb->id, tar);
	/* The tests and a prebuilt validator are optional and independent. */
	if (rc == 0 && sb->spec.tests_tar)
		rc = upload(sb->docker, sb->id, sb->spec.tests_tar);
	if (rc == 0 && sb->spec.validator_tar)
		rc = upload(sb->docker, sb->id, sb->spec.validator_tar);
	jg_fs_rmtree(dir);
	free(tar);
	free(dir);
	return rc;
}

/* The container's memory limit for a per-run limit: tmpfs pages (tests,
 * build outputs) are charged to the cgroup too, so they are added. */
static uint64_t cgroup_for(const jg_sandbox *sb, uint64_t limit)
{
	return limit + CGROUP_SLACK + jg_sandbox_tests_tmpfs(&sb->spec);
}

int jg_sandbox_open(jg_sandbox **out, jg_docker *d, const jg_sandbox_spec *spec)
{
	jg_sandbox *sb = calloc(1, sizeof(*sb));
	char *line = NULL;
	uint64_t run_mem, comp_mem;
	int rc;

	if (!sb)
		return jg_error_set(JG_ENOMEM, "out of memory");
	sb->docker = d;
	sb->spec = *spec;
	jg_buf_init(&sb->in, 0);
	jg_buf_init(&sb->diag, DIAG_CAP);
	jg_demux_init(&sb->demux);
	run_mem = cgroup_for(sb, spec->memory);
	comp_mem = cgroup_for(sb, spec->compile_memory);
	sb->cgroup_memory = comp_mem > run_mem ? comp_mem : run_mem;
	sb->run_memory_set = sb->cgroup_memory == run_mem;
	if ((rc = create_container(sb)) < 0 || (rc = upload_all(sb)) < 0 ||
	    (rc = jg_docker_attach(&sb->conn, d, sb->id)) < 0 ||
	    (rc = jg_docker_start(d, sb->id)) < 0 ||
	    (rc = take_line(sb, &line, 30000)) < 0)
		goto fail;
	if (strcmp(line, "READY") != 0) {
		rc = line[0] == 'E' ? supervisor_error(sb, line, 5000)
				    : jg_error_set(JG_EINTERNAL, "supervisor said '%.60s' instead of READY", line);
		goto fail;
	}
	free(line);
	*out = sb;
	return 0;
fail:
	free(line);
	jg_sandbox_free(sb);
	return rc;
}

void jg_sandbox_free(jg_sandbox *sb)
{
	if (!sb)
		return;
	if (sb->conn && !sb->eof)
		jg_docker_conn_send(sb->conn, "quit\n", 5, 1000);
	jg_docker_conn_close(sb->conn);
	if (sb->id) {
		jg_docker_remove(sb->docker, sb->id);
		reg_del(&registry, sb->id);
	}
	if (sb->runner.release)
		sb->runner.release(sb->runner.ud);
	free(sb->id);
	jg_buf_free(&sb->in);
	jg_buf_free(&sb->diag);
	free(sb);
}

void jg_sandbox_set_runner(jg_sandbox *sb, const jg_sandbox_runner *runner)
{
	sb->runner = *runner;
}

double jg_sandbox_cpu_limit(const jg_sandbox *sb)
{
	return sb->spec.cpu_limit;
}

void jg_compile_result_clear(jg_compile_result *r)
{
	if (!r)
		return;
	free(r->status);
	free(r->output);
	memset(r, 0, sizeof(*r));
}

static int do_compile(jg_sandbox *sb, const char *cmd, jg_compile_result *r)
{
	char *line = NULL, status[16];
	int64_t cpu = 0, wall = 0;
	int ex, sig;
	size_t len = 0, trunc = 0;
	long timeout = ms(2 * sb->spec.compile_time + 5) + 30000;
	int rc = command(sb, cmd, &line, timeout);

	memset(r, 0, sizeof(*r));
	if (rc < 0)
		return rc;
	if (sscanf(line, "C %15s %" SCNd64 " %" SCNd64 " %d %d %zu %zu", status, &cpu, &wall, &ex, &sig,
		   &len, &trunc) != 7 || len > JG_SANDBOX_COMPILE_OUT) {
		rc = jg_error_set(JG_EINTERNAL, "bad compile reply '%.60s'", line);
	} else if ((rc = take_bytes(sb, &r->output, len, timeout)) == 0) {
		r->status = strdup(status);
		r->truncated = trunc;
		r->time = (double)cpu / 1e6;
		r->wall = (double)wall / 1e6;
	}
	free(line);
	return rc;
}

int jg_sandbox_compile(jg_sandbox *sb, jg_compile_result *r)
{
	int rc = do_compile(sb, "compile\n", r);
	if (rc == 0 && !sb->run_memory_set) {
		sb->cgroup_memory = cgroup_for(sb, sb->spec.memory);
		rc = jg_docker_update_memory(sb->docker, sb->id, (int64_t)sb->cgroup_memory);
		sb->run_memory_set = rc == 0;
	}
	return rc;
}

int jg_sandbox_vcompile(jg_sandbox *sb, jg_compile_result *r)
{
	return do_compile(sb, "vcompile\n", r);
}

static int parse_test_reply(jg_sandbox *sb, const char *line, jg_test_result *r, jg_run_info *info,
			    long timeout)
{
	char verdict[16], score[32];
	int64_t cpu, wall, exit_at = 0;
	uint64_t mem;
	int limit, next = 0, n;
	size_t mlen, olen, otr, elen, etr;
	int rc;

	n = sscanf(line, "R %15s %" SCNd64 " %" SCNd64 " %" SCNu64 " %d %d %d %zu %zu %zu %zu %zu %31s %"
		   SCNd64 " %d", verdict, &cpu, &wall, &mem, &r->exit_code, &r->signal, &limit, &mlen, &olen,
		   &otr, &elen, &etr, score, &exit_at, &next);
	if ((n != 13 && n != 15) || jg_verdict_parse(&r->verdict, verdict) < 0 || mlen > 4096 ||
	    olen > (sb->spec.execute ? JG_SANDBOX_EXEC_CAP : JG_SANDBOX_CAPTURE) ||
	    elen > (sb->spec.execute ? JG_SANDBOX_EXEC_CAP : JG_SANDBOX_STDERR))
		return jg_error_set(JG_EINTERNAL, "bad test reply '%.80s'", line);
	if (info) {
		info->exit_at_us = exit_at;
		info->next_pass = next == 1;
	}
	r->has_score = strcmp(score, "-") != 0;
	r->score = r->has_score ? strtod(score, NULL) : 0;
	r->time = (double)cpu / 1e6;
	r->wall = (double)wall / 1e6;
	r->memory = mem;
	r->limit = (jg_limit)limit;
	r->stdout_truncated = otr;
	r->stderr_truncated = etr;
	if ((rc = take_bytes(sb, &r->message, mlen, timeout)) < 0 ||
	    (rc = take_bytes(sb, &r->stdout_head, olen, timeout)) < 0 ||
	    (rc = take_bytes(sb, &r->stderr_head, elen, timeout)) < 0)
		return rc;
	if (!mlen) {
		free(r->message);
		r->message = NULL;
	}
	if (!olen && !otr) {
		free(r->stdout_head);
		r->stdout_head = NULL;
	}
	if (!elen && !etr) {
		free(r->stderr_head);
		r->stderr_head = NULL;
	}
	return 0;
}

/* Sends `cmd` and reads an R reply into r. */
static int test_command(jg_sandbox *sb, const char *cmd, jg_test_result *r)
{
	char *line = NULL;
	long timeout = ms(JG_WALL_LIMIT(sb->spec.cpu_limit)) + ms(2 * sb->spec.validator_time) + 30000;
	int rc;

	if ((rc = command(sb, cmd, &line, timeout)) < 0)
		return rc;
	rc = parse_test_reply(sb, line, r, NULL, timeout);
	free(line);
	return rc;
}

/* One line of space-separated words for the supervisor: no control bytes. */
static int words_ok(const char *s)
{
	for (; s && *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

int jg_sandbox_test(jg_sandbox *sb, size_t idx, jg_test_result *r)
{
	return jg_sandbox_test_args(sb, idx, NULL, r);
}

int jg_sandbox_test_args(jg_sandbox *sb, size_t idx, const char *args, jg_test_result *r)
{
	char cmd[1200];
	if (!words_ok(args) || (args && strlen(args) > 1024))
		return jg_error_set(JG_EINPUT, "arguments '%.60s' are not one line of at most 1024 bytes",
				    args);
	if (sb->runner.test)
		return sb->runner.test(sb->runner.ud, sb, idx, args, r);
	snprintf(cmd, sizeof(cmd), "test %zu%s%s\n", idx, args && *args ? " " : "", args ? args : "");
	return test_command(sb, cmd, r);
}

int jg_sandbox_check(jg_sandbox *sb, size_t idx, jg_test_result *r)
{
	char cmd[64];
	snprintf(cmd, sizeof(cmd), "check %zu\n", idx);
	return test_command(sb, cmd, r);
}

int jg_sandbox_set_vflags(jg_sandbox *sb, const char *flags)
{
	char cmd[1200], *line = NULL;
	int rc;

	if (!words_ok(flags) || strlen(flags ? flags : "") > 1000)
		return jg_error_set(JG_EINPUT, "validator flags '%.60s' are not one line of at most 1000 bytes",
				    flags);
	if (sb->runner.set_vflags)
		return sb->runner.set_vflags(sb->runner.ud, flags);
	snprintf(cmd, sizeof(cmd), "vflags %s\n", flags ? flags : "");
	rc = command(sb, cmd, &line, 10000);
	if (rc == 0 && strcmp(line, "L") != 0)
		rc = jg_error_set(JG_EINTERNAL, "bad vflags reply '%.60s'", line);
	free(line);
	return rc;
}

#define EXPORT_CAP (512 * MIB)

int jg_sandbox_export(jg_sandbox *sb, const char *tar_path)
{
	char *line = NULL;
	FILE *f;
	int rc = command(sb, "export\n", &line, 120000);

	if (rc == 0 && strcmp(line, "X") != 0)
		rc = jg_error_set(JG_EINTERNAL, "bad export reply '%.60s'", line);
	free(line);
	if (rc < 0)
		return rc;
	if (!(f = fopen(tar_path, "wb")))
		return jg_error_errno(JG_EIO, "%s", tar_path);
	rc = jg_docker_get_archive(sb->docker, sb->id, "/judge/export", f, EXPORT_CAP);
	if (fclose(f) != 0 && rc == 0)
		rc = jg_error_errno(JG_EIO, "%s", tar_path);
	return rc;
}

int jg_sandbox_set_limits(jg_sandbox *sb, double cpu_limit, uint64_t memory, uint64_t output)
{
	char cmd[160], *line = NULL;
	int rc;

	if (memory != sb->spec.memory) {
		sb->cgroup_memory = cgroup_for(sb, memory);
		if ((rc = jg_docker_update_memory(sb->docker, sb->id, (int64_t)sb->cgroup_memory)) < 0)
			return rc;
	}
	sb->spec.cpu_limit = cpu_limit;
	sb->spec.memory = memory;
	sb->spec.output = output;
	snprintf(cmd, sizeof(cmd), "limits %ld %ld %" PRIu64 " %" PRIu64 "\n", ms(cpu_limit),
		 ms(JG_WALL_LIMIT(cpu_limit)), memory, output);
	rc = command(sb, cmd, &line, 10000);
	if (rc == 0 && strcmp(line, "L") != 0)
		rc = jg_error_set(JG_EINTERNAL, "bad limits reply '%.60s'", line);
	free(line);
	return rc;
}

/* ---- interactive problems ---- */

#define IPC_VOLUME_OPTS "size=1m,mode=0700,uid=0,gid=0,nosuid,nodev,noexec"

int jg_sandbox_volume_create(jg_docker *d, char **name)
{
	static unsigned counter;
	struct timespec ts;
	char buf[96];
	json_t *spec;
	int rc;

	clock_gettime(CLOCK_REALTIME, &ts);
	snprintf(buf, sizeof(buf), "judge-ipc-%d-%u-%lx", (int)getpid(),
		 __atomic_add_fetch(&counter, 1, __ATOMIC_SEQ_CST), (unsigned long)ts.tv_nsec);
	spec = json_pack("{sssss{ssssss}so}", "Name", buf, "Driver", "local", "DriverOpts", "type", "tmpfs",
			 "device", "tmpfs", "o", IPC_VOLUME_OPTS, "Labels", labels());
	if (!spec || !(*name = strdup(buf))) {
		json_decref(spec);
		return jg_error_set(JG_ENOMEM, "out of memory");
	}
	/* Registered first: a signal during the call still finds it. */
	reg_add(&vol_registry, buf);
	if ((rc = jg_docker_volume_create(d, spec)) < 0) {
		jg_docker_volume_remove(d, buf);
		reg_del(&vol_registry, buf);
		free(*name);
		*name = NULL;
	}
	json_decref(spec);
	return rc;
}

void jg_sandbox_volume_remove(jg_docker *d, const char *name)
{
	if (!name)
		return;
	jg_docker_volume_remove(d, name);
	reg_del(&vol_registry, name);
}

int jg_sandbox_send_iopen(jg_sandbox *sb)
{
	return send_command(sb, "iopen\n");
}

int jg_sandbox_wait_iopen(jg_sandbox *sb, long timeout_ms)
{
	char *line = NULL;
	int rc = reply_line(sb, &line, timeout_ms);
	if (rc == 0 && strcmp(line, "O") != 0)
		rc = jg_error_set(JG_EINTERNAL, "container %.12s: bad iopen reply '%.60s'", sb->id, line);
	free(line);
	return rc;
}

int jg_sandbox_send_irun(jg_sandbox *sb, size_t idx, const char *args)
{
	char cmd[1200];
	if (!words_ok(args) || (args && strlen(args) > 1024))
		return jg_error_set(JG_EINPUT, "arguments '%.60s' are not one line of at most 1024 bytes",
				    args);
	snprintf(cmd, sizeof(cmd), "irun %zu%s%s\n", idx, args && *args ? " " : "", args ? args : "");
	return send_command(sb, cmd);
}

int jg_sandbox_send_ival(jg_sandbox *sb, size_t idx, unsigned pass, long wall_ms)
{
	char cmd[96];
	snprintf(cmd, sizeof(cmd), "ival %zu %u %ld\n", idx, pass, wall_ms);
	return send_command(sb, cmd);
}

int jg_sandbox_wait_run(jg_sandbox *sb, jg_test_result *r, jg_run_info *info, long timeout_ms)
{
	char *line = NULL;
	int rc = reply_line(sb, &line, timeout_ms);
	if (rc == 0)
		rc = parse_test_reply(sb, line, r, info, timeout_ms);
	free(line);
	return rc;
}

/* ---- leftovers of judges that died ---- */

static int owner_alive(json_t *c, const char *host)
{
	json_t *l = json_object_get(c, "Labels");
	const char *h = json_string_value(json_object_get(l, "org.judge.host"));
	const char *p = json_string_value(json_object_get(l, "org.judge.pid"));
	long pid = p ? strtol(p, NULL, 10) : 0;

	if (!h || strcmp(h, host) != 0)
		return 1;          /* another host's judge: not ours to judge */
	return pid > 0 && (kill((pid_t)pid, 0) == 0 || errno == EPERM);
}

int jg_sandbox_reap_leftovers(jg_docker *d)
{
	json_t *list = NULL, *c;
	char host[256] = "";
	size_t i;
	int rc = jg_docker_list(d, JG_SANDBOX_LABEL, &list);

	gethostname(host, sizeof(host) - 1);
	if (rc < 0)
		return rc;
	json_array_foreach(list, i, c) {
		const char *id = json_string_value(json_object_get(c, "Id"));
		if (id && !owner_alive(c, host))
			jg_docker_remove(d, id);
	}
	json_decref(list);
	/* Interactive pairs' volumes, once their containers are gone. */
	if ((rc = jg_docker_volume_list(d, JG_SANDBOX_LABEL, &list)) < 0)
		return rc;
	json_array_foreach(list, i, c) {
		const char *name = json_string_value(json_object_get(c, "Name"));
		if (name && !owner_alive(c, host))
			jg_docker_volume_remove(d, name);
	}
	json_decref(list);
	return 0;
}
