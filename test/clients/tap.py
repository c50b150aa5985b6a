"""TAP-style result lines of the Python client tests (client.py, odbc_client.py): one line
per check ('ok - ...' or 'not ok - ...: detail'), then the count of failed checks."""

failures = 0


def check(cond, name, detail=""):
    """Print one result line."""
    global failures
    if cond:
        print("ok - " + name)
    else:
        failures += 1
        print("not ok - %s: %s" % (name, detail))


def finish():
    """Print how many checks failed; the exit status (1 if any failed)."""
    print("%d failed" % failures)
    return 1 if failures else 0
