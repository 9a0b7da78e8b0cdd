#!/usr/bin/env python3
"""Seeded generator of ListVpcPeerConnections pages (VpcPeer 2022-01-01), for the benchmark and CI.

  generate.py --vpcs 200 --conns 500 --regions 8 --accounts 12 [--seed 1] [--page-size 100] --out DIR

Writes DIR/page-00001.json … (one API response each, NextToken chaining them) and DIR/manifest.json.
The same arguments always give the same bytes (random.Random(seed); no clock, no set or hash order).

What the data is like, on purpose:
  * account ids of 17–18 digits, above 2^53 (a reader that goes through Double loses digits);
  * VPC ids with a region prefix (vpc-bp1…), connection ids pcc-…; a few hub VPCs peer with many;
    most connections stay in one account or one region; intra-region bandwidth is -1 (no limit);
  * every Status (mostly Activated), BizStatus Normal or FinancialLocked, GmtExpired only for Accepting
    and Expired; a few extra connections in a terminal status between already-peered VPCs (a multigraph);
  * names and descriptions with quotes, backslashes, '&', '<>', '#', '|', braces, Chinese, or empty;
  * optional fields missing or null: Name, Description, GmtExpired, ResourceGroupId, BizStatus, Tags,
    Ipv6Cidrs.
"""
import argparse, json, os, random

REGIONS = ["cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-shenzhen", "ap-southeast-1", "cn-zhangjiakou",
           "cn-hongkong", "us-west-1", "eu-central-1", "cn-qingdao", "cn-huhehaote", "ap-northeast-1", "us-east-1",
           "cn-chengdu", "ap-southeast-5", "cn-wulanchabu", "eu-west-1", "ap-southeast-3", "cn-guangzhou",
           "ap-south-1", "cn-heyuan", "ap-southeast-6", "me-east-1", "cn-nanjing", "ap-northeast-2",
           "ap-southeast-7", "cn-fuzhou", "me-central-1", "ap-southeast-2", "cn-shanghai-finance-1"]
STATUSES = ["Activated"] * 86 + ["Accepting"] * 3 + ["Creating", "Creating", "Updating", "Updating", "Deleting"] \
    + ["Deleted", "Deleted", "Rejected", "Rejected", "Expired", "Expired"]
WORDS = ["prod", "staging", "dev", "shared", "data", "web", "api", "db", "pay", "logs", "k8s", "erp", "dr", "ops"]
CHINESE = ["生产环境", "测试环境", "共享服务", "数据中台", "支付系统", "灾备", "办公网"]
TAG_KEYS = ["env", "team", "cost-center", "app", "acs:rm:rgId"]
TAG_VALUES = ["prod", "dev", "net-team", "finance", "研发部", "a&b", "x<y>", ""]
LOWER = "abcdefghijklmnopqrstuvwxyz0123456789"
DAY = 86400
EPOCH_2022 = 1640995200


