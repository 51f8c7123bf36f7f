"""10,000 requests, 64 at a time, mixed reads and writes: no errors, no lost writes; then a server killed in
the middle of a load comes back from --state with every write it acknowledged."""
import base64
import http.client
import json
import os
import tempfile
import threading
import time
import urllib.parse

from conftest import ACCESS_KEY, SECRET_KEY, MockProcess

AUTH = {"Authorization": "Basic " + base64.b64encode(("%s:%s" % (ACCESS_KEY, SECRET_KEY)).encode()).decode(),
        "Content-Type": "application/json"}


class Worker(threading.Thread):
    """Creates its own stacks and updates them (writes), lists and reads them (reads), one request at a
    time on one keep-alive connection; records what the server acknowledged."""

    def __init__(self, url, name, requests, stop_after_kill=False):
        super().__init__()
        parts = urllib.parse.urlsplit(url)
        self.host, self.port = parts.hostname, parts.port
        self.name_prefix, self.requests = name, requests
        self.acknowledged = {}   # id -> the description the server last acknowledged
        self.in_flight = {}      # id -> the description of a write sent but not answered
        self.errors, self.latencies, self.stop_after_kill = [], [], stop_after_kill

    def call(self, connection, method, path, body=None):
        started = time.perf_counter()
        connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=AUTH)
        response = connection.getresponse()
        payload = response.read()
        self.latencies.append(time.perf_counter() - started)
        return response.status, json.loads(payload)

    def run(self):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            for index in range(self.requests):
                kind = index % 4
                if kind == 0 or not self.acknowledged:
                    status, body = self.call(connection, "POST", "/v2-beta/stacks",
                                             {"name": "%s-%d" % (self.name_prefix, index), "description": "v0"})
                    if status != 201:
                        self.errors.append((status, body))
                    else:
                        self.acknowledged[body["id"]] = "v0"
                elif kind == 1:
                    target = sorted(self.acknowledged)[index % len(self.acknowledged)]
                    description = "v%d" % index
                    self.in_flight[target] = description
                    status, body = self.call(connection, "PUT", "/v2-beta/stacks/" + target, {"description": description})
                    if status != 200:
                        self.errors.append((status, body))
                    else:
                        self.acknowledged[target] = description
                    del self.in_flight[target]
                elif kind == 2:
                    status, body = self.call(connection, "GET", "/v2-beta/stacks?name_prefix=%s&limit=5" % self.name_prefix)
                    if status != 200:
                        self.errors.append((status, body))
                else:
                    target = sorted(self.acknowledged)[index % len(self.acknowledged)]
                    status, body = self.call(connection, "GET", "/v2-beta/stacks/" + target)
                    if status != 200 or body["description"] != self.acknowledged[target]:
                        self.errors.append((status, body))
        except (OSError, http.client.HTTPException) as error:
            if not self.stop_after_kill:
                self.errors.append(repr(error))
        finally:
            connection.close()


def check_every_write_is_there(url, workers):
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    missing = []
    for worker in workers:
        for stack_id, description in worker.acknowledged.items():
            connection.request("GET", "/v2-beta/stacks/" + stack_id, headers=AUTH)
            response = connection.getresponse()
            body = json.loads(response.read())
            allowed = {description, worker.in_flight.get(stack_id)}
            if response.status != 200 or body["description"] not in allowed:
                missing.append((stack_id, description, response.status, body.get("description")))
    connection.close()
    return missing


def test_ten_thousand_requests_sixty_four_at_a_time():
    with tempfile.TemporaryDirectory() as folder:
        mock = MockProcess(state_file=os.path.join(folder, "state.jsonl")).start()
        try:
            workers = [Worker(mock.url, "load%d" % index, 10000 // 64 + (1 if index < 10000 % 64 else 0)) for index in range(64)]
            started = time.perf_counter()
            for worker in workers:
                worker.start()
            for worker in workers:
                worker.join()
            elapsed = time.perf_counter() - started
            latencies = sorted(latency for worker in workers for latency in worker.latencies)
            assert len(latencies) == 10000
            assert [error for worker in workers for error in worker.errors] == []
            print("load: 10000 requests, 64 concurrent, %.0f requests/s, p99 %.1f ms (Python client)"
                  % (10000 / elapsed, latencies[int(len(latencies) * 0.99)] * 1000))
            assert check_every_write_is_there(mock.url, workers) == []
        finally:
            mock.stop()
        # And after a clean restart from the state file.
        again = MockProcess(state_file=os.path.join(folder, "state.jsonl")).start()
        try:
            assert check_every_write_is_there(again.url, workers) == []
        finally:
            again.stop()


def test_a_killed_server_keeps_every_acknowledged_write():
    with tempfile.TemporaryDirectory() as folder:
        state = os.path.join(folder, "state.jsonl")
        mock = MockProcess(state_file=state).start()
        workers = [Worker(mock.url, "kill%d" % index, 100000, stop_after_kill=True) for index in range(16)]
        for worker in workers:
            worker.start()
        time.sleep(1.5)
        mock.kill()
        for worker in workers:
            worker.join()
        acknowledged = sum(len(worker.acknowledged) for worker in workers)
        assert acknowledged > 50, "the load ran before the kill"
        restarted = MockProcess(state_file=state).start()
        try:
            assert check_every_write_is_there(restarted.url, workers) == []
        finally:
            restarted.stop()
