# bench/chroot.sh - sourced by the benchmarks: the runtime image's file system
# as a plain chroot, so that their native baselines run the very toolchains
# of the judge's containers without any sandbox (no container, cgroup,
# seccomp or limits).
#
#   bench_rootfs DIR IMAGE   exports IMAGE into DIR, mounts /proc and /dev;
#                            returns 1 (and leaves no mount) when it cannot
#   bench_rootfs_cleanup DIR unmounts; returns 1 when a mount is still busy
#                            (the caller must then not remove DIR)

bench_rootfs() {
	local dir=$1 image=$2 cid
	mkdir -p "$dir"
	cid=$(docker create "$image" true 2>/dev/null) || return 1
	docker export "$cid" | tar -x -C "$dir" 2>/dev/null
	docker rm -f "$cid" >/dev/null 2>&1
	[[ -x $dir/usr/bin/gcc ]] || return 1
	if ! mount -t proc proc "$dir/proc" || ! mount --bind /dev "$dir/dev"; then
		bench_rootfs_cleanup "$dir"
		return 1
	fi
}

bench_rootfs_cleanup() {
	local dir=$1
	umount "$dir/proc" "$dir/dev" 2>/dev/null
	! mountpoint -q "$dir/proc" && ! mountpoint -q "$dir/dev"
}
