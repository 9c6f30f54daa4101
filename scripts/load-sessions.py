#!/usr/bin/env python3
"""Load on the query port from a second process: N troubleshooting sessions at once.

Every session runs the conversation of a user, all sessions concurrently (released together by a
barrier): POST /api/data (log text; opens the session), POST /api/query in that session, POST
/api/feedback rejecting the first recommendation, POST /api/query again. Prints one JSON object:

  {"sessions", "completed_sessions", "requests", "statuses": {"200": n, ...}, "errors", "error_samples",
   "latency_ms": {"p50", "p99", "max"}, "wall_seconds"}

An error is a connection failure, a status other than the one expected, or an answer without the
fields the next step needs. Exit status 0 when there is none, 1 otherwise. Standard library only.

  scripts/load-sessions.py --port 9797 --sessions 200
"""

import argparse
import http.client
import json
import sys
import threading
import time

DATA_LINES = [
    "2026-03-02 08:00:00,000 INFO checkout.api: POST /api/orders 201 in 35ms user=%d",
    "2026-03-02 08:00:01,000 ERROR checkout.db: could not obtain connection to db-primary:5432 within 5000ms: pool exhausted (50/50 in use)",
    "2026-03-02 08:00:02,000 ERROR checkout.payments: payment call failed for order %d: upstream payments returned 503 after 2168ms",
    "2026-03-02 08:00:03,000 WARN checkout.cache: cache miss storm on shard 3 (%d misses/s)",
]


class Recorder:
    """Statuses, latencies and errors of every request, shared by the session threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.statuses = {}
        self.latencies = []
        self.errors = []
        self.completed = 0

    def request(self, status, seconds):
        with self.lock:
            key = str(status)
            self.statuses[key] = self.statuses.get(key, 0) + 1
            self.latencies.append(seconds * 1000.0)

    def error(self, session, step, message):
        with self.lock:
            self.errors.append("session %d, %s: %s" % (session, step, message[:300]))

    def done(self):
        with self.lock:
            self.completed += 1


def post(conn, path, body, session_id, recorder):
    """POST `body` as JSON; returns (status, parsed body or None). Connection errors count as status 0."""
    headers = {"Content-Type": "application/json"}
    if session_id:
        headers["X-Session-ID"] = session_id
    start = time.monotonic()
    try:
        conn.request("POST", path, body=json.dumps(body), headers=headers)
        response = conn.getresponse()
        raw = response.read()
        status = response.status
    except (OSError, http.client.HTTPException) as e:
        recorder.request(0, time.monotonic() - start)
        raise ConnectionError("POST %s after %.1f s: %s %s" % (path, time.monotonic() - start, type(e).__name__, e)) from e
    recorder.request(status, time.monotonic() - start)
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, None


def expect(recorder, session, step, status, body, key):
    """The value at `key` of a 200 answer, or None after recording why there is none."""
    if status != 200:
        recorder.error(session, step, "status %d: %s" % (status, json.dumps(body)))
        return None
    if not isinstance(body, dict) or key not in body:
        recorder.error(session, step, "no '%s' in %s" % (key, json.dumps(body)))
        return None
    return body[key]


def conversation(n, host, port, timeout, barrier, recorder):
    """One user's session: data, question, feedback, question."""
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        barrier.wait()
        content = "\n".join(line % n if "%d" in line else line for line in DATA_LINES) + "\n"
        status, body = post(conn, "/api/data", {"type": "text", "content": content, "name": "app-%d.log" % n}, None, recorder)
        sid = expect(recorder, n, "data", status, body, "session_id")
        if sid is None:
            return
        status, body = post(conn, "/api/query", {"query": "why is checkout failing? (user %d)" % n}, sid, recorder)
        ids = expect(recorder, n, "query", status, body, "recommendation_ids")
        if not ids:
            if ids is not None:
                recorder.error(n, "query", "no recommendations to give feedback on")
            return
        feedback = {"recommendation_id": ids[0], "verdict": "reject", "comment": "did not help"}
        status, body = post(conn, "/api/feedback", feedback, sid, recorder)
        if expect(recorder, n, "feedback", status, body, "verdict") is None:
            return
        status, body = post(conn, "/api/query", {"query": "what else should I check?"}, sid, recorder)
        again = expect(recorder, n, "second query", status, body, "recommendation_ids")
        if again is None:
            return
        if ids[0] in again:
            recorder.error(n, "second query", "the rejected recommendation %s was offered again" % ids[0])
            return
        recorder.done()
    except ConnectionError as e:
        recorder.error(n, "connection", str(e))
    except threading.BrokenBarrierError:
        recorder.error(n, "start", "the start barrier broke")
    finally:
        conn.close()


def percentile(sorted_values, p):
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, max(0, int(round(p / 100.0 * len(sorted_values))) - 1))
    return round(sorted_values[index], 1)


def main():
    parser = argparse.ArgumentParser(description="N concurrent troubleshooting sessions against the query port.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds one request may take")
    args = parser.parse_args()

    recorder = Recorder()
    barrier = threading.Barrier(args.sessions, timeout=args.timeout)
    threads = [
        threading.Thread(target=conversation, args=(n, args.host, args.port, args.timeout, barrier, recorder), daemon=True)
        for n in range(args.sessions)
    ]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - start

    latencies = sorted(recorder.latencies)
    report = {
        "sessions": args.sessions,
        "completed_sessions": recorder.completed,
        "requests": len(latencies),
        "statuses": recorder.statuses,
        "errors": len(recorder.errors),
        "error_samples": recorder.errors[:10],
        "latency_ms": {"p50": percentile(latencies, 50), "p99": percentile(latencies, 99), "max": percentile(latencies, 100)},
        "wall_seconds": round(wall, 2),
    }
    json.dump(report, sys.stdout, sort_keys=True)
    sys.stdout.write("\n")
    return 0 if not recorder.errors and recorder.completed == args.sessions else 1


if __name__ == "__main__":
    sys.exit(main())
