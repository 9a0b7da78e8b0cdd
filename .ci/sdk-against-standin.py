#!/usr/bin/env python3
"""Proves the loopback stand-in (Tests/StandIn/vpcpeer_standin.py) is faithful: the official Alibaba Cloud
Python SDK (alibabacloud-vpcpeer20220101) talks to it and is accepted, with AccessKey and STS
credentials, filters in the query and the body, and paging; and a request whose signature is wrong is
refused. Prints 'sdk: N passed, M failed'; exit 1 on any failure."""
import json, os, subprocess, sys, tempfile

from alibabacloud_tea_openapi import models as open_api_models
from alibabacloud_vpcpeer20220101.client import Client
from alibabacloud_vpcpeer20220101 import models

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


def connection(i, region, accepting_region, tags):
    return {"InstanceId": f"pcc-sdk{i:03d}", "Name": f"peer {i}/连接 ü*~+&=", "RegionId": region, "AcceptingRegionId": accepting_region,
            "OwnerId": 253460731706911258, "AcceptingOwnerUid": 253460731706911258, "Status": "Activated", "Bandwidth": -1,
            "ResourceGroupId": "rg-acfmxazb4ph6aiy", "Tags": tags,
            "Vpc": {"VpcId": f"vpc-a{i}", "Ipv4Cidrs": ["10.0.0.0/16"]}, "AcceptingVpc": {"VpcId": f"vpc-b{i}", "Ipv4Cidrs": []}}


with tempfile.TemporaryDirectory() as folder:
    scenario = {
        "credentials": [{"id": "sdk-ak", "secret": "sdk-secret-1"}, {"id": "sdk-sts", "secret": "sdk-secret-2", "token": "sdk-token"}],
        "regions": ["cn-hangzhou"],
        "connections": [connection(i, "cn-hangzhou", "cn-shanghai" if i % 2 else "cn-hangzhou",
                                   [{"Key": "k1", "Value": "v1"}, {"Key": "k2", "Value": "v 2/ü*~"}] if i < 3 else [])
                        for i in range(7)],
        "log": os.path.join(folder, "requests.jsonl"),
    }
    path = os.path.join(folder, "scenario.json")
    json.dump(scenario, open(path, "w"))
    server = subprocess.Popen([sys.executable, os.path.join(root, "Tests/StandIn/vpcpeer_standin.py"), path], stdout=subprocess.PIPE, text=True)
    try:
        port = int(server.stdout.readline().split()[1])

        def client(key, secret, token=None):
            config = open_api_models.Config(access_key_id=key, access_key_secret=secret, security_token=token,
                                            endpoint=f"127.0.0.1:{port}", protocol="http", region_id="cn-hangzhou")
            return Client(config)

        # AccessKey, paging with MaxResults=3 until NextToken is empty.
        ids, token, pages = [], None, 0
        while True:
            response = client("sdk-ak", "sdk-secret-1").list_vpc_peer_connections(
                models.ListVpcPeerConnectionsRequest(region_id="cn-hangzhou", max_results=3, next_token=token))
            pages += 1
            ids += [c.instance_id for c in response.body.vpc_peer_connects]
            token = response.body.next_token
            if not token:
                break
        check(pages == 3 and ids == [f"pcc-sdk{i:03d}" for i in range(7)], f"AK paging: {pages} pages, {ids}")
        check(response.body.vpc_peer_connects[0].owner_id == 253460731706911258, "owner id exact through the SDK")

        # STS, with every filter: Tags and ResourceGroupId in the query, Name and VpcId in the body.
        request = models.ListVpcPeerConnectionsRequest(
            region_id="cn-hangzhou", max_results=100, name="peer 1/连接 ü*~+&=", vpc_id=["vpc-a1", "vpc-b9"],
            resource_group_id="rg-acfmxazb4ph6aiy",
            tags=[models.ListVpcPeerConnectionsRequestTags(key="k1", value="v1"),
                  models.ListVpcPeerConnectionsRequestTags(key="k2", value="v 2/ü*~")])
        response = client("sdk-sts", "sdk-secret-2", "sdk-token").list_vpc_peer_connections(request)
        check([c.instance_id for c in response.body.vpc_peer_connects] == ["pcc-sdk001"], "STS with all filters")

        # A wrong secret must be refused with SignatureDoesNotMatch.
        try:
            client("sdk-ak", "not-the-secret").list_vpc_peer_connections(models.ListVpcPeerConnectionsRequest(region_id="cn-hangzhou"))
            check(False, "a wrong secret was accepted")
        except Exception as error:
            check("SignatureDoesNotMatch" in str(error), f"wrong secret: {error}")

        log = [json.loads(line) for line in open(scenario["log"])]
        check(sum(1 for e in log if e.get("status") == 200) == 4, "the stand-in answered 4 SDK requests with 200")
        check(any("+" in e["path"] for e in log), "the SDK's '+'-encoded wire query was verified too")
    finally:
        server.terminate()
        server.wait()

print(f"sdk: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
