#!/usr/bin/env python3
"""A loopback stand-in of Alibaba Cloud's VpcPeer (ListVpcPeerConnections) and Vpc (DescribeRegions) APIs,
STS (AssumeRole, AssumeRoleWithOIDC, GetCallerIdentity), ResourceManager (ListAccounts), the ECS metadata
service and a credentials URI, for peergraph's tests. It verifies every request's ACS3-HMAC-SHA256 signature with its own signer
(hashlib and hmac, sharing nothing with peergraph's Swift code), pages like the real service, lists a
cross-region connection in both of its regions, and plays scripted faults.

Usage: vpcpeer_standin.py SCENARIO.json   (prints 'PORT <n>' when ready; serves on 127.0.0.1 only)

Scenario keys:
  credentials   [{"id", "secret", "token" (optional)}]: the keys it accepts
  regions       region ids for DescribeRegions
  connections   connection objects in the API's shape
  faults        {"<region>" | "DescribeRegions": ["<fault>", ...]}: one per request, in order, then "ok"
  latency_ms    added to every answer
  log           path of a JSON Lines file: one line per request (action, region, token, status, fault, times,
                caller account)
  ipv6          serve on [::1] instead of 127.0.0.1
Many accounts (credentials may carry "account"; a credential without one sees every connection):
  accounts      [{"id", "name", "status" (default CreateSuccess), "roles": [names], "untrusted_roles": [names]}]:
                the Resource Directory; the first is the management account, the only one allowed ListAccounts.
                AssumeRole of acs:ram::ID:role/NAME issues credentials of account ID, distinct per call; unknown
                role: 404 EntityNotExist.Role; untrusted role or a "root" credential: 403 NoPermission; bad
                session name or duration: 400 InvalidParameter.*; faults keyed "AssumeRole:ID" (throttle-400 is
                Throttling.User). Signed with ACS3 or RPC v1 (GET query or POST form), checked either way.
  per_account   true: ListVpcPeerConnections answers the caller account's own connections (OwnerId or
                AcceptingOwnerUid), so a cross-account connection is in both owners' lists
  oidc          {"token_file": path, "account": ID}: AssumeRoleWithOIDC (anonymous: a signature is refused)
                checks the token against the file's content at that moment
  imds          {"mode": v2|hardened|v1-only|down|slow, "role": NAME, "account": ID}: the ECS metadata service
                on /latest/ (v2: token optional; hardened: reads without the token get 403; v1-only: the token
                PUT gets 404; down: 503; slow: 3 s before every answer)
  uri           {"mode": ok|not-success|http-500, "account": ID}: credentials on GET /credentials
Faults: ok, throttle-400, throttle-429, throttle-503, throttle-retry-after, unavailable-503, internal-500, html-502,
  forbidden-403, stall, truncate, reset, repeat-token, not-json-200, skew;
  hostile ones: redirect-302 (Location to /redirected on this server, logged if followed), gzip-bomb (200 MiB
  of spaces as Content-Encoding: gzip), endless-chunked (1 MiB chunks until the client hangs up, at most 2 GiB),
  echo-400 / echo-html-502 / echo-header (the request's token, signature and secret-bearing headers reflected
  in an error body cut by length limits, percent-encoded, inside an HTML page, in a response header),
  echo-data (a page whose connection name, description and tags carry the token and the signature).
"""
import gzip
import base64, datetime, hashlib, hmac, http.server, json, re, signal, socketserver, sys, threading, time, urllib.parse

# A parent may start us with signals blocked (threads of a test runner do); we must stop on SIGTERM.
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))

scenario = json.load(open(sys.argv[1], encoding="utf-8"))
credentials = {c["id"]: c for c in scenario.get("credentials", [])}
connections = sorted(scenario.get("connections", []), key=lambda c: c["InstanceId"])
faults = {k: list(v) for k, v in scenario.get("faults", {}).items()}
latency = scenario.get("latency_ms", 0) / 1000.0
log_path = scenario.get("log")
accounts = scenario.get("accounts", [])
accounts_by_id = {a["id"]: a for a in accounts}
issued = [0]
lock = threading.Lock()
nonces = set()
bomb = None


