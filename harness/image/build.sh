#!/usr/bin/env bash
# harness/image/build.sh - build the judge runtime image (judge-runtime:1).
#
# Usage: build.sh [--offline|--registry|--auto] [--force]
#
#   --offline   debootstrap a bookworm root filesystem from the Debian mirror
#               and `docker import` it (needs root; no image registry needed).
#   --registry  `docker build` harness/image/Dockerfile (FROM debian:bookworm-slim).
#   --auto      (default) registry when debian:bookworm-slim is available
#               locally or `docker pull` succeeds quickly, offline otherwise.
#   --force     rebuild even when the image already exists.
#
# Environment: JUDGE_RUNTIME_IMAGE (default judge-runtime:1),
#              JUDGE_IMAGE_MIRROR (Debian mirror for --offline),
#              JUDGE_IMAGE_WORKDIR (where the temporary rootfs goes, default /var/tmp).
# Exit status: 0 image present and verified, 1 failure, 2 usage error.
set -euo pipefail

IMAGE=${JUDGE_RUNTIME_IMAGE:-judge-runtime:1}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PKG_FILE=$HERE/packages.txt
SUITE=bookworm
BASE_IMAGE=debian:bookworm-slim
CHROOT_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

log() { printf '[image] %s\n' "$*"; }
die() {
	printf '[image] ERROR: %s\n' "$*" >&2
	exit 1
}
usage() {
	sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
}

mode=auto
force=0
for arg in "$@"; do
	case $arg in
	--offline | offline) mode=offline ;;
	--registry | registry) mode=registry ;;
	--auto | auto) mode=auto ;;
	--force | -f) force=1 ;;
	-h | --help)
		usage
		exit 0
		;;
	*)
		printf 'build.sh: unknown argument: %s\n' "$arg" >&2
		usage >&2
		exit 2
		;;
	esac
done

