"""The span of a run's tasks of one kind, from its journal: first start to last end, the number of tasks and the
sum of their durations, in milliseconds.   python3 bench/journal-span.py JOURNAL PREFIX   (e.g. PREFIX sync:)
Prints: SPAN_MS TASKS SUM_MS"""
import json
import sys
from datetime import datetime


def when(text):
    # 2026-12-05T18:02:01.158484004Z: nanoseconds cut to microseconds for fromisoformat
    date, _, frac = text.rstrip("Z").partition(".")
    return datetime.fromisoformat(date + "." + (frac + "000000")[:6]).timestamp()


starts, ends = {}, {}
with open(sys.argv[1]) as journal:
    for line in journal:
        event = json.loads(line)
        task = event.get("task", "")
        if not task.startswith(sys.argv[2]):
            continue
        if event.get("state") == "running":
            starts.setdefault(task, when(event["time"]))
        elif event.get("state") in ("done", "failed", "skipped"):
            ends[task] = when(event["time"])
tasks = [t for t in ends if t in starts]
if not tasks:
    print("0 0 0")
else:
    span = max(ends[t] for t in tasks) - min(starts[t] for t in tasks)
    total = sum(ends[t] - starts[t] for t in tasks)
    print(round(span * 1000), len(tasks), round(total * 1000))