def next_fault(key):
    with lock:
        queue = faults.get(key) or []
        return queue.pop(0) if queue else "ok"


def write_log(entry):
    if not log_path:
        return
    with lock, open(log_path, "a", encoding="utf-8") as f:
        f.write(json.dumps(entry) + "\n")


def encode(s):
    return urllib.parse.quote(s, safe="-_.~")


class SignatureError(Exception):
    def __init__(self, status, code, message):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def verify(method, raw_path, headers, body):
    """Recomputes the ACS3 signature from what arrived; raises SignatureError like the service would."""
    auth = headers.get("Authorization", "")
    if not auth.startswith("ACS3-HMAC-SHA256 "):
        raise SignatureError(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards.")
    parts = dict(p.split("=", 1) for p in auth[len("ACS3-HMAC-SHA256 "):].split(",") if "=" in p)
    key_id, signed, signature = parts.get("Credential"), parts.get("SignedHeaders", ""), parts.get("Signature", "")
    signed_list = signed.split(";") if signed else []
    if signed_list != sorted(signed_list):
        raise SignatureError(400, "IncompleteSignature", "SignedHeaders must be sorted.")
    sent = {k.lower() for k in headers.keys()}
    required = {"host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"}
    required |= {h for h in sent if h.startswith("x-acs-")}
    if "content-type" in sent:
        required.add("content-type")
    missing = sorted(required - set(signed_list))
    if missing:
        raise SignatureError(400, "IncompleteSignature", f"Header {missing[0]} must be signed.")
    if hashlib.sha256(body).hexdigest() != headers.get("x-acs-content-sha256", ""):
        raise SignatureError(400, "InvalidParameter.ContentSha256", "x-acs-content-sha256 does not match the body.")
    try:
        date = datetime.datetime.strptime(headers.get("x-acs-date", ""), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
    except ValueError:
        raise SignatureError(400, "InvalidTimeStamp.Format", "x-acs-date is not YYYY-MM-DDThh:mm:ssZ.")
    if abs((datetime.datetime.now(datetime.timezone.utc) - date).total_seconds()) > 900:
        raise SignatureError(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.")
    nonce = headers.get("x-acs-signature-nonce", "")
    with lock:
        if not nonce or nonce in nonces:
            raise SignatureError(400, "SignatureNonceUsed", "Specified signature nonce was used already.")
        nonces.add(nonce)
    credential = credentials.get(key_id)
    if credential is None:
        raise SignatureError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.")
    if credential.get("token") and headers.get("x-acs-security-token") != credential["token"]:
        raise SignatureError(400, "InvalidSecurityToken.Mismatch", "Specified SecurityToken is invalid.")
    path, _, query = raw_path.partition("?")
    pairs = urllib.parse.parse_qsl(query, keep_blank_values=True)
    canonical_query = "&".join(f"{k}={v}" for k, v in sorted((encode(k), encode(v)) for k, v in pairs))
    canonical_headers = "".join(f"{h}:{headers.get(h, '').strip()}\n" for h in signed_list)
    canonical = "\n".join([method, path or "/", canonical_query, canonical_headers, signed, hashlib.sha256(body).hexdigest()])
    to_sign = "ACS3-HMAC-SHA256\n" + hashlib.sha256(canonical.encode()).hexdigest()
    expected = hmac.new(credential["secret"].encode(), to_sign.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        raise SignatureError(400, "SignatureDoesNotMatch", "The request signature does not conform to Aliyun standards. server string to sign is:" + to_sign.replace("\n", "#"))
    return dict(pairs)


def page_of(region, params, token, account=None):
    matching = [c for c in connections if region in (c.get("RegionId"), c.get("AcceptingRegionId"))]
    if account is not None:
        matching = [c for c in matching if account in (str(c.get("OwnerId")), str(c.get("AcceptingOwnerUid")))]
    if params.get("InstanceId"):
        matching = [c for c in matching if c["InstanceId"] == params["InstanceId"]]
    if params.get("Name"):
        matching = [c for c in matching if c.get("Name") == params["Name"]]
    if params.get("VpcId"):
        wanted = set(params["VpcId"].split(","))
        matching = [c for c in matching if c["Vpc"]["VpcId"] in wanted or c["AcceptingVpc"]["VpcId"] in wanted]
    if params.get("ResourceGroupId"):
        matching = [c for c in matching if c.get("ResourceGroupId") == params["ResourceGroupId"]]
    n = 1
    while f"Tags.{n}.Key" in params:
        key, value = params[f"Tags.{n}.Key"], params.get(f"Tags.{n}.Value")
        matching = [c for c in matching if any(t["Key"] == key and (value is None or t["Value"] == value) for t in c.get("Tags") or [])]
        n += 1
    size = int(params.get("MaxResults", "20"))
    start = int(token.split(":")[-1]) if token else 0
    chunk = matching[start:start + size]
    following = f"{region}:{start + size}" if start + size < len(matching) else ""
    return {"RequestId": f"REQ-{region}-{start}", "TotalCount": len(matching), "MaxResults": size, "NextToken": following, "VpcPeerConnects": chunk}


def verify_rpc(method, raw_path, headers, body):
    """Recomputes an RPC v1 (HMAC-SHA1) signature over the query and any form body; returns (params, credential)."""
    _, _, query = raw_path.partition("?")
    pairs = urllib.parse.parse_qsl(query, keep_blank_values=True)
    if "x-www-form-urlencoded" in headers.get("Content-Type", ""):
        pairs += urllib.parse.parse_qsl(body.decode(), keep_blank_values=True)
    params = dict(pairs)
    signature = params.pop("Signature", None)
    if signature is None:
        raise SignatureError(400, "MissingSignature", "The input parameter Signature that is mandatory is not supplied.")
    credential = credentials.get(params.get("AccessKeyId"))
    if credential is None:
        raise SignatureError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.")
    if credential.get("token") and params.get("SecurityToken") != credential["token"]:
        raise SignatureError(400, "InvalidSecurityToken.Mismatch", "Specified SecurityToken is invalid.")
    canonical = "&".join(f"{encode(k)}={encode(v)}" for k, v in sorted(params.items()))
    to_sign = f"{method}&%2F&{encode(canonical)}"
    expected = base64.b64encode(hmac.new((credential["secret"] + "&").encode(), to_sign.encode(), hashlib.sha1).digest()).decode()
    if not hmac.compare_digest(expected, signature):
        raise SignatureError(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.")
    return params, credential


def issue(account, seconds):
    """New STS credentials of `account`, accepted from now on."""
    with lock:
        issued[0] += 1
        n = issued[0]
    # Random-looking, as real ones are: nothing in them is an account id a message might show.
    salt = hashlib.sha256(f"{account}/{n}/{time.time()}".encode()).hexdigest()
    credential = {"id": f"STS.standin{salt[:20]}", "secret": f"stssecret-{salt[20:44]}", "token": f"ststoken-{salt[44:64]}{salt[:20]}",
                  "account": account}
    with lock:
        credentials[credential["id"]] = credential
    expiration = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {"AccessKeyId": credential["id"], "AccessKeySecret": credential["secret"], "SecurityToken": credential["token"], "Expiration": expiration}


def role_problem(params):
    """The STS error for AssumeRole parameters, or None."""
    name = params.get("RoleSessionName", "")
    if not re.fullmatch(r"[A-Za-z0-9.@_-]{2,64}", name):
        return 400, "InvalidParameter.RoleSessionName", "The parameter RoleSessionName is wrongly formed."
    duration = params.get("DurationSeconds", "3600")
    if not duration.isdigit() or not 900 <= int(duration) <= 43200:
        return 400, "InvalidParameter.DurationSeconds", "The Min/Max value of DurationSeconds is 15min/12hr."
    return None



class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle's algorithm the body waits for the client's
    # delayed ACK (40 ms on Linux), which no real endpoint adds to every answer.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def answer(self, status, payload, content_type="application/json;charset=utf-8", extra=None):
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def error_body(self, code, message):
        rid = f"ERR-{int(time.time() * 1000)}"
        return {"RequestId": rid, "HostId": "vpcpeer.aliyuncs.com", "Code": code, "Message": message,
                "Recommend": f"https://api.aliyun.com/troubleshoot?q={code}&product=VpcPeer&requestId={rid}"}

    def do_GET(self):
        started = time.time()
        entry = {"action": "", "method": "GET", "path": self.path, "start": started, "headers": dict(self.headers.items())}
        if self.path.startswith("/latest/"):
            status = self.metadata("GET")
            entry.update(action="ECS metadata", status=status, end=time.time())
            return write_log(entry)
        if self.path.startswith("/credentials"):
            status = self.credentials_uri()
            entry.update(action="credentials URI", status=status, end=time.time())
            return write_log(entry)
        if "Action=" in self.path:
            return self.rpc("GET", b"", entry)
        entry.update(status=404, end=time.time())
        write_log(entry)
        self.answer(404, b"not here", "text/plain")

    def do_PUT(self):
        started = time.time()
        self.rfile.read(int(self.headers.get("Content-Length", "0") or 0))
        entry = {"action": "ECS metadata", "method": "PUT", "path": self.path, "start": started, "headers": dict(self.headers.items())}
        status = self.metadata("PUT") if self.path.startswith("/latest/") else self.answer(404, b"not here", "text/plain") or 404
        entry.update(status=status, end=time.time())
        write_log(entry)

    def metadata(self, method):
        imds = scenario.get("imds") or {"mode": "down"}
        mode = imds.get("mode", "v2")
        if mode == "slow":
            time.sleep(3)
        if mode == "down":
            self.answer(503, b"service unavailable", "text/plain"); return 503
        if method == "PUT":
            if self.path != "/latest/api/token" or mode == "v1-only":
                self.answer(404, b"not found", "text/plain"); return 404
            ttl = self.headers.get("X-aliyun-ecs-metadata-token-ttl-seconds", "")
            if not ttl.isdigit() or not 1 <= int(ttl) <= 21600:
                self.answer(400, b"bad ttl", "text/plain"); return 400
            self.answer(200, b"AQAEAN-standin-imds-token", "text/plain"); return 200
        token = self.headers.get("X-aliyun-ecs-metadata-token")
        if token is not None and token != "AQAEAN-standin-imds-token":
            self.answer(401, b"bad token", "text/plain"); return 401
        if token is None and mode == "hardened":
            self.answer(403, b"forbidden", "text/plain"); return 403
        base = "/latest/meta-data/ram/security-credentials/"
        role = imds.get("role", "EcsRamRoleTest")
        if self.path == base:
            self.answer(200, role.encode(), "text/plain"); return 200
        if self.path == base + role:
            body = dict(issue(imds.get("account", "1000000000000009"), 21600), Code="Success", LastUpdated="2026-12-01T00:00:00Z")
            self.answer(200, json.dumps(body, indent=2).encode(), "text/plain"); return 200
        self.answer(404, b"not found", "text/plain"); return 404

    def credentials_uri(self):
        uri = scenario.get("uri") or {"mode": "ok"}
        mode = uri.get("mode", "ok")
        if mode == "http-500":
            self.answer(500, {"Code": "InternalError"}); return 500
        if mode == "not-success":
            self.answer(200, {"Code": "Failed", "Message": "no role bound"}); return 200
        self.answer(200, dict(issue(uri.get("account", "1000000000000008"), 3600), Code="Success")); return 200

    def rpc(self, method, body, entry):
        """An RPC v1 request (the credentials libraries' and the CLI's STS calls)."""
        try:
            params, credential = verify_rpc(method, self.path, self.headers, body)
        except SignatureError as e:
            entry.update(status=e.status, code=e.code, end=time.time())
            write_log(entry)
            return self.answer(e.status, self.error_body(e.code, e.message))
        entry.update(action=params.get("Action", ""), params=params, signing="rpc-v1", caller=credential.get("account"))
        status = self.sts(params.get("Action", ""), params, credential, entry)
        if status is None:
            status = 400
            self.answer(400, self.error_body("InvalidAction.NotFound", "Specified api is not found."))
        entry.update(status=status, end=time.time())
        write_log(entry)

    def sts(self, action, params, credential, entry):
        """STS and ResourceManager; returns the status answered, or None when `action` is not one of theirs."""
        caller = credential.get("account") if credential else None
        if action == "GetCallerIdentity":
            account = caller
            if account is None:
                # A credential of no account sees every connection, and has no identity to give.
                self.answer(404, self.error_body("EntityNotExist.Identity", "This stand-in credential belongs to no account.")); return 404
            self.answer(200, {"RequestId": "REQ-identity", "AccountId": account, "IdentityType": "RAMUser",
                              "Arn": f"acs:ram::{account}:user/standin", "PrincipalId": "20000000000000000", "UserId": "20000000000000000"})
            return 200
        if action == "AssumeRole":
            arn = params.get("RoleArn", "")
            match = re.fullmatch(r"acs:ram::(\d+):role/(.+)", arn)
            account = match.group(1) if match else ""
            entry.update(assumed=account)
            fault = next_fault(f"AssumeRole:{account}")
            entry.update(fault=fault)
            if fault == "throttle-400":
                self.answer(400, self.error_body("Throttling.User", "Request was denied due to user flow control.")); return 400
            problem = role_problem(params)
            if problem:
                self.answer(problem[0], self.error_body(problem[1], problem[2])); return problem[0]
            member = accounts_by_id.get(account)
            name = match.group(2).lower() if match else ""
            if member is None or name not in [r.lower() for r in member.get("roles", [])]:
                self.answer(404, self.error_body("EntityNotExist.Role", f"The role not exists: {arn}.")); return 404
            if credential.get("root") or name in [r.lower() for r in member.get("untrusted_roles", [])]:
                self.answer(403, self.error_body("NoPermission", "You are not authorized to do this action. You should be authorized by RAM.")); return 403
            self.answer(200, {"RequestId": "REQ-assume", "AssumedRoleUser": {"AssumedRoleId": f"3{account}:{params['RoleSessionName']}", "Arn": f"{arn}/{params['RoleSessionName']}"},
                              "Credentials": issue(account, int(params.get("DurationSeconds", "3600")))})
            return 200
        if action == "ListAccounts":
            if not accounts or caller not in (None, accounts[0]["id"]):
                self.answer(403, self.error_body("NotAuthorized", "The caller is not the management account or a delegated administrator.")); return 403
            size, number = int(params.get("PageSize", "10")), int(params.get("PageNumber", "1"))
            listed = [{"AccountId": a["id"], "DisplayName": a.get("name", a["id"]), "Type": "ResourceAccount", "Status": a.get("status", "CreateSuccess"),
                       "FolderId": "fd-standin", "ResourceDirectoryId": "rd-standin", "JoinMethod": "created"} for a in accounts]
            self.answer(200, {"RequestId": "REQ-accounts", "PageNumber": number, "PageSize": size, "TotalCount": len(listed),
                              "Accounts": {"Account": listed[(number - 1) * size: number * size]}})
            return 200
        return None

    def do_POST(self):
        started = time.time()
        body = self.rfile.read(int(self.headers.get("Content-Length", "0") or 0))
        action = self.headers.get("x-acs-action", "")
        entry = {"action": action, "start": started, "path": self.path, "headers": dict(self.headers.items()), "body": body.decode("utf-8", "replace")}
        rpc_signed = "Signature=" in self.path or b"Signature=" in body
        if "AssumeRoleWithOIDC" in self.path:
            return self.oidc(body, entry)
        if rpc_signed or (not action and "Action=" in self.path):
            return self.rpc("POST", body, entry)
        try:
            params = verify("POST", self.path, self.headers, body)
            params.update(urllib.parse.parse_qsl(body.decode(), keep_blank_values=True))
        except SignatureError as e:
            entry.update(status=e.status, code=e.code, end=time.time())
            write_log(entry)
            return self.answer(e.status, self.error_body(e.code, e.message))
        credential = credentials.get(self.headers.get("Authorization", "").split("Credential=")[-1].split(",")[0])
        entry.update(caller=credential.get("account") if credential else None)
        if action in ("AssumeRole", "GetCallerIdentity", "ListAccounts"):
            entry.update(params=params, signing="acs3")
            time.sleep(latency)
            status = self.sts(action, params, credential, entry)
            entry.update(status=status, end=time.time())
            return write_log(entry)
        region = params.get("RegionId", "")
        token = params.get("NextToken", "")
        key = action if action in ("DescribeRegions", "DescribeVpcs") else region
        fault = next_fault(key)
        entry.update(region=region, token=token, fault=fault, params=params)
        time.sleep(latency)
        self.caller = credential.get("account") if credential else None
        status = self.play(action, region, params, token, fault)
        entry.update(status=status, end=time.time())
        write_log(entry)

    def oidc(self, body, entry):
        """AssumeRoleWithOIDC: anonymous, the token checked against the token file as it is now."""
        _, _, query = self.path.partition("?")
        params = dict(urllib.parse.parse_qsl(query, keep_blank_values=True))
        params.update(urllib.parse.parse_qsl(body.decode(), keep_blank_values=True))
        entry.update(action="AssumeRoleWithOIDC", params={k: v for k, v in params.items() if k != "OIDCToken"},
                     token_sent=params.get("OIDCToken", ""))
        oidc = scenario.get("oidc") or {}
        expected = open(oidc["token_file"], encoding="utf-8").read().strip() if oidc.get("token_file") else None
        if "Authorization" in self.headers or "Signature" in params or "AccessKeyId" in params or "SecurityToken" in params:
            status, code = 400, "InvalidParameter.Anonymous"
        elif expected is None or params.get("OIDCToken") != expected:
            status, code = 400, "AuthenticationFail.OIDCToken.Invalid"
        else:
            status, code = 200, None
        problem = role_problem(params) if status == 200 else None
        if problem:
            status, code = problem[0], problem[1]
        if status == 200:
            self.answer(200, {"RequestId": "REQ-oidc", "Credentials": issue(oidc.get("account", "1000000000000002"), int(params.get("DurationSeconds", "3600"))),
                              "OIDCTokenInfo": {"Subject": "standin", "Issuer": "https://standin"}})
        else:
            self.answer(status, self.error_body(code, "The OIDC request was refused."))
        entry.update(status=status, code=code, end=time.time())
        write_log(entry)

    def reflected(self):
        """What a hostile server can reflect: the STS token and the signature of this very request."""
        sts = self.headers.get("x-acs-security-token", "")
        auth = self.headers.get("Authorization", "")
        signature = auth.split("Signature=")[-1] if "Signature=" in auth else ""
        return sts, signature

    def hostile(self, fault, region):
        sts, signature = self.reflected()
        if fault == "redirect-302":
            self.answer(302, b"", "text/plain", extra={"Location": f"http://127.0.0.1:{self.server.server_address[1]}/redirected?t={encode(sts)}"})
            return 302
        if fault == "gzip-bomb":
            global bomb
            with lock:
                if bomb is None:
                    bomb = gzip.compress(b" " * (200 << 20), compresslevel=9)
            self.answer(200, bomb, "application/json", extra={"Content-Encoding": "gzip"})
            return 200
        if fault == "endless-chunked":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b" " * (1 << 20)
            try:
                self.wfile.write(b"%x\r\n[\r\n" % 1)
                for _ in range(2048):
                    self.wfile.write(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
            return 200
        if fault == "echo-400":
            body = self.error_body("Forbidden.Echo", "x" * 480 + f"token {sts} signature {signature}")
            body["Recommend"] = "https://example.invalid/?" + encode(sts) + "&s=" + signature
            body["RequestId"] = sts[:60]
            self.answer(400, body)
            return 400
        if fault == "echo-html-502":
            headers = "\n".join(f"{k}: {v}" for k, v in self.headers.items())
            page = f"<html><body><h1>502</h1><pre>{sts[:10]}\n{sts[10:]} {signature}\n{headers}</pre></body></html>"
            self.answer(502, page.encode(), "text/html")
            return 502
        if fault == "echo-header":
            self.answer(503, b"unavailable", f"text/plain; token={sts}; sig={signature}")
            return 503
        if fault == "echo-data":
            connection = {"InstanceId": "pcc-echo", "Name": f"name {sts}", "Description": encode(sts) + " " + signature,
                          "Vpc": {"VpcId": "vpc-echo-a"}, "AcceptingVpc": {"VpcId": "vpc-echo-b"}, "RegionId": region,
                          "Tags": [{"Key": "leak", "Value": sts + signature}]}
            self.answer(200, {"RequestId": "REQ-echo", "TotalCount": 1, "VpcPeerConnects": [connection]})
            return 200
        return None

    def play(self, action, region, params, token, fault):
        status = self.hostile(fault, region)
        if status is not None:
            return status
        if fault == "throttle-400":
            self.answer(400, self.error_body("Throttling.User", "Request was denied due to user flow control.")); return 400
        if fault == "throttle-429":
            self.answer(429, b"Too Many Requests", "text/plain"); return 429
        if fault == "throttle-503":
            self.answer(503, self.error_body("Throttling", "Request was denied due to request throttling.")); return 503
        if fault == "throttle-retry-after":
            self.answer(400, self.error_body("Throttling.Api", "Request was denied due to api flow control."), extra={"x-acs-retry-after": "50"}); return 400
        if fault == "unavailable-503":
            self.answer(503, self.error_body("ServiceUnavailable", "The request has failed due to a temporary failure of the server.")); return 503
        if fault == "internal-500":
            self.answer(500, self.error_body("InternalError", "The request processing has failed due to some unknown error.")); return 500
        if fault == "html-502":
            self.answer(502, b"<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>", "text/html"); return 502
        if fault == "forbidden-403":
            self.answer(403, self.error_body("Forbidden.RAM", "User not authorized to operate on the specified resource.")); return 403
        if fault == "skew":
            self.answer(400, self.error_body("InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.")); return 400
        if fault == "stall":
            time.sleep(30); return 0
        if action == "DescribeVpcs":
            names = scenario.get("vpc_names", {})
            wanted = params.get("VpcId", "").split(",") if params.get("VpcId") else sorted(names)
            found = [{"VpcId": v, "VpcName": names[v], "RegionId": region} for v in wanted if v in names]
            size, number = int(params.get("PageSize", "10")), int(params.get("PageNumber", "1"))
            chunk = found[(number - 1) * size: number * size]
            self.answer(200, {"RequestId": "REQ-vpcs", "TotalCount": len(found), "PageNumber": number, "PageSize": size, "Vpcs": {"Vpc": chunk}}); return 200
        if action == "DescribeRegions":
            regions = [{"RegionId": r, "LocalName": r, "RegionEndpoint": f"vpc.{r}.aliyuncs.com"} for r in scenario.get("regions", [])]
            self.answer(200, {"RequestId": "REQ-regions", "Regions": {"Region": regions}}); return 200
        if action != "ListVpcPeerConnections":
            self.answer(400, self.error_body("InvalidAction.NotFound", "Specified api is not found.")); return 400
        size = params.get("MaxResults", "20")
        if not size.isdigit() or not 1 <= int(size) <= 100:
            self.answer(400, self.error_body("IllegalParam.MaxResults", "MaxResults must be 1 to 100.")); return 400
        page = page_of(region, params, token, self.caller if scenario.get("per_account") else None)
        if fault == "repeat-token":
            page["NextToken"] = token or f"{region}:0"
        payload = json.dumps(page).encode()
        if fault == "truncate":
            self.answer(200, payload[: len(payload) // 2]); return 200
        if fault == "not-json-200":
            self.answer(200, b"<html>maintenance</html>", "text/html"); return 200
        if fault == "reset":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload[: len(payload) // 3])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(2)
            return -1
        self.answer(200, page); return 200


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


if scenario.get("ipv6"):
    import socket
    Server.address_family = socket.AF_INET6
server = Server(("::1" if scenario.get("ipv6") else "127.0.0.1", 0), Handler)
print(f"PORT {server.server_address[1]}", flush=True)
server.serve_forever()
