extension KnowledgeBase {
    /// systemd units, restart loops and cron.
    static let systemEntries: [KnowledgeEntry] = [
        KnowledgeEntry(
            id: "systemd-restart-loop", family: "system", title: "systemd service restarting in a loop", severity: .high,
            signals: ["scheduled restart job, restart counter is at", "service: scheduled restart job", "main process exited, code=exited", "main process exited, code=killed", "holdoff time over, scheduling restart"],
            topics: ["systemd", "restart", "service", "unit", "loop", "crash"],
            likelyCauses: [
                "The service crashes right after start: bad configuration, missing dependency, port in use.",
                "A dependency it needs at startup (database, network mount) is not available yet.",
            ],
            nextSteps: [
                "Read the start attempts: `journalctl -u <unit> --since '-30min' --no-pager | tail -100`.",
                "Check restarts and the exit status: `systemctl status <unit>`, `systemctl show -p NRestarts,ExecMainStatus <unit>`.",
                "Run the ExecStart command by hand as the service user to see the error directly.",
            ]),
        KnowledgeEntry(
            id: "systemd-start-limit-hit", family: "system", title: "systemd start limit hit (unit gave up)", severity: .critical,
            signals: ["start request repeated too quickly", "start-limit-hit", "failed with result 'start-limit-hit'"],
            topics: ["systemd", "start", "limit", "unit", "failed"],
            likelyCauses: ["The unit failed more than StartLimitBurst times within StartLimitIntervalSec; systemd stopped restarting it."],
            nextSteps: [
                "Find the first failure's cause: `journalctl -u <unit> -b --no-pager | grep -m5 -iE 'error|fail'`.",
                "After fixing it: `systemctl reset-failed <unit> && systemctl start <unit>`.",
            ]),
        KnowledgeEntry(
            id: "systemd-unit-failed", family: "system", title: "systemd unit failed to start", severity: .high,
            signals: ["failed with result 'exit-code'", "failed to start", "status=203/exec", "status=217/user", "status=200/chdir", "entered failed state", "dependency failed for"],
            topics: ["systemd", "unit", "service", "failed", "start"],
            likelyCauses: [
                "ExecStart points at a missing or non-executable binary (203/EXEC), a missing user (217/USER) or directory (200/CHDIR).",
                "The program exits non-zero on startup (configuration error).",
            ],
            nextSteps: [
                "See the exit status: `systemctl status <unit>` and `journalctl -xeu <unit>`.",
                "Check the unit file: `systemctl cat <unit>` and `systemd-analyze verify <unit>`.",
            ]),
        KnowledgeEntry(
            id: "cron-job-failure", family: "system", title: "Scheduled (cron) job failures", severity: .low,
            signals: ["cron & error", "(cron) error", "cronjob & failed", "job & backofflimitexceeded", "anacron", "crond & failed", "cron.daily & failed"],
            topics: ["cron", "crontab", "cronjob", "schedule", "job", "batch"],
            likelyCauses: [
                "The job's environment differs from a shell (PATH, HOME, no TTY), or the script fails.",
                "Overlapping runs when one run takes longer than the interval.",
            ],
            nextSteps: [
                "Read the cron log: `journalctl -u cron --since today` (or `grep CRON /var/log/syslog`).",
                "Run the exact command as the cron user with a minimal env: `sudo -u <user> env -i PATH=/usr/bin:/bin sh -c '<command>'`.",
                "For Kubernetes CronJobs: `kubectl get jobs -n <ns>` and `kubectl logs job/<job>`.",
            ]),
    ]
}
