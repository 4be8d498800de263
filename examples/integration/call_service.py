"""Calling the gov-credit-rules web service from Python (standard library only).

Start the service first: npx gov-credit-rules serve   (it needs fastify: npm install gov-credit-rules fastify@5)
Run: python3 examples/integration/call_service.py
GOV_CREDIT_RULES_URL (default http://127.0.0.1:8080); GOV_CREDIT_RULES_TOKEN if the service has one.
A client for every endpoint can be generated from GET /openapi.json (openapi-python-client, …).
"""
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request

BASE = os.environ.get("GOV_CREDIT_RULES_URL", "http://127.0.0.1:8080")
TOKEN = os.environ.get("GOV_CREDIT_RULES_TOKEN")


class ServiceError(Exception):
    """An error answer: its HTTP status and {"code", "message", "issues": [{path, code, message}], ...}."""

    def __init__(self, status, error):
        super().__init__(f"{status} {error['code']}: {error['message']['en']}")
        self.status, self.error = status, error


def _open(method, path, body=None, content_type="application/json"):
    """The response to one request; 503 (busy, or restarting) is retried after Retry-After."""
    headers = {"Content-Type": content_type} if body is not None else {}
    if TOKEN:
        headers["Authorization"] = f"Bearer {TOKEN}"
    for attempt in range(3):
        request = urllib.request.Request(BASE + path, data=body, headers=headers, method=method)
        try:
            return urllib.request.urlopen(request, timeout=300)
        except urllib.error.HTTPError as e:
            if e.code == 503 and attempt < 2:
                time.sleep(int(e.headers.get("Retry-After", "1")))
                continue
            # 400 bad input, 404 unknown pack, 413 too large, 415 not JSON, 422 refused (TH-6, calendar).
            raise ServiceError(e.code, json.loads(e.read())["error"]) from None


def evaluate(query):
    """One query, one Decision."""
    with _open("POST", "/v1/evaluate", json.dumps(query).encode()) as res:
        return json.load(res)


def decide_subject(subject, packs, as_of, year=None, actions="all"):
    """One subject under several packs and actions: {pack: {action: Decision}}."""
    body = {"subject": subject, "packs": packs, "asOf": as_of, "actions": actions}
    if year is not None:
        body["assessmentYear"] = year
    with _open("POST", "/v1/decide-subject", json.dumps(body).encode()) as res:
        return json.load(res)


def screen(subjects, packs, as_of, actions="all", year=None, decisions="not-clear"):
    """A roster, NDJSON in and out: one answer line per subject, in order, read as they come.
    urllib sends the whole roster before it reads; the service keeps it on disk meanwhile."""
    params = {"packs": packs, "actions": actions, "asOf": as_of, "decisions": decisions}
    if year is not None:
        params["assessmentYear"] = year
    body = "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in subjects).encode()
    with _open("POST", "/v1/screen?" + urllib.parse.urlencode(params), body, "application/x-ndjson") as res:
        for line in res:
            yield json.loads(line)


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
    except ServiceError as e:
        issue = e.error["issues"][0]
        print("refused:", e.status, issue["path"], issue["message"]["en"])

    all_packs = decide_subject(subject, ["cn-national", "cn-tj-binhai"], "2026-11-20", 2026)
    print("promotion clear from", all_packs["cn-national"]["promotion"]["clearFrom"])

    for row in screen([subject, {"id": "p-2", "kind": "civil-servant"}, {"id": "bad", "kind": "mayor"}],
                      "cn-yn", "2026-11-20", actions="awards"):
        if row["status"] == "error":
            print(row["line"], "error", row["error"]["issues"][0]["path"])
        else:
            print(row["line"], row["subject"]["id"], [r["verdict"] for r in row["results"]])
