"""gdapi-python 0.5.3 and cattle 0.5.4, unmodified, against apigen-mock: schemas, filters, create, wait,
update, actions, links, delete, errors and auth."""
import time

import cattle
import gdapi
import pytest

from conftest import ACCESS_KEY, SECRET_KEY


def gdapi_wait(client, obj, timeout=20):
    """gdapi has no wait helper: poll as cattle's wait_transitioning does."""
    deadline = time.time() + timeout
    obj = client.reload(obj)
    while obj.transitioning == "yes" and time.time() < deadline:
        time.sleep(0.02)
        obj = client.reload(obj)
    assert obj.transitioning == "no", obj.transitioningMessage
    return obj


CLIENTS = {
    "cattle": (lambda url: cattle.Client(url=url, access_key=ACCESS_KEY, secret_key=SECRET_KEY),
               lambda client, obj: client.wait_success(obj, timeout=20)),
    "gdapi": (lambda url: gdapi.Client(url=url, access_key=ACCESS_KEY, secret_key=SECRET_KEY), gdapi_wait),
}


@pytest.fixture(params=sorted(CLIENTS))
def client_and_wait(request, mock):
    make, wait = CLIENTS[request.param]
    client = make(mock.url)
    return client, (lambda obj: wait(client, obj))


def test_schemas_give_the_client_its_methods(client_and_wait):
    client, _ = client_and_wait
    for method in ["list_stack", "create_stack", "by_id_stack", "update_by_id_stack", "list_service", "create_service"]:
        assert hasattr(client, method), method


def test_create_wait_update_action_link_delete(client_and_wait, unique):
    client, wait = client_and_wait
    stack = wait(client.create_stack(name=unique + "-stack", description="made by a test"))
    assert stack.state == "active"

    stack = client.update(stack, description="changed")
    assert stack.description == "changed"
    stack = client.update_by_id_stack(stack.id, name=unique + "-renamed")
    assert stack.name == unique + "-renamed"

    launch_config = {"imageUuid": "docker:nginx:1.25", "drainTimeoutMs": 15000, "labels": {"tier": "web"}}
    service = wait(client.create_service(name=unique + "-web", stackId=stack.id, launchConfig=launch_config))
    assert service.state == "active"
    assert service.launchConfig.drainTimeoutMs == 15000, "an undocumented key survives"

    assert "deactivate" in service.actions.__dict__
    service = wait(service.deactivate())
    assert service.state == "inactive"
    assert "activate" in service.actions.__dict__ and "deactivate" not in service.actions.__dict__
    service = wait(client.action(service, "activate"))
    assert service.state == "active"

    linked = stack.services()
    assert [s.id for s in linked.data] == [service.id]
    assert client.by_id_stack(stack.id, include="services").services[0].id == service.id

    removing = client.delete(service)
    assert removing.state == "removing"
    removed = wait(removing)
    assert removed.state == "removed"
    assert client.by_id_service(service.id).state == "removed", "removed resources stay readable by ID"
    assert [s.id for s in client.list_service(name=unique + "-web").data] == [], "and leave lists"


def test_filters_sort_and_pages(client_and_wait, unique):
    client, _ = client_and_wait
    for index in range(5):
        client.create_stack(name="%s-%d" % (unique, index), description="odd" if index % 2 else "even")
    names = lambda collection: [s.name for s in collection.data]
    assert names(client.list_stack(name=unique + "-3")) == [unique + "-3"]
    assert names(client.list_stack(name_prefix=unique, description_ne="even", sort="name")) == [unique + "-1", unique + "-3"]
    assert names(client.list_stack(name_like=unique + "-%", sort="name", order="desc"))[0] == unique + "-4"
    first = client.list_stack(name_prefix=unique, limit=2, sort="name")
    assert names(first) == [unique + "-0", unique + "-1"] and first.pagination.partial
    second = first.next()
    assert names(second) == [unique + "-2", unique + "-3"]
    assert names(second.next()) == [unique + "-4"]


def test_errors_come_back_as_api_errors(client_and_wait, unique):
    client, _ = client_and_wait
    with pytest.raises(gdapi.ApiError) as missing:
        client.create_stack(description="no name")
    assert (missing.value.error.status, missing.value.error.code, missing.value.error.fieldName) == (422, "MissingRequired", "name")
    with pytest.raises(gdapi.ApiError) as option:
        client.create_service(name=unique, stackId="1st99999999")
    assert option.value.error.code == "InvalidReference"
    assert client.by_id_stack("1st99999999") is None, "404 reads as None"


def test_wrong_keys_are_refused(mock):
    with pytest.raises(gdapi.ApiError) as refused:
        gdapi.Client(url=mock.url, access_key=ACCESS_KEY, secret_key="wrong")
    assert refused.value.error.status == 401
