#!/usr/bin/env python3
"""usage: maxrss.py OUT CMD [ARG...]: runs CMD (inheriting the terminal) and writes
its peak resident memory in kilobytes (getrusage RUSAGE_CHILDREN ru_maxrss) to OUT."""
import resource, subprocess, sys

code = subprocess.call(sys.argv[2:])
with open(sys.argv[1], "w") as f:
    f.write(f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\n")
sys.exit(code)