[[ -r $PKG_FILE ]] || die "package list $PKG_FILE not found"
mapfile -t PACKAGES < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$PKG_FILE")
((${#PACKAGES[@]} > 0)) || die "package list $PKG_FILE is empty"

# Pick a docker client that can talk to the engine (a newer client next to an
# older engine must negotiate the API version; fall back to Debian's client).
DOCKER=
for c in docker /usr/bin/docker /usr/local/bin/docker; do
	if command -v "$c" >/dev/null 2>&1 && "$c" version >/dev/null 2>&1; then
		DOCKER=$c
		break
	fi
done
[[ -n $DOCKER ]] || die "no docker client can reach the Docker engine (is dockerd running?)"

if ((!force)) && "$DOCKER" image inspect "$IMAGE" >/dev/null 2>&1; then
	log "$IMAGE already exists; skipping (use --force to rebuild)"
	exit 0
fi

if [[ $mode == auto ]]; then
	log "checking for $BASE_IMAGE (local or registry)"
	if "$DOCKER" image inspect "$BASE_IMAGE" >/dev/null 2>&1 ||
		timeout 30 "$DOCKER" pull -q "$BASE_IMAGE" >/dev/null 2>&1; then
		mode=registry
	else
		mode=offline
	fi
	log "build mode: $mode"
fi

start=$SECONDS
# Replaced by --force; removed after a successful rebuild when unused.
old_id=$("$DOCKER" image inspect -f '{{.Id}}' "$IMAGE" 2>/dev/null) || old_id=

build_registry() {
	log "docker build -t $IMAGE $HERE (packages: ${PACKAGES[*]})"
	"$DOCKER" build -t "$IMAGE" -f "$HERE/Dockerfile" "$HERE" ||
		die "docker build of $IMAGE failed"
}

# The Debian mirror: the first plain .../debian URI in the machine's apt
# sources (one-line or deb822 format), else deb.debian.org.
find_mirror() {
	if [[ -n ${JUDGE_IMAGE_MIRROR:-} ]]; then
		printf '%s\n' "$JUDGE_IMAGE_MIRROR"
		return
	fi
	local f m=
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
		[[ -r $f ]] || continue
		m=$(grep -hoE '(^deb(\s+\[[^]]*\])?|^URIs:)\s+https?://[^[:space:]]+/debian/?(\s|$)' "$f" 2>/dev/null |
			grep -oE 'https?://[^[:space:]]+' | head -n1) || true
		[[ -n $m ]] && break
	done
	printf '%s\n' "${m:-http://deb.debian.org/debian}"
}

WORK=
ROOTFS=
DEBOOTSTRAP_PID=
unmount_all() {
	[[ -n $ROOTFS ]] || return 0
	local mp
	# Deepest mount points first.
	while read -r mp; do
		umount "$mp" 2>/dev/null || umount -l "$mp" 2>/dev/null || true
	done < <(awk -v r="$ROOTFS" '$2 == r || index($2, r "/") == 1 { print $2 }' /proc/mounts | sort -r)
}
cleanup() {
	if [[ -n $DEBOOTSTRAP_PID ]] && kill -0 "$DEBOOTSTRAP_PID" 2>/dev/null; then
		kill "$DEBOOTSTRAP_PID" 2>/dev/null || true
		wait "$DEBOOTSTRAP_PID" 2>/dev/null || true
	fi
	if [[ -n $WORK && -d $WORK ]]; then
		unmount_all
		if awk -v r="$ROOTFS" 'index($2, r) == 1 { found = 1 } END { exit !found }' /proc/mounts; then
			printf '[image] WARNING: mounts remain under %s; not removing it\n' "$ROOTFS" >&2
		else
			rm -rf --one-file-system "$WORK"
		fi
	fi
}

in_root() {
	chroot "$ROOTFS" /usr/bin/env -i PATH="$CHROOT_PATH" HOME=/root LANG=C.UTF-8 \
		DEBIAN_FRONTEND=noninteractive "$@"
}

missing_packages() {
	local p st
	for p in "${PACKAGES[@]}"; do
		# shellcheck disable=SC2016
		st=$(in_root dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null) || st=
		[[ $st == installed ]] || printf '%s\n' "$p"
	done
}

build_offline() {
	((EUID == 0)) || die "--offline needs root (debootstrap, chroot, mount)"
	if ! command -v debootstrap >/dev/null 2>&1; then
		log "installing debootstrap"
		export DEBIAN_FRONTEND=noninteractive
		apt-get install -y -q debootstrap >/dev/null 2>&1 ||
			{ apt-get update -q >/dev/null && apt-get install -y -q debootstrap >/dev/null; } ||
			die "cannot install debootstrap"
	fi
	local mirror
	mirror=$(find_mirror)
	WORK=$(mktemp -d "${JUDGE_IMAGE_WORKDIR:-/var/tmp}/judge-image.XXXXXX")
	ROOTFS=$WORK/rootfs
	trap cleanup EXIT
	trap 'exit 130' INT TERM
	local include
	include=$(IFS=,; printf '%s' "${PACKAGES[*]}")

	log "debootstrap --variant=minbase $SUITE from $mirror into $ROOTFS"
	log "  packages: ${PACKAGES[*]}"
	log "  (full log: $WORK/debootstrap.log; a few minutes)"
	local rc=0
	debootstrap --variant=minbase --include="$include" "$SUITE" "$ROOTFS" "$mirror" \
		>"$WORK/debootstrap.log" 2>&1 &
	DEBOOTSTRAP_PID=$!
	local pid=$DEBOOTSTRAP_PID last=
	# Progress: one line per debootstrap phase.
	while kill -0 "$pid" 2>/dev/null; do
		sleep 5
		local cur
		cur=$(grep -oE '^I: (Retrieving|Validating|Checking|Extracting|Installing|Unpacking|Configuring|Base system)[a-z ]*' \
			"$WORK/debootstrap.log" | tail -n1 | awk '{print $2}') || true
		if [[ -n $cur && $cur != "$last" ]]; then
			log "  debootstrap: $cur... ($((SECONDS - start))s)"
			last=$cur
		fi
	done
	wait "$pid" || rc=$?
	DEBOOTSTRAP_PID=
	if ((rc != 0)); then
		log "debootstrap exited with status $rc; last lines of its log:"
		tail -n 15 "$WORK/debootstrap.log" | sed 's/^/[image]   /'
		[[ -x $ROOTFS/usr/bin/dpkg && -f $ROOTFS/var/lib/dpkg/status ]] ||
			die "debootstrap failed before a usable root filesystem existed"
		log "trying to finish the installation inside the chroot"
	fi

	# Finish inside the chroot with /proc mounted: some maintainer scripts
	# (openjdk, ca-certificates-java) need /proc to run java.
	unmount_all
	mount -t proc proc "$ROOTFS/proc" || die "cannot mount /proc in $ROOTFS"
	rm -f "$ROOTFS/etc/resolv.conf"
	cp -L /etc/resolv.conf "$ROOTFS/etc/resolv.conf" 2>/dev/null || true
	printf '#!/bin/sh\nexit 101\n' >"$ROOTFS/usr/sbin/policy-rc.d"
	chmod 755 "$ROOTFS/usr/sbin/policy-rc.d"

	log "dpkg --configure -a (chroot)"
	in_root dpkg --configure -a >>"$WORK/debootstrap.log" 2>&1 ||
		log "dpkg --configure -a reported errors; retrying via apt-get"
	local missing
	missing=$(missing_packages)
	if [[ -n $missing ]] || [[ -n $(in_root dpkg --audit 2>/dev/null) ]]; then
		log "apt-get install in chroot: ${missing//$'\n'/ }"
		printf 'deb %s %s main\n' "$mirror" "$SUITE" >"$ROOTFS/etc/apt/sources.list"
		{ in_root apt-get update -q &&
			in_root apt-get -f install -y -q --no-install-recommends &&
			in_root apt-get install -y -q --no-install-recommends "${PACKAGES[@]}"; } \
			>>"$WORK/debootstrap.log" 2>&1 || {
			tail -n 20 "$WORK/debootstrap.log" >&2
			die "could not finish the package installation in the chroot"
		}
	fi
	missing=$(missing_packages)
	[[ -z $missing ]] || die "packages still not installed: ${missing//$'\n'/ }"
	[[ -z $(in_root dpkg --audit 2>/dev/null) ]] || {
		in_root dpkg --audit >&2
		die "dpkg reports half-installed packages"
	}
	in_root java -version >/dev/null 2>&1 || die "java does not run inside the new root filesystem"

	log "cleaning apt caches, docs, man pages, logs"
	in_root apt-get clean >/dev/null 2>&1 || true
	rm -f "$ROOTFS/usr/sbin/policy-rc.d" "$ROOTFS/etc/resolv.conf"
	umount "$ROOTFS/proc" 2>/dev/null || umount -l "$ROOTFS/proc"
	rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/cache/apt/*.bin \
		"$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/cache/debconf/*-old \
		"$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* "$ROOTFS"/usr/share/lintian \
		"$ROOTFS"/usr/share/linda "$ROOTFS"/var/log/*.log "$ROOTFS"/var/log/apt/* \
		"$ROOTFS"/tmp/* "$ROOTFS"/var/tmp/* "$ROOTFS"/root/.cache
	# Documentation, keeping each package's copyright file.
	find "$ROOTFS/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete 2>/dev/null || true
	find "$ROOTFS/usr/share/doc" -mindepth 1 -type d -empty -delete 2>/dev/null || true
	# Translations other than English.
	find "$ROOTFS/usr/share/locale" -mindepth 1 -maxdepth 1 -type d ! -name 'en*' \
		-exec rm -rf {} + 2>/dev/null || true
	: >"$ROOTFS/etc/machine-id" 2>/dev/null || true
	# Point apt at the public mirror for anyone extending the image.
	printf 'deb http://deb.debian.org/debian %s main\n' "$SUITE" >"$ROOTFS/etc/apt/sources.list"
	printf 'deb http://deb.debian.org/debian-security %s-security main\n' "$SUITE" >>"$ROOTFS/etc/apt/sources.list"

	log "rootfs size: $(du -sh --one-file-system "$ROOTFS" | cut -f1); importing as $IMAGE"
	tar -C "$ROOTFS" --numeric-owner -cf - . |
		"$DOCKER" import \
			--change "ENV PATH=$CHROOT_PATH" \
			--change 'ENV LANG=C.UTF-8' \
			--change 'ENV GOCACHE=/tmp/.cache/go-build' \
			--change 'LABEL org.judge.runtime=1' \
			--change 'LABEL org.judge.runtime.build=offline' \
			--change 'CMD ["bash"]' \
			--message "judge runtime image (debootstrap $SUITE minbase)" \
			- "$IMAGE" >/dev/null || die "docker import failed"
}

case $mode in
registry) build_registry ;;
offline) build_offline ;;
esac

log "verifying toolchains in $IMAGE"
verify='set -e
gcc --version | head -n1
g++ --version | head -n1
python3 --version
java -version 2>&1 | head -n1
node --version
go version
cd /tmp
printf "#include <stdio.h>\nint main(void){puts(\"c ok\");return 0;}\n" >t.c
gcc -std=c17 -O2 -static -o tc t.c && ./tc
printf "#include <iostream>\nint main(){std::cout<<\"c++ ok\\\\n\";}\n" >t.cpp
g++ -std=c++20 -O2 -static -o tcpp t.cpp && ./tcpp
python3 -c "print(\"python ok\")"
printf "class Main{public static void main(String[] a){System.out.println(\"java ok\");}}\n" >Main.java
javac Main.java && java -cp . Main
node -e "console.log(\"node ok\")"
printf "package main\nimport \"fmt\"\nfunc main(){fmt.Println(\"go ok\")}\n" >m.go
go build -o m m.go && ./m'
if ! "$DOCKER" run --rm --network none "$IMAGE" sh -c "$verify" 2>&1 | sed 's/^/[image]   /'; then
	"$DOCKER" rmi "$IMAGE" >/dev/null 2>&1 || true
	die "verification of $IMAGE failed (a toolchain is missing or broken); the image was removed"
fi
new_id=$("$DOCKER" image inspect -f '{{.Id}}' "$IMAGE")
if [[ -n $old_id && $old_id != "$new_id" ]]; then
	"$DOCKER" rmi "$old_id" >/dev/null 2>&1 ||
		log "note: the previous image ${old_id:7:12} is still in use; not removed"
fi
size=$("$DOCKER" image inspect -f '{{.Size}}' "$IMAGE")
log "done: $IMAGE ($((size / 1000000)) MB) built in $((SECONDS - start))s ($mode)"
