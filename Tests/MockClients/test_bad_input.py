"""Bad requests over real HTTP: each gets Cattle's error body with the right status, and nothing changes."""
import base64
import http.client
import json
import time
import urllib.parse

import pytest

from conftest import ACCESS_KEY, SECRET_KEY

AUTH = {"Authorization": "Basic " + base64.b64encode(("%s:%s" % (ACCESS_KEY, SECRET_KEY)).encode()).decode()}


def request(mock, method, path, body=None, headers=None):
    """Raw http.client: the path goes out exactly as written (no normalising of `..` or `%2F`)."""
    url = urllib.parse.urlsplit(mock.url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    connection.request(method, path, body=body, headers=dict(AUTH, **(headers or {})))
    response = connection.getresponse()
    payload = response.read()
    connection.close()
    return response.status, (json.loads(payload) if payload else None)


def snapshot(mock):
    """Every resource the mock holds, removed ones too."""
    seen = {}
    for collection in ["stacks", "services", "projects"]:
        for removed in ["removed_null", "removed_notnull"]:
            status, body = request(mock, "GET", "/v2-beta/%s?limit=1000&%s" % (collection, removed))
            assert status == 200
            for item in body["data"]:
                seen[item["id"]] = item
    return seen


@pytest.fixture
def stack(mock, unique):
    """A settled stack: a transition ending during a test would read as a change."""
    status, body = request(mock, "POST", "/v2-beta/stacks", json.dumps({"name": unique}))
    assert status == 201
    deadline = time.time() + 10
    while body["transitioning"] != "no" and time.time() < deadline:
        time.sleep(0.02)
        status, body = request(mock, "GET", "/v2-beta/stacks/" + body["id"])
    assert body["transitioning"] == "no"
    return body["id"]


CASES = [
    ("malformed JSON", "POST", "/v2-beta/stacks", '{"name": ', 400, "InvalidBodyContent"),
    ("JSON that is not an object", "POST", "/v2-beta/stacks", '"stack"', 400, "InvalidBodyContent"),
    ("a missing required field", "POST", "/v2-beta/stacks", '{"description": "x"}', 422, "MissingRequired"),
    ("a wrong type", "POST", "/v2-beta/stacks", '{"name": ["a"]}', 422, "InvalidType"),
    ("a number where an int goes", "POST", "/v2-beta/services", '{"name": "x", "scale": "three"}', 422, "InvalidType"),
    ("null for a required field", "PUT", "/v2-beta/stacks/{stack}", '{"name": null}', 422, "NotNullable"),
    ("a reference to nothing", "POST", "/v2-beta/services", '{"name": "x", "stackId": "1st424242"}', 422, "InvalidReference"),
    ("a huge body", "POST", "/v2-beta/stacks", '{"name": "' + "x" * (2 << 20) + '"}', 413, "RequestEntityTooLarge"),
    ("an unknown type", "GET", "/v2-beta/widgets", None, 404, "NotFound"),
    ("an unknown ID", "GET", "/v2-beta/stacks/1st424242", None, 404, "NotFound"),
    ("an unknown action", "POST", "/v2-beta/stacks/{stack}?action=explode", "{}", 422, "InvalidAction"),
    ("an action the state does not allow", "POST", "/v2-beta/stacks/{stack}?action=finishupgrade", "{}", 422, "ActionNotAvailable"),
    ("dot segments", "GET", "/v2-beta/stacks/../../etc/passwd", None, 404, "NotFound"),
    ("encoded dot segments", "GET", "/v2-beta/stacks/%2e%2e/%2e%2e/v2-beta", None, 404, "NotFound"),
    ("an encoded slash", "GET", "/v2-beta/stacks/{stack}%2Fservices", None, 404, "NotFound"),
    ("an encoded slash in the collection", "GET", "/v2-beta/stacks%2F..%2Fservices", None, 404, "NotFound"),
    ("a method the collection lacks", "DELETE", "/v2-beta/stacks", None, 405, "MethodNotAllowed"),
    ("a method the type lacks", "POST", "/v2-beta/processinstances", '{"name": "x"}', 405, "MethodNotAllowed"),
]


@pytest.mark.parametrize("label,method,path,body,status,code", CASES, ids=[case[0] for case in CASES])
def test_bad_request_is_refused_and_changes_nothing(mock, stack, label, method, path, body, status, code):
    before = snapshot(mock)
    answered, error = request(mock, method, path.format(stack=stack), body)
    assert (answered, error["type"], error["status"], error["code"]) == (status, "error", status, code), label
    assert snapshot(mock) == before


def test_unknown_fields_are_dropped(mock, unique):
    status, body = request(mock, "POST", "/v2-beta/stacks", json.dumps({"name": unique, "favouriteColour": "red"}))
    assert status == 201 and "favouriteColour" not in body


def test_no_credentials_no_data(mock):
    url = urllib.parse.urlsplit(mock.url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    connection.request("GET", "/v2-beta/stacks")
    response = connection.getresponse()
    assert response.status == 401 and json.loads(response.read())["code"] == "Unauthorized"
