"""Calling the gov-credit-rules CLI from Python: JSON in, JSON out.

Run: python3 examples/integration/call_cli.py
The command defaults to `npx gov-credit-rules`; set GOV_CREDIT_RULES_CLI to override it
(for example "node node_modules/gov-credit-rules/dist/cli.js").
"""
import json
import os
import shlex
import subprocess

CLI = shlex.split(os.environ.get("GOV_CREDIT_RULES_CLI", "npx gov-credit-rules"))


def evaluate(query: dict) -> dict:
    """One query in on stdin, one Decision out on stdout."""
    p = subprocess.run(CLI + ["evaluate", "-", "--format", "json", "--locale", "en"],
                       input=json.dumps(query), capture_output=True, text=True)
    if p.returncode == 0:
        return json.loads(p.stdout)
    if p.returncode == 1:  # the query was refused: a JSON error with paths, on stderr
        raise ValueError(json.loads(p.stderr)["error"]["issues"])
    raise RuntimeError(p.stderr)  # 2: could not run (usage, pack); 3: internal error


def batch(subjects, pack, action, as_of, year=None):
    """Many subjects: one JSON line each in; one line out per line in, in order, with its number:
    its decisions ("ok"), the actions that do not apply ("skipped"), "blank", or its "error"."""
    args = CLI + ["batch", "-", "--pack", pack, "--action", action, "--as-of", as_of, "--quiet"]
    if year is not None:
        args += ["--year", str(year)]
    lines = "".join(json.dumps(s) + "\n" for s in subjects)
    p = subprocess.run(args, input=lines, capture_output=True, text=True)
    if p.returncode not in (0, 1):  # 2: could not run; 3: internal error; 4: stdout closed
        raise RuntimeError(p.stderr)
    return [json.loads(line) for line in p.stdout.splitlines()]


if __name__ == "__main__":
    subject = {
        "id": "p-1024",
        "kind": "civil-servant",
        "records": [{"id": "r1", "kind": "disciplinary-sanction", "sanction": "warning",
                     "occurredOn": "2026-05-20", "decidedOn": "2026-08-10"}],
    }
    d = evaluate({"pack": "cn-tj-binhai", "subject": subject, "action": "excellent-rating",
                  "asOf": "2026-11-20", "assessmentYear": 2026})
    print(d["verdict"], [c["clause"] for r in d["reasons"] for c in r["clauses"]])

    try:
        evaluate({"pack": "cn-tj-binhai", "subject": {"id": "x", "kind": "civil-servant"},
                  "action": "excellent-rating", "asOf": "2026-11-20"})
    except ValueError as issues:
        print("refused:", issues.args[0][0]["path"], issues.args[0][0]["message"]["en"])

    rows = batch([subject, {"id": "p-2", "kind": "civil-servant"}, {"id": "bad", "kind": "mayor"}],
                 "cn-yn", "awards", "2026-11-20")
    for row in rows:
        if row["status"] == "error":
            print(row["line"], row["error"]["issues"][0]["path"])
        else:
            print(row["line"], [(d["subject"]["id"], d["verdict"]) for d in row["decisions"]])
