#!/usr/bin/env python3
"""Proves the stand-in's STS, ResourceManager and credentials-URI services (Tests/StandIn/vpcpeer_standin.py) are
faithful: the official Python SDKs (alibabacloud-sts20150401, alibabacloud-resourcemanager20200331) and the
official credentials library (alibabacloud-credentials) talk to it and are accepted, in every signing form they
use, and a member account's own credentials then list that account's connections with the VpcPeer SDK; wrong
signatures, unknown roles, bad parameters and a member calling ListAccounts are refused as the service does.
Prints 'sdk credentials: N passed, M failed'; exit 1 on any failure."""
import json, os, subprocess, sys, tempfile, urllib.error, urllib.parse, urllib.request

from alibabacloud_tea_openapi import models as open_api_models
from alibabacloud_sts20150401.client import Client as STSClient
from alibabacloud_sts20150401 import models as sts_models
from alibabacloud_resourcemanager20200331.client import Client as RMClient
from alibabacloud_resourcemanager20200331 import models as rm_models
from alibabacloud_vpcpeer20220101.client import Client as VpcPeerClient
from alibabacloud_vpcpeer20220101 import models as vpcpeer_models
from alibabacloud_credentials.provider import URLCredentialsProvider

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
passed = failed = 0
MGMT, MEMBER, OTHER = "1000000000000001", "1000000000000002", "1000000000000003"


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


def refused(call, code, what):
    try:
        call()
        check(False, f"{what}: accepted")
    except Exception as error:
        check(code in str(error), f"{what}: {error}")


def connection(i, owner, accepter):
    return {"InstanceId": f"pcc-sdk{i}", "RegionId": "cn-hangzhou", "AcceptingRegionId": "cn-hangzhou", "Status": "Activated",
            "OwnerId": int(owner), "AcceptingOwnerUid": int(accepter), "Bandwidth": -1,
            "Vpc": {"VpcId": f"vpc-a{i}"}, "AcceptingVpc": {"VpcId": f"vpc-b{i}"}}