def timestamp(seconds):
    days, rest = divmod(seconds, DAY)
    # Civil date from days since 1970-01-01 (Howard Hinnant's algorithm), so no clock or locale is used.
    days += 719468
    era, day_of_era = divmod(days, 146097)
    year_of_era = (day_of_era - day_of_era // 1460 + day_of_era // 36524 - day_of_era // 146096) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    month_index = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * month_index + 2) // 5 + 1
    month = month_index + 3 if month_index < 10 else month_index - 9
    year = year_of_era + era * 400 + (month <= 2)
    return f"{year:04d}-{month:02d}-{day:02d}T{rest // 3600:02d}:{rest // 60 % 60:02d}:{rest % 60:02d}Z"


def looks_rounded(account):
    """True when the id is the shortest decimal form of a double padded with zeros: what a tool that reads
    numbers as floats prints, and what peergraph warns about. Real ids rarely are; generated ones never."""
    mantissa, exponent = repr(float(account)).split("e+")
    digits = mantissa.replace(".", "")
    return len(digits) <= int(exponent) + 1 and digits + "0" * (int(exponent) + 1 - len(digits)) == str(account)


def name(rng, number):
    pick = rng.random()
    a, b = rng.choice(WORDS), rng.choice(WORDS)
    if pick < 0.6:
        return f"{a}-to-{b}"
    if pick < 0.68:
        return f"{rng.choice(CHINESE)}到{rng.choice(CHINESE)}-{number}"
    if pick < 0.72:
        return f'link "{a}" {number}'
    if pick < 0.75:
        return f"R&D <-> {b.upper()} & {a}"
    if pick < 0.77:
        return f"dept\\{a}\\{number} #{number} {a}|{b} {{x}}"
    if pick < 0.80:
        return f"it's {a}'s <{b}>"
    if pick < 0.84:
        return ""
    return f"vpcpeer-{number}"


def optional(rng, connection, key, value, missing=0.1, null=0.05):
    pick = rng.random()
    if pick >= missing + null:
        connection[key] = value
    elif pick >= missing:
        connection[key] = None


def main():
    parser = argparse.ArgumentParser(usage=__doc__.splitlines()[2].strip())
    for option in ("vpcs", "conns", "regions", "accounts"):
        parser.add_argument("--" + option, type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--page-size", type=int, default=100)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    regions = REGIONS[: max(1, min(args.regions, len(REGIONS)))]
    candidates = (rng.randrange(10**16, 2 * 10**17) for _ in range(args.accounts * 4))
    accounts = sorted({a for a in candidates if not looks_rounded(a)})[: args.accounts]
    vpcs = []
    for index in range(args.vpcs):
        region = rng.choice(regions)
        vpc = {"id": f"vpc-{region[:2]}{rng.choice('123456789')}{''.join(rng.choice(LOWER) for _ in range(18))}",
               "region": region, "owner": accounts[index % len(accounts)] if rng.random() < 0.7 else rng.choice(accounts),
               "ipv4": [f"10.{index // 256 % 256}.{index % 256}.0/24"] + ([f"172.{16 + index % 16}.0.0/20"] if rng.random() < 0.1 else []),
               "ipv6": [f"2408:4000:{index:x}::/56"] if rng.random() < 0.3 else []}
        vpcs.append(vpc)
    hubs = vpcs[: max(1, args.vpcs // 100)]
    peered, connections = set(), []
    while len(connections) < args.conns:
        requester = rng.choice(hubs) if rng.random() < 0.2 else rng.choice(vpcs)
        local = [v for v in rng.sample(vpcs, min(8, len(vpcs))) if v["region"] == requester["region"] or v["owner"] == requester["owner"]]
        accepter = rng.choice(local) if local and rng.random() < 0.7 else rng.choice(vpcs)
        if accepter is requester:
            continue
        pair = (requester["id"], accepter["id"])
        status = rng.choice(STATUSES)
        if pair in peered or pair[::-1] in peered:
            if len(peered) < len(vpcs) or rng.random() < 0.97:
                continue
            status = rng.choice(["Deleted", "Rejected", "Expired"])  # an old connection beside the live one
        peered.add(pair)
        number = len(connections) + 1
        created = EPOCH_2022 + rng.randrange(0, 4 * 365 * DAY)
        same_region = requester["region"] == accepter["region"]
        connection = {
            "InstanceId": "pcc-" + "".join(rng.choice(LOWER) for _ in range(18)),
            "Vpc": {"VpcId": requester["id"], "Ipv4Cidrs": requester["ipv4"]},
            "AcceptingVpc": {"VpcId": accepter["id"], "Ipv4Cidrs": accepter["ipv4"]},
            "RegionId": requester["region"], "AcceptingRegionId": accepter["region"],
            "OwnerId": requester["owner"], "AcceptingOwnerUid": accepter["owner"],
            "Bandwidth": -1 if same_region else rng.choice([1024] * 8 + [2, 10, 100, 2048]),
            "Status": status, "GmtCreate": timestamp(created),
            "GmtModified": timestamp(created + rng.randrange(0, 90 * DAY)),
        }
        for end, vpc in (("Vpc", requester), ("AcceptingVpc", accepter)):
            if vpc["ipv6"] or rng.random() < 0.5:
                connection[end]["Ipv6Cidrs"] = vpc["ipv6"]
        optional(rng, connection, "Name", name(rng, number))
        optional(rng, connection, "Description", name(rng, number) if rng.random() < 0.5 else "")
        optional(rng, connection, "BizStatus", "FinancialLocked" if rng.random() < 0.01 else "Normal")
        optional(rng, connection, "ResourceGroupId", "rg-" + "".join(rng.choice(LOWER) for _ in range(15)))
        if status in ("Accepting", "Expired"):
            connection["GmtExpired"] = timestamp(created + 7 * DAY)
        else:
            optional(rng, connection, "GmtExpired", None, missing=0.5, null=0.5)
        tags = [{"Key": k, "Value": rng.choice(TAG_VALUES)} for k in rng.sample(TAG_KEYS, rng.randrange(0, 3))]
        optional(rng, connection, "Tags", tags)
        connections.append(connection)
    os.makedirs(args.out, exist_ok=True)
    pages = [connections[i: i + args.page_size] for i in range(0, len(connections), args.page_size)] or [[]]
    for number, page in enumerate(pages, 1):
        body = {"RequestId": f"{args.seed:08X}-0000-4000-8000-{number:012X}", "TotalCount": len(connections),
                "MaxResults": args.page_size, "NextToken": f"token-{number + 1}" if number < len(pages) else "",
                "VpcPeerConnects": page}
        with open(os.path.join(args.out, f"page-{number:05d}.json"), "w", encoding="utf-8") as out:
            json.dump(body, out, ensure_ascii=False, separators=(",", ":"))
    with open(os.path.join(args.out, "manifest.json"), "w") as out:
        json.dump({**vars(args), "pages": len(pages), "connections": len(connections)}, out, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
