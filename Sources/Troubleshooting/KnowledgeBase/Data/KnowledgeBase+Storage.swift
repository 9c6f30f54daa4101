extension KnowledgeBase {
    /// Filesystems and files: space, inodes, read-only mounts, I/O errors, permissions, paths.
    static let storageEntries: [KnowledgeEntry] = [
        KnowledgeEntry(
            id: "disk-full", family: "storage", title: "Disk full (ENOSPC)", severity: .critical,
            signals: ["no space left on device", "enospc", "disk full", "disk quota exceeded", "not enough space on the disk", "could not extend file", "filesystem is full"],
            topics: ["disk", "space", "storage", "full", "filesystem", "df"],
            likelyCauses: [
                "Logs, temp files or core dumps filled the filesystem (often a rotation that stopped working).",
                "A database, queue or cache directory grew past the volume's size.",
                "Deleted files still held open by a running process keep their space.",
            ],
            nextSteps: [
                "Find the full filesystem: `df -h` (and `df -i` for inodes).",
                "Find what grew: `sudo du -xh --max-depth=2 /var | sort -h | tail -20`.",
                "Find deleted-but-open files: `sudo lsof +L1` and restart the holder to release them.",
                "Free space safely (rotate/compress logs: `sudo journalctl --vacuum-size=500M`), then fix retention so it does not recur.",
            ]),
        KnowledgeEntry(
            id: "inode-exhaustion", family: "storage", title: "Inodes exhausted", severity: .high,
            signals: ["no space left on device & inode", "out of inodes", "inode exhaustion", "no free inodes"],
            topics: ["inode", "inodes", "files", "disk", "df"],
            likelyCauses: [
                "Millions of small files (sessions, cache entries, mail queue, temp files) used every inode while blocks remain free.",
            ],
            nextSteps: [
                "Confirm with `df -i`: IUse% at 100% while `df -h` still shows space.",
                "Find the directory with most files: `sudo find / -xdev -type f | cut -d/ -f2-3 | sort | uniq -c | sort -n | tail`.",
                "Remove stale small files (e.g. `find /tmp -type f -mtime +7 -delete`) and fix whatever creates them.",
            ]),
        KnowledgeEntry(
            id: "read-only-filesystem", family: "storage", title: "Read-only filesystem", severity: .critical,
            signals: ["read-only file system", "erofs", "remounting filesystem read-only", "mounted read-only"],
            topics: ["readonly", "read-only", "mount", "filesystem", "remount"],
            likelyCauses: [
                "The kernel remounted the filesystem read-only after I/O or journal errors.",
                "A container or volume is mounted read-only by design and the app writes to it.",
            ],
            nextSteps: [
                "Check the kernel log for the reason: `sudo dmesg -T | grep -iE 'ext4|xfs|i/o error|remount'`.",
                "See mount options: `findmnt -o TARGET,SOURCE,OPTIONS | grep -w ro`.",
                "If the disk is failing, fail over first; then `fsck` the device while unmounted before remounting rw.",
            ]),
        KnowledgeEntry(
            id: "disk-io-error", family: "storage", title: "Disk I/O errors", severity: .critical,
            signals: ["i/o error", "input/output error", "blk_update_request", "buffer i/o error", "medium error", "smart error"],
            topics: ["disk", "io", "hardware", "smart", "device"],
            likelyCauses: [
                "A failing disk or controller, or a detached network/cloud volume.",
                "Filesystem corruption after an unclean shutdown.",
            ],
            nextSteps: [
                "Read the kernel log: `sudo dmesg -T | grep -i 'i/o error'`.",
                "Check disk health: `sudo smartctl -a /dev/sdX` (or the cloud volume's status).",
                "Move the workload off the device; restore from replicas or backups rather than writing further.",
            ]),
        KnowledgeEntry(
            id: "permission-denied", family: "storage", title: "Permission denied", severity: .medium,
            signals: ["permission denied", "eacces", "operation not permitted", "eperm", "access is denied"],
            topics: ["permission", "denied", "access", "owner", "chmod", "selinux", "apparmor"],
            likelyCauses: [
                "The service's user lacks rights on a file, directory or socket (often after a deploy changed users or paths).",
                "SELinux/AppArmor denies the access even though Unix modes allow it.",
            ],
            nextSteps: [
                "Check ownership along the whole path: `namei -l /path/from/the/error`.",
                "Check which user the service runs as: `systemctl show -p User <unit>` or `ps -o user,cmd -p <pid>`.",
                "Look for MAC denials: `sudo ausearch -m avc -ts recent` or `sudo dmesg | grep -i apparmor`.",
            ]),
        KnowledgeEntry(
            id: "file-not-found", family: "storage", title: "Missing files or paths", severity: .medium,
            signals: ["no such file or directory", "enoent", "filenotfoundexception", "file not found", "filenotfounderror"],
            topics: ["file", "missing", "path", "directory", "mount"],
            likelyCauses: [
                "A path changed in a deploy or configuration, or a volume is not mounted.",
                "A cleanup job removed files still in use.",
            ],
            nextSteps: [
                "Check the exact path on the host or in the container: `ls -l <path>`, `kubectl exec <pod> -- ls -l <path>`.",
                "Check mounts: `findmnt <dir>` / `kubectl describe pod <pod>` (Volumes and Mounts).",
                "Compare configured paths between the current and the previous release.",
            ]),
        KnowledgeEntry(
            id: "stale-file-handle", family: "storage", title: "Stale NFS file handle", severity: .high,
            signals: ["stale file handle", "estale", "nfs: server & not responding"],
            topics: ["nfs", "stale", "mount", "network", "filesystem"],
            likelyCauses: [
                "The NFS server restarted or the export changed under an open mount.",
                "The NFS server or the network path to it is down.",
            ],
            nextSteps: [
                "Check the server: `showmount -e <server>` and `rpcinfo -p <server>`.",
                "Remount: `sudo umount -l <mnt> && sudo mount <mnt>`.",
            ]),
    ]
}