with tempfile.TemporaryDirectory() as folder:
    token_file = os.path.join(folder, "token")
    open(token_file, "w").write("eyJ.sdk-token.sig")
    scenario = {
        "credentials": [{"id": "sdk-base", "secret": "sdk-base-secret", "account": MGMT},
                        {"id": "sdk-member", "secret": "sdk-member-secret", "account": MEMBER}],
        "regions": ["cn-hangzhou"], "per_account": True,
        "connections": [connection(1, MGMT, MEMBER), connection(2, MEMBER, MEMBER), connection(3, OTHER, MGMT)],
        "accounts": [{"id": MGMT, "name": "management", "roles": []},
                     {"id": MEMBER, "name": "member", "roles": ["peergraph-reader"]},
                     {"id": OTHER, "name": "other", "status": "InviteVerifying", "roles": []}],
        "oidc": {"token_file": token_file, "account": MEMBER},
        "uri": {"mode": "ok", "account": MEMBER},
        "log": os.path.join(folder, "requests.jsonl"),
    }
    path = os.path.join(folder, "scenario.json")
    json.dump(scenario, open(path, "w"))
    server = subprocess.Popen([sys.executable, os.path.join(root, "Tests/StandIn/vpcpeer_standin.py"), path], stdout=subprocess.PIPE, text=True)
    try:
        port = int(server.stdout.readline().split()[1])

        def config(key=None, secret=None, token=None, algorithm=None):
            c = open_api_models.Config(access_key_id=key, access_key_secret=secret, security_token=token,
                                       endpoint=f"127.0.0.1:{port}", protocol="http", region_id="cn-hangzhou")
            if algorithm:
                c.signature_algorithm = algorithm
            return c

        role = f"acs:ram::{MEMBER}:role/peergraph-reader"
        # AssumeRole, ACS3 (the SDK's default) and RPC v1 ('v2'): both accepted, each giving new credentials.
        issued = []
        for algorithm in (None, "v2"):
            response = STSClient(config("sdk-base", "sdk-base-secret", algorithm=algorithm)).assume_role(
                sts_models.AssumeRoleRequest(role_arn=role, role_session_name="sdk-check", duration_seconds=900))
            c = response.body.credentials
            issued.append(c)
            check(c.access_key_id.startswith("STS.") and c.security_token and c.expiration.endswith("Z"), f"AssumeRole {algorithm or 'acs3'}")
        check(issued[0].access_key_id != issued[1].access_key_id, "distinct credentials per AssumeRole")

        # The member's STS credentials list the member's own connections (VpcPeer SDK, ACS3 with the token).
        c = issued[0]
        listed = VpcPeerClient(config(c.access_key_id, c.access_key_secret, c.security_token)).list_vpc_peer_connections(
            vpcpeer_models.ListVpcPeerConnectionsRequest(region_id="cn-hangzhou", max_results=100))
        ids = sorted(x.instance_id for x in listed.body.vpc_peer_connects)
        check(ids == ["pcc-sdk1", "pcc-sdk2"], f"the member lists its own connections: {ids}")

        # Refusals, as the service words them.
        sts = STSClient(config("sdk-base", "sdk-base-secret"))
        refused(lambda: sts.assume_role(sts_models.AssumeRoleRequest(role_arn=f"acs:ram::{MEMBER}:role/none", role_session_name="x1")),
                "EntityNotExist.Role", "an unknown role")
        refused(lambda: sts.assume_role(sts_models.AssumeRoleRequest(role_arn=role, role_session_name="a b")),
                "InvalidParameter.RoleSessionName", "a bad session name")
        refused(lambda: sts.assume_role(sts_models.AssumeRoleRequest(role_arn=role, role_session_name="ok", duration_seconds=60)),
                "InvalidParameter.DurationSeconds", "a short duration")
        refused(lambda: STSClient(config("sdk-base", "wrong")).assume_role(sts_models.AssumeRoleRequest(role_arn=role, role_session_name="x1")),
                "SignatureDoesNotMatch", "a wrong secret (ACS3)")
        refused(lambda: STSClient(config("sdk-base", "wrong", algorithm="v2")).assume_role(sts_models.AssumeRoleRequest(role_arn=role, role_session_name="x1")),
                "SignatureDoesNotMatch", "a wrong secret (RPC v1)")

        # AssumeRoleWithOIDC: anonymous, the token checked.
        anonymous = STSClient(open_api_models.Config(endpoint=f"127.0.0.1:{port}", protocol="http", region_id="cn-hangzhou", type="anonymous"))
        response = anonymous.assume_role_with_oidc(sts_models.AssumeRoleWithOIDCRequest(
            role_arn=role, oidcprovider_arn=f"acs:ram::{MEMBER}:oidc-provider/github", oidctoken="eyJ.sdk-token.sig", role_session_name="sdk-oidc"))
        check(response.body.credentials.access_key_id.startswith("STS."), "AssumeRoleWithOIDC")
        refused(lambda: anonymous.assume_role_with_oidc(sts_models.AssumeRoleWithOIDCRequest(
            role_arn=role, oidcprovider_arn="acs:ram::1:oidc-provider/x", oidctoken="eyJ.other.sig", role_session_name="sdk-oidc")),
            "OIDCToken", "a wrong OIDC token")

        # The SDK never signs it; a request that carries a signature anyway is refused.
        signed = urllib.request.Request(
            f"http://127.0.0.1:{port}/?Action=AssumeRoleWithOIDC&Format=JSON&Version=2015-04-01&AccessKeyId=sdk-base&Signature=x",
            data=urllib.parse.urlencode({"RoleArn": role, "OIDCProviderArn": "p", "OIDCToken": "eyJ.sdk-token.sig",
                                         "RoleSessionName": "sdk-oidc"}).encode(), method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded"})
        try:
            urllib.request.urlopen(signed)
            check(False, "a signed AssumeRoleWithOIDC was accepted")
        except urllib.error.HTTPError as error:
            check(error.code == 400 and b"InvalidParameter.Anonymous" in error.read(), "a signed AssumeRoleWithOIDC is refused")

        # GetCallerIdentity names the account.
        identity = STSClient(config("sdk-member", "sdk-member-secret")).get_caller_identity()
        check(identity.body.account_id == MEMBER, f"GetCallerIdentity: {identity.body.account_id}")

        # ListAccounts, paged, from the management account; a member is refused.
        rm = RMClient(config("sdk-base", "sdk-base-secret"))
        accounts, number = [], 1
        while True:
            page = rm.list_accounts(rm_models.ListAccountsRequest(page_number=number, page_size=2)).body
            accounts += [(a.account_id, a.status) for a in page.accounts.account]
            if number * 2 >= page.total_count:
                break
            number += 1
        check(number == 2 and [a for a, _ in accounts] == [MGMT, MEMBER, OTHER], f"ListAccounts pages: {accounts}")
        check(dict(accounts)[OTHER] == "InviteVerifying", "a member not in a Success state is listed with its status")
        refused(lambda: RMClient(config("sdk-member", "sdk-member-secret")).list_accounts(rm_models.ListAccountsRequest()),
                "NotAuthorized", "ListAccounts from a member")

        # The credentials library's URI provider reads the stand-in's answer.
        credential = URLCredentialsProvider(uri=f"http://127.0.0.1:{port}/credentials").get_credentials()
        check(credential.get_access_key_id().startswith("STS.") and credential.get_security_token(), "credentials URI")

        log = [json.loads(line) for line in open(scenario["log"], encoding="utf-8")]
        check(sum(1 for entry in log if entry.get("action") == "AssumeRole") == 2 + 5, "the stand-in counts every AssumeRole")
        check(any(entry.get("signing") == "rpc-v1" for entry in log), "an RPC v1 request was verified as such")
    finally:
        server.terminate()
        server.wait()

print(f"sdk credentials: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
